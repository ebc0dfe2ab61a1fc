/**
 * Reading a sheet's used range in one round trip, together with what the writes need to know
 * (sheet ids, names and protection, table names). A range too large for one response (5 MB, or
 * more than five million cells) is read again by row slices, each under both limits.
 */
import type { CellInput } from '../../domain/model';
import { cellAddress, type Grid } from '../../workbook/grid';
import { emptyGrid, toGrid, type LoadedRange } from './cells';
import { isPayloadTooLarge } from './errors';
import type { ExcelRun } from './run';

export interface SheetRef {
  id: string;
  name: string;
}

/** A sheet of the workbook as the last read saw it. */
export interface SheetInfo extends SheetRef {
  protected: boolean;
}

/** What one read round trip learnt about the workbook. */
export interface WorkbookState {
  sheets: SheetInfo[];
  tables: string[];
}

export interface SheetRead extends WorkbookState {
  sheet?: SheetRef;
  grid?: Grid;
}

/** Columns to keep once the first rows are known (the cartographie's), or undefined for all. */
export type ColumnSpan = (first: Grid) => { left: number; right: number } | undefined;

/** Cells Excel reads at most in one request. */
export const CELL_READ_LIMIT = 5_000_000;
/** Rows per slice when a sheet must be read in parts; halved while still too large. */
const FIRST_SLICE_ROWS = 2000;
/** Rows read at full width to find the table's columns, when only those are wanted. */
const HEAD_ROWS = 20;

export const sheetNames = (state: WorkbookState): string[] => state.sheets.map((sheet) => sheet.name);

/** Loads sheets (name, id, protection), table names and the sheet `key` (name or id); `load` names what to read of its used range. */
function queueHead(context: Excel.RequestContext, key: string, load: string) {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/id,items/protection/protected');
  const tables = context.workbook.tables;
  tables.load('items/name');
  const sheet = worksheets.getItemOrNullObject(key);
  sheet.load('id,name');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(load);
  return { worksheets, tables, sheet, used };
}

function stateOf(worksheets: Excel.WorksheetCollection, tables: Excel.TableCollection): WorkbookState {
  return {
    sheets: worksheets.items.map((item) => ({ id: item.id, name: item.name, protected: item.protection.protected })),
    tables: tables.items.map((item) => item.name),
  };
}

/** "C12:C20" addresses of RangeAreas.address ("'Feuille 1'!C12:C20, Feuille2!A1"), sheet names left out. */
export function mergedAddresses(address: string): string[] {
  return [...address.matchAll(/(?:'(?:[^']|'')*'|[^',!]+)!\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/g)].map(([, c1, r1, c2, r2]) => (c2 ? `${c1}${r1}:${c2}${r2}` : `${c1}${r1}`));
}

/** Reads a sheet's used range in one sync; with `merges` (ExcelApi 1.13), its merged ranges too. */
export function readSheetOnce(run: ExcelRun, options: Excel.RunOptions, key: string, merges = false): Promise<SheetRead> {
  return run(options, async (context) => {
    const { worksheets, tables, sheet, used } = queueHead(context, key, 'rowIndex,columnIndex,values,valueTypes,formulas');
    const areas = merges ? used.getMergedAreasOrNullObject() : undefined;
    areas?.load('address');
    await context.sync();
    const read: SheetRead = stateOf(worksheets, tables);
    if (sheet.isNullObject) return read;
    read.sheet = { id: sheet.id, name: sheet.name };
    read.grid = used.isNullObject ? emptyGrid(sheet.name) : toGrid(sheet.name, used as unknown as LoadedRange);
    if (areas && !used.isNullObject && !areas.isNullObject) read.grid.merged = mergedAddresses(areas.address);
    return read;
  });
}

/** Reads the sheet's used range by row slices, one sync each (only for very large sheets). */
export async function readSheetInSlices(run: ExcelRun, options: Excel.RunOptions, key: string, span?: ColumnSpan): Promise<SheetRead> {
  const head = await run(options, async (context) => {
    const { worksheets, tables, sheet, used } = queueHead(context, key, 'rowIndex,columnIndex,rowCount,columnCount');
    await context.sync();
    return {
      state: stateOf(worksheets, tables),
      sheet: sheet.isNullObject ? undefined : { id: sheet.id, name: sheet.name },
      used: used.isNullObject ? undefined : { rowIndex: used.rowIndex, columnIndex: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount },
    };
  });
  const read: SheetRead = { ...head.state, sheet: head.sheet };
  if (!head.sheet) return read;
  if (!head.used) return { ...read, grid: emptyGrid(head.sheet.name) };
  const { rowIndex, rowCount } = head.used;
  const sheet = head.sheet;
  let left = head.used.columnIndex + 1;
  let right = left + head.used.columnCount - 1;
  const rows: CellInput[][] = [];
  let size = span ? HEAD_ROWS : FIRST_SLICE_ROWS;
  while (rows.length < rowCount) {
    const top = rowIndex + rows.length + 1;
    const width = right - left + 1;
    const count = Math.max(1, Math.min(size, Math.floor(CELL_READ_LIMIT / width), rowCount - rows.length));
    try {
      const part = await run(options, async (context) => {
        const range = context.workbook.worksheets.getItem(sheet.id).getRange(`${cellAddress(top, left)}:${cellAddress(top + count - 1, right)}`);
        range.load('values,valueTypes,formulas');
        await context.sync();
        return toGrid(sheet.name, { rowIndex: top - 1, columnIndex: left - 1, values: range.values, valueTypes: range.valueTypes, formulas: range.formulas });
      });
      if (rows.length === 0 && span) {
        const narrowed = span(part);
        if (narrowed) {
          // Only the columns the sheet's table uses are read from now on.
          const from = narrowed.left - left;
          part.rows = part.rows.map((cells) => cells.slice(from, from + narrowed.right - narrowed.left + 1));
          [left, right] = [narrowed.left, narrowed.right];
        }
        size = FIRST_SLICE_ROWS;
      }
      rows.push(...part.rows);
    } catch (error) {
      if (!isPayloadTooLarge(error) || count === 1) throw error;
      size = Math.ceil(count / 2);
    }
  }
  return { ...read, grid: { sheet: sheet.name, top: rowIndex + 1, left, rows } };
}
