/**
 * The in-memory workbook as a real .xlsx, through exceljs and the xlsx adapter's template
 * rendering (tables, drop-downs, conditional colours), then every cell as the memory holds it.
 * Loaded on demand: exceljs is large.
 */
import ExcelJS from 'exceljs';
import type { MemoryCell, MemoryWorkbook } from '../adapters/memory/workbook';
import { xlsxBytes } from '../adapters/xlsx/definedNames';
import { writeColumnWidths } from '../adapters/xlsx/layout';
import { applyStyle, solidFill } from '../adapters/xlsx/styles';
import { renderTemplateSheet } from '../adapters/xlsx/template';
import { toFileFormula } from '../workbook/formula';
import { sameLabel } from '../workbook/names';
import { SHEET_ORDER, SHEETS } from '../workbook/sheets';
import { templateSheet } from '../workbook/template';

function writeCell(target: ExcelJS.Cell, cell: MemoryCell): void {
  // The add-in's formulas carry their result (viewers that do not recalculate show it); a formula the
  // user typed stays a formula; any other string is stored as text, never evaluated.
  if (cell.expression) {
    const result = cell.error !== undefined ? { error: cell.error as ExcelJS.CellErrorValue['error'] } : cell.value;
    target.value = { formula: toFileFormula(cell.expression), ...(result !== null && { result }) } as ExcelJS.CellFormulaValue;
  } else target.value = cell.formula !== undefined ? { formula: cell.formula.slice(1) } : cell.value;
  if (cell.style) applyStyle(target, cell.style);
  if (cell.numberFormat) target.numFmt = cell.numberFormat;
  if (cell.fill) target.fill = solidFill(cell.fill);
  if (cell.wrap) target.alignment = { ...target.alignment, wrapText: true, vertical: 'top' };
}

export async function workbookToXlsx(memory: MemoryWorkbook): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'RESOMEDIT DMI';
  memory.recalculate();
  for (const name of memory.sheetNames()) {
    const data = memory.sheet(name)!;
    const sheet = workbook.addWorksheet(name);
    const key = SHEET_ORDER.find((k) => sameLabel(SHEETS[k], name));
    // The Synthèse is generated content: its cells carry their own styles.
    const template = key && key !== 'synthesis' ? templateSheet(key) : undefined;
    if (template) {
      const table = template.table && memory.table(template.table.name);
      renderTemplateSheet(sheet, template, { asTable: table?.sheet === name });
    }
    writeColumnWidths(sheet, data.columnWidths);
    for (const [address, cell] of Object.entries(data.cells)) writeCell(sheet.getCell(address), cell);
    if (data.frozenRows > 0) sheet.views = [{ state: 'frozen', ySplit: data.frozenRows, xSplit: 0 }];
  }
  return workbook;
}

/** Builds the file and hands it to the browser as a download. */
export async function downloadWorkbook(memory: MemoryWorkbook, filename: string): Promise<void> {
  const bytes = await xlsxBytes(await workbookToXlsx(memory));
  const blob = new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
