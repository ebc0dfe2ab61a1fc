/**
 * exceljs 4.4 writes a print area or title rows as `'name'!…` without doubling an apostrophe of
 * the sheet's name (« Analyse et plan d'action »): Excel then reports the file damaged, and
 * exceljs cannot read it back. The defined names of the written package are mended here; exceljs
 * reads the mended form (and writes it wrong again, mended again at the next save).
 */
import { unzipSync, zipSync } from 'fflate';

const WORKBOOK = 'xl/workbook.xml';

/** A sheet name as exceljs writes it in XML text: apostrophes as &apos;. */
function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** `written` with the sheet references of its defined names quoted as Excel requires; the same bytes when nothing needs it. */
export function mendDefinedNames(written: Uint8Array, sheetNames: string[]): Uint8Array {
  const mended = sheetNames.filter((name) => name.includes("'"));
  if (mended.length === 0) return written;
  const files = unzipSync(written);
  const xml = new TextDecoder().decode(files[WORKBOOK]);
  const fixed = xml.replace(/(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/g, (_, open: string, body: string, close: string) => {
    let text = body;
    for (const name of mended) text = text.split(`${xmlText(`'${name}'`)}!`).join(`${xmlText(`'${name.replace(/'/g, "''")}'`)}!`);
    return open + text + close;
  });
  if (fixed === xml) return written;
  files[WORKBOOK] = new TextEncoder().encode(fixed);
  return zipSync(files, { level: 6 });
}
