/**
 * The fiche de synthèse sheet, written by the session through each of the three adapters from the
 * one layout: one A4 page upright, the add-in's earlier fiche replaced, a user's sheet of the same
 * name never touched. In Excel the write is one undo step where the host merges undo groups
 * (ExcelApi 1.20, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities),
 * and a page fitted to one page wide and tall is `pageLayout.zoom` with both counts
 * (https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions).
 */
import type { Worksheet } from 'exceljs';
import { MemoryWorkbookPort } from '../../src/adapters/memory/port';
import { XlsxWorkbookPort } from '../../src/adapters/xlsx/port';
import { demoAnswers } from '../../src/domain/demo';
import { FICHE_SHEET, FICHE_SHEET_MARK, ficheSheetCandidates, ficheSheetTarget } from '../../src/workbook/ficheSheet';
import type { WorkbookPort } from '../../src/workbook/port';
import { AnalysisSession } from '../../src/workbook/session';
import { initialisedWorkbook } from '../adapters/office/helpers';

const DATE = new Date(Date.UTC(2026, 5, 30));
const USER_NOTES = 'Mes notes pour la CME';

/** What a test needs of a workbook behind a port, whatever the adapter. */
interface Host {
  port: WorkbookPort;
  names(): string[];
  firstCell(sheet: string): unknown;
  /** Texts of every cell of a sheet. */
  texts(sheet: string): string[];
  /** Fitted to one page wide and one page tall, upright. */
  onePage(sheet: string): boolean;
  addUserSheet(name: string): void;
}

async function memoryHost(): Promise<Host> {
  const port = MemoryWorkbookPort.fromTemplate();
  expect((await port.fillDemo(demoAnswers())).ok).toBe(true);
  const { workbook } = port;
  return {
    port,
    names: () => workbook.sheetNames(),
    firstCell: (sheet) => workbook.sheet(sheet)?.cells.A1?.value,
    texts: (sheet) => Object.values(workbook.sheet(sheet)?.cells ?? {}).map((cell) => String(cell.value)),
    onePage: (sheet) => workbook.sheet(sheet)?.print?.onePage === true && workbook.sheet(sheet)?.print?.landscape === false,
    addUserSheet: (name) => {
      workbook.addSheet(name);
      workbook.write(name, [{ address: 'A1', cell: { value: USER_NOTES } }]);
    },
  };
}

async function officeHost(apiVersion?: number): Promise<Host & { undoSteps(): number }> {
  const { fake, port } = await initialisedWorkbook(apiVersion === undefined ? {} : { apiVersion });
  expect((await port.fillDemo(demoAnswers())).ok).toBe(true);
  return {
    port,
    names: () => fake.model.sheets.map((sheet) => sheet.name),
    firstCell: (sheet) => fake.value(sheet, 'A1'),
    texts: (sheet) => [...fake.sheet(sheet).cells.values()].map((cell) => String(cell.value)),
    onePage: (sheet) => {
      const layout = fake.sheet(sheet).pageLayout;
      return layout.orientation === 'Portrait' && layout.zoom?.horizontalFitToPages === 1 && layout.zoom?.verticalFitToPages === 1;
    },
    addUserSheet: (name) => fake.addSheet(name, [[USER_NOTES]]),
    undoSteps: () => fake.undoStack.length,
  };
}

async function xlsxHost(): Promise<Host> {
  const port = new XlsxWorkbookPort();
  await port.initialise();
  expect((await port.fillDemo(demoAnswers())).ok).toBe(true);
  const sheet = (name: string) => port.workbook.getWorksheet(name) as Worksheet;
  return {
    port,
    names: () => port.workbook.worksheets.map((s) => s.name),
    firstCell: (name) => sheet(name).getCell('A1').value,
    texts: (name) => {
      const texts: string[] = [];
      sheet(name).eachRow((row) => row.eachCell((cell) => void texts.push(String(cell.value))));
      return texts;
    },
    onePage: (name) => {
      const setup = sheet(name).pageSetup;
      return setup.orientation === 'portrait' && setup.fitToWidth === 1 && setup.fitToHeight === 1 && setup.paperSize === 9;
    },
    addUserSheet: (name) => {
      port.workbook.addWorksheet(name).getCell('A1').value = USER_NOTES;
    },
  };
}

const HOSTS: [string, () => Promise<Host>][] = [
  ['memory', memoryHost],
  ['office', () => officeHost()],
  ['xlsx', xlsxHost],
];

describe.each(HOSTS)('fiche de synthèse sheet (%s adapter)', (_, makeHost) => {
  it('is written on its own sheet, one A4 page upright, with the rates and actions, then replaced by the next fiche', async () => {
    const host = await makeHost();
    const session = new AnalysisSession(host.port, { establishment: 'CH de Valmont' });
    const sheetsBefore = host.names().length;

    const first = await session.writeFicheSheet(DATE);
    expect(first).toEqual({ ok: true, value: { sheet: FICHE_SHEET, replaced: false } });
    expect(host.names()).toHaveLength(sheetsBefore + 1);
    expect(host.firstCell(FICHE_SHEET)).toBe(FICHE_SHEET_MARK);
    expect(host.onePage(FICHE_SHEET)).toBe(true);
    const texts = host.texts(FICHE_SHEET);
    const content = await session.fiche(DATE);
    if (!content) throw new Error('pas de fiche');
    for (const figure of [content.completude, ...content.rates]) expect(texts).toEqual(expect.arrayContaining([figure.label, figure.value, figure.detail]));
    expect(content.actions).toHaveLength(5);
    for (const action of content.actions) expect(texts).toContain(`P${action.priority} · ${action.action}`);
    expect(texts).toContain('CH de Valmont');

    const second = await session.writeFicheSheet(DATE);
    expect(second).toEqual({ ok: true, value: { sheet: FICHE_SHEET, replaced: true } });
    expect(host.names()).toHaveLength(sheetsBefore + 1);
  });

  it('leaves a sheet of the user named « Fiche de synthèse » as it is and writes beside it', async () => {
    const host = await makeHost();
    host.addUserSheet('Fiche de synthese');
    const session = new AnalysisSession(host.port);
    const written = await session.writeFicheSheet(DATE);
    expect(written).toEqual({ ok: true, value: { sheet: `${FICHE_SHEET} (2)`, replaced: false } });
    expect(host.firstCell('Fiche de synthese')).toBe(USER_NOTES);
    expect(host.firstCell(`${FICHE_SHEET} (2)`)).toBe(FICHE_SHEET_MARK);
    expect(await session.writeFicheSheet(DATE)).toEqual({ ok: true, value: { sheet: `${FICHE_SHEET} (2)`, replaced: true } });
    expect(host.firstCell('Fiche de synthese')).toBe(USER_NOTES);
  });
});

describe('fiche de synthèse sheet in Excel', () => {
  it('is one undo step where the host merges undo groups', async () => {
    const host = await officeHost(20);
    const session = new AnalysisSession(host.port);
    const before = host.undoSteps();
    expect((await session.writeFicheSheet(DATE)).ok).toBe(true);
    expect(host.undoSteps()).toBe(before + 1);
  });
});

describe('ficheSheetTarget', () => {
  it('takes the add-in’s own fiche, spelt tolerantly, and skips the user’s sheets of that name', () => {
    const first: Record<string, unknown> = { 'FICHE DE SYNTHÈSE': 'à moi', 'Fiche de synthèse (2)': 'Fiche de synthese', 'Fiche de synthèse (3)': null };
    const names = ['Synthèse', ...Object.keys(first)];
    expect(ficheSheetCandidates(names)).toEqual(Object.keys(first));
    expect(ficheSheetTarget(names, (name) => first[name])).toEqual({ name: 'Fiche de synthèse (2)', replaces: true });
    expect(ficheSheetTarget(['FICHE DE SYNTHÈSE', 'Fiche de synthèse (2)'], () => 42)).toEqual({ name: 'Fiche de synthèse (3)', replaces: false });
  });
});
