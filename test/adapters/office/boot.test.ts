import { bootOffice } from '../../../src/adapters/office/boot';
import { detectCapabilities } from '../../../src/adapters/office/capabilities';
import { FakeExcel } from '../../support/fake-excel';
import { CARTO, handMadeCartographie } from './helpers';

const upTo = (minor: number) => (name: string, version?: string) => name === 'ExcelApi' && Number((version ?? '1.1').split('.')[1]) <= minor;

describe('detectCapabilities', () => {
  it('needs ExcelApi 1.4 for the core and says so in French', () => {
    expect(detectCapabilities(upTo(3)).problem).toMatchObject({ code: 'unsupported', message: expect.stringContaining('ExcelApi 1.4') });
    expect(detectCapabilities(upTo(4)).problem).toBeUndefined();
  });

  it('degrades feature by feature with one French note each', () => {
    expect(detectCapabilities(upTo(4)).capabilities).toMatchObject({ host: 'excel', events: false, triggerSource: false, charts: false });
    expect(detectCapabilities(upTo(4)).capabilities.notes).toHaveLength(8);
    expect(detectCapabilities(upTo(8)).capabilities.notes).toEqual([
      expect.stringContaining('ExcelApi 1.14'),
      expect.stringContaining('ExcelApi 1.20'),
      expect.stringContaining('ExcelApi 1.9'),
      expect.stringContaining('ExcelApi 1.13'),
    ]);
    expect(detectCapabilities(upTo(13)).capabilities).toMatchObject({ events: true, triggerSource: false, charts: true });
    expect(detectCapabilities(upTo(13)).capabilities.notes).toEqual([expect.stringContaining('ExcelApi 1.14'), expect.stringContaining('ExcelApi 1.20')]);
    expect(detectCapabilities(upTo(19)).capabilities.notes).toEqual([expect.stringContaining("vident l'historique d'annulation")]);
    expect(detectCapabilities(upTo(20)).capabilities.notes).toEqual([]);
  });
});

describe('bootOffice', () => {
  const globals = globalThis as unknown as Record<string, unknown>;
  afterEach(() => {
    delete globals.Office;
    delete globals.Excel;
  });

  function installOffice(fake: FakeExcel, host = 'Excel') {
    globals.Office = {
      onReady: () => Promise.resolve({ host, platform: 'OfficeOnline' }),
      HostType: { Excel: 'Excel', Word: 'Word' },
      context: { requirements: { isSetSupported: fake.isSetSupported } },
    };
    globals.Excel = { run: fake.run };
  }

  it('gives a French problem, without throwing, when Office.js is absent', async () => {
    await expect(bootOffice()).resolves.toEqual({ ok: false, problem: expect.objectContaining({ code: 'unsupported', message: expect.stringContaining('Office.js') }) });
  });

  it('gives the port when Excel is ready, and the port reads through Excel.run', async () => {
    const fake = new FakeExcel();
    handMadeCartographie(fake);
    installOffice(fake);
    const booted = await bootOffice();
    if (!booted.ok) throw new Error(booted.problem.message);
    const read = await booted.port.readCartographie();
    expect(read.ok && read.value.sheet).toBe(CARTO);
  });

  it('refuses another host and a too old Excel', async () => {
    installOffice(new FakeExcel(), 'Word');
    expect(await bootOffice()).toMatchObject({ ok: false, problem: { message: expect.stringContaining('Excel') } });
    installOffice(new FakeExcel({ apiVersion: 3 }));
    expect(await bootOffice()).toMatchObject({ ok: false, problem: { message: expect.stringContaining('trop ancienne') } });
  });
});
