/**
 * exceljs 4.4 writes a print area or title rows as `'name'!…` without doubling an apostrophe of
 * the sheet's name (« Analyse et plan d'action »): Excel then reports the file damaged, and
 * exceljs cannot read it back. The defined names are mended in every package saved, and in a
 * package opened (a file written by exceljs elsewhere); the mended form reads back in exceljs.
 */
import type ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';

const WORKBOOK = 'xl/workbook.xml';

/** Text as exceljs writes it in XML: apostrophes as &apos;. */
function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function fromXml(text: string): string {
  return text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * `bytes` with the sheet references of the defined names quoted as Excel requires; the same bytes
 * when nothing needs it. `sheetNames` spares reading them from the package.
 */
export function mendDefinedNames<T extends Uint8Array>(bytes: T, sheetNames?: string[]): T | Uint8Array<ArrayBuffer> {
  if (sheetNames && !sheetNames.some((name) => name.includes("'"))) return bytes;
  const part = unzipSync(bytes, { filter: (file) => file.name === WORKBOOK })[WORKBOOK];
  if (!part) return bytes;
  const xml = new TextDecoder().decode(part);
  const names = sheetNames ?? Array.from(xml.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g), (match) => fromXml(match[1]));
  const quoted = names.filter((name) => name.includes("'"));
  const fixed = xml.replace(/(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/g, (_, open: string, body: string, close: string) => {
    let text = body;
    for (const name of quoted) text = text.split(`${xmlText(`'${name}'`)}!`).join(`${xmlText(`'${name.replace(/'/g, "''")}'`)}!`);
    return open + text + close;
  });
  if (fixed === xml) return bytes;
  const files = unzipSync(bytes);
  files[WORKBOOK] = new TextEncoder().encode(fixed);
  return zipSync(files, { level: 6 });
}

/** The workbook as .xlsx bytes, its defined names mended (no file system: the demo uses it in the browser). */
export async function xlsxBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array<ArrayBuffer>> {
  return mendDefinedNames(new Uint8Array(await workbook.xlsx.writeBuffer()), workbook.worksheets.map((sheet) => sheet.name));
}
