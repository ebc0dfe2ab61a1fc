/**
 * Rewrites the plan d'action table in place: header and rows in the merged order, the user's
 * extra columns (headers the plan does not know) moved with their row, the Excel table, the
 * Statut drop-down and colours set again on the new rows.
 */
import type { PlanRow, UserValue } from '../../domain/model';
import { cellAddress, parseRange, type Grid } from '../../workbook/grid';
import { columnText, locateHeader } from '../../workbook/headers';
import { PLAN_SPECS, planLayout, type PlanArea } from '../../workbook/planSheet';
import { DEFAULT_COLUMN_WIDTH, rowHeights, tableTextCells } from '../../workbook/rowHeights';
import { PLAN_TABLE } from '../../workbook/sheets';
import { CELL_FORMATS } from '../../workbook/styles';
import { TABLE_HEADER_ROW, templateSheet, type TemplateTable } from '../../workbook/template';
import type { WriteBatch } from './batch';
import type { Scalar } from './cells';
import type { OfficeFeatures } from './capabilities';
import { applyFormat } from './format';
import { writePageLayout, writeRowHeights } from './print';
import { SPARE_ROWS, decorateTable } from './template';

/** What ties a row to its extra cells: the reference, else (rows typed by hand) the action. */
function rowKey(ref: string, action: string): string {
  return ref !== '' ? `ref:${ref}` : `action:${action}`;
}

interface ExtraColumn {
  header: UserValue;
  values: Map<string, UserValue>;
}

/** Columns of the plan's header row that the plan does not know, with their values by row. */
function extraColumns(grid: Grid, area: PlanArea): ExtraColumn[] {
  const header = locateHeader(grid, PLAN_SPECS, area.headerRow);
  if (!header.ok) return [];
  const location = header.value;
  const known = new Set(Object.values(location.columns));
  const headerCells = grid.rows[location.index] ?? [];
  const extras: ExtraColumn[] = [];
  // Up to the last header: columns the user added after the plan's own ones count too.
  for (let col = area.firstColumn - grid.left; col < headerCells.length; col++) {
    const title = headerCells[col]?.value ?? null;
    if (known.has(col) || title === null || String(title).trim() === '') continue;
    const values = new Map<string, UserValue>();
    for (let index = location.index + 1; index <= location.index + area.rowCount; index++) {
      const cells = grid.rows[index] ?? [];
      const value = cells[col]?.value ?? null;
      if (value !== null) values.set(rowKey(columnText(cells, location, 'ref'), columnText(cells, location, 'action')), value);
    }
    extras.push({ header: title, values });
  }
  return extras;
}

export interface PlanWrite {
  /** The plan sheet as read (absent for a sheet created in this batch). */
  grid?: Grid;
  area?: PlanArea;
  rows: PlanRow[];
  /** False when another table, outside the plan, already holds the plan table's name. */
  nameTable: boolean;
  features: OfficeFeatures;
}

/** The plan's cells as they will be written, and the rectangle (1-based, inclusive) they may touch. */
function planCells(plan: PlanWrite) {
  const table = templateSheet('plan').table as TemplateTable;
  const area: PlanArea = plan.area ?? { headerRow: TABLE_HEADER_ROW + 1, firstColumn: 1, columnCount: table.headers.length, rowCount: 0 };
  const layout = planLayout(plan.rows);
  const extras = plan.grid ? extraColumns(plan.grid, area) : [];
  const header: Scalar[] = [...layout.headers, ...extras.map((extra) => extra.header)];
  const values: Scalar[][] = plan.rows.map((row, index) => [
    ...layout.values[index],
    ...extras.map((extra) => extra.values.get(rowKey(row.ref, row.action)) ?? null),
  ]);
  const formats = values.map((row) => row.map((_value, col) => layout.numberFormats[col] ?? null));
  const top = area.headerRow;
  const left = area.firstColumn;
  const box = { top, left, right: left + Math.max(header.length, area.columnCount) - 1, bottom: top + Math.max(area.rowCount, values.length, 1) };
  return { table, area, header, values, formats, box };
}

/**
 * Tables of the plan sheet overlapping the rectangle the plan will be written to, whatever their
 * name (the user may have renamed the plan's table): found by their range, in two syncs.
 */
export async function overlappingTables(context: Excel.RequestContext, sheet: Excel.Worksheet, plan: PlanWrite): Promise<Excel.Table[]> {
  const { box } = planCells(plan);
  const tables = sheet.tables;
  tables.load('items/name');
  await context.sync();
  if (tables.items.length === 0) return [];
  const ranges = tables.items.map((table) => table.getRange().load('address'));
  await context.sync();
  return tables.items.filter((_table, index) => {
    const address = ranges[index].address;
    const other = parseRange(address.slice(address.lastIndexOf('!') + 1));
    return other.top <= box.bottom && box.top <= other.bottom && other.left <= box.right && box.left <= other.right;
  });
}

export async function writePlanSheet(batch: WriteBatch, sheet: Excel.Worksheet, plan: PlanWrite): Promise<void> {
  const { table, header, values, formats, box } = planCells(plan);
  const width = header.length;
  const { top, left, right } = box;
  const lastUsed = box.bottom;
  await batch.add(() => {
    sheet.getRange(`${cellAddress(top, left)}:${cellAddress(lastUsed, right)}`).clear('All');
    if (plan.features.conditionalFormats) {
      sheet.getRange(`${cellAddress(top + 1, left)}:${cellAddress(lastUsed + SPARE_ROWS, right)}`).conditionalFormats.clearAll();
    }
  });
  await batch.writeBlock(sheet, { top, left, values: [header, ...values], formats: [[], ...formats] });
  await batch.add(() => applyFormat(sheet.getRange(`${cellAddress(top, left)}:${cellAddress(top, left + width - 1)}`), CELL_FORMATS.header));
  const bottom = top + Math.max(values.length, 1);
  await batch.add(() => {
    const created = sheet.tables.add(`${cellAddress(top, left)}:${cellAddress(bottom, left + width - 1)}`, true);
    if (plan.nameTable) created.name = PLAN_TABLE;
  });
  // Template columns are counted from column A; shift them to where the plan sits.
  const shift = (column: number) => column + left - 1;
  const placed: TemplateTable = {
    ...table,
    headerRow: top - 1,
    wrapColumns: table.wrapColumns.map(shift),
    validations: table.validations.map((validation) => ({ ...validation, column: shift(validation.column) })),
    conditionalFormats: table.conditionalFormats.map((rule) => ({ ...rule, column: shift(rule.column) })),
  };
  await decorateTable(batch, sheet, placed, values.length, plan.features);
  await batch.add(() => (sheet.getRange(`${cellAddress(top + 1, left)}:${cellAddress(bottom, left + width - 1)}`).format.verticalAlignment = 'Top'));
  // Rows as tall as their wrapped texts (template widths, from where the plan sits), the old rows back to the default.
  const widths = [...Array<number>(left - 1).fill(DEFAULT_COLUMN_WIDTH), ...templateSheet('plan').columnWidths];
  const cells = tableTextCells({ headerRow: 0, headers: header.map((cell) => (cell === null ? '' : String(cell))), rows: values, wrapColumns: table.wrapColumns });
  const heights = rowHeights(cells.map((cell) => ({ ...cell, row: cell.row + top - 1, col: cell.col + left - 1 })), widths);
  await writeRowHeights(batch, sheet, heights, top - 1, lastUsed - 1);
  const print = templateSheet('plan').print;
  await writePageLayout(batch, sheet, { ...print, columnCount: left + width - 1, titleRows: { first: top - 1, last: top - 1 } }, bottom, plan.features);
}
