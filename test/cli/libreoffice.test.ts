/**
 * Files written by the command line, opened by a real spreadsheet: LibreOffice Calc (headless)
 * and pdftotext. Needs the Debian packages libreoffice-calc-nogui and poppler-utils.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { findTable } from '../../src/adapters/xlsx/tables';
import { templateRows } from '../../src/domain/catalogue';
import { CARTOGRAPHIE_TABLE, SHEETS } from '../../src/workbook/sheets';
import { runCli, tempDir } from './runCli';

const PACKAGES = 'libreoffice-calc-nogui poppler-utils';

/** The tool's path; a missing tool fails the test with what to install, it is never skipped. */
function tool(name: string): string {
  try {
    return execFileSync('which', [name], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`« ${name} » est introuvable : installez les paquets Debian ${PACKAGES} (apt-get install -y --no-install-recommends ${PACKAGES}).`);
  }
}

const dir = tempDir('libreoffice');
const profile = `file://${join(dir, 'profil-libreoffice')}`;

function convert(file: string, format: 'pdf' | 'xlsx', outdir: string): string {
  execFileSync(tool('soffice'), [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outdir, file], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  const converted = join(outdir, basename(file).replace(/\.xlsx$/, `.${format}`));
  if (!existsSync(converted)) throw new Error(`LibreOffice n'a pas produit ${converted}`);
  return converted;
}

let demo: string;

beforeAll(async () => {
  demo = join(dir, 'demo.xlsx');
  expect((await runCli('init', demo, '--demo')).code).toBe(0);
  expect((await runCli('analyse', demo, '--ecrire')).code).toBe(0);
}, 60_000);

describe('LibreOffice', () => {
  it('prints the demo workbook to PDF with its Synthèse', () => {
    const pdf = convert(demo, 'pdf', join(dir, 'pdf'));
    const text = execFileSync(tool('pdftotext'), ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Synthèse de la cartographie des données informatiques du circuit des DMI');
    expect(text).toContain('Indicateurs du circuit');
    const rows = templateRows().length;
    expect(text).toMatch(new RegExp(`Complétude\\s+100 %\\s+${rows} / ${rows} lignes`));
    expect(text).toContain('Conclusion et priorisation des actions');
    expect(text).toMatch(/\d+ %/);
  }, 180_000);

  it('reads a workbook saved again by LibreOffice with the same figures and drop-downs', async () => {
    const resaved = convert(demo, 'xlsx', join(dir, 'xlsx'));
    const before = JSON.parse((await runCli('analyse', demo, '--json')).out);
    const after = JSON.parse((await runCli('analyse', resaved, '--json')).out);
    for (const key of ['completude', 'rates', 'zones', 'etapes', 'transitions', 'findings', 'ecartsCritiques']) expect(after[key]).toEqual(before[key]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(resaved);
    const sheet = workbook.getWorksheet(SHEETS.cartographie) as ExcelJS.Worksheet;
    const table = findTable(sheet, CARTOGRAPHIE_TABLE);
    expect(table).toBeDefined();
    const firstAnswer = Number(/\d+/.exec(table?.tableRef ?? '')?.[0]) + 1;
    expect(sheet.getCell(`H${firstAnswer}`).dataValidation).toMatchObject({ type: 'list', formulae: expect.arrayContaining([expect.stringContaining('OUI,NON,NA')]) });
    const plan = workbook.getWorksheet(SHEETS.plan) as ExcelJS.Worksheet;
    expect(plan.getCell(`K${firstAnswer}`).dataValidation).toMatchObject({ type: 'list', formulae: expect.arrayContaining([expect.stringContaining('En cours')]) });
  }, 180_000);
});
