import { demoAnswers } from '../../../src/domain/demo';
import type { ChangeInfo } from '../../../src/workbook/port';
import { AnalysisSession } from '../../../src/workbook/session';
import { CARTO, initialisedWorkbook } from './helpers';
import { settled, until } from './timers';

const DEBOUNCE_MS = 300;

function collect(port: { onCartographieChange(listener: (change: ChangeInfo) => void): () => void }): ChangeInfo[] {
  const changes: ChangeInfo[] = [];
  port.onCartographieChange((change) => changes.push(change));
  return changes;
}

async function liveSession(...args: Parameters<typeof initialisedWorkbook>) {
  const { fake, port } = await initialisedWorkbook(...args);
  const session = new AnalysisSession(port, { debounceMs: DEBOUNCE_MS });
  await settled(session.start());
  await settled(port.listening());
  await settled(fake.settle());
  return { fake, port, session };
}

describe('OfficeWorkbookPort change events', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('a paste of 250 rows, reported by Excel as several events, gives one recomputation: 1 read, 0 writes, undo kept', async () => {
    const { fake, session } = await liveSession();
    const before = session.getState().recomputations;
    const [syncs, writes, undo] = [fake.syncCount, fake.writeSyncCount, fake.undoStack.length];
    await settled(fake.user.paste(CARTO, 'H5', Array.from({ length: 250 }, (_, i) => [i % 2 ? 'OUI' : 'NON', `logiciel ${i}`])));
    expect(fake.events.filter((event) => event.triggerSource === 'Unknown')).toHaveLength(3);
    await jest.advanceTimersByTimeAsync(DEBOUNCE_MS);
    await until(() => session.getState().recomputations > before, 'a recomputation');
    await jest.advanceTimersByTimeAsync(10 * DEBOUNCE_MS);
    expect(session.getState().recomputations - before).toBe(1);
    expect(fake.syncCount - syncs).toBe(1);
    expect(fake.writeSyncCount - writes).toBe(0);
    // The paste is the one new undo step, and nothing the add-in did cleared the history.
    expect(fake.undoStack).toHaveLength(undo + 1);
    session.stop();
  });

  it('ten quick edits give one recomputation', async () => {
    const { fake, session } = await liveSession();
    const before = session.getState().recomputations;
    for (let row = 5; row < 15; row++) {
      await settled(fake.user.type(CARTO, `H${row}`, 'OUI'));
      await jest.advanceTimersByTimeAsync(DEBOUNCE_MS / 3);
    }
    await jest.advanceTimersByTimeAsync(DEBOUNCE_MS);
    await until(() => session.getState().recomputations > before, 'a recomputation');
    await jest.advanceTimersByTimeAsync(10 * DEBOUNCE_MS);
    expect(session.getState().recomputations - before).toBe(1);
    expect(session.getState().analysis?.figures).toBeDefined();
    session.stop();
  });

  it('ignores its own writes thanks to triggerSource (ExcelApi 1.14)', async () => {
    const { fake, port } = await initialisedWorkbook();
    const changes = collect(port);
    await settled(port.listening());
    await settled(port.fillDemo(demoAnswers()));
    await settled(fake.settle());
    expect(fake.events.some((event) => event.triggerSource === 'ThisLocalAddin')).toBe(true);
    expect(changes).toEqual([]);
    await settled(fake.user.type(CARTO, 'H6', 'NON'));
    expect(changes).toEqual([{ sheet: CARTO, address: 'H6' }]);
  });

  it('ignores its own writes without triggerSource, during the write and a short window after', async () => {
    const { fake, port } = await initialisedWorkbook({ apiVersion: 13, eventDelayMs: 5 }, { quietWindowMs: 50 });
    expect(port.capabilities.triggerSource).toBe(false);
    const changes = collect(port);
    await settled(port.listening());
    await settled(port.fillDemo(demoAnswers()));
    await jest.advanceTimersByTimeAsync(5);
    await settled(fake.settle());
    expect(fake.events.length).toBeGreaterThan(0);
    expect(changes).toEqual([]);
    // A co-author's change gets through at once, even inside the window.
    await settled(port.fillDemo(demoAnswers()));
    const typed = fake.coauthor.type(CARTO, 'H7', 'NA');
    await jest.advanceTimersByTimeAsync(5);
    await settled(typed);
    expect(changes).toEqual([{ sheet: CARTO, address: 'H7' }]);
    await jest.advanceTimersByTimeAsync(80);
    const late = fake.user.type(CARTO, 'H8', 'OUI');
    await jest.advanceTimersByTimeAsync(5);
    await settled(late);
    expect(changes).toHaveLength(2);
  });

  it('without the window, the same host would report its own writes (what the guard is for)', async () => {
    const { fake, port } = await initialisedWorkbook({ apiVersion: 13, eventDelayMs: 5 }, { quietWindowMs: 0 });
    const changes = collect(port);
    await settled(port.listening());
    await settled(port.fillDemo(demoAnswers()));
    await jest.advanceTimersByTimeAsync(5);
    await settled(fake.settle());
    expect(changes.length).toBeGreaterThan(0);
  });

  it('follows the cartographie by id after a rename, under its new name', async () => {
    const { fake, port } = await initialisedWorkbook();
    const changes = collect(port);
    await settled(port.listening());
    fake.user.renameSheet(CARTO, 'Carto 2025');
    await settled(port.readCartographie());
    await settled(fake.user.type('Carto 2025', 'H9', 'OUI'));
    expect(changes).toEqual([{ sheet: 'Carto 2025', address: 'H9' }]);
  });

  it('on a host without events (before ExcelApi 1.7) registers nothing and says to refresh by hand', async () => {
    const { fake, port } = await initialisedWorkbook({ apiVersion: 6 });
    const changes = collect(port);
    await settled(port.listening());
    await settled(fake.user.type(CARTO, 'H5', 'OUI'));
    expect(changes).toEqual([]);
    expect(fake.sheet(CARTO).handlers.size).toBe(0);
    expect(port.capabilities.events).toBe(false);
    expect(port.capabilities.notes.join(' ')).toMatch(/Actualiser/);
  });
});
