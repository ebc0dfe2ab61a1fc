/**
 * Rewrites the plan d'action table in place: header, rows in the merged order, the Statut
 * drop-down and wrapping from the template, the Excel table resized. Columns the user added
 * (headers the plan does not know) follow their row, matched by the row's reference, and so do
 * the user's own columns (Pilote, Échéance, Statut, Commentaire): formulas, rich text and
 * hyperlinks come back exactly as read, not as their displayed value.
 */
import type { CellValue, Worksheet } from 'exceljs';
import type { CellInput, UserValue } from '../../domain/model';
import { cellAddress, cellText, type Grid } from '../../workbook/grid';
import { columnText, locateHeader, type HeaderLocation } from '../../workbook/headers';
import { PLAN_SPECS, type PlanArea, type PlanLayout } from '../../workbook/planSheet';
import { PLAN_COLUMNS, USER_PLAN_COLUMNS, type PlanColumn } from '../../workbook/sheets';
import { toCellInput } from './cells';
import { templateSheet } from '../../workbook/template';
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, rowHeights, tableTextCells } from '../../workbook/rowHeights';
import { writePrintSetup, writeRowHeights } from './print';
import { applyStyle } from './styles';
import type { TableModel } from './tables';
import { SPARE_ROWS, applyListValidation } from './template';

const PLAN_KEYS = Object.keys(PLAN_COLUMNS) as PlanColumn[];
const REF_INDEX = PLAN_KEYS.indexOf('ref');
const ACTION_INDEX = PLAN_KEYS.indexOf('action');

/** What ties a row to its extra cells: the reference, else (hand-typed rows) the action text. */
function rowKey(ref: string, action: string): string {
  return ref !== '' ? `ref:${ref}` : `action:${action}`;
}

/** A cell moved with its row: the raw value (formula, date…) and its number format. */
interface KeptCell {
  value: CellValue;
  numFmt: string;
}

interface ExtraColumn {
  header: CellInput;
  values: Map<string, KeptCell>;
}

/** The raw cells of one grid column of the plan, by row key. */
function keptCells(sheet: Worksheet, grid: Grid, area: PlanArea, location: HeaderLocation<PlanColumn>, col: number): Map<string, KeptCell> {
  const values = new Map<string, KeptCell>();
  for (let index = location.index + 1; index <= location.index + area.rowCount; index++) {
    const cells = grid.rows[index] ?? [];
    if (cellText(cells[col]) === '') continue;
    const cell = sheet.getCell(grid.top + index, grid.left + col);
    values.set(rowKey(columnText(cells, location, 'ref'), columnText(cells, location, 'action')), { value: cell.value, numFmt: cell.numFmt });
  }
  return values;
}

/** Columns with a header the plan does not know, from the table's first column to the last header. */
function extraColumns(sheet: Worksheet, grid: Grid, area: PlanArea, location: HeaderLocation<PlanColumn>): ExtraColumn[] {
  const known = new Set(Object.values(location.columns));
  const headerCells = grid.rows[location.index];
  const extras: ExtraColumn[] = [];
  for (let col = area.firstColumn - grid.left; col < headerCells.length; col++) {
    if (known.has(col) || cellText(headerCells[col]) === '') continue;
    extras.push({ header: headerCells[col], values: keptCells(sheet, grid, area, location, col) });
  }
  return extras;
}

/** The user's plan columns as they were typed, by layout column index. */
function userColumns(sheet: Worksheet, grid: Grid, area: PlanArea, location: HeaderLocation<PlanColumn>): Map<number, Map<string, KeptCell>> {
  const kept = new Map<number, Map<string, KeptCell>>();
  for (const key of USER_PLAN_COLUMNS) {
    const col = location.columns[key];
    if (col !== undefined) kept.set(PLAN_KEYS.indexOf(key), keptCells(sheet, grid, area, location, col));
  }
  return kept;
}

function writeKept(sheet: Worksheet, row: number, column: number, kept: KeptCell): void {
  const cell = sheet.getCell(row, column);
  cell.value = kept.value;
  if (kept.numFmt) cell.numFmt = kept.numFmt;
}

/** Last column holding a header, so every old cell of the table is cleared. */
function lastHeaderColumn(grid: Grid, area: PlanArea): number {
  const cells = grid.rows[area.headerRow - grid.top] ?? [];
  let last = area.firstColumn + area.columnCount - 1;
  cells.forEach((cell, col) => {
    if (cellText(cell) !== '') last = Math.max(last, grid.left + col);
  });
  return last;
}

function resizeTable(table: TableModel, firstRow: number, lastRow: number, firstColumn: number, headers: string[]): void {
  const ref = `${cellAddress(firstRow, firstColumn)}:${cellAddress(lastRow, firstColumn + headers.length - 1)}`;
  table.tableRef = ref;
  table.autoFilterRef = ref;
  table.columns = headers.map((name) => ({ name, filterButton: true, totalsRowFunction: 'none' }));
}

export function writePlanRows(sheet: Worksheet, grid: Grid, area: PlanArea, layout: PlanLayout, table?: TableModel): void {
  const header = locateHeader(grid, PLAN_SPECS, area.headerRow);
  const extras = header.ok ? extraColumns(sheet, grid, area, header.value) : [];
  const users = header.ok ? userColumns(sheet, grid, area, header.value) : new Map<number, Map<string, KeptCell>>();
  const { headerRow, firstColumn } = area;
  const lastColumn = Math.max(lastHeaderColumn(grid, area), firstColumn + layout.headers.length + extras.length - 1);
  // Only the cells that exist: a stray value far below must not create a million empty ones.
  sheet.eachRow((row, number) => {
    if (number < headerRow || number > headerRow + area.rowCount) return;
    row.eachCell((cell, col) => {
      if (col >= firstColumn && col <= lastColumn) cell.value = null;
    });
  });

  const headers = [...layout.headers, ...extras.map((extra) => cellText(extra.header))];
  headers.forEach((header, index) => {
    const cell = sheet.getCell(headerRow, firstColumn + index);
    cell.value = header;
    applyStyle(cell, 'header');
  });
  layout.values.forEach((values, index) => {
    const row = headerRow + 1 + index;
    values.forEach((value: UserValue, col) => {
      const cell = sheet.getCell(row, firstColumn + col);
      cell.value = value;
      const format = layout.numberFormats[col];
      if (format && typeof value === 'number') cell.numFmt = format;
    });
    const key = rowKey(cellText({ value: values[REF_INDEX] }), cellText({ value: values[ACTION_INDEX] }));
    users.forEach((kept, col) => {
      const cell = kept.get(key);
      // Only when the merge kept the user's value: a value it changed is written as given.
      if (cell && cellText(toCellInput(cell.value)) === cellText({ value: values[col] })) writeKept(sheet, row, firstColumn + col, cell);
    });
    extras.forEach((extra, offset) => {
      const kept = extra.values.get(key);
      if (kept) writeKept(sheet, row, firstColumn + layout.headers.length + offset, kept);
    });
  });

  const template = templateSheet('plan').table;
  const lastRow = headerRow + Math.max(layout.values.length, 1);
  if (template) {
    // Every cell of a row starts at its top, as the wrapped ones do.
    for (let column = 0; column < layout.headers.length; column++) {
      const alignment = template.wrapColumns.includes(column) ? { wrapText: true, vertical: 'top' as const } : { vertical: 'top' as const };
      for (let row = headerRow + 1; row <= lastRow; row++) sheet.getCell(row, firstColumn + column).alignment = alignment;
    }
    for (const validation of template.validations) {
      applyListValidation(sheet, validation, firstColumn + validation.column, { first: headerRow + 1, last: lastRow + SPARE_ROWS });
    }
  }
  if (table) resizeTable(table, headerRow, lastRow, firstColumn, headers);
  writePlanPrint(sheet, area, headers, layout, lastRow);
}

/** Rows as tall as their wrapped texts, in the sheet's own column widths; the print area down to the last row. */
function writePlanPrint(sheet: Worksheet, area: PlanArea, headers: string[], layout: PlanLayout, lastRow: number): void {
  const template = templateSheet('plan');
  const offset = area.firstColumn - 1;
  const cells = tableTextCells({ headerRow: area.headerRow - 1, headers, rows: layout.values, wrapColumns: template.table?.wrapColumns ?? [] });
  const lastColumn = offset + headers.length;
  const widths = Array.from({ length: lastColumn }, (_, col) => sheet.getColumn(col + 1).width ?? template.columnWidths[col - offset] ?? DEFAULT_COLUMN_WIDTH);
  for (let row = lastRow + 1; row <= area.headerRow + area.rowCount; row++) sheet.getRow(row).height = DEFAULT_ROW_HEIGHT;
  writeRowHeights(sheet, rowHeights(cells.map((cell) => ({ ...cell, col: cell.col + offset })), widths));
  const header = area.headerRow - 1;
  writePrintSetup(sheet, { ...template.print, columnCount: lastColumn, titleRows: { first: header, last: header } }, lastRow);
}
