/** Establishment workbooks written as real .xlsx files, for the command line tests and benchmarks. */
import ExcelJS from 'exceljs';
import { XlsxWorkbookPort } from '../../src/adapters/xlsx/port';
import type { Cartographie, CellInput } from '../../src/domain/model';

/** The exceljs value that reads back as `input` (an error cell for `error`, a number, a text…). */
function excelValue(input: CellInput): ExcelJS.CellValue {
  if (input.error) return { error: String(input.value) as ExcelJS.CellErrorValue['error'] };
  return input.value;
}

/** Template column order of the cartographie, from column A. */
const COLUMN_KEYS = ['ref', 'zone', 'step', 'type', 'label', 'to', 'critical', 'answer', 'comment'] as const;

/**
 * Writes the answers of `cartographie` (matched by reference) into the port's cartographie sheet;
 * its rows the template does not have (rows an establishment added) are written below the table.
 */
export async function fillAnswers(port: XlsxWorkbookPort, cartographie: Cartographie): Promise<void> {
  const read = await port.readCartographie();
  if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('; '));
  const answers = new Map(cartographie.entries.map((entry) => [entry.ref, entry.answer]));
  const sheet = port.worksheet('cartographie');
  if (!sheet.ok) throw new Error('cartographie absente');
  for (const entry of read.value.entries) {
    const answer = answers.get(entry.ref);
    sheet.value.getCell(entry.answerCell).value = answer ? excelValue(answer) : null;
  }
  const known = new Set(read.value.entries.map((entry) => entry.ref));
  let row = Math.max(...read.value.entries.map((entry) => entry.row));
  for (const entry of cartographie.entries.filter((added) => !known.has(added.ref))) {
    row++;
    COLUMN_KEYS.forEach((key, index) => {
      sheet.value.getCell(row, index + 1).value = key === 'answer' ? excelValue(entry.answer) : entry[key] || null;
    });
  }
}

/** A fresh RESOMEDIT workbook whose answers are those of `cartographie`. */
export async function establishmentWorkbook(cartographie: Cartographie, identity?: { name: string; finess?: string }): Promise<XlsxWorkbookPort> {
  const port = new XlsxWorkbookPort();
  await port.initialise();
  await fillAnswers(port, cartographie);
  if (identity) {
    const notice = port.worksheet('notice');
    if (!notice.ok) throw new Error('notice absente');
    const last = notice.value.rowCount;
    notice.value.getCell(last + 2, 1).value = 'Établissement';
    notice.value.getCell(last + 2, 2).value = identity.name;
    if (identity.finess) {
      notice.value.getCell(last + 3, 1).value = 'N° FINESS';
      notice.value.getCell(last + 3, 2).value = identity.finess;
    }
  }
  return port;
}

export async function writeEstablishment(path: string, cartographie: Cartographie, identity?: { name: string; finess?: string }): Promise<void> {
  await (await establishmentWorkbook(cartographie, identity)).save(path);
}

/** Bytes shaped like a password-protected Office file: an OLE2 container holding an EncryptionInfo stream. */
export function fakeEncryptedWorkbook(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  return Buffer.concat([header, Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(256), Buffer.from('EncryptedPackage', 'utf16le')]);
}

/** A valid .xlsx that is not a RESOMEDIT workbook. */
export async function foreignWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Budget 2025');
  sheet.addRow(['Poste', 'Montant']);
  sheet.addRow(['Achats DMI', 125000]);
  await workbook.xlsx.writeFile(path);
}
