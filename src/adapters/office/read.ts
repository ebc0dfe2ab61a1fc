/**
 * Reading a sheet's used range in one round trip, together with what the writes need to know
 * (sheet and table names, whether the Synthèse holds the add-in's chart). A range too large for
 * one response (Excel on the web: 5 MB) is read again by row slices.
 */
import type { CellInput } from '../../domain/model';
import { cellAddress, type Grid } from '../../workbook/grid';
import { emptyGrid, toGrid, type LoadedRange } from './cells';
import { isPayloadTooLarge } from './errors';
import type { ExcelRun } from './port';
import { SYNTHESIS_CHART } from './synthesis';

export interface SheetRef {
  id: string;
  name: string;
}

/** What one read round trip learnt about the workbook. */
export interface WorkbookState {
  names: string[];
  tables: string[];
  /** The Synthèse holds the add-in's chart (to delete before drawing it again); undefined when not looked at. */
  synthesisChart?: boolean;
}

export interface SheetRead extends WorkbookState {
  sheet?: SheetRef;
  grid?: Grid;
}

/** Rows per slice when a sheet must be read in parts; halved while still too large. */
const FIRST_SLICE_ROWS = 2000;

/** Loads sheet and table names and the sheet `key` (name or id); `load` names what to read of its used range. */
function queueHead(context: Excel.RequestContext, key: string, load: string) {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const tables = context.workbook.tables;
  tables.load('items/name');
  const sheet = worksheets.getItemOrNullObject(key);
  sheet.load('id,name');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(load);
  return { worksheets, tables, sheet, used };
}

/** `synthesis`: the Synthèse's name when it is known to exist, to look for the add-in's chart too. */
export function readSheetOnce(run: ExcelRun, key: string, synthesis?: string): Promise<SheetRead> {
  return run(async (context) => {
    const { worksheets, tables, sheet, used } = queueHead(context, key, 'rowIndex,columnIndex,values,valueTypes,formulas');
    const chart = synthesis === undefined ? undefined : worksheets.getItem(synthesis).charts.getItemOrNullObject(SYNTHESIS_CHART);
    await context.sync();
    const read: SheetRead = {
      names: worksheets.items.map((item) => item.name),
      tables: tables.items.map((item) => item.name),
      synthesisChart: chart && !chart.isNullObject,
    };
    if (sheet.isNullObject) return read;
    read.sheet = { id: sheet.id, name: sheet.name };
    read.grid = used.isNullObject ? emptyGrid(sheet.name) : toGrid(sheet.name, used as unknown as LoadedRange);
    return read;
  });
}

/** Reads the sheet's used range by row slices, one sync each (only for very large sheets). */
export async function readSheetInSlices(run: ExcelRun, key: string, synthesisChart?: boolean): Promise<SheetRead> {
  const head = await run(async (context) => {
    const { worksheets, tables, sheet, used } = queueHead(context, key, 'rowIndex,columnIndex,rowCount,columnCount');
    await context.sync();
    return {
      names: worksheets.items.map((item) => item.name),
      tables: tables.items.map((item) => item.name),
      sheet: sheet.isNullObject ? undefined : { id: sheet.id, name: sheet.name },
      used: used.isNullObject ? undefined : { rowIndex: used.rowIndex, columnIndex: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount },
    };
  });
  const read: SheetRead = { names: head.names, tables: head.tables, synthesisChart, sheet: head.sheet };
  if (!head.sheet) return read;
  if (!head.used) return { ...read, grid: emptyGrid(head.sheet.name) };
  const { rowIndex, columnIndex, rowCount, columnCount } = head.used;
  const sheet = head.sheet;
  const rows: CellInput[][] = [];
  let size = FIRST_SLICE_ROWS;
  while (rows.length < rowCount) {
    const top = rowIndex + rows.length + 1;
    const count = Math.min(size, rowCount - rows.length);
    try {
      const part = await run(async (context) => {
        const range = context.workbook.worksheets
          .getItem(sheet.id)
          .getRange(`${cellAddress(top, columnIndex + 1)}:${cellAddress(top + count - 1, columnIndex + columnCount)}`);
        range.load('values,valueTypes,formulas');
        await context.sync();
        return toGrid(sheet.name, { rowIndex: top - 1, columnIndex, values: range.values, valueTypes: range.valueTypes, formulas: range.formulas });
      });
      rows.push(...part.rows);
    } catch (error) {
      if (!isPayloadTooLarge(error) || count === 1) throw error;
      size = Math.ceil(count / 2);
    }
  }
  return { ...read, grid: { sheet: sheet.name, top: rowIndex + 1, left: columnIndex + 1, rows } };
}
