/**
 * The plan d'action across many regenerations with changing answers: the user's columns stay on
 * their rows (matched by reference), rows typed by hand stay, no row ever disappears.
 */
import { MemoryWorkbookPort } from '../../src/adapters/memory/port';
import { templateRows } from '../../src/domain/catalogue';
import type { PlanRow } from '../../src/domain/model';
import { cellAddress } from '../../src/workbook/grid';
import { AnalysisSession } from '../../src/workbook/session';
import { PLAN_COLUMNS, SHEETS, type PlanColumn } from '../../src/workbook/sheets';
import { TABLE_HEADER_ROW } from '../../src/workbook/template';
import { prng } from '../support/cartographie';

const REGENERATIONS = 20;
const HEADER_ROW = TABLE_HEADER_ROW + 1;
const column = (key: PlanColumn) => Object.keys(PLAN_COLUMNS).indexOf(key) + 1;
const ANSWERS = ['OUI', 'NON', 'NA', null];

type UserColumns = Pick<PlanRow, 'pilot' | 'dueDate' | 'status' | 'comment'>;
const userColumns = ({ pilot, dueDate, status, comment }: PlanRow): UserColumns => ({ pilot, dueDate, status, comment });

async function planRows(port: MemoryWorkbookPort): Promise<PlanRow[]> {
  const plan = await port.readPlan();
  if (!plan.ok) throw new Error(plan.problems.map((p) => p.message).join('; '));
  return plan.value;
}

describe('plan regeneration', () => {
  it(`keeps user columns and manual rows through ${REGENERATIONS} regenerations with changing answers`, async () => {
    jest.useFakeTimers();
    const port = MemoryWorkbookPort.fromTemplate();
    const session = new AnalysisSession(port);
    await session.start();
    const random = prng(2025);
    const count = templateRows().length;
    const typed = new Map<string, UserColumns>();
    const manual = new Map<string, UserColumns>();
    let previousTotal = 0;
    let marked = 0;

    for (let round = 0; round < REGENERATIONS; round++) {
      const answers = Array.from({ length: count }, () => [ANSWERS[Math.floor(random() * ANSWERS.length)]]);
      port.workbook.paste(SHEETS.cartographie, `H${HEADER_ROW + 1}`, answers);
      const report = await session.updatePlan();
      if (!report.ok) throw new Error(report.problems.map((p) => p.message).join('; '));
      marked = Math.max(marked, report.marked);

      const rows = await planRows(port);
      expect(rows.length).toBeGreaterThanOrEqual(previousTotal);
      previousTotal = rows.length;
      // Every row the user followed up is still there, once, with what they typed.
      for (const [ref, expected] of typed) {
        const found = rows.filter((row) => row.ref === ref);
        expect(found.map(userColumns)).toEqual([expected]);
      }
      for (const [finding, expected] of manual) {
        const found = rows.filter((row) => row.origin === 'manual' && row.finding === finding);
        expect(found.map(userColumns)).toEqual([expected]);
      }
      expect(rows.filter((r) => r.origin === 'manual').map((r) => r.finding).sort()).toEqual([...manual.keys()].sort());

      // The user follows a few proposed rows up, as they would in Excel.
      rows.forEach((row, index) => {
        if (row.origin !== 'proposed' || random() > 0.3) return;
        const sheetRow = HEADER_ROW + 1 + index;
        const values: UserColumns = { pilot: `Pilote ${round}`, dueDate: 46000 + round, status: 'En cours', comment: `Note ${round}` };
        port.workbook.setCell(SHEETS.plan, cellAddress(sheetRow, column('pilot')), values.pilot);
        port.workbook.setCell(SHEETS.plan, cellAddress(sheetRow, column('dueDate')), values.dueDate);
        port.workbook.setCell(SHEETS.plan, cellAddress(sheetRow, column('status')), values.status);
        port.workbook.setCell(SHEETS.plan, cellAddress(sheetRow, column('comment')), values.comment);
        typed.set(row.ref, values);
      });
      // Now and then a row typed by hand under the table, without a reference.
      if (round % 5 === 0) {
        const finding = `Constat saisi à la main ${round}`;
        const values: UserColumns = { pilot: 'Mme Martin', dueDate: 'fin 2026', status: 'À lancer', comment: null };
        port.workbook.paste(SHEETS.plan, cellAddress(HEADER_ROW + rows.length + 1, 1), [
          [null, 3, 'Organisation', 'Bloc', finding, 'Action locale', 'Cadre', 'Suivi', values.pilot, values.dueDate, values.status, null, null],
        ]);
        manual.set(finding, values);
      }
    }

    const final = await planRows(port);
    expect(final.filter((r) => r.origin === 'manual')).toHaveLength(manual.size);
    expect(typed.size).toBeGreaterThan(10);
    expect(marked).toBeGreaterThan(0);
    session.stop();
    jest.useRealTimers();
  });
});
