/**
 * `consolider --precedent`: last year's regional workbook, written by consolider, read back and
 * compared by FINESS, on establishments counted by hand (test/support/handCartographie.ts).
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { EVOLUTION_SHEETS } from '../../src/cli/consolidation/evolutionLayouts';
import { REGIONAL_SHEETS } from '../../src/cli/consolidation/layouts';
import { HAND_FIGURES, HAND_ROWS, HAND_ROWS_B, valueOf } from '../support/handCartographie';
import { writeHandWorkbook } from './handWorkbook';
import { FILE_WORK_MS, runCli, tempDir } from './runCli';

jest.setTimeout(FILE_WORK_MS);


const lastYear = tempDir('precedent-n1');
const thisYear = tempDir('precedent-n');
const out = tempDir('precedent-out');
const previous = join(out, 'region-2025.xlsx');

// Rupture rates counted by hand: HAND_ROWS 3/5, HAND_ROWS_B 2/5.
const A = valueOf(HAND_FIGURES.overall.rupture);

beforeAll(async () => {
  // Last year: 010000001 had A's rows, 010000002 B's, 010000004 A's (it does not answer this year).
  await writeHandWorkbook(join(lastYear, 'ch-nord-010000001.xlsx'), HAND_ROWS);
  await writeHandWorkbook(join(lastYear, 'ch-sud-010000002.xlsx'), HAND_ROWS_B);
  await writeHandWorkbook(join(lastYear, 'ch-est-010000004.xlsx'), HAND_ROWS);
  expect((await runCli('consolider', lastYear, '--sortie', previous)).code).toBe(0);
  // This year: 010000001 improved (B's rows), 010000002 regressed (A's rows), 010000003 is new.
  await writeHandWorkbook(join(thisYear, 'ch-nord-010000001.xlsx'), HAND_ROWS_B);
  await writeHandWorkbook(join(thisYear, 'ch-sud-010000002.xlsx'), HAND_ROWS);
  await writeHandWorkbook(join(thisYear, 'ch-ouest-010000003.xlsx'), HAND_ROWS);
});

describe('consolider --precedent', () => {
  const output = join(out, 'region-2026.xlsx');
  let json: { evolution: { counts: Record<string, number>; establishments: { finess: string; situation: string; points: Record<string, number | null>; gapsChange: number | null }[] } };

  beforeAll(async () => {
    const result = await runCli('consolider', thisYear, '--sortie', output, '--precedent', previous, '--json');
    expect(result).toMatchObject({ code: 0, err: '' });
    json = JSON.parse(result.out);
  });

  it('matches establishments by FINESS and judges each on its rupture rate, in points', () => {
    const byFiness = new Map(json.evolution.establishments.map((es) => [es.finess, es]));
    // 3/5 → 2/5 is 20 points down: progress; 2/5 → 3/5 is 20 points up: regression.
    expect(byFiness.get('010000001')).toMatchObject({ situation: 'progres', points: { rupture: -20 } });
    expect(byFiness.get('010000002')).toMatchObject({ situation: 'recul', points: { rupture: 20 } });
    expect(byFiness.get('010000003')).toMatchObject({ situation: 'nouveau', points: { rupture: null }, gapsChange: null });
    expect(byFiness.get('010000004')).toMatchObject({ situation: 'sans-reponse' });
    expect(json.evolution.counts).toEqual({ progres: 1, stable: 0, recul: 1, 'non-comparable': 0, 'sans-reponse': 1, nouveau: 1, 'sans-finess': 0 });
  });

  it('writes the two evolution sheets, ready to print', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      REGIONAL_SHEETS.establishments,
      REGIONAL_SHEETS.statistics,
      EVOLUTION_SHEETS.establishments,
      EVOLUTION_SHEETS.region,
      REGIONAL_SHEETS.transitions,
      REGIONAL_SHEETS.unread,
    ]);
    const region = workbook.getWorksheet(EVOLUTION_SHEETS.region) as ExcelJS.Worksheet;
    const rowOf = (label: string) => region.getRows(1, region.rowCount)?.find((row) => row.getCell(1).value === label) as ExcelJS.Row;
    expect(rowOf('En progrès').getCell(2).value).toBe(1);
    expect(rowOf('Sans réponse cette année').getCell(2).value).toBe(1);
    // Last year's rupture rates 3/5, 2/5, 3/5 and this year's 2/5, 3/5, 3/5: both medians 3/5, no move.
    const rupture = rowOf('Taux de points de rupture');
    expect([rupture.getCell(2).value, rupture.getCell(4).value, rupture.getCell(6).value, rupture.getCell(8).value, rupture.getCell(10).value]).toEqual([3, A, 3, A, 0]);
    expect(region.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });

    const perEstablishment = workbook.getWorksheet(EVOLUTION_SHEETS.establishments) as ExcelJS.Worksheet;
    const header = Number(perEstablishment.pageSetup.printTitlesRow?.split(':')[0]);
    expect(perEstablishment.getRow(header).getCell(1).value).toBe('FINESS');
    expect(perEstablishment.getRow(header + 1).getCell(3).value).toBe('En progrès');
    expect(perEstablishment.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
  });

  it('refuses a file that is not a regional workbook, before reading the establishments', async () => {
    const result = await runCli('consolider', thisYear, '--sortie', join(out, 'x.xlsx'), '--precedent', join(lastYear, 'ch-nord-010000001.xlsx'));
    expect(result.code).toBe(2);
    expect(result.err).toContain("ch-nord-010000001.xlsx n'est pas un classeur régional écrit par « consolider » (pas de feuille « Établissements »)");
  });

  it('names the sheet, cell and row of a value that is not a rate', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(previous);
    const sheet = workbook.getWorksheet(REGIONAL_SHEETS.establishments) as ExcelJS.Worksheet;
    // Header on row 5; the rupture rate is the tenth column (Fichier … Complétude, then four rates).
    expect(sheet.getCell('J5').value).toBe('Taux de points de rupture');
    sheet.getCell('J6').value = 'beaucoup';
    const edited = join(out, 'region-modifiee.xlsx');
    await workbook.xlsx.writeFile(edited);
    const result = await runCli('consolider', thisYear, '--sortie', join(out, 'y.xlsx'), '--precedent', edited);
    expect(result.code).toBe(2);
    expect(result.err).toContain('feuille « Établissements », cellule J6 (ligne « ch-est-010000004 ») : « beaucoup » n\'est pas un taux');
  });

  it('does not read last year’s workbook as an establishment when it lies among this year’s', async () => {
    const kept = join(thisYear, 'region-2025.xlsx');
    copyFileSync(previous, kept);
    try {
      const result = await runCli('consolider', thisYear, '--sortie', join(out, 'z.xlsx'), '--precedent', kept, '--json');
      expect(result.code).toBe(0);
      const summary = JSON.parse(result.out);
      expect([summary.etablissements.length, summary.nonLus]).toEqual([3, []]);
    } finally {
      rmSync(kept);
    }
  });

  it('refuses last year’s workbook as the output', async () => {
    const result = await runCli('consolider', thisYear, '--sortie', previous, '--precedent', previous, '--force');
    expect(result.code).toBe(2);
    expect(result.err).toContain('est aussi le fichier de sortie');
  });
});
