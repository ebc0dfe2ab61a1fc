import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { analyse, formatRate } from '../../src/domain/analyse';
import { SHEETS, PLAN_COLUMNS } from '../../src/workbook/sheets';
import { OBSOLETE_MARKER } from '../../src/workbook/planSheet';
import { cartographieFromAnswers, randomCartographie } from '../support/cartographie';
import { FILE_WORK_MS, runCli, tempDir } from './runCli';

jest.setTimeout(FILE_WORK_MS);
import { writeEstablishment } from './workbooks';

const dir = tempDir('cli');
// Each test writes and reads real .xlsx files (about 1 s idle): a budget for a machine whose cores are busy.
jest.setTimeout(60_000);

async function load(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** Sheet column (1-based) of a header in a row. */
function columnOf(sheet: ExcelJS.Worksheet, row: number, header: string): number {
  for (let col = 1; col <= sheet.columnCount; col++) if (sheet.getCell(row, col).value === header) return col;
  throw new Error(`en-tête ${header} absent`);
}

function planHeaderRow(sheet: ExcelJS.Worksheet): number {
  for (let row = 1; row <= sheet.rowCount; row++) if (sheet.getCell(row, 1).value === PLAN_COLUMNS.number) return row;
  throw new Error('en-tête du plan absent');
}

describe('init', () => {
  it('creates the five sheets, then refuses to overwrite without --force', async () => {
    const file = join(dir, 'vierge.xlsx');
    const created = await runCli('init', file);
    expect(created.code).toBe(0);
    const workbook = await load(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(Object.values(SHEETS));

    const again = await runCli('init', file);
    expect(again.code).toBe(2);
    expect(again.err).toContain('existe déjà');
    expect(again.err).toContain('--force');
    expect(await runCli('init', file, '--force')).toMatchObject({ code: 0 });
  });

  it('rejects a file name without the .xlsx extension', async () => {
    const result = await runCli('init', join(dir, 'classeur.xls'));
    expect(result.code).toBe(2);
    expect(result.err).toContain('.xlsx');
  });
});

describe('analyse', () => {
  it('round trips init → answers → analyse with the same figures as the domain on those answers', async () => {
    const file = join(dir, 'reponses.xlsx');
    const cartographie = randomCartographie(21);
    await writeEstablishment(file, cartographie);
    const result = await runCli('analyse', file, '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    const expected = analyse(cartographie).figures;
    expect(json.completude).toBe(expected.overall.completude.value);
    expect(json.rates).toEqual({
      informatisation: expected.overall.informatisation.value,
      interoperabilite: expected.overall.interoperabilite.value,
      continuite: expected.overall.continuite.value,
      rupture: expected.overall.rupture.value,
    });
    expect(json.ecarts.missingTraceabilityData.nombre).toBe(expected.counts.missingTraceabilityData);
    expect(json.ecarts.sanitaryRuptures.nombre).toBe(expected.counts.sanitaryRuptures);

    const text = await runCli('analyse', file);
    expect(text.out).toContain(`Complétude : ${formatRate(expected.overall.completude)}`);
    expect(text.out).toContain(`Taux de points de rupture : ${formatRate(expected.overall.rupture)}`);
  });

  it('shows rates of an empty cartographie as non évaluable, never 0 %', async () => {
    const file = join(dir, 'vide.xlsx');
    await writeEstablishment(file, cartographieFromAnswers({}));
    const json = JSON.parse((await runCli('analyse', file, '--json')).out);
    expect(json.completude).toBe(0);
    expect(json.rates).toEqual({ informatisation: null, interoperabilite: null, continuite: null, rupture: null });
    const text = await runCli('analyse', file);
    expect(text.out).toContain('Complétude : 0\u202f%');
    expect(text.out).toContain("Taux d'interopérabilité : non évaluable");
  });

  it('prints JSON with rates in [0, 1] or null and located findings', async () => {
    const file = join(dir, 'aleatoire.xlsx');
    await writeEstablishment(file, randomCartographie(7));
    const result = await runCli('analyse', file, '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    expect(json.fichier).toBe(file);
    const rateSets = [json.rates, ...json.zones, ...json.etapes, ...json.transitions];
    expect(json.zones).toHaveLength(6);
    expect(json.transitions.length).toBeGreaterThan(10);
    for (const set of rateSets) {
      for (const key of ['interoperabilite', 'continuite', 'rupture']) {
        const value = set[key];
        expect(value === null || (typeof value === 'number' && value >= 0 && value <= 1)).toBe(true);
      }
    }
    // randomCartographie writes some invalid cells (#N/A errors, numbers, "peut-être").
    const invalid = json.findings.filter((finding: { kind: string }) => finding.kind === 'invalide');
    expect(invalid.length).toBeGreaterThan(0);
    for (const finding of invalid) {
      expect(finding.sheet).toBe(SHEETS.cartographie);
      expect(finding.cell).toMatch(/^H\d+$/);
      expect(finding.label).not.toBe('');
      expect(finding.message).not.toBe('');
    }
  });

  it('exits 1 with --strict when entries are invalid, 0 without --strict', async () => {
    const file = join(dir, 'invalide.xlsx');
    await writeEstablishment(file, randomCartographie(3));
    expect((await runCli('analyse', file)).code).toBe(0);
    const strict = await runCli('analyse', file, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.err).toMatch(/Mode strict : \d+ saisie/);
    const clean = join(dir, 'propre.xlsx');
    await writeEstablishment(clean, cartographieFromAnswers({}));
    expect((await runCli('analyse', clean, '--strict')).code).toBe(0);
  });

  it('reports unreadable input in French with exit code 2 and no stack trace', async () => {
    const text = join(dir, 'texte.xlsx');
    writeFileSync(text, 'ceci est un fichier texte');
    const result = await runCli('analyse', text);
    expect(result.code).toBe(2);
    expect(result.err).toContain("n'est pas un classeur Excel .xlsx");
    expect(result.err).not.toMatch(/\n\s+at /);
    const missing = await runCli('analyse', join(dir, 'absent.xlsx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('introuvable');
  });

  it('reports command line mistakes in French with exit code 2', async () => {
    expect(await runCli('analyse')).toMatchObject({ code: 2, err: expect.stringContaining('argument manquant') });
    expect(await runCli('analyse', 'x.xlsx', '--inconnue')).toMatchObject({ code: 2, err: expect.stringContaining('option inconnue : --inconnue') });
    expect(await runCli('recompter')).toMatchObject({ code: 2, err: expect.stringContaining('commande inconnue') });
    const help = await runCli('analyse', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Utilisation : resomedit-dmi analyse');
    expect(help.out).toContain('--ecrire');
  });
});

describe('analyse --ecrire', () => {
  it('writes the Synthèse and the plan, keeping other sheets, styles, validations and the user plan columns', async () => {
    const file = join(dir, 'ecrire.xlsx');
    await writeEstablishment(file, randomCartographie(11));
    // The user adds a sheet of their own and styles a cartographie cell.
    let workbook = await load(file);
    const own = workbook.addWorksheet('Notes du pharmacien');
    own.getCell('A1').value = 'Réunion COMEDIMS le 12/05';
    own.getCell('A1').font = { bold: true, color: { argb: 'FFFF0000' } };
    await workbook.xlsx.writeFile(file);

    const first = await runCli('analyse', file, '--ecrire');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/(\d+) action\(s\) ajoutée\(s\), 0 conservée/);

    workbook = await load(file);
    const synthesis = workbook.getWorksheet(SHEETS.synthesis);
    expect(synthesis?.getCell('A1').value).toContain('Synthèse');
    let plan = workbook.getWorksheet(SHEETS.plan) as ExcelJS.Worksheet;
    let header = planHeaderRow(plan);
    const pilot = columnOf(plan, header, PLAN_COLUMNS.pilot);
    const status = columnOf(plan, header, PLAN_COLUMNS.status);
    const comment = columnOf(plan, header, PLAN_COLUMNS.comment);
    const refColumn = columnOf(plan, header, PLAN_COLUMNS.ref);
    const firstRef = plan.getCell(header + 1, refColumn).value;
    const secondRef = plan.getCell(header + 2, refColumn).value;
    expect(typeof firstRef).toBe('string');
    // The user fills the follow-up columns of two actions; one comment starts with "=".
    plan.getCell(header + 1, pilot).value = 'Dr Martin (pharmacien)';
    plan.getCell(header + 1, status).value = 'En cours';
    plan.getCell(header + 2, comment).value = '=voir CR du 12/05';
    plan.getCell(header + 2, pilot).value = '@DSI';
    await workbook.xlsx.writeFile(file);

    const second = await runCli('analyse', file, '--ecrire', '--json');
    expect(second.code).toBe(0);
    const report = JSON.parse(second.out).ecriture;
    expect(report.added).toBe(0);
    expect(report.kept).toBe(report.total);

    workbook = await load(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([...Object.values(SHEETS), 'Notes du pharmacien']);
    const notes = workbook.getWorksheet('Notes du pharmacien') as ExcelJS.Worksheet;
    expect(notes.getCell('A1').value).toBe('Réunion COMEDIMS le 12/05');
    expect(notes.getCell('A1').font).toMatchObject({ bold: true, color: { argb: 'FFFF0000' } });
    const cartographie = workbook.getWorksheet(SHEETS.cartographie) as ExcelJS.Worksheet;
    expect(cartographie.getCell('H5').dataValidation).toMatchObject({ type: 'list', formulae: ['"OUI,NON,NA"'] });

    plan = workbook.getWorksheet(SHEETS.plan) as ExcelJS.Worksheet;
    header = planHeaderRow(plan);
    const rowOf = (ref: unknown) => {
      for (let row = header + 1; row <= plan.rowCount; row++) if (plan.getCell(row, refColumn).value === ref) return row;
      throw new Error(`ligne ${String(ref)} absente`);
    };
    expect(plan.getCell(rowOf(firstRef), pilot).value).toBe('Dr Martin (pharmacien)');
    expect(plan.getCell(rowOf(firstRef), status).value).toBe('En cours');
    const kept = plan.getCell(rowOf(secondRef), comment);
    expect(kept.value).toBe('=voir CR du 12/05');
    expect(kept.formula).toBeUndefined();
    expect(plan.getCell(rowOf(secondRef), pilot).value).toBe('@DSI');
    expect(plan.getCell(rowOf(firstRef), status).dataValidation).toMatchObject({ type: 'list' });
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });

  it('marks a proposal whose finding disappeared instead of deleting it', async () => {
    const file = join(dir, 'obsolete.xlsx');
    await writeEstablishment(file, randomCartographie(5));
    const first = JSON.parse((await runCli('analyse', file, '--ecrire', '--json')).out).ecriture;
    expect(first.added).toBeGreaterThan(0);
    // Every answer becomes OUI: most gaps disappear.
    const all = await load(file);
    const sheet = all.getWorksheet(SHEETS.cartographie) as ExcelJS.Worksheet;
    sheet.eachRow((row, number) => {
      if (number > 4 && row.getCell(1).value) row.getCell(8).value = 'OUI';
    });
    await all.xlsx.writeFile(file);
    const second = JSON.parse((await runCli('analyse', file, '--ecrire', '--json')).out).ecriture;
    expect(second.marked).toBeGreaterThan(0);
    expect(second.total).toBeGreaterThanOrEqual(first.total);
    const plan = (await load(file)).getWorksheet(SHEETS.plan) as ExcelJS.Worksheet;
    let marked = 0;
    plan.eachRow((row) => row.eachCell((cell) => (String(cell.value).startsWith(OBSOLETE_MARKER) ? marked++ : 0)));
    expect(marked).toBe(second.marked);
  });
});

describe('binary entry point', () => {
  const root = join(__dirname, '../..');
  // Each run starts Node and compiles the CLI with tsx: 15 s and more when the cores are busy.
  const SPAWN_BUDGET = 120_000;
  const binary = (...args: string[]) =>
    spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'src/cli/main.ts'), ...args], { encoding: 'utf8', timeout: SPAWN_BUDGET });

  it('sets the process exit code and prints a French message without a stack trace', () => {
    const missing = binary('analyse', join(dir, 'absent.xlsx'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Erreur : Impossible d\'analyser');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    const version = binary('--version');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  }, 2 * SPAWN_BUDGET);

  it('is the file package.json declares once compiled with tsconfig.cli.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const config = JSON.parse(readFileSync(join(root, 'tsconfig.cli.json'), 'utf8'));
    expect(pkg.bin['resomedit-dmi']).toBe(`${config.compilerOptions.outDir}/cli/main.js`);
    expect(readFileSync(join(root, 'src/cli/main.ts'), 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });
});

describe('analyse --ecrire on a workbook holding charts', () => {
  it('refuses to write rather than lose them, and leaves the file untouched', async () => {
    const file = join(dir, 'graphiques.xlsx');
    await writeEstablishment(file, randomCartographie(2));
    const zip = await JSZip.loadAsync(readFileSync(file));
    zip.file('xl/charts/chart1.xml', '<?xml version="1.0"?><c:chartSpace/>');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const before = readFileSync(file);

    const refused = await runCli('analyse', file, '--ecrire');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('contient des graphiques');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect((await runCli('analyse', file)).code).toBe(0);
  });
});
