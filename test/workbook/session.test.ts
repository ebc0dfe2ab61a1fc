import { MemoryWorkbookPort } from '../../src/adapters/memory/port';
import { analyse } from '../../src/domain/analyse';
import { demoAnswers } from '../../src/domain/demo';
import { MemoryWorkbook } from '../../src/adapters/memory/workbook';
import type { ReadResult, SheetCartographie, SheetLayout } from '../../src/workbook/port';
import { AnalysisSession, type SessionState } from '../../src/workbook/session';
import { SHEETS } from '../../src/workbook/sheets';
import { TABLE_HEADER_ROW } from '../../src/workbook/template';

const CARTO = SHEETS.cartographie;
const DEBOUNCE = 200;
const FIRST = TABLE_HEADER_ROW + 2;

/** A memory port counting reads and Synthèse writes, whose reads can be held open. */
class CountingPort extends MemoryWorkbookPort {
  reads = 0;
  synthesisWrites = 0;
  gate: Promise<void> | null = null;

  override async readCartographie(): Promise<ReadResult<SheetCartographie>> {
    this.reads++;
    if (this.gate) await this.gate;
    return super.readCartographie();
  }

  override async writeSynthesis(layout: SheetLayout): Promise<ReadResult<void>> {
    this.synthesisWrites++;
    return super.writeSynthesis(layout);
  }
}

function setup() {
  const port = new CountingPort();
  void port.initialise();
  const session = new AnalysisSession(port, { debounceMs: DEBOUNCE });
  return { port, session };
}

function deferred(): { promise: Promise<void>; release: () => void } {
  let release = () => undefined as void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('AnalysisSession', () => {
  it('analyses on start from one read, and writes nothing', async () => {
    const { port, session } = setup();
    await session.start();
    const state = session.getState();
    expect(state.status).toBe('ready');
    expect(state.recomputations).toBe(1);
    expect(state.analysis?.figures.counts.rows).toBeGreaterThan(100);
    expect(port.reads).toBe(1);
    expect(port.synthesisWrites).toBe(0);
    session.stop();
  });

  it('runs what the pane asks between the first analysis and the Synthèse check (the first figures paint first)', async () => {
    const { port, session } = setup();
    const readSynthesis = jest.spyOn(port, 'readSynthesis');
    const seen: { status: SessionState['status']; synthesisReads: number }[] = [];
    await session.start({
      afterFirstAnalysis: async () => {
        seen.push({ status: session.getState().status, synthesisReads: readSynthesis.mock.calls.length });
      },
    });
    expect(seen).toEqual([{ status: 'ready', synthesisReads: 0 }]);
    expect(readSynthesis).toHaveBeenCalledTimes(1);
    expect(session.getState().drift).not.toBeUndefined();
    session.stop();
  });

  it('publishes the first figures before the proposed actions, then the whole analysis, as `analyse` gives it', async () => {
    const { port, session } = setup();
    await port.fillDemo(demoAnswers());
    const states: SessionState[] = [];
    session.subscribe((state) => states.push(state));
    await session.start();
    const ready = states.filter((state) => state.status === 'ready');
    // First the figures alone (the proposals' code is loaded after them), then the same figures with the proposals.
    expect(ready[0].assessment).toBeDefined();
    expect(ready[0].analysis).toBeUndefined();
    const { analysis, assessment } = session.getState();
    expect(assessment).toBe(analysis);
    const read = await port.readCartographie();
    if (!read.ok) throw new Error('cartographie illisible');
    const expected = analyse(read.value);
    expect(analysis?.figures).toEqual(ready[0].assessment?.figures);
    expect(analysis?.figures).toEqual(expected.figures);
    expect(analysis?.proposals).toEqual(expected.proposals);
    expect(analysis?.proposals.length).toBeGreaterThan(0);
    // One recomputation for both steps.
    expect(session.getState().recomputations).toBe(1);
    session.stop();
  });

  it('coalesces a burst of 500 change events into one recomputation', async () => {
    const { port, session } = setup();
    await session.start();
    for (let i = 0; i < 500; i++) {
      port.workbook.setCell(CARTO, `H${FIRST + (i % 100)}`, i % 2 ? 'OUI' : 'NON');
      await jest.advanceTimersByTimeAsync(DEBOUNCE / 10);
    }
    expect(session.getState().recomputations).toBe(1);
    await jest.advanceTimersByTimeAsync(DEBOUNCE);
    expect(session.getState().recomputations).toBe(2);
    expect(port.reads).toBe(2);
    expect(session.getState().analysis?.figures.counts.answered).toBe(100);
    session.stop();
  });

  it('is not retriggered by its own writes nor by the add-in writing answers', async () => {
    const { port, session } = setup();
    await session.start();
    await session.refresh();
    await session.updatePlan();
    port.workbook.write(CARTO, [{ address: `H${FIRST}`, cell: { value: 'OUI' } }]);
    await jest.advanceTimersByTimeAsync(DEBOUNCE * 5);
    // start, refresh, and the refresh updatePlan does first: three reads, none from events.
    expect(port.reads).toBe(3);
    session.stop();
  });

  it('runs exactly one more recomputation for events arriving during one', async () => {
    const { port, session } = setup();
    await session.start();
    const hold = deferred();
    port.gate = hold.promise;
    port.workbook.setCell(CARTO, `H${FIRST}`, 'OUI');
    await jest.advanceTimersByTimeAsync(DEBOUNCE);
    expect(port.reads).toBe(2);
    for (const answer of ['NON', 'NA', 'OUI']) {
      port.workbook.setCell(CARTO, `H${FIRST + 1}`, answer);
      await jest.advanceTimersByTimeAsync(DEBOUNCE);
    }
    port.gate = null;
    hold.release();
    await jest.advanceTimersByTimeAsync(DEBOUNCE * 5);
    expect(port.reads).toBe(3);
    expect(session.getState().recomputations).toBe(3);
    expect(session.getState().analysis?.cartographie.entries[1].answer.value).toBe('OUI');
    session.stop();
  });

  it('writes the Synthèse only on the explicit command, never while the user answers', async () => {
    const { port, session } = setup();
    await session.start();
    port.workbook.setCell(CARTO, `H${FIRST}`, 'OUI');
    await jest.advanceTimersByTimeAsync(DEBOUNCE);
    expect(session.getState().recomputations).toBe(2);
    expect(port.synthesisWrites).toBe(0);
    expect(await session.regenerateSynthesis()).toEqual({ ok: true });
    expect(port.synthesisWrites).toBe(1);
    expect(port.workbook.getCell(SHEETS.synthesis, 'A1')?.value).toMatch(/^Synthèse/);
    session.stop();
  });

  it('reports a missing cartographie sheet as a problem, then recovers after initialisation', async () => {
    const { port, session } = setup();
    port.workbook.removeSheet(CARTO);
    await session.start();
    expect(session.getState()).toMatchObject({
      status: 'problem',
      problems: [{ code: 'sheet-missing', message: 'feuille « Cartographie données info DMI » introuvable' }],
    });
    expect(session.getState().analysis).toBeUndefined();
    const report = await session.initialise();
    expect(report.created).toEqual([CARTO]);
    expect(session.getState()).toMatchObject({ status: 'ready', problems: [] });
    session.stop();
  });

  it('turns a failing workbook into an error state in French, without throwing', async () => {
    const { port, session } = setup();
    port.readCartographie = () => Promise.reject(new Error('connexion perdue'));
    await expect(session.start()).resolves.toBeUndefined();
    expect(session.getState()).toMatchObject({ status: 'error', error: "Erreur pendant l'analyse du classeur : connexion perdue" });
    port.writePlan = () => Promise.reject(new Error('feuille protégée'));
    const report = await session.updatePlan();
    expect(report.ok).toBe(false);
    session.stop();
  });

  it('loads the demo, shows the busy label while working, and updates the plan', async () => {
    const { port, session } = setup();
    await session.start();
    const states: SessionState[] = [];
    session.subscribe((state) => states.push(state));
    await session.loadDemo();
    expect(await port.hasAnswers()).toBe(true);
    const { counts } = session.getState().analysis!.figures;
    expect(counts.answered).toBe(counts.rows);
    expect(states.some((s) => s.busy === "Remplissage de l'établissement de démonstration…")).toBe(true);
    expect(session.getState().busy).toBeNull();

    const proposals = session.getState().analysis!.proposals.length;
    expect(proposals).toBeGreaterThan(0);
    expect(await session.updatePlan()).toEqual({ ok: true, added: proposals, kept: 0, marked: 0, total: proposals });
    expect(await session.updatePlan()).toEqual({ ok: true, added: 0, kept: proposals, marked: 0, total: proposals });
    session.stop();
  });

  it('selects the cell of a finding', async () => {
    const { port, session } = setup();
    port.workbook.setCell(CARTO, `H${FIRST}`, 'peut-être');
    await session.start();
    const finding = session.getState().analysis!.findings.find((f) => f.kind === 'invalide')!;
    await session.select(finding);
    expect(port.workbook.getSelection()).toEqual({ sheet: CARTO, cell: `H${FIRST}` });
    session.stop();
  });

  it('stops listening after stop()', async () => {
    const { port, session } = setup();
    await session.start();
    session.stop();
    port.workbook.setCell(CARTO, `H${FIRST}`, 'OUI');
    await jest.advanceTimersByTimeAsync(DEBOUNCE * 2);
    expect(port.reads).toBe(1);
  });
});

describe('a workbook created by the session', () => {
  it('gets a Synthèse of formulas at once, which the drift check then finds up to date', async () => {
    const port = new MemoryWorkbookPort(new MemoryWorkbook());
    const session = new AnalysisSession(port);
    const report = await session.initialise();
    expect(report.created).toContain(SHEETS.synthesis);
    const held = await port.readSynthesis();
    if (!held.ok) throw new Error('Synthèse illisible');
    expect(held.value.filter((cell) => cell.formula !== undefined).length).toBeGreaterThan(50);
    expect(await session.checkSynthesis()).toBeNull();
  });
});
