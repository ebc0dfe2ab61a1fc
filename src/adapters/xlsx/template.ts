/** Renders a sheet of the shared template (src/workbook/template.ts) with exceljs. */
import type { Worksheet } from 'exceljs';
import { cellAddress, columnLetter } from '../../workbook/grid';
import type { ListValidation, TemplateSheet, TemplateTable } from '../../workbook/template';
import { templateLastRow } from '../../workbook/print';
import { templateRowHeights } from '../../workbook/rowHeights';
import { writeCells, writeColumnWidths } from './layout';
import { writeHeaderFooter, writePrintSetup, writeRowHeights } from './print';
import { applyStyle, fontOf, solidFill } from './styles';

/** Rows below a table that still get its drop-downs and colours, for rows the user adds. */
export const SPARE_ROWS = 200;

/** 1-based sheet rows of a table's data: from under the header, `count` rows plus the spare ones. */
export function dataRows(table: { headerRow: number }, count: number): { first: number; last: number } {
  const first = table.headerRow + 2;
  return { first, last: first + Math.max(count, 1) - 1 + SPARE_ROWS };
}

export function applyListValidation(sheet: Worksheet, validation: ListValidation, column: number, rows: { first: number; last: number }): void {
  const rule = {
    type: 'list' as const,
    allowBlank: true,
    formulae: [`"${validation.values.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Valeur non reconnue',
    error: validation.error,
  };
  for (let row = rows.first; row <= rows.last; row++) sheet.getCell(row, column).dataValidation = rule;
}

/** An Excel table, or when its name is taken, the same cells under a formatted header with an autofilter. */
function renderTable(sheet: Worksheet, table: TemplateTable, asTable: boolean): void {
  const width = table.headers.length;
  const headerRow = table.headerRow + 1;
  // Excel wants at least one data row in a table.
  const rows = table.rows.length > 0 ? table.rows : [table.headers.map(() => null)];
  if (asTable) {
    sheet.addTable({
      name: table.name,
      ref: cellAddress(headerRow, 1),
      headerRow: true,
      style: { theme: 'TableStyleLight1', showRowStripes: true },
      columns: table.headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
  } else {
    [table.headers, ...rows].forEach((values, index) => {
      values.forEach((value, col) => {
        sheet.getCell(headerRow + index, col + 1).value = value;
      });
    });
    sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + rows.length, column: width } };
  }
  for (let col = 1; col <= width; col++) applyStyle(sheet.getCell(headerRow, col), 'header');
  sheet.getRow(headerRow).alignment = { wrapText: true, vertical: 'middle' };

  const span = dataRows(table, rows.length);
  // Every cell of a row starts at its top, as the wrapped ones do.
  for (let col = 0; col < width; col++) {
    const alignment = table.wrapColumns.includes(col) ? { wrapText: true, vertical: 'top' as const } : { vertical: 'top' as const };
    for (let row = span.first; row < span.first + rows.length; row++) sheet.getCell(row, col + 1).alignment = alignment;
  }
  for (const band of table.bands) {
    for (let row = span.first + band.firstRow; row < span.first + band.firstRow + band.rowCount; row++) {
      for (const column of band.columns) sheet.getCell(row, column + 1).fill = solidFill(band.fill);
    }
  }
  writeCells(sheet, table.formulaCells);
  for (const validation of table.validations) applyListValidation(sheet, validation, validation.column + 1, span);
  table.conditionalFormats.forEach((rule, index) => {
    const letter = columnLetter(rule.column + 1);
    sheet.addConditionalFormatting({
      ref: `${letter}${span.first}:${letter}${span.last}`,
      rules: [
        {
          type: 'cellIs',
          operator: 'equal',
          formulae: [`"${rule.equals}"`],
          priority: index + 1,
          style: { font: fontOf(rule.format), ...(rule.format.fill ? { fill: solidFill(rule.format.fill) } : {}) },
        },
      ],
    });
  });
}

/** Writes a template sheet into an empty worksheet. */
export function renderTemplateSheet(sheet: Worksheet, template: TemplateSheet, options: { asTable: boolean }): void {
  writeCells(sheet, template.cells);
  writeColumnWidths(sheet, template.columnWidths);
  if (template.table) renderTable(sheet, template.table, options.asTable);
  if (template.freezeRows > 0) sheet.views = [{ state: 'frozen', ySplit: template.freezeRows, xSplit: 0 }];
  writeRowHeights(sheet, templateRowHeights(template));
  writePrintSetup(sheet, template.print, templateLastRow(template));
  writeHeaderFooter(sheet, template.print);
}
