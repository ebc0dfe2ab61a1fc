/**
 * What real Excel does that the adapter must survive, each enforced by the fake Excel (its own
 * tests are in fake-excel-rules.test.ts) and cited here from the Office.js reference or issues.
 */
import { mergePlan } from '../../../src/domain/actions/merge';
import { analyse } from '../../../src/domain/analyse';
import { demoAnswers } from '../../../src/domain/demo';
import type { SheetLayout } from '../../../src/workbook/port';
import { AnalysisSession } from '../../../src/workbook/session';
import { PLAN_TABLE, SHEETS } from '../../../src/workbook/sheets';
import { synthesisLayout } from '../../../src/workbook/synthesisLayout';
import { FakeExcel } from '../../support/fake-excel';
import { CARTO, initialisedWorkbook, portOver } from './helpers';
import { settled, until } from './timers';

type Port = ReturnType<typeof portOver>;

async function analysed(port: Port) {
  const read = await port.readCartographie();
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return analyse(read.value);
}

async function updatePlan(port: Port) {
  const analysis = await analysed(port);
  const existing = await port.readPlan();
  if (!existing.ok) throw new Error(JSON.stringify(existing.problems));
  return port.writePlan(mergePlan(existing.value, analysis.proposals).rows);
}

describe('undo history', () => {
  // https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-20-requirement-set
  it('is detected from the host: cleared by writes before ExcelApi 1.20 (and said in French), one step per command from 1.20', async () => {
    const old = portOver(new FakeExcel({ apiVersion: 19 }));
    expect(old.capabilities.undo).toBe('cleared-by-writes');
    expect(old.capabilities.notes.join(' ')).toMatch(/historique d'annulation/);
    const recent = portOver(new FakeExcel({ apiVersion: 20 }));
    expect(recent.capabilities.undo).toBe('one-step-per-command');
    expect(recent.capabilities.notes.join(' ')).not.toMatch(/historique d'annulation/);
  });

  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities (mergeUndoGroup)
  it('makes each command one undo step from ExcelApi 1.20, even when split into several syncs', async () => {
    const { fake, port } = await initialisedWorkbook({ apiVersion: 20, payloadLimitBytes: 40_000 }, { payloadBudgetBytes: 2_000 });
    expect(fake.undoStack).toHaveLength(1); // the initialisation
    await fake.user.type(CARTO, 'H5', 'OUI');
    const writes = fake.writeSyncCount;
    expect((await port.fillDemo(demoAnswers())).ok).toBe(true);
    expect(fake.writeSyncCount - writes).toBeGreaterThan(1);
    expect(fake.undoStack).toHaveLength(3);
    expect(fake.undoStack[1]).toMatch(/^Local/);
  });
});

describe('cell-edit mode', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  // https://learn.microsoft.com/javascript/api/excel/excel.runoptions (delayForCellEdit, ExcelApi 1.11)
  it('waits for the user to leave the cell they edit, where Excel allows it', async () => {
    const { fake, port } = await initialisedWorkbook({ apiVersion: 11 });
    fake.user.startEditing();
    let done = false;
    const read = port.readCartographie().then((result) => {
      done = true;
      return result;
    });
    await jest.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    fake.user.stopEditing();
    expect((await settled(read)).ok).toBe(true);
  });

  it('before ExcelApi 1.11, keeps the last analysis on screen and reads again once the edit ends', async () => {
    const { fake, port } = await initialisedWorkbook({ apiVersion: 10 });
    const session = new AnalysisSession(port, { debounceMs: 100, retryMs: 1000 });
    await settled(session.start());
    const shown = session.getState().analysis;
    expect(shown).toBeDefined();
    fake.seed(CARTO, 'H5', [['OUI']]);
    fake.user.startEditing();
    await settled(session.refresh());
    expect(session.getState()).toMatchObject({ status: 'ready', analysis: shown });
    expect(session.getState().problems).toEqual([expect.objectContaining({ retry: true, message: expect.stringContaining('en cours de saisie') })]);
    fake.user.stopEditing();
    await jest.advanceTimersByTimeAsync(1000);
    await until(() => session.getState().analysis !== shown, 'the analysis read again');
    expect(session.getState().problems).toEqual([]);
    expect(session.getState().analysis?.figures).not.toEqual(shown?.figures);
    session.stop();
  });
});

// https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-getitem-member(1)
describe('sheets renamed or deleted since the last read', () => {
  it('a renamed Synthèse breaks neither reads nor Initialiser, and is still the one regenerated (tracked by id)', async () => {
    const { fake, port } = await initialisedWorkbook();
    const layout = synthesisLayout(await analysed(port));
    expect((await port.writeSynthesis(layout)).ok).toBe(true);
    fake.user.renameSheet(SHEETS.synthesis, 'Synthèse 2025');
    expect((await port.readCartographie()).ok).toBe(true);
    expect((await port.writeSynthesis(layout)).ok).toBe(true);
    expect(fake.hasSheet(SHEETS.synthesis)).toBe(false);
    expect(fake.sheet('Synthèse 2025').charts).toHaveLength(1);
    const report = await port.initialise();
    expect(report.created).toEqual([SHEETS.synthesis]);
    expect((await port.readCartographie()).ok).toBe(true);
  });

  it('a cartographie deleted under the pane is reported in French, then found again once recreated', async () => {
    const { fake, port } = await initialisedWorkbook();
    await port.readCartographie();
    fake.user.deleteSheet(CARTO);
    const missing = await port.readCartographie();
    expect(missing).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'sheet-missing' })] });
    await port.initialise();
    expect((await port.readCartographie()).ok).toBe(true);
  });
});

describe("the plan d'action table", () => {
  it('renamed by the user, is found by its range and rebuilt, never half-written', async () => {
    const { fake, port } = await initialisedWorkbook();
    await port.fillDemo(demoAnswers());
    expect((await updatePlan(port)).ok).toBe(true);
    const sheet = fake.sheet(SHEETS.plan);
    sheet.tables[0].name = 'MonPlan';
    const top = sheet.tables[0].box.top;
    fake.seed(SHEETS.plan, `I${top + 1}`, [['Dr Martin']]);
    expect(await updatePlan(port)).toEqual({ ok: true, value: undefined });
    expect(sheet.tables).toHaveLength(1);
    expect(sheet.tables[0]).toMatchObject({ name: PLAN_TABLE, box: expect.objectContaining({ top }) });
    const plan = await port.readPlan();
    expect(plan.ok && plan.value.filter((row) => row.pilot === 'Dr Martin')).toHaveLength(1);
  });

  it('keeps its name free for another table elsewhere: the rebuilt table is not given a taken name', async () => {
    const { fake, port } = await initialisedWorkbook();
    await port.fillDemo(demoAnswers());
    await updatePlan(port);
    fake.sheet(SHEETS.plan).tables[0].name = 'MonPlan';
    fake.addSheet('Autre', [['h'], ['1']]);
    fake.sheet('Autre').tables.push({ name: PLAN_TABLE, box: { top: 1, left: 1, bottom: 2, right: 1 } });
    expect((await updatePlan(port)).ok).toBe(true);
    expect(fake.sheet(SHEETS.plan).tables).toHaveLength(1);
    expect(fake.sheet(SHEETS.plan).tables[0].name).not.toBe(PLAN_TABLE);
  });
});

describe('drop-down picks without onChanged', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  // https://github.com/OfficeDev/office-js/issues/3888, https://github.com/OfficeDev/office-js/issues/4066, https://github.com/OfficeDev/office-js/issues/420
  it('are seen when the user moves to another cell (selection change)', async () => {
    const { fake, port } = await initialisedWorkbook({ pickFiresChange: false });
    const session = new AnalysisSession(port, { debounceMs: 100 });
    await settled(session.start());
    await settled(port.listening());
    const before = session.getState().recomputations;
    await settled(fake.user.pick(CARTO, 'H5', 'OUI'));
    await jest.advanceTimersByTimeAsync(500);
    expect(session.getState().recomputations).toBe(before);
    await settled(fake.user.select(CARTO, 'H6'));
    await jest.advanceTimersByTimeAsync(100);
    await until(() => session.getState().recomputations > before, 'a recomputation');
    const read = await port.readCartographie();
    const entry = read.ok ? read.value.entries.find((item) => item.answerCell === 'H5') : undefined;
    expect(entry?.answer.value).toBe('OUI');
    session.stop();
  });
});

describe('event handlers', () => {
  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler
  it('are removed, in the request context they were added in, when the session stops', async () => {
    const { fake, port } = await initialisedWorkbook();
    const session = new AnalysisSession(port);
    await session.start();
    await port.listening();
    expect(fake.sheet(CARTO).handlers.size).toBe(1);
    expect(fake.sheet(CARTO).selectionHandlers.size).toBe(1);
    session.stop();
    await until2(() => fake.sheet(CARTO).handlers.size === 0);
    expect(fake.sheet(CARTO).selectionHandlers.size).toBe(0);
  });
});

/** Real timers here: lets promise callbacks run until the condition holds. */
async function until2(condition: () => boolean): Promise<void> {
  for (let round = 0; round < 100 && !condition(); round++) await new Promise((resolve) => setImmediate(resolve));
  expect(condition()).toBe(true);
}

// https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
describe('the five-million-cell read limit', () => {
  it('reads a cartographie whose used range passes it, by slices, only its own columns after the header', async () => {
    const { fake, port } = await initialisedWorkbook();
    fake.seed(CARTO, 'H5', [['OUI']]);
    fake.seed(CARTO, 'XFD400', [['une note égarée']]);
    await port.readCartographie(); // learns the sheet id
    const before = fake.syncCount;
    const read = await port.readCartographie();
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.value.entries.find((entry) => entry.answerCell === 'H5')?.answer.value).toBe('OUI');
    // Refused whole, then: the sheet's size, the first rows at full width, the rest of the
    // cartographie's columns at once (full width, 400 rows would take some twenty slices).
    expect(fake.syncCount - before).toBe(4);
  });
});

// https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection
describe('protected sheets', () => {
  it('are known from the read, and said before anything is written', async () => {
    const { fake, port } = await initialisedWorkbook();
    fake.sheet(SHEETS.plan).protected = true;
    fake.sheet(SHEETS.synthesis).protected = true;
    const analysis = await analysed(port);
    const writes = fake.writeSyncCount;
    const plan = await updatePlan(port);
    expect(plan).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'protected', message: expect.stringContaining(`« ${SHEETS.plan} »`) })] });
    const synthesis = await port.writeSynthesis(synthesisLayout(analysis));
    expect(synthesis).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'protected', message: expect.stringContaining('Rien n') })] });
    fake.sheet(CARTO).protected = true;
    expect(await port.fillDemo(demoAnswers())).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'protected' })] });
    expect(fake.writeSyncCount).toBe(writes);
  });
});

// https://learn.microsoft.com/javascript/api/excel/excel.chartseries#excel-excel-chartseries-setvalues-member(1)
describe('the Synthèse chart', () => {
  it('binds each series to its whole column, even when the first value is text', async () => {
    const { fake, port } = await initialisedWorkbook();
    const layout: SheetLayout = {
      sheet: SHEETS.synthesis,
      columnWidths: [],
      cells: [
        { row: 0, col: 0, value: 'Zone A' },
        { row: 0, col: 1, value: 'non évaluable' },
        { row: 1, col: 0, value: 'Zone B' },
        { row: 1, col: 1, value: 0.5 },
        { row: 2, col: 0, value: 'Zone C' },
        { row: 2, col: 1, value: 0.25 },
      ],
      chart: { title: 'Taux', firstRow: 0, rowCount: 3, categoryCol: 0, series: [{ name: 'Informatisation', col: 1 }], anchor: { row: 5, col: 0 } },
    };
    expect((await port.writeSynthesis(layout)).ok).toBe(true);
    const [chart] = fake.sheet(SHEETS.synthesis).charts;
    expect(chart.series).toEqual([{ name: 'Informatisation', values: `'${SHEETS.synthesis}'!B1:B3`, categories: `'${SHEETS.synthesis}'!A1:A3` }]);
  });
});
