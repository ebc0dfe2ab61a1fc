/** The Synthèse's « Évolution » section: last year's values, this year's as formulas, the difference in points. */
import { MemoryWorkbookPort } from '../../src/adapters/memory/port';
import { demoAnswers } from '../../src/domain/demo';
import type { ReadCell } from '../../src/workbook/port';
import { AnalysisSession } from '../../src/workbook/session';
import { SHEETS } from '../../src/workbook/sheets';
import { synthesisDrift } from '../../src/workbook/synthesisDrift';
import { synthesisLayout } from '../../src/workbook/synthesisLayout';
import { cellAddress } from '../../src/workbook/grid';

async function demoSession() {
  const port = MemoryWorkbookPort.fromTemplate();
  await port.fillDemo(demoAnswers());
  const session = new AnalysisSession(port, { now: () => new Date(Date.UTC(2026, 10, 27)) });
  await session.start();
  return { port, session };
}

function rowOf(cells: ReadCell[], label: string): Map<number, ReadCell> {
  const head = cells.find((cell) => cell.col === 0 && cell.value === label);
  if (!head) throw new Error(`${label} absent de la Synthèse`);
  return new Map(cells.filter((cell) => cell.row === head.row).map((cell) => [cell.col, cell]));
}

describe('Synthèse « Évolution »', () => {
  it('writes last year as values, this year and the difference as formulas Excel recalculates', async () => {
    const { port, session } = await demoSession();
    const before = session.getState().analysis!;
    // This year: every Interopérabilité line answered OUI (the ruptures closed).
    const read = await port.readCartographie();
    if (!read.ok) throw new Error('cartographie illisible');
    const flows = read.value.entries.filter((entry) => entry.type === 'Interopérabilité');
    port.workbook.write(SHEETS.cartographie, flows.map((entry) => ({ address: entry.answerCell, cell: { value: 'OUI' } })));
    await session.refresh();
    await session.compareWith({ fileName: 'campagne-2025.xlsx', analysis: before, plan: [], info: { year: 2025, date: null, text: '2025' } });
    expect((await session.regenerateSynthesis()).ok).toBe(true);

    const held = await port.readSynthesis();
    if (!held.ok) throw new Error('Synthèse illisible');
    const rupture = rowOf(held.value, 'Points de rupture (CAQES R4 1.2)');
    const after = session.getState().analysis!.figures.overall.rupture.value!;
    expect(rupture.get(1)).toMatchObject({ value: before.figures.overall.rupture.value });
    expect(rupture.get(1)?.formula).toBeUndefined();
    expect(rupture.get(2)?.formula).toMatch(/^=[A-Z]+\d+$/);
    expect(rupture.get(2)?.value).toBeCloseTo(after, 10);
    expect(rupture.get(3)?.formula).toContain('IFERROR');
    expect(rupture.get(3)?.value).toBeCloseTo((after - before.figures.overall.rupture.value!) * 100, 10);
    // Flows from steps still not computerised stay ruptures (incoherent OUI counts as NON): fewer, not none.
    expect(after).toBeLessThan(before.figures.overall.rupture.value!);

    // The user types an answer: this year's column and the difference follow, last year's stays.
    port.workbook.write(SHEETS.cartographie, [{ address: flows[0].answerCell, cell: { value: 'NON' } }]);
    const again = await port.readSynthesis();
    const moved = again.ok ? rowOf(again.value, 'Points de rupture (CAQES R4 1.2)') : new Map();
    expect(moved.get(2)?.value).toBeGreaterThan(0);
    expect(moved.get(1)?.value).toBe(before.figures.overall.rupture.value);

    expect(held.value.some((cell) => typeof cell.value === 'string' && cell.value.startsWith('Ruptures fermées : '))).toBe(true);
  });

  it('is not drift: the sections above keep their places, the check leaves the section out', async () => {
    const { port, session } = await demoSession();
    const analysis = session.getState().analysis!;
    await session.compareWith({ fileName: 'x.xlsx', analysis, plan: [], info: null });
    await session.regenerateSynthesis();
    expect(session.getState().drift).toBeNull();
    const plain = synthesisLayout(analysis);
    const withEvolution = synthesisLayout(analysis, { evolution: session.getState().comparison!.comparison });
    const key = (cell: { row: number; col: number }) => cellAddress(cell.row + 1, cell.col + 1);
    expect(withEvolution.cells.slice(0, plain.cells.length).map(key)).toEqual(plain.cells.map(key));
    const held = await port.readSynthesis();
    const read = await port.readCartographie();
    expect(held.ok && read.ok && synthesisDrift(synthesisLayout(analysis, { area: read.value.area }), held.value, true)).toBeNull();
  });
});
