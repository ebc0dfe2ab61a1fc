/** Renders a template sheet (workbook/template) into a new Excel worksheet, in the caller's batch. */
import { cellAddress, columnLetter } from '../../workbook/grid';
import type { TemplateSheet, TemplateTable } from '../../workbook/template';
import { CELL_FORMATS, type CellFormat } from '../../workbook/styles';
import type { WriteBatch } from './batch';
import { layoutBlock } from './cells';
import type { OfficeFeatures } from './capabilities';
import { templateLastRow } from '../../workbook/print';
import { templateRowHeights } from '../../workbook/rowHeights';
import { applyFormat, formatCells, setColumnWidths } from './format';
import { writeFormulaCells } from './synthesis';
import { writeHeaderFooter, writePageLayout, writeRowHeights } from './print';

/** Rows below a table's data that still get its drop-down lists and colours, for rows users add. */
export const SPARE_ROWS = 200;

/** 1-based sheet rows of a table's data: `count` rows (at least one) plus the spare ones. */
export function dataRows(table: Pick<TemplateTable, 'headerRow'>, count: number): { first: number; last: number } {
  const first = table.headerRow + 2;
  return { first, last: first + Math.max(count, 1) - 1 + SPARE_ROWS };
}

function columnRange(sheet: Excel.Worksheet, column: number, rows: { first: number; last: number }): Excel.Range {
  const letter = columnLetter(column + 1);
  return sheet.getRange(`${letter}${rows.first}:${letter}${rows.last}`);
}

/** Drop-down lists, conditional colours and wrapping of a table's columns, as far as Excel allows. */
export async function decorateTable(
  batch: WriteBatch,
  sheet: Excel.Worksheet,
  table: TemplateTable,
  rowCount: number,
  features: OfficeFeatures,
): Promise<void> {
  const rows = dataRows(table, rowCount);
  for (const column of table.wrapColumns) await batch.add(() => (columnRange(sheet, column, rows).format.wrapText = true));
  if (features.validation) {
    for (const validation of table.validations) {
      await batch.add(() => {
        const range = columnRange(sheet, validation.column, rows);
        range.dataValidation.clear();
        range.dataValidation.rule = { list: { inCellDropDown: true, source: validation.values.join(',') } };
        range.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: 'Saisie non valide', message: validation.error };
      });
    }
  }
  if (features.conditionalFormats) {
    for (const rule of table.conditionalFormats) {
      await batch.add(() => colourWhenEqual(columnRange(sheet, rule.column, rows), rule.equals, rule.format));
    }
  }
}

function colourWhenEqual(range: Excel.Range, text: string, format: CellFormat): void {
  const conditional = range.conditionalFormats.add('CellValue');
  if (format.fill) conditional.cellValue.format.fill.color = format.fill;
  if (format.fontColour) conditional.cellValue.format.font.color = format.fontColour;
  conditional.cellValue.rule = { formula1: `="${text.replace(/"/g, '""')}"`, operator: 'EqualTo' };
}

async function renderTable(batch: WriteBatch, sheet: Excel.Worksheet, table: TemplateTable, asTable: boolean, features: OfficeFeatures): Promise<void> {
  const top = table.headerRow + 1;
  await batch.writeBlock(sheet, { top, left: 1, values: [table.headers, ...table.rows] });
  await writeFormulaCells(batch, sheet, table.formulaCells);
  const right = table.headers.length;
  const bottom = top + Math.max(table.rows.length, 1);
  await batch.add(() => applyFormat(sheet.getRange(`${cellAddress(top, 1)}:${cellAddress(top, right)}`), CELL_FORMATS.header));
  if (asTable) {
    await batch.add(() => {
      const created = sheet.tables.add(`${cellAddress(top, 1)}:${cellAddress(bottom, right)}`, true);
      created.name = table.name;
    });
  }
  for (const band of table.bands) {
    const first = top + 1 + band.firstRow;
    for (const column of band.columns) {
      const letter = columnLetter(column + 1);
      await batch.add(() => (sheet.getRange(`${letter}${first}:${letter}${first + band.rowCount - 1}`).format.fill.color = band.fill));
    }
  }
  // Every cell of a data row starts at its top, as the wrapped ones do.
  await batch.add(() => (sheet.getRange(`${cellAddress(top + 1, 1)}:${cellAddress(bottom, right)}`).format.verticalAlignment = 'Top'));
  await decorateTable(batch, sheet, table, table.rows.length, features);
}

/**
 * Texts, table, widths and frozen header of a template sheet. `asTable` is false when the
 * table's name is already taken in the workbook (table names are unique per workbook).
 */
export async function renderTemplate(
  batch: WriteBatch,
  sheet: Excel.Worksheet,
  template: TemplateSheet,
  asTable: boolean,
  features: OfficeFeatures,
): Promise<void> {
  await batch.writeBlock(sheet, layoutBlock(template.cells));
  await formatCells(batch, sheet, template.cells);
  if (template.table) await renderTable(batch, sheet, template.table, asTable, features);
  await setColumnWidths(batch, sheet, template.columnWidths);
  if (features.freezePanes && template.freezeRows > 0) await batch.add(() => sheet.freezePanes.freezeRows(template.freezeRows));
  const lastRow = templateLastRow(template);
  await writeRowHeights(batch, sheet, templateRowHeights(template), 0, lastRow - 1);
  await writePageLayout(batch, sheet, template.print, lastRow, features);
  await writeHeaderFooter(batch, sheet, template.print, features);
}
