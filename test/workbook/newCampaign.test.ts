/**
 * « Nouvelle campagne » on last year's workbook (test/support/campaigns.ts): no user cell lost,
 * statuses kept, the flags right; the answers à revoir until changed or confirmed; one Excel.run.
 */
import { MemoryWorkbookPort } from '../../src/adapters/memory/port';
import { XlsxWorkbookPort } from '../../src/adapters/xlsx/port';
import { readGrid } from '../../src/adapters/xlsx/cells';
import { analyse } from '../../src/domain/analyse';
import { demoAnswers } from '../../src/domain/demo';
import { serialOfDate } from '../../src/domain/excelDates';
import type { PlanRow } from '../../src/domain/model';
import { campaignCell } from '../../src/workbook/campaignInfo';
import { cellAddress, cellText } from '../../src/workbook/grid';
import { CONFIRMED_HEADER, REVIEW_HEADER, TO_REVIEW } from '../../src/workbook/newCampaign';
import { STILL_PRESENT_MARKER } from '../../src/workbook/planSheet';
import type { WorkbookPort } from '../../src/workbook/port';
import { AnalysisSession } from '../../src/workbook/session';
import { SHEETS } from '../../src/workbook/sheets';
import { twoCampaigns, type TwoCampaigns } from '../support/campaigns';
import { FILE_WORK_MS, tempDir } from '../cli/runCli';
import { initialisedWorkbook } from '../adapters/office/helpers';
import { OfficeWorkbookPort } from '../../src/adapters/office/port';
import { widthInPoints } from '../../src/adapters/office/format';

const OPENED = new Date(Date.UTC(2026, 0, 15));
const USER_KEYS = ['pilot', 'dueDate', 'status', 'comment'] as const;

/** Last year's plan as the establishment left it: every user column filled, two rows Réalisé, one by hand. */
function followedUp(plan: PlanRow[], gaps: Set<string>): { rows: PlanRow[]; claimedDone: string[] } {
  const claimedDone = plan.filter((row) => gaps.has(row.ref)).slice(0, 2).map((row) => row.ref);
  const rows = plan.map((row, index) => ({
    ...row,
    pilot: `Pilote ${index}`,
    dueDate: 45_900 + index,
    status: claimedDone.includes(row.ref) ? 'Réalisé' : index % 2 ? 'En cours' : 'Abandonné',
    comment: `=Commentaire ${index}`,
  }));
  const manual: PlanRow = { ...rows[0], ref: 'MAIN-1', origin: 'manual', action: 'Former les IBODE', finding: 'Ajouté à la main', pilot: 'Cadre du bloc', status: 'Réalisé', comment: 'à suivre' };
  return { rows: [...rows, manual], claimedDone };
}

async function started(port: WorkbookPort) {
  const session = new AnalysisSession(port, { now: () => OPENED });
  await session.start();
  const before = session.getState().analysis!;
  const report = await session.startNewCampaign();
  return { session, before, report };
}

let campaigns: TwoCampaigns;

beforeAll(async () => {
  campaigns = await twoCampaigns(tempDir('nouvelle-campagne'));
}, FILE_WORK_MS);

describe('« Nouvelle campagne » on last year’s workbook', () => {
  it('keeps every answer and every user cell of the plan, flags « Réalisé » rows whose gap is there, records 2026', async () => {
    const opened = await XlsxWorkbookPort.open(campaigns.previous);
    if (!opened.ok) throw new Error(opened.problem.message);
    const { port } = opened;
    const read = await port.readCartographie();
    const plan = await port.readPlan();
    if (!read.ok || !plan.ok) throw new Error('classeur illisible');
    const gaps = new Set(analyse(read.value).proposals.map((p) => p.ref));
    const { rows, claimedDone } = followedUp(plan.value, gaps);
    await port.writePlan(rows);
    const notice = port.worksheet('notice');
    if (!notice.ok) throw new Error('notice absente');
    const at = campaignCell(readGrid(notice.value))!;
    notice.value.getCell(at.row, at.column).value = 2025;

    const { session, before, report } = await started(port);
    expect(report).toEqual({ ok: true, year: 2026, toReview: before.figures.counts.answered + before.figures.counts.invalid, carried: rows.length, flagged: 2 });

    // The campaign, where the consolidation reads it.
    expect(await port.readCampaignInfo()).toEqual({ ok: true, value: { year: 2026, date: serialOfDate(OPENED), text: '2026 (ouverte le 15/01/2026)' } });
    // Answers untouched: the same figures (an answer « à revoir » counts as its value).
    expect(session.getState().analysis!.figures).toEqual(before.figures);
    // Plan: no user cell lost, statuses kept, matched by reference; the manual row kept.
    const after = await port.readPlan();
    if (!after.ok) throw new Error('plan illisible');
    const byRef = new Map(after.value.map((row) => [row.ref, row]));
    for (const row of rows) {
      for (const key of USER_KEYS) expect([row.ref, key, byRef.get(row.ref)?.[key]]).toEqual([row.ref, key, row[key]]);
    }
    // The flags: exactly the rows marked Réalisé whose gap the rules still find.
    const sheet = port.worksheet('plan');
    if (!sheet.ok) throw new Error('plan absent');
    const flagged = readGrid(sheet.value).rows.filter((cells) => cells.some((cell) => cellText(cell).startsWith(STILL_PRESENT_MARKER)));
    expect(flagged).toHaveLength(claimedDone.length);
    expect(after.value.filter((row) => claimedDone.includes(row.ref)).every((row) => !row.finding.startsWith('['))).toBe(true);

    // The review columns: last year's answer as text, an empty confirmation, « À revoir » as a formula.
    const carto = port.worksheet('cartographie');
    if (!carto.ok) throw new Error('cartographie absente');
    const { area } = read.value;
    const header = carto.value.getRow(area.headerRow);
    expect([1, 2, 3].map((offset) => header.getCell(area.columns.kept + offset).value)).toEqual(['Réponse 2025', CONFIRMED_HEADER, REVIEW_HEADER]);
    for (const entry of read.value.entries) {
      expect(carto.value.getCell(entry.row, area.columns.kept + 1).value ?? '').toBe(cellText(entry.answer));
      expect(carto.value.getCell(entry.row, area.columns.kept + 3).formula).toMatch(/^IF\(AND\(/);
    }
  }, FILE_WORK_MS);

  it('an answer is à revoir until changed or confirmed (the formulas, recalculated)', async () => {
    const port = MemoryWorkbookPort.fromTemplate();
    await port.fillDemo(demoAnswers());
    const { report } = await started(port);
    expect(report).toMatchObject({ ok: true, year: OPENED.getUTCFullYear() });
    const read = await port.readCartographie();
    if (!read.ok) throw new Error('cartographie illisible');
    const [changed, confirmed, untouched] = read.value.entries.filter((entry) => cellText(entry.answer) === 'NON');
    const review = (row: number) => port.workbook.grid(SHEETS.cartographie).rows[row - 1][read.value.area.columns.kept + 2].value;
    expect([changed, confirmed, untouched].map((entry) => review(entry.row))).toEqual([TO_REVIEW, TO_REVIEW, TO_REVIEW]);
    port.workbook.write(SHEETS.cartographie, [
      { address: changed.answerCell, cell: { value: 'OUI' } },
      { address: cellAddress(confirmed.row, read.value.area.columns.kept + 2), cell: { value: 'OK' } },
    ]);
    expect([changed, confirmed, untouched].map((entry) => review(entry.row))).toEqual(['', '', TO_REVIEW]);
  });

  it('refuses, before writing anything, when the user has data where the review columns go', async () => {
    const port = MemoryWorkbookPort.fromTemplate();
    await port.fillDemo(demoAnswers());
    const read = await port.readCartographie();
    if (!read.ok) throw new Error('cartographie illisible');
    port.workbook.write(SHEETS.cartographie, [{ address: cellAddress(read.value.entries[3].row, read.value.area.columns.kept + 2), cell: { value: 'ma note' } }]);
    const { report } = await started(port);
    expect(report).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('contiennent déjà des données') }] });
    expect(await port.readCampaignInfo()).toEqual({ ok: true, value: null });
  });

  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities (mergeUndoGroup, ExcelApi 1.20)
  it('in Excel: one Excel.run that writes, one undo step', async () => {
    const { fake } = await initialisedWorkbook({ apiVersion: 20 });
    let writingRuns = 0;
    const counted: typeof fake.run = (async (...args: Parameters<typeof fake.run>) => {
      const writes = fake.writeSyncCount;
      const result = await (fake.run as (...a: unknown[]) => Promise<unknown>)(...args);
      if (fake.writeSyncCount > writes) writingRuns++;
      return result;
    }) as typeof fake.run;
    const port = new OfficeWorkbookPort(counted, fake.isSetSupported);
    expect((await port.fillDemo(demoAnswers())).ok).toBe(true);
    const session = new AnalysisSession(port, { now: () => OPENED });
    await session.start();
    expect((await session.updatePlan()).ok).toBe(true);
    const [runs, undo] = [writingRuns, fake.undoStack.length];
    const report = await session.startNewCampaign();
    expect(report).toMatchObject({ ok: true, year: 2026 });
    expect(writingRuns - runs).toBe(1);
    expect(fake.undoStack).toHaveLength(undo + 1);
    expect(await port.readCampaignInfo()).toMatchObject({ ok: true, value: { year: 2026 } });
    const read = await port.readCartographie();
    if (!read.ok) throw new Error('cartographie illisible');
    const { kept } = read.value.area.columns;
    const entry = read.value.entries.find((e) => cellText(e.answer) !== '')!;
    expect(fake.values(SHEETS.cartographie, cellAddress(entry.row, kept + 1))).toEqual([[cellText(entry.answer)]]);
    expect(fake.cell(SHEETS.cartographie, cellAddress(entry.row, kept + 3))?.formula).toMatch(/^=IF\(AND\(/);
    // Wide enough for « Confirmée (saisir OK) ».
    expect(fake.sheet(SHEETS.cartographie).widths.get(kept + 2)).toBe(widthInPoints(20));
    session.stop();
  });
});
