import { MemoryWorkbookPort } from '../../../src/adapters/memory/port';
import { columnLetter } from '../../../src/workbook/grid';
import { templateRows } from '../../../src/domain/catalogue';
import { demoAnswers } from '../../../src/domain/demo';
import type { PlanRow } from '../../../src/domain/model';
import { planRow } from '../../support/plan';
import type { ChangeInfo, SheetLayout } from '../../../src/workbook/port';
import { PLAN_TABLE, SHEET_ORDER, SHEETS, CARTOGRAPHIE_TABLE } from '../../../src/workbook/sheets';
import { TABLE_HEADER_ROW, templateSheet } from '../../../src/workbook/template';
import { mergePlan } from '../../../src/domain/actions/merge';
import { analyse } from '../../../src/domain/analyse';
import { templateLastRow } from '../../../src/workbook/print';
import { templateRowHeights } from '../../../src/workbook/rowHeights';
import { synthesisLayout } from '../../../src/workbook/synthesisLayout';

const CARTO = SHEETS.cartographie;

async function read(port: MemoryWorkbookPort) {
  const result = await port.readCartographie();
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.value.entries;
}

function manualRow(patch: Partial<PlanRow> = {}): PlanRow {
  const values = { pilot: 'Mme Durand', dueDate: 46022, status: 'En cours', comment: '=HYPERLINK("http://x","y")' };
  return planRow('', { origin: 'manual', finding: 'Ajouté à la main', action: 'Former les équipes', ...values, ...patch });
}

describe('MemoryWorkbookPort from the template', () => {
  const port = MemoryWorkbookPort.fromTemplate();

  it('creates the five sheets in order, with both tables', () => {
    expect(port.workbook.sheetNames()).toEqual(SHEET_ORDER.map((key) => SHEETS[key]));
    const headerRow = TABLE_HEADER_ROW + 1;
    expect(port.workbook.table(CARTOGRAPHIE_TABLE)).toEqual({ name: CARTOGRAPHIE_TABLE, sheet: CARTO, range: `A${headerRow}:K${headerRow + templateRows().length}` });
    expect(port.workbook.table(PLAN_TABLE)?.sheet).toBe(SHEETS.plan);
  });

  it('reads back every template row, unanswered, answer cells in column H', async () => {
    const entries = await read(port);
    const rows = templateRows();
    expect(entries.map((e) => e.ref)).toEqual(rows.map((r) => r.ref));
    expect(entries.every((e) => e.answer.value === null)).toBe(true);
    expect(entries[0].answerCell).toBe(`H${TABLE_HEADER_ROW + 2}`);
    expect(await port.hasAnswers()).toBe(false);
  });

  it('holds its formulas\' results as stored: recalculating the fresh workbook changes no cell', () => {
    const fresh = MemoryWorkbookPort.fromTemplate().workbook;
    const stored = fresh.toJSON();
    expect(stored.sheets.some((sheet) => Object.values(sheet.cells).some((cell) => cell.expression !== undefined))).toBe(true);
    fresh.recalculate();
    expect(fresh.toJSON()).toEqual(stored);
  });

  it('writes each computed cell of the cartographie with the template\'s formula, value and its column\'s formats', () => {
    const fresh = MemoryWorkbookPort.fromTemplate().workbook;
    const table = templateSheet('cartographie').table!;
    expect(table.formulaCells.length).toBeGreaterThan(300);
    for (const layout of table.formulaCells) {
      const cell = fresh.getCell(CARTO, `${columnLetter(layout.col + 1)}${layout.row + 1}`);
      expect(cell?.expression).toEqual(layout.formula);
      expect(cell?.value).toBe(layout.value);
      expect(cell?.wrap).toBe(table.wrapColumns.includes(layout.col) || undefined);
    }
  });

  it('offers the OUI/NON/NA list and colours answers', () => {
    const cell = `H${TABLE_HEADER_ROW + 2}`;
    expect(port.workbook.validationAt(CARTO, cell)?.list).toEqual(['OUI', 'NON', 'NA']);
    port.workbook.setCell(CARTO, cell, 'NON');
    expect(port.workbook.cellFormat(CARTO, cell).fill).toBe('#FFC7CE');
    port.workbook.setCell(CARTO, cell, null);
  });
});

describe('MemoryWorkbookPort', () => {
  it('initialises only the missing sheets and never touches existing ones', async () => {
    const port = new MemoryWorkbookPort();
    port.workbook.addSheet('synthese');
    port.workbook.setCell('synthese', 'A1', 'à moi');
    const report = await port.initialise();
    expect(report.existing).toEqual(['synthese']);
    expect(report.created).toEqual([SHEETS.notice, SHEETS.references, CARTO, SHEETS.plan]);
    expect(port.workbook.sheetNames()).toEqual([SHEETS.notice, SHEETS.references, CARTO, 'synthese', SHEETS.plan]);
    expect(port.workbook.getCell('synthese', 'A1')?.value).toBe('à moi');
    expect(await port.initialise()).toEqual({ created: [], existing: port.workbook.sheetNames() });
  });

  it('reports a missing cartographie sheet instead of failing', async () => {
    const port = MemoryWorkbookPort.fromTemplate();
    port.workbook.removeSheet(CARTO);
    expect(await port.readCartographie()).toEqual({
      ok: false,
      problems: [{ code: 'sheet-missing', sheet: CARTO, message: 'feuille « Cartographie données info DMI » introuvable' }],
    });
    expect(await port.hasAnswers()).toBe(false);
  });

  it('fills the demo as its own write, comments formula-like text kept as text', async () => {
    const port = MemoryWorkbookPort.fromTemplate();
    const changes: ChangeInfo[] = [];
    port.onCartographieChange((change) => changes.push(change));
    const answers = demoAnswers();
    answers[0] = { ...answers[0], comment: '=HYPERLINK("http://x","y")' };
    expect(await port.fillDemo(answers)).toEqual({ ok: true, value: undefined });
    const entries = await read(port);
    expect(entries.map((e) => e.answer.value)).toEqual(answers.map((a) => a.answer));
    expect(entries[0].comment).toBe('=HYPERLINK("http://x","y")');
    expect(entries[0].answer.formula).toBeUndefined();
    expect(changes).toEqual([]);
    expect(await port.hasAnswers()).toBe(true);
  });

  it('refuses a demo whose references the cartographie lacks, writing nothing', async () => {
    const port = MemoryWorkbookPort.fromTemplate();
    const result = await port.fillDemo([{ ref: 'INCONNUE-1', answer: 'OUI' }, ...demoAnswers()]);
    expect(!result.ok && result.problems[0].message).toMatch(/^La cartographie ne contient pas les lignes de référence INCONNUE-1/);
    expect(await port.hasAnswers()).toBe(false);
  });

  it('calls the cartographie listener for user edits of that sheet only', () => {
    const port = MemoryWorkbookPort.fromTemplate();
    const changes: ChangeInfo[] = [];
    const stop = port.onCartographieChange((change) => changes.push(change));
    port.workbook.paste(CARTO, 'H5', [['OUI'], ['NON']]);
    port.workbook.setCell(SHEETS.plan, 'I5', 'Moi');
    port.workbook.write(CARTO, [{ address: 'H6', cell: { value: 'NA' } }]);
    stop();
    port.workbook.setCell(CARTO, 'H7', 'OUI');
    expect(changes).toEqual([{ sheet: CARTO, address: 'H5:H6' }]);
  });

  it('regenerates the Synthèse entirely, recreating it when missing, text never a formula', async () => {
    const port = MemoryWorkbookPort.fromTemplate();
    port.workbook.removeSheet(SHEETS.synthesis);
    const first: SheetLayout = { sheet: SHEETS.synthesis, columnWidths: [30], cells: [{ row: 0, col: 0, value: 'ancien' }, { row: 5, col: 3, value: 1 }] };
    const second: SheetLayout = {
      sheet: SHEETS.synthesis,
      columnWidths: [40, 10],
      cells: [{ row: 0, col: 0, value: '=1+1' }, { row: 1, col: 1, value: 0.5, numberFormat: '0 %', style: 'percent' }],
      chart: { title: 'T', firstRow: 1, rowCount: 1, categoryCol: 0, series: [{ name: 'S', col: 1 }], anchor: { row: 0, col: 3 } },
    };
    await port.writeSynthesis(first);
    await port.writeSynthesis(second);
    expect(port.workbook.sheetNames()).toEqual([SHEETS.notice, SHEETS.references, CARTO, SHEETS.synthesis, SHEETS.plan]);
    const sheet = port.workbook.sheet(SHEETS.synthesis)!;
    expect(sheet.cells).toEqual({ A1: { value: '=1+1' }, B2: { value: 0.5, numberFormat: '0 %', style: 'percent' } });
    expect(sheet.columnWidths).toEqual([40, 10]);
    expect(sheet.chart).toEqual(second.chart);
  });

  it('round-trips the plan, keeping user values, formats and manual rows', async () => {
    const port = MemoryWorkbookPort.fromTemplate();
    const rows = [manualRow(), manualRow({ finding: 'Second', pilot: null, dueDate: 'T3 2026', obsolete: true })];
    await port.writePlan(rows);
    const back = await port.readPlan();
    expect(back).toEqual({ ok: true, value: rows.map((row, order) => ({ ...row, order })) });
    const dueCell = port.workbook.getCell(SHEETS.plan, `J${TABLE_HEADER_ROW + 2}`);
    expect(dueCell).toMatchObject({ value: 46022, numberFormat: 'dd/mm/yyyy' });
    await port.writePlan(rows.slice(0, 1));
    const shorter = await port.readPlan();
    expect(shorter.ok && shorter.value).toHaveLength(1);
    expect(port.workbook.table(PLAN_TABLE)?.range).toBe(`A${TABLE_HEADER_ROW + 1}:M${TABLE_HEADER_ROW + 2}`);
  });

  it('rewrites a plan the user moved down and right where it now stands', async () => {
    const port = new MemoryWorkbookPort();
    port.workbook.addSheet(SHEETS.plan);
    port.workbook.paste(SHEETS.plan, 'C8', [['Référence', 'Constat', 'Action proposée', 'Pilote'], ['', 'Vieux', 'Vieille action', 'Moi'], ['', 'x', 'y', 'z']]);
    await port.writePlan([manualRow()]);
    expect(port.workbook.getCell(SHEETS.plan, 'C8')?.value).toBe('N°');
    expect(port.workbook.getCell(SHEETS.plan, 'G9')?.value).toBe('Ajouté à la main');
    expect(port.workbook.getCell(SHEETS.plan, 'C10')).toBeUndefined();
    const back = await port.readPlan();
    expect(back.ok && back.value.map((r) => r.finding)).toEqual(['Ajouté à la main']);
  });

  it('reports a plan sheet whose table lacks its reference column', async () => {
    const port = new MemoryWorkbookPort();
    port.workbook.addSheet(SHEETS.plan);
    port.workbook.paste(SHEETS.plan, 'A1', [['Constat', 'Action proposée']]);
    const result = await port.writePlan([manualRow()]);
    expect(!result.ok && result.problems.map((p) => p.message)).toEqual(["colonne « Référence » introuvable dans la feuille « Analyse et plan d'action »"]);
  });

  it('selects a cell, matching the sheet name tolerantly', async () => {
    const port = MemoryWorkbookPort.fromTemplate();
    await port.select('cartographie donnees info dmi', 'H12');
    expect(port.workbook.getSelection()).toEqual({ sheet: CARTO, cell: 'H12' });
  });
});

describe('MemoryWorkbookPort page setup', () => {
  it('keeps the shared page setup, printed range and row heights of each sheet, the plan down to its last row', async () => {
    const port = new MemoryWorkbookPort();
    await port.initialise();
    expect((await port.fillDemo(demoAnswers())).ok).toBe(true);
    const read = await port.readCartographie();
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const analysis = analyse(read.value);
    const layout = synthesisLayout(analysis, { establishment: 'CH de Valmont' });
    await port.writeSynthesis(layout);
    await port.writePlan(mergePlan([], analysis.proposals).rows);
    const carto = port.workbook.sheet(SHEETS.cartographie);
    const template = templateSheet('cartographie');
    expect(carto?.print).toMatchObject({ landscape: true, titleRows: { first: 3, last: 3 }, header: { left: 'CH de Valmont' } });
    expect(carto?.printArea).toBe(`A1:${columnLetter(template.columnWidths.length)}${templateLastRow(template)}`);
    expect(carto?.rowHeights).toEqual(Object.fromEntries(templateRowHeights(template)));
    expect(port.workbook.sheet(SHEETS.synthesis)?.print?.breaksBefore).toEqual(layout.print?.breaksBefore);
    expect(port.workbook.sheet(SHEETS.plan)?.printArea).toBe(`A1:M${4 + analysis.proposals.length}`);
  });
});
