/** The shared page setup (src/workbook/print.ts) and row heights written with exceljs. */
import type { Worksheet } from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { PRINT_MARGINS, headerFooterCode, printAreaAddress, type PrintSetup } from '../../workbook/print';

/** exceljs' code for A4 paper. */
const A4 = 9;

export function writeHeaderFooter(sheet: Worksheet, setup: PrintSetup): void {
  sheet.headerFooter = { ...sheet.headerFooter, oddHeader: headerFooterCode(setup.header), oddFooter: headerFooterCode(setup.footer) };
}

/** A4, one page wide, the print area down to `lastRow` (1-based), title rows and page breaks. */
export function writePrintSetup(sheet: Worksheet, setup: PrintSetup, lastRow: number): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: A4,
    orientation: setup.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { ...PRINT_MARGINS },
    // Absolute rows: exceljs adds the $ before the columns only.
    printArea: printAreaAddress(setup, lastRow).replace(/([A-Z]+)(\d+)/g, '$1$$$2'),
    ...(setup.titleRows && { printTitlesRow: `${setup.titleRows.first + 1}:${setup.titleRows.last + 1}` }),
  };
  // exceljs breaks after a row: a break before 0-based row r is one after 1-based row r.
  for (const row of setup.breaksBefore) if (row > 0) sheet.getRow(row).addPageBreak();
}

/** Heights of 0-based rows, in points. */
export function writeRowHeights(sheet: Worksheet, heights: Map<number, number>): void {
  for (const [row, height] of heights) sheet.getRow(row + 1).height = height;
}

/**
 * exceljs writes the print area and title rows of a sheet as `'name'!…` without doubling an
 * apostrophe of the name (« Analyse et plan d'action »): Excel then reports the file damaged and
 * exceljs cannot read it back. Doubles it in the saved package's workbook part.
 */
export function quoteSheetNamesInPrintRanges(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const part = files['xl/workbook.xml'];
  if (!part) return bytes;
  const xml = strFromU8(part);
  const names = [...xml.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((match) => match[1]).filter((name) => name.includes('&apos;'));
  if (names.length === 0) return bytes;
  const fixed = xml.replace(/(<definedName [^>]*>)([^<]*)(<\/definedName>)/g, (_all, open: string, ranges: string, close: string) => {
    let text = ranges;
    for (const name of names) text = text.split(`&apos;${name}&apos;!`).join(`&apos;${name.replace(/&apos;/g, '&apos;&apos;')}&apos;!`);
    return open + text + close;
  });
  files['xl/workbook.xml'] = strToU8(fixed);
  return zipSync(files);
}
