/**
 * The shared page setup (src/workbook/print.ts) through `worksheet.pageLayout` and
 * `horizontalPageBreaks` (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.pagelayout),
 * and the shared row heights (`format.rowHeight`, ExcelApi 1.2).
 */
import { cellAddress } from '../../workbook/grid';
import { PRINT_MARGINS, printAreaAddress, type PrintSetup } from '../../workbook/print';
import { DEFAULT_ROW_HEIGHT } from '../../workbook/rowHeights';
import type { WriteBatch } from './batch';
import type { OfficeFeatures } from './capabilities';

const POINTS_PER_INCH = 72;

export async function writeHeaderFooter(batch: WriteBatch, sheet: Excel.Worksheet, setup: PrintSetup, features: OfficeFeatures): Promise<void> {
  if (!features.pageLayout) return;
  await batch.add(() => {
    const parts = sheet.pageLayout.headersFooters.defaultForAllPages;
    parts.leftHeader = setup.header.left;
    parts.centerHeader = setup.header.center;
    parts.rightHeader = setup.header.right;
    parts.leftFooter = setup.footer.left;
    parts.centerFooter = setup.footer.center;
    parts.rightFooter = setup.footer.right;
  });
}

/** A4, one page wide, the print area down to `lastRow` (1-based), title rows and page breaks. */
export async function writePageLayout(batch: WriteBatch, sheet: Excel.Worksheet, setup: PrintSetup, lastRow: number, features: OfficeFeatures): Promise<void> {
  if (!features.pageLayout) return;
  await batch.add(() => {
    const layout = sheet.pageLayout;
    layout.paperSize = 'A4';
    layout.orientation = setup.landscape ? 'Landscape' : 'Portrait';
    // Pages tall left automatic (https://github.com/OfficeDev/office-js/issues/1860 sets the width alone too).
    layout.zoom = setup.onePage ? { horizontalFitToPages: 1, verticalFitToPages: 1 } : { horizontalFitToPages: 1 };
    layout.leftMargin = PRINT_MARGINS.left * POINTS_PER_INCH;
    layout.rightMargin = PRINT_MARGINS.right * POINTS_PER_INCH;
    layout.topMargin = PRINT_MARGINS.top * POINTS_PER_INCH;
    layout.bottomMargin = PRINT_MARGINS.bottom * POINTS_PER_INCH;
    layout.headerMargin = PRINT_MARGINS.header * POINTS_PER_INCH;
    layout.footerMargin = PRINT_MARGINS.footer * POINTS_PER_INCH;
    layout.setPrintArea(printAreaAddress(setup, lastRow));
    if (setup.titleRows) layout.setPrintTitleRows(`$${setup.titleRows.first + 1}:$${setup.titleRows.last + 1}`);
    sheet.horizontalPageBreaks.removePageBreaks();
    for (const row of setup.breaksBefore) sheet.horizontalPageBreaks.add(cellAddress(row + 1, 1));
  });
}

/**
 * Heights of the rows from `firstRow` to `lastRow` (0-based): the given ones, the others back to
 * the default. Consecutive rows of one height take one command.
 */
export async function writeRowHeights(batch: WriteBatch, sheet: Excel.Worksheet, heights: Map<number, number>, firstRow: number, lastRow: number): Promise<void> {
  let start = firstRow;
  for (let row = firstRow; row <= lastRow; row++) {
    const height = heights.get(row) ?? DEFAULT_ROW_HEIGHT;
    if (row < lastRow && (heights.get(row + 1) ?? DEFAULT_ROW_HEIGHT) === height) continue;
    const range = `${cellAddress(start + 1, 1)}:${cellAddress(row + 1, 1)}`;
    await batch.add(() => (sheet.getRange(range).format.rowHeight = height));
    start = row + 1;
  }
}
