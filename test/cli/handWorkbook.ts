/** The hand-counted cartographies as .xlsx files, for the command line to read. */
import { readGrid } from '../../src/adapters/xlsx/cells';
import { XlsxWorkbookPort } from '../../src/adapters/xlsx/port';
import type { HandRow } from '../support/cartographie';
import { handRowWrites } from '../support/handCartographie';

/** A RESOMEDIT workbook whose cartographie holds exactly `rows`. */
export async function writeHandWorkbook(path: string, rows: HandRow[]): Promise<void> {
  const port = new XlsxWorkbookPort();
  await port.initialise();
  const sheet = port.worksheet('cartographie');
  if (!sheet.ok) throw new Error('cartographie absente');
  for (const { address, value } of handRowWrites(readGrid(sheet.value), rows)) sheet.value.getCell(address).value = value;
  await port.save(path);
}
