import { demoAnswers } from '../../../src/domain/demo';
import type { ChangeInfo } from '../../../src/workbook/port';
import { AnalysisSession } from '../../../src/workbook/session';
import { CARTO, initialisedWorkbook } from './helpers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function collect(port: { onCartographieChange(listener: (change: ChangeInfo) => void): () => void }): ChangeInfo[] {
  const changes: ChangeInfo[] = [];
  port.onCartographieChange((change) => changes.push(change));
  return changes;
}

describe('OfficeWorkbookPort change events', () => {
  it('a paste of 500 cells gives one recomputation of the live session', async () => {
    const { fake, port } = await initialisedWorkbook();
    const session = new AnalysisSession(port, { debounceMs: 30 });
    await session.start();
    await port.listening();
    await fake.settle();
    await sleep(60);
    const before = session.getState().recomputations;
    const syncs = fake.syncCount;
    await fake.user.paste(CARTO, 'H5', Array.from({ length: 250 }, (_, i) => [i % 2 ? 'OUI' : 'NON', `logiciel ${i}`]));
    await sleep(150);
    await fake.settle();
    expect(fake.events.filter((event) => event.triggerSource === 'Unknown')).toHaveLength(1);
    expect(session.getState().recomputations - before).toBe(1);
    // One read, one Synthèse write, nothing more.
    expect(fake.syncCount - syncs).toBe(2);
    session.stop();
  });

  it('ten quick edits give one recomputation; the own Synthèse writes give none', async () => {
    const { fake, port } = await initialisedWorkbook();
    const session = new AnalysisSession(port, { debounceMs: 40 });
    await session.start();
    await port.listening();
    await sleep(80);
    await fake.settle();
    const before = session.getState().recomputations;
    for (let row = 5; row < 15; row++) await fake.user.type(CARTO, `H${row}`, 'OUI');
    await sleep(200);
    await fake.settle();
    expect(session.getState().recomputations - before).toBe(1);
    session.stop();
  });

  it('ignores its own writes thanks to triggerSource (ExcelApi 1.14)', async () => {
    const { fake, port } = await initialisedWorkbook();
    const changes = collect(port);
    await port.listening();
    await port.fillDemo(demoAnswers());
    await fake.settle();
    expect(fake.events.some((event) => event.triggerSource === 'ThisLocalAddin')).toBe(true);
    expect(changes).toEqual([]);
    await fake.user.type(CARTO, 'H6', 'NON');
    expect(changes).toEqual([{ sheet: CARTO, address: 'H6' }]);
  });

  it('ignores its own writes without triggerSource, during the write and a short window after', async () => {
    const { fake, port } = await initialisedWorkbook({ apiVersion: 13, eventDelayMs: 5 }, { quietWindowMs: 50 });
    expect(port.capabilities.triggerSource).toBe(false);
    const changes = collect(port);
    await port.listening();
    await port.fillDemo(demoAnswers());
    await fake.settle();
    expect(fake.events.length).toBeGreaterThan(0);
    expect(changes).toEqual([]);
    // A co-author's change gets through at once, even inside the window.
    await port.fillDemo(demoAnswers());
    await fake.coauthor.type(CARTO, 'H7', 'NA');
    expect(changes).toEqual([{ sheet: CARTO, address: 'H7' }]);
    await sleep(80);
    await fake.user.type(CARTO, 'H8', 'OUI');
    expect(changes).toHaveLength(2);
  });

  it('without the window, the same host would report its own writes (what the guard is for)', async () => {
    const { fake, port } = await initialisedWorkbook({ apiVersion: 13, eventDelayMs: 5 }, { quietWindowMs: 0 });
    const changes = collect(port);
    await port.listening();
    await port.fillDemo(demoAnswers());
    await fake.settle();
    expect(changes.length).toBeGreaterThan(0);
  });

  it('follows the cartographie by id after a rename, under its new name', async () => {
    const { fake, port } = await initialisedWorkbook();
    const changes = collect(port);
    await port.listening();
    fake.user.renameSheet(CARTO, 'Carto 2025');
    await port.readCartographie();
    await fake.user.type('Carto 2025', 'H9', 'OUI');
    expect(changes).toEqual([{ sheet: 'Carto 2025', address: 'H9' }]);
  });

  it('on a host without events (before ExcelApi 1.7) registers nothing and says to refresh by hand', async () => {
    const { fake, port } = await initialisedWorkbook({ apiVersion: 6 });
    const changes = collect(port);
    await port.listening();
    await fake.user.type(CARTO, 'H5', 'OUI');
    expect(changes).toEqual([]);
    expect(fake.sheet(CARTO).handlers.size).toBe(0);
    expect(port.capabilities.events).toBe(false);
    expect(port.capabilities.notes.join(' ')).toMatch(/Actualiser/);
  });
});
