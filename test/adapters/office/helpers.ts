/** A fake Excel holding a RESOMEDIT workbook, and the Office port over it. */
import { OfficeWorkbookPort, type OfficePortOptions } from '../../../src/adapters/office/port';
import { templateRows } from '../../../src/domain/catalogue';
import { CARTOGRAPHIE_COLUMNS, SHEETS } from '../../../src/workbook/sheets';
import { FakeExcel, type FakeExcelOptions } from '../../support/fake-excel';

export const CARTO = SHEETS.cartographie;

export function portOver(fake: FakeExcel, options: OfficePortOptions = {}): OfficeWorkbookPort {
  return new OfficeWorkbookPort(fake.run, fake.isSetSupported, options);
}

/** An empty workbook initialised by the port itself (all five sheets from the template). */
export async function initialisedWorkbook(options: FakeExcelOptions = {}, portOptions: OfficePortOptions = {}) {
  const fake = new FakeExcel(options);
  fake.addSheet('Feuil1');
  const port = portOver(fake, portOptions);
  await port.initialise();
  return { fake, port };
}

/**
 * A cartographie typed by hand, the way an older RESOMEDIT workbook may hold it: header at
 * `headerRow`, columns in the given order, one line per template row.
 */
export function handMadeCartographie(fake: FakeExcel, options: { headerRow?: number; columns?: string[]; headers?: Record<string, string> } = {}) {
  const columns = options.columns ?? Object.keys(CARTOGRAPHIE_COLUMNS);
  const headerRow = options.headerRow ?? 1;
  const header = columns.map((key) => options.headers?.[key] ?? CARTOGRAPHIE_COLUMNS[key as keyof typeof CARTOGRAPHIE_COLUMNS]);
  const rows = templateRows().map((row) => columns.map((key) => (key === 'answer' || key === 'comment' ? '' : String(row[key as keyof typeof row] ?? ''))));
  fake.addSheet(CARTO);
  fake.seed(CARTO, `A${headerRow}`, [header, ...rows]);
  return { rows: templateRows(), headerRow, columns };
}

/** 1-based sheet column of a cartographie column in `columns`. */
export function columnOf(columns: string[], key: string): string {
  return String.fromCharCode(65 + columns.indexOf(key));
}
