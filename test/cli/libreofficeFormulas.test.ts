/**
 * The Synthèse written by the command line recalculates in LibreOffice: the file's formulas are
 * stripped of their cached results (LibreOffice keeps a cached result and computes only the cells
 * without one), converted headless, and every cell must read as in the file with the engine's
 * cached results; the figures are those of `analyse --json`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { CARTOGRAPHIE_COLUMNS, SHEETS } from '../../src/workbook/sheets';
import { TABLE_HEADER_ROW } from '../../src/workbook/template';
import { runCli, tempDir } from './runCli';

const dir = tempDir('libreoffice-formulas');
const profile = `file://${join(dir, 'profil-libreoffice')}`;
// CSV, UTF-8 (76), formatted as shown, every sheet in its own file (-1).
const CSV = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/**
 * The Synthèse of each file as LibreOffice shows it, one array of cells per row; one LibreOffice
 * run converts them all (each start costs seconds).
 */
function synthesisCsvs(outdir: string, ...files: string[]): string[][][] {
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', CSV, '--outdir', outdir, ...files], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  return files.map((file) => {
    const base = file.replace(/^.*\//, '').replace(/\.xlsx$/, '');
    const text = readFileSync(join(outdir, `${base}-${SHEETS.synthesis}.csv`), 'utf8');
    return text.split('\n').map((line) => line.split(','));
  });
}

/** Removes the cached result of every formula of the workbook. */
async function stripResults(from: string, to: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(from);
  let formulas = 0;
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as { formula?: string } | null;
        if (value && typeof value === 'object' && typeof value.formula === 'string') {
          cell.value = { formula: value.formula, date1904: false };
          formulas++;
        }
      }),
    ),
  );
  await workbook.xlsx.writeFile(to);
  return formulas;
}

describe('LibreOffice recalculates the Synthèse', () => {
  it('to the engine’s figures', async () => {
    const file = join(dir, 'demo.xlsx');
    expect((await runCli('init', file, '--demo')).code).toBe(0);
    expect((await runCli('analyse', file, '--ecrire')).code).toBe(0);
    const bare = join(dir, 'sans-resultats.xlsx');
    expect(await stripResults(file, bare)).toBeGreaterThan(500);

    const [cached, computed] = synthesisCsvs(join(dir, 'csv'), file, bare);
    expect(computed).toEqual(cached);

    // LibreOffice shows the rates in full ("75.8620689655172%"): they are the engine's, to the last digits shown.
    const report = JSON.parse((await runCli('analyse', file, '--json')).out);
    const rate = (cell: string | undefined) => Number.parseFloat(cell ?? '') / 100;
    const completude = computed.find((row) => row[0] === 'Complétude');
    const circuit = computed.find((row) => row[0] === 'Circuit complet');
    expect(rate(completude?.[1])).toBeCloseTo(report.completude, 9);
    expect(rate(circuit?.[1])).toBeCloseTo(report.rates.informatisation, 9);
    expect(rate(circuit?.[3])).toBeCloseTo(report.rates.interoperabilite, 9);
    expect(rate(circuit?.[4])).toBeCloseTo(report.rates.continuite, 9);
    expect(rate(circuit?.[5])).toBeCloseTo(report.rates.rupture, 9);
  }, 300_000);

  // Excel and LibreOffice keep a merged block's value in its first cell: the rows below have a blank Étape for both.
  it('to the engine’s figures when Étape cells are merged, the merge reported', async () => {
    const file = join(dir, 'fusion.xlsx');
    expect((await runCli('init', file, '--demo')).code).toBe(0);
    const range = await mergeFirstStep(file);
    expect((await runCli('analyse', file, '--ecrire')).code).toBe(0);
    const bare = join(dir, 'fusion-sans-resultats.xlsx');
    expect(await stripResults(file, bare)).toBeGreaterThan(500);
    const [cached, computed] = synthesisCsvs(join(dir, 'fusion-csv'), file, bare);
    expect(computed).toEqual(cached);
    const report = JSON.parse((await runCli('analyse', file, '--json')).out);
    expect(JSON.stringify(report)).toContain(`Cellules fusionnées ${range} (colonne « Étape »)`);
  }, 300_000);
});

/** Merges the Étape cells of the first step's rows, blank below the first as Excel leaves them; returns the range. */
async function mergeFirstStep(file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(SHEETS.cartographie) as ExcelJS.Worksheet;
  const first = TABLE_HEADER_ROW + 2;
  const column = sheet.getRow(TABLE_HEADER_ROW + 1).values as unknown[];
  const step = column.indexOf(CARTOGRAPHIE_COLUMNS.step);
  const text = (row: number) => sheet.getRow(row).getCell(step).text;
  let last = first;
  while (text(last + 1) === text(first)) last++;
  for (let row = first + 1; row <= last; row++) sheet.getRow(row).getCell(step).value = null;
  sheet.mergeCells(first, step, last, step);
  await workbook.xlsx.writeFile(file);
  return `${sheet.getRow(first).getCell(step).address}:${sheet.getRow(last).getCell(step).address}`;
}
