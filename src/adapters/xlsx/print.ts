/** The shared page setup (src/workbook/print.ts) and row heights written with exceljs. */
import type { Worksheet } from 'exceljs';
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
    fitToHeight: setup.onePage ? 1 : 0,
    margins: { ...PRINT_MARGINS },
  };
  // Absolute rows: exceljs adds the $ before the columns only. A sheet name with an apostrophe is
  // quoted in the saved file by mendDefinedNames.
  sheet.pageSetup.printArea = printAreaAddress(setup, lastRow).replace(/([A-Z]+)(\d+)/g, '$1$$$2');
  if (setup.titleRows) sheet.pageSetup.printTitlesRow = `${setup.titleRows.first + 1}:${setup.titleRows.last + 1}`;
  writeBreaks(sheet, setup);
}

function writeBreaks(sheet: Worksheet, setup: PrintSetup): void {
  // exceljs breaks after a row: a break before 0-based row r is one after 1-based row r.
  for (const row of setup.breaksBefore) if (row > 0) sheet.getRow(row).addPageBreak();
}

/** Heights of 0-based rows, in points. */
export function writeRowHeights(sheet: Worksheet, heights: Map<number, number>): void {
  for (const [row, height] of heights) sheet.getRow(row + 1).height = height;
}

