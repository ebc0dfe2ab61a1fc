/**
 * `analyse --ecrire` never loses what a workbook holds: package parts exceljs ignores, the user's
 * plan cells as typed, the identity, links, modes and owners, workbooks LibreOffice saved.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeFileSafely } from '../../src/adapters/xlsx/safeWrite';
import { PLAN_COLUMNS, SHEETS } from '../../src/workbook/sheets';
import { IDENTITY_LABELS } from '../../src/workbook/template';
import { randomCartographie } from '../support/cartographie';
import { mapPart, PARTS, strayCell, withParts } from './hostile';
import { FILE_WORK_MS, runCli, tempDir } from './runCli';
import { writeEstablishment } from './workbooks';

const dir = tempDir('ecrire');
let base: Buffer;
let counter = 0;

function write(bytes: Buffer): string {
  const file = join(dir, `cas-${++counter}.xlsx`);
  writeFileSync(file, bytes);
  return file;
}

async function parts(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  return new Map(await Promise.all(entries.map(async (entry) => [entry.name, await entry.async('nodebuffer')] as [string, Buffer])));
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

function figures(out: string): unknown {
  const { completude, rates, transitions, ecartsCritiques } = JSON.parse(out);
  return { completude, rates, transitions, ecartsCritiques };
}

beforeAll(async () => {
  const file = join(dir, 'base.xlsx');
  await writeEstablishment(file, randomCartographie(41));
  base = readFileSync(file);
}, FILE_WORK_MS);

const CUSTOM_PROPERTIES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_0a1b_Enabled"><vt:lpwstr>true</vt:lpwstr></property></Properties>';
const CUSTOM_XML = '<?xml version="1.0"?><p:properties xmlns:p="http://schemas.microsoft.com/office/2006/metadata/properties"/>';

/** The base workbook with custom properties (a sensitivity label) and a custom XML item, related as Excel relates them. */
async function labelledWorkbook(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base);
  const rootRels = await (zip.file('_rels/.rels') as JSZip.JSZipObject).async('string');
  const workbookRels = await (zip.file('xl/_rels/workbook.xml.rels') as JSZip.JSZipObject).async('string');
  const types = await (zip.file('[Content_Types].xml') as JSZip.JSZipObject).async('string');
  return withParts(base, {
    'docProps/custom.xml': CUSTOM_PROPERTIES,
    'customXml/item1.xml': CUSTOM_XML,
    'customXml/_rels/item1.xml.rels':
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>',
    'customXml/itemProps1.xml': '<?xml version="1.0"?><ds:datastoreItem xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml" ds:itemID="{1}"/>',
    '_rels/.rels': rootRels.replace(
      '</Relationships>',
      '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
    ),
    'xl/_rels/workbook.xml.rels': workbookRels.replace(
      '</Relationships>',
      '<Relationship Id="rIdXml1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>',
    ),
    '[Content_Types].xml': types.replace(
      '</Types>',
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/><Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>',
    ),
  });
}

describe('analyse --ecrire keeps every part of the package', () => {
  it('carries custom properties (sensitivity label) and custom XML byte for byte, with their types and relationships', async () => {
    const file = write(await labelledWorkbook());
    const before = await parts(readFileSync(file));
    const result = await runCli('analyse', file, '--ecrire');
    expect(result.code).toBe(0);
    const after = await parts(readFileSync(file));
    // Every part of the package is still there; those exceljs does not write are identical.
    for (const name of before.keys()) expect(after.has(name) ? name : `${name} perdue`).toBe(name);
    for (const name of ['docProps/custom.xml', 'customXml/item1.xml', 'customXml/itemProps1.xml', 'customXml/_rels/item1.xml.rels']) {
      expect((after.get(name) as Buffer).equals(before.get(name) as Buffer)).toBe(true);
    }
    expect(String(after.get('_rels/.rels'))).toMatch(/custom-properties" Target="\/docProps\/custom\.xml"/);
    expect(String(after.get('xl/_rels/workbook.xml.rels'))).toMatch(/relationships\/customXml" Target="\/customXml\/item1\.xml"/);
    expect(String(after.get('[Content_Types].xml'))).toContain('PartName="/docProps/custom.xml"');
    // A second run carries them again, once.
    expect((await runCli('analyse', file, '--ecrire')).code).toBe(0);
    const again = await parts(readFileSync(file));
    expect((again.get('docProps/custom.xml') as Buffer).equals(before.get('docProps/custom.xml') as Buffer)).toBe(true);
    expect(String(again.get('_rels/.rels')).match(/custom-properties/g)).toHaveLength(1);
  }, FILE_WORK_MS);

  it('writes a workbook with a stray value at P1048576 of the plan, right of the table, and keeps it', async () => {
    const file = write(await mapPart(base, PARTS.plan, strayCell('P1048576', 'note perdue')));
    const result = await runCli('analyse', file, '--ecrire');
    expect(result.code).toBe(0);
    const plan = (await load(file)).getWorksheet(SHEETS.plan) as ExcelJS.Worksheet;
    const texts: unknown[] = [];
    plan.eachRow((row) => row.eachCell((cell) => texts.push(cell.value)));
    expect(texts).toContain('note perdue');
  }, FILE_WORK_MS);

  it('writes a workbook with a stray value at XFD1048576 and keeps that value', async () => {
    const file = write(await mapPart(base, PARTS.cartographie, strayCell('XFD1048576', 'isolée')));
    const result = await runCli('analyse', file, '--ecrire');
    expect(result.code).toBe(0);
    const sheet = (await load(file)).getWorksheet(SHEETS.cartographie) as ExcelJS.Worksheet;
    expect(sheet.getCell('XFD1048576').value).toBe('isolée');
  }, FILE_WORK_MS);
});

describe("analyse --ecrire keeps the user's plan cells exactly", () => {
  it('keeps formulas, rich text and hyperlinks in Pilote, Échéance, Statut and Commentaire', async () => {
    const file = write(base);
    expect((await runCli('analyse', file, '--ecrire')).code).toBe(0);
    let workbook = await load(file);
    let plan = workbook.getWorksheet(SHEETS.plan) as ExcelJS.Worksheet;
    const header = 4;
    const column = (name: string) => (plan.getRow(header).values as unknown[]).indexOf(name);
    const refOf = (row: number) => plan.getCell(row, column(PLAN_COLUMNS.ref)).value;
    const refs = [refOf(header + 1), refOf(header + 2), refOf(header + 3)];
    const formula = { formula: 'DATE(2026,6,30)', result: new Date(Date.UTC(2026, 5, 30)) };
    const rich = { richText: [{ text: 'Dr ', font: { bold: true } }, { text: 'Martin', font: { italic: true } }] };
    const link = { text: 'CR COMEDIMS', hyperlink: 'https://intranet.example/cr.pdf' };
    plan.getCell(header + 1, column(PLAN_COLUMNS.dueDate)).value = formula;
    plan.getCell(header + 2, column(PLAN_COLUMNS.pilot)).value = rich;
    plan.getCell(header + 3, column(PLAN_COLUMNS.comment)).value = link;
    plan.getCell(header + 3, column(PLAN_COLUMNS.status)).value = { formula: 'IF(1,"En cours","")', result: 'En cours' };
    await workbook.xlsx.writeFile(file);

    expect((await runCli('analyse', file, '--ecrire')).code).toBe(0);
    workbook = await load(file);
    plan = workbook.getWorksheet(SHEETS.plan) as ExcelJS.Worksheet;
    const rowOf = (ref: unknown) => {
      for (let row = header + 1; row <= plan.rowCount; row++) if (refOf(row) === ref) return row;
      throw new Error(`ligne ${String(ref)} absente`);
    };
    expect(plan.getCell(rowOf(refs[0]), column(PLAN_COLUMNS.dueDate)).value).toMatchObject({ formula: 'DATE(2026,6,30)' });
    expect(plan.getCell(rowOf(refs[1]), column(PLAN_COLUMNS.pilot)).value).toEqual(rich);
    expect(plan.getCell(rowOf(refs[2]), column(PLAN_COLUMNS.comment)).value).toEqual(link);
    expect(plan.getCell(rowOf(refs[2]), column(PLAN_COLUMNS.status)).value).toMatchObject({ formula: 'IF(1,"En cours","")' });
  }, FILE_WORK_MS);
});

describe('identity', () => {
  it('moves a FINESS and a date typed in an older Synthèse to the notice, where consolider reads them after regeneration', async () => {
    const file = write(base);
    let workbook = await load(file);
    const synthesis = workbook.getWorksheet(SHEETS.synthesis) as ExcelJS.Worksheet;
    synthesis.getCell('A10').value = 'Établissement';
    synthesis.getCell('B10').value = 'CH ancien modèle';
    synthesis.getCell('A11').value = 'FINESS';
    synthesis.getCell('B11').value = '750000123';
    synthesis.getCell('A12').value = 'Date';
    synthesis.getCell('B12').value = '2025';
    await workbook.xlsx.writeFile(file);

    expect((await runCli('analyse', file, '--ecrire')).code).toBe(0);
    workbook = await load(file);
    const notice = workbook.getWorksheet(SHEETS.notice) as ExcelJS.Worksheet;
    const below = (label: string) => {
      for (let row = 1; row <= notice.rowCount; row++) if (notice.getCell(row, 1).value === label) return notice.getCell(row + 1, 1).value;
      throw new Error(`${label} absent de la notice`);
    };
    expect(below(IDENTITY_LABELS.name)).toBe('CH ancien modèle');
    expect(below(IDENTITY_LABELS.finess)).toBe('750000123');
    expect(below(IDENTITY_LABELS.campaign)).toBe('2025');
    const output = join(tempDir('region-identite'), 'region.xlsx');
    const summary = JSON.parse((await runCli('consolider', file, '--sortie', output, '--json')).out);
    expect(summary.etablissements[0].establishment).toMatchObject({ name: 'CH ancien modèle', finess: '750000123', date: '2025', source: 'classeur' });
  }, FILE_WORK_MS);
});

describe('saving safely', () => {
  it('updates the target of a symbolic link and keeps the link', async () => {
    const target = write(base);
    const link = join(dir, 'lien.xlsx');
    symlinkSync(target, link);
    expect((await runCli('analyse', link, '--ecrire')).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target).equals(base)).toBe(false);
  }, FILE_WORK_MS);

  it('refuses a read-only file in French and leaves it as it was', async () => {
    const file = write(base);
    chmodSync(file, 0o444);
    const result = await runCli('analyse', file, '--ecrire');
    expect(result.code).toBe(2);
    expect(result.err).toContain('est en lecture seule : retirez la protection en écriture');
    expect(result.err).toContain("Le fichier n'a pas été modifié");
    expect(readFileSync(file).equals(base)).toBe(true);
  }, FILE_WORK_MS);

  it('keeps the mode and the owner of the file', async () => {
    const file = write(base);
    chmodSync(file, 0o640);
    // Giving a file away needs an administrator; elsewhere the owner is the user's own.
    const owner = process.getuid?.() === 0 ? 4321 : (process.getuid?.() as number);
    if (process.getuid?.() === 0) chownSync(file, owner, owner);
    expect((await runCli('analyse', file, '--ecrire')).code).toBe(0);
    const info = statSync(file);
    expect(info.mode & 0o777).toBe(0o640);
    expect(info.uid).toBe(owner);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, FILE_WORK_MS);

  it('removes its temporary file when the replacement fails', async () => {
    const folder = tempDir('echec');
    const target = join(folder, 'dossier.xlsx');
    execFileSync('mkdir', [target]);
    await expect(writeFileSafely(target, Buffer.from('x'))).rejects.toMatchObject({ code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST/) });
    expect(readdirSync(folder)).toEqual(['dossier.xlsx']);
  });
});

describe('workbooks saved by LibreOffice', () => {
  it('writes the Synthèse and the plan into a workbook converted by LibreOffice headless, with the same figures', async () => {
    const source = write(base);
    const outdir = join(dir, 'libreoffice');
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profil')}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outdir, source], {
      stdio: 'pipe',
      timeout: FILE_WORK_MS,
    });
    const converted = join(outdir, basename(source));
    expect(existsSync(converted)).toBe(true);
    const before = figures((await runCli('analyse', converted, '--json')).out);
    expect(before).toEqual(figures((await runCli('analyse', source, '--json')).out));
    const result = await runCli('analyse', converted, '--ecrire', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).ecriture.added).toBeGreaterThan(0);
    expect(figures((await runCli('analyse', converted, '--json')).out)).toEqual(before);
    const plan = (await load(converted)).getWorksheet(SHEETS.plan) as ExcelJS.Worksheet;
    expect(plan.getCell(5, 1).value).toBe(1);
  }, FILE_WORK_MS);
});
