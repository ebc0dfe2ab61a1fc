/** Writes a generated sheet (SheetLayout) into an exceljs workbook. */
import type { Workbook, Worksheet } from 'exceljs';
import { toFileFormula } from '../../workbook/formula';
import type { LayoutCell, SheetLayout } from '../../workbook/port';
import { printSetup } from '../../workbook/print';
import { layoutRowHeights } from '../../workbook/rowHeights';
import { writeHeaderFooter, writePrintSetup, writeRowHeights } from './print';
import { applyStyle } from './styles';

/** exceljs keeps the tab position in an untyped `orderNo`. */
type OrderedSheet = Worksheet & { orderNo: number };

function ordered(sheet: Worksheet): OrderedSheet {
  return sheet as OrderedSheet;
}

/** A fresh, empty sheet replacing `name` at its place in the tabs (no leftover cell, merge or format). */
export function replaceWorksheet(workbook: Workbook, name: string): Worksheet {
  const old = workbook.getWorksheet(name);
  const orderNo = old && ordered(old).orderNo;
  if (old) workbook.removeWorksheet(old.id);
  const sheet = ordered(workbook.addWorksheet(name));
  if (orderNo !== undefined) sheet.orderNo = orderNo;
  return sheet;
}

/** A new sheet at a 0-based tab position (last when out of range); the other tabs keep their order. */
export function addWorksheet(workbook: Workbook, name: string, position = Number.POSITIVE_INFINITY): Worksheet {
  const others = workbook.worksheets.map(ordered);
  const sheet = ordered(workbook.addWorksheet(name));
  others.splice(Math.min(position, others.length), 0, sheet);
  others.forEach((other, index) => {
    other.orderNo = index + 1;
  });
  return sheet;
}

/** How formulas are written: with the engine's result cached (viewers that do not recalculate show it), or bare. */
export interface FormulaOptions {
  cachedResults: boolean;
}

/** Layout cells (0-based rows and columns) with their styles, number formats and formulas. */
export function writeCells(sheet: Worksheet, cells: LayoutCell[], options: FormulaOptions = { cachedResults: true }): void {
  for (const item of cells) {
    const cell = sheet.getCell(item.row + 1, item.col + 1);
    if (item.formula) {
      const formula = toFileFormula(item.formula);
      cell.value = options.cachedResults && item.value !== null ? { formula, result: item.value } : { formula, date1904: false };
    } else {
      // exceljs stores a plain string as text, so "=…" stays text, never a formula.
      cell.value = item.value;
    }
    if (item.style) applyStyle(cell, item.style);
    if (item.numberFormat) cell.numFmt = item.numberFormat;
  }
}

export function writeColumnWidths(sheet: Worksheet, widths: number[]): void {
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
}

export function writeLayout(sheet: Worksheet, layout: SheetLayout, options?: FormulaOptions): void {
  writeCells(sheet, layout.cells, options);
  writeColumnWidths(sheet, layout.columnWidths);
  writeRowHeights(sheet, layoutRowHeights(layout));
  const lastRow = Math.max(0, ...layout.cells.map((cell) => cell.row)) + 1;
  const print = layout.print ?? printSetup(layout.columnWidths);
  writePrintSetup(sheet, print, lastRow);
  writeHeaderFooter(sheet, print);
}
