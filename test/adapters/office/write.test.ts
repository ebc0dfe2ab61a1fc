import { toExcel } from '../../../src/workbook/formula';
import { mergePlan } from '../../../src/domain/actions/merge';
import { analyse } from '../../../src/domain/analyse';
import { demoAnswers } from '../../../src/domain/demo';
import type { PlanRow } from '../../../src/domain/model';
import { SYNTHESIS_CHART } from '../../../src/adapters/office/synthesis';
import { widthInPoints } from '../../../src/adapters/office/format';
import { PLAN_TABLE, SHEET_ORDER, SHEETS } from '../../../src/workbook/sheets';
import { synthesisLayout } from '../../../src/workbook/synthesisLayout';
import { templateSheet } from '../../../src/workbook/template';
import { FakeExcel } from '../../support/fake-excel';
import { prng } from '../../support/cartographie';
import { CARTO, initialisedWorkbook, portOver } from './helpers';

const PLAN = SHEETS.plan;

async function analysed(port: ReturnType<typeof portOver>) {
  const read = await port.readCartographie();
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return analyse(read.value);
}

describe('OfficeWorkbookPort writing', () => {
  it('initialise creates the five sheets in order, with table, list, colours, widths and frozen header', async () => {
    const { fake } = await initialisedWorkbook();
    expect(fake.model.sheets.map((sheet) => sheet.name)).toEqual([...SHEET_ORDER.map((key) => SHEETS[key]), 'Feuil1']);
    const carto = fake.sheet(CARTO);
    expect(carto.tables.map((table) => table.name)).toEqual(['CartographieDMI']);
    expect(carto.validations[0].rule).toEqual({ list: { inCellDropDown: true, source: 'OUI,NON,NA' } });
    expect(carto.conditionalFormats.map((format) => (format.rule as { formula1: string }).formula1)).toEqual(['="OUI"', '="NON"', '="NA"', '="OUI"', '="NON"', '="NA"']);
    expect(carto.frozenRows).toBe(4);
    expect(carto.widths.get(5)).toBe(widthInPoints(templateSheet('cartographie').columnWidths[4]));
    expect(fake.cell(CARTO, 'B5')?.fill).toBeDefined();
    expect(fake.cell(CARTO, 'H4')?.font.bold).toBe(true);
    // The only formulas are the template's computed columns (J, K), never an answer.
    expect(fake.formulaCells(CARTO).filter((address) => !/^[JK]\d+$/.test(address))).toEqual([]);
  });

  it('initialise leaves existing sheets untouched and reports them', async () => {
    const fake = new FakeExcel();
    fake.addSheet('synthese', [['mes notes']]);
    const port = portOver(fake);
    const report = await port.initialise();
    expect(report.existing).toEqual(['synthese']);
    expect(report.created).toEqual([SHEETS.notice, SHEETS.references, SHEETS.cartographie, SHEETS.plan]);
    expect(fake.values('synthese', 'A1:A2')).toEqual([['mes notes'], ['']]);
    const again = await port.initialise();
    expect(again.created).toEqual([]);
  });

  it('initialise still works on ExcelApi 1.4, without lists, colours nor frozen panes, and says so', async () => {
    const { fake, port } = await initialisedWorkbook({ apiVersion: 4 });
    expect(fake.sheet(CARTO).validations).toEqual([]);
    expect(fake.sheet(CARTO).conditionalFormats).toEqual([]);
    expect(fake.sheet(CARTO).frozenRows).toBe(0);
    expect(port.capabilities).toMatchObject({ events: false, charts: false });
    expect(port.capabilities.notes.join(' ')).toMatch(/listes déroulantes/);
    expect((await port.readCartographie()).ok).toBe(true);
  });

  it('writes the Synthèse in one run (chart looked up, then written): values, rates as numbers, text as text, and a chart', async () => {
    const { fake, port } = await initialisedWorkbook();
    await port.fillDemo(demoAnswers());
    const layout = synthesisLayout(await analysed(port), { establishment: '=Clinique "test"' });
    const before = fake.syncCount;
    expect(await port.writeSynthesis(layout)).toEqual({ ok: true, value: undefined });
    expect(fake.syncCount - before).toBe(2);
    const sheet = fake.sheet(SHEETS.synthesis);
    // Formulas exactly where the layout has them (the establishment's "=…" stays text).
    const formulaAddresses = layout.cells.filter((cell) => cell.formula).map((cell) => `${String.fromCharCode(65 + cell.col)}${cell.row + 1}`);
    expect([...fake.formulaCells(SHEETS.synthesis)].sort()).toEqual([...formulaAddresses].sort());
    const percent = layout.cells.find((cell) => typeof cell.value === 'number' && cell.numberFormat && cell.formula);
    expect(percent).toBeDefined();
    const address = `${String.fromCharCode(65 + percent!.col)}${percent!.row + 1}`;
    // The fake does not calculate: the rate cell holds its English formula under the percent format.
    expect(fake.cell(SHEETS.synthesis, address)).toMatchObject({ formula: toExcel(percent!.formula!), numberFormat: percent!.numberFormat });
    expect(sheet.charts.map((chart) => chart.name)).toEqual(layout.chart ? [SYNTHESIS_CHART] : []);
    // Again: the chart is replaced, not duplicated, still in one run.
    const again = fake.syncCount;
    await port.readCartographie();
    await port.writeSynthesis(layout);
    expect(fake.syncCount - again).toBe(3);
    expect(sheet.charts).toHaveLength(layout.chart ? 1 : 0);
  });

  it('recovers when the Synthèse was deleted between the read and the write', async () => {
    const { fake, port } = await initialisedWorkbook();
    const layout = synthesisLayout(await analysed(port));
    fake.user.deleteSheet(SHEETS.synthesis);
    expect((await port.writeSynthesis(layout)).ok).toBe(true);
    expect(fake.hasSheet(SHEETS.synthesis)).toBe(true);
  });

  it('fills the demo in one sync after one read, as text, and never elsewhere', async () => {
    const { fake, port } = await initialisedWorkbook();
    const before = fake.syncCount;
    expect((await port.fillDemo(demoAnswers()))).toEqual({ ok: true, value: undefined });
    expect(fake.syncCount - before).toBe(2);
    const read = await port.readCartographie();
    if (!read.ok) throw new Error('unreadable');
    const byRef = new Map(read.value.entries.map((entry) => [entry.ref, entry]));
    for (const demo of demoAnswers()) {
      expect(byRef.get(demo.ref)?.answer.value).toBe(demo.answer);
      if (demo.comment) expect(byRef.get(demo.ref)?.comment).toBe(demo.comment);
    }
    // The only formulas are the template's computed columns (J, K), never an answer.
    expect(fake.formulaCells(CARTO).filter((address) => !/^[JK]\d+$/.test(address))).toEqual([]);
  });

  it('splits writes that would pass the payload limit into several syncs, each under it', async () => {
    const limit = 40_000;
    const { fake, port } = await initialisedWorkbook({ payloadLimitBytes: limit }, { payloadBudgetBytes: 30_000 });
    const initialiseSyncs = fake.syncCount;
    expect(initialiseSyncs).toBeGreaterThan(3);
    expect((await port.fillDemo(demoAnswers())).ok).toBe(true);
    expect(Math.max(...fake.requestBytes)).toBeLessThanOrEqual(limit);
    const read = await port.readCartographie();
    expect(read.ok && read.value.entries.filter((entry) => entry.answer.value !== null)).toHaveLength(demoAnswers().length);
  });

  it('selects a cell: activates its sheet, found tolerantly, and reports a missing one in French', async () => {
    const { fake, port } = await initialisedWorkbook();
    await port.readCartographie();
    await port.select(CARTO.toUpperCase(), 'H12');
    expect(fake.model.activeSheet).toBe(CARTO);
    expect(fake.model.selection).toEqual({ sheet: CARTO, address: 'H12' });
    await expect(port.select('Absente', 'A1')).rejects.toThrow(/feuille « Absente »/);
  });

  it('reports a protected sheet in French instead of failing', async () => {
    const { fake, port } = await initialisedWorkbook();
    fake.sheet(CARTO).protected = true;
    const filled = await port.fillDemo(demoAnswers());
    expect(filled).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'protected', message: expect.stringContaining('protégée') })] });
  });
});

describe("OfficeWorkbookPort and the plan d'action", () => {
  async function updatePlan(port: ReturnType<typeof portOver>) {
    const analysis = await analysed(port);
    const existing = await port.readPlan();
    if (!existing.ok) throw new Error(JSON.stringify(existing.problems));
    const merged = mergePlan(existing.value, analysis.proposals);
    const written = await port.writePlan(merged.rows);
    if (!written.ok) throw new Error(JSON.stringify(written.problems));
    return merged;
  }

  function planRows(fake: FakeExcel): string[][] {
    const sheet = fake.sheet(PLAN);
    const table = sheet.tables.find((item) => item.name === PLAN_TABLE)!;
    return fake.values(PLAN, `A${table.box.top}:M${table.box.bottom}`).map((row) => row.map(String));
  }

  it('reads then writes the plan (tables in the way looked up by range, then written), as a table with the status list', async () => {
    const { fake, port } = await initialisedWorkbook();
    await port.fillDemo(demoAnswers());
    const analysis = await analysed(port);
    const before = fake.syncCount;
    const existing = await port.readPlan();
    if (!existing.ok) throw new Error('plan unreadable');
    await port.writePlan(mergePlan(existing.value, analysis.proposals).rows);
    expect(fake.syncCount - before).toBe(4);
    const rows = planRows(fake);
    expect(rows[0]).toEqual(templateSheet('plan').table!.headers);
    expect(rows.length - 1).toBe(analysis.proposals.length);
    const sheet = fake.sheet(PLAN);
    expect(sheet.tables.filter((table) => table.name === PLAN_TABLE)).toHaveLength(1);
    expect(sheet.validations.some((item) => JSON.stringify(item.rule).includes('Réalisé'))).toBe(true);
  });

  it('writes back a comment "=HYPERLINK(…)" as text, and the user columns survive 20 regenerations', async () => {
    const { fake, port } = await initialisedWorkbook();
    await port.fillDemo(demoAnswers());
    await updatePlan(port);
    const sheet = fake.sheet(PLAN);
    const table = () => sheet.tables.find((item) => item.name === PLAN_TABLE)!;
    const top = table().box.top;
    const typed: { ref: string; pilot: string; due: number; status: string; comment: string }[] = [];
    const firstRows = fake.values(PLAN, `A${top + 1}:M${top + 3}`);
    firstRows.forEach((row, i) => {
      typed.push({ ref: String(row[12]), pilot: `Dr Martin ${i}`, due: 46000 + i, status: 'En cours', comment: i === 0 ? '=HYPERLINK("http://x","y")' : `+33 ${i} / note` });
    });
    // The user types in Pilote (I), Échéance (J), Statut (K), Commentaire (L), as text where Excel would not.
    typed.forEach((entry, i) => {
      const row = top + 1 + i;
      for (const [column, value] of [['I', entry.pilot], ['J', entry.due], ['K', entry.status], ['L', entry.comment]] as const) {
        fake.sheet(PLAN).cells.set(`${row},${column.charCodeAt(0) - 64}`, { value, numberFormat: typeof value === 'string' ? '@' : 'dd/mm/yyyy', font: {} });
      }
    });
    // A row added by hand under the table, with an extra column of the user's own.
    const manualRow = table().box.bottom + 1;
    fake.seed(PLAN, `A${manualRow}`, [['', '3', 'Mon axe', 'Bloc', 'Mon constat', 'Ma propre action', 'Moi', '', 'Moi', '', 'À lancer', 'à faire', '']]);
    fake.seed(PLAN, `N${top}`, [['Budget']]);
    fake.seed(PLAN, `N${top + 1}`, [[1500]]);

    const random = prng(7);
    const answers = ['OUI', 'NON', 'NA', ''];
    for (let round = 0; round < 20; round++) {
      const read = await port.readCartographie();
      if (!read.ok) throw new Error('unreadable');
      const changes = read.value.entries.filter(() => random() < 0.2).map((entry) => [entry.answerCell, answers[Math.floor(random() * answers.length)]] as const);
      for (const [cell, answer] of changes) fake.seed(CARTO, cell, [[answer]]);
      await updatePlan(port);
    }
    const final = await port.readPlan();
    if (!final.ok) throw new Error('plan unreadable');
    const byRef = new Map(final.value.map((row: PlanRow) => [row.ref, row]));
    for (const entry of typed) {
      expect(byRef.get(entry.ref)).toMatchObject({ pilot: entry.pilot, dueDate: entry.due, status: entry.status, comment: entry.comment });
    }
    expect(final.value.filter((row) => row.action === 'Ma propre action')).toHaveLength(1);
    expect(fake.formulaCells(PLAN)).toEqual([]);
    // The extra column followed its row.
    const rows = fake.values(PLAN, `A${table().box.top}:N${table().box.bottom}`);
    expect(rows.find((row) => row[12] === typed[0].ref)?.[13]).toBe(1500);
    expect(sheet.tables.filter((item) => item.name === PLAN_TABLE)).toHaveLength(1);
    expect(sheet.conditionalFormats.length).toBe(templateSheet('plan').table!.conditionalFormats.length);
  });

  it('creates the plan sheet from the template when it is missing', async () => {
    const { fake, port } = await initialisedWorkbook();
    fake.user.deleteSheet(PLAN);
    const read = await port.readPlan();
    expect(read.ok).toBe(false);
    const analysis = await analysed(port);
    const written = await port.writePlan(mergePlan([], analysis.proposals).rows);
    expect(written).toEqual({ ok: true, value: undefined });
    expect(fake.hasSheet(PLAN)).toBe(true);
    expect(fake.value(PLAN, 'A1')).toBe("Analyse et plan d'action");
  });

  it('reports a plan sheet whose table header cannot be found, and writes nothing', async () => {
    const { fake, port } = await initialisedWorkbook();
    fake.seed(PLAN, 'E4', [['Autre chose']]);
    const before = JSON.stringify([...fake.sheet(PLAN).cells]);
    const written = await port.writePlan([]);
    expect(written).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'column-missing', message: expect.stringContaining('Constat') })] });
    expect(JSON.stringify([...fake.sheet(PLAN).cells])).toBe(before);
  });
});
