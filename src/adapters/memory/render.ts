/** Renders the shared template sheets and generated layouts into a MemoryWorkbook. */
import { cellAddress, rangeAddress } from '../../workbook/grid';
import type { LayoutCell, SheetLayout } from '../../workbook/port';
import type { TemplateSheet, TemplateTable } from '../../workbook/template';
import { printAreaAddress, printSetup, templateLastRow, type PrintSetup } from '../../workbook/print';
import { layoutRowHeights, templateRowHeights } from '../../workbook/rowHeights';
import type { MemoryCell, MemorySheet, MemoryWorkbook } from './workbook';

type Write = { address: string; cell: Partial<MemoryCell> };

/** Layout cells as writes; a formula's text is written out by the workbook when first read. */
export function layoutWrites(cells: LayoutCell[]): Write[] {
  return cells.map((cell) => ({ address: cellAddress(cell.row + 1, cell.col + 1), cell: layoutCell(cell) }));
}

/** A layout cell's content and formats as the workbook takes them. */
function layoutCell({ value, formula, style, numberFormat }: LayoutCell): Partial<MemoryCell> {
  const cell: Partial<MemoryCell> = { value };
  if (formula) cell.expression = formula;
  if (style) cell.style = style;
  if (numberFormat) cell.numberFormat = numberFormat;
  return cell;
}

function tableWrites(table: TemplateTable): Write[] {
  const headerRow = table.headerRow + 1;
  // Loops rather than maps of spreads: a template's table is a couple of thousand cells.
  const fills: (string | undefined)[][] = table.rows.map(() => []);
  for (const band of table.bands) {
    for (let r = band.firstRow; r < band.firstRow + band.rowCount; r++) {
      for (const col of band.columns) fills[r][col] = band.fill;
    }
  }
  // A formula cell of a table row is written with the row, not over it afterwards.
  const formulas: (LayoutCell | undefined)[][] = table.rows.map(() => []);
  const outside: LayoutCell[] = [];
  for (const formulaCell of table.formulaCells) {
    const line = formulas[formulaCell.row - headerRow];
    if (line && formulaCell.col < table.rows[formulaCell.row - headerRow].length) line[formulaCell.col] = formulaCell;
    else outside.push(formulaCell);
  }
  const wraps = table.headers.map((_, col) => table.wrapColumns.includes(col));
  const writes: Write[] = table.headers.map((value, col): Write => ({ address: cellAddress(headerRow, col + 1), cell: { value, style: 'header' } }));
  table.rows.forEach((row, r) => {
    for (let col = 0; col < row.length; col++) {
      const formulaCell = formulas[r][col];
      const cell: Partial<MemoryCell> = formulaCell ? layoutCell(formulaCell) : { value: row[col] };
      if (wraps[col]) cell.wrap = true;
      const fill = fills[r][col];
      if (fill) cell.fill = fill;
      writes.push({ address: cellAddress(headerRow + 1 + r, col + 1), cell });
    }
  });
  writes.push(...layoutWrites(outside));
  return writes;
}

/** Fills an empty sheet with a template; the table is registered when `asTable` (its name is free). */
export function renderTemplate(workbook: MemoryWorkbook, template: TemplateSheet, asTable: boolean): void {
  const sheet = workbook.sheet(template.name);
  if (!sheet) throw new Error(`feuille « ${template.name} » introuvable`);
  sheet.columnWidths = [...template.columnWidths];
  sheet.frozenRows = template.freezeRows;
  const table = template.table;
  if (table) {
    const firstRow = table.headerRow + 2;
    sheet.validations = table.validations.map((v) => ({ column: v.column + 1, firstRow, list: v.values, error: v.error }));
    sheet.conditionalFormats = table.conditionalFormats.map((c) => ({ column: c.column + 1, firstRow, equals: c.equals, format: c.format }));
    if (asTable) {
      const lastRow = table.headerRow + 1 + Math.max(table.rows.length, 1);
      workbook.setTable(table.name, sheet.name, rangeAddress(table.headerRow + 1, 1, lastRow, table.headers.length));
    }
  }
  workbook.write(sheet.name, [...layoutWrites(template.cells), ...(table ? tableWrites(table) : [])]);
  setPrint(sheet, template.print, templateLastRow(template), new Map());
  templateHeights(sheet, template);
}

/**
 * A template sheet's row heights, worked out when first read (printing, export): a workbook
 * created from the template is read and analysed without them.
 */
function templateHeights(sheet: MemorySheet, template: TemplateSheet): void {
  let heights: Record<number, number> | undefined;
  Object.defineProperty(sheet, 'rowHeights', {
    enumerable: true,
    configurable: true,
    get: () => (heights ??= Object.fromEntries(templateRowHeights(template))),
    set: (value: Record<number, number>) => {
      heights = value;
    },
  });
}

/** The page setup, printed range and row heights the other adapters write, kept on the sheet. */
export function setPrint(sheet: MemorySheet, print: PrintSetup, lastRow: number, heights: Map<number, number>): void {
  sheet.print = print;
  sheet.printArea = printAreaAddress(print, lastRow);
  sheet.rowHeights = { ...sheet.rowHeights, ...Object.fromEntries(heights) };
}

/** Replaces the whole content of a generated sheet (the Synthèse) with a layout. */
export function renderLayout(workbook: MemoryWorkbook, layout: SheetLayout): void {
  const sheet = workbook.sheet(layout.sheet);
  if (!sheet) throw new Error(`feuille « ${layout.sheet} » introuvable`);
  if (layout.cartographie) workbook.write(layout.cartographie.sheet, layoutWrites(layout.cartographie.cells));
  workbook.clear(sheet.name);
  sheet.columnWidths = [...layout.columnWidths];
  sheet.chart = layout.chart && { ...layout.chart };
  workbook.write(sheet.name, layoutWrites(layout.cells));
  sheet.rowHeights = {};
  setPrint(sheet, layout.print ?? printSetup(layout.columnWidths), Math.max(0, ...layout.cells.map((cell) => cell.row)) + 1, layoutRowHeights(layout));
}
