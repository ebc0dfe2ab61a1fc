/**
 * exceljs cell values ↔ the port's CellInput, and worksheet ↔ Grid.
 */
import type { Cell, CellValue, Worksheet } from 'exceljs';
import type { CellInput } from '../../domain/model';
import { parseRange, rangeAddress, type Grid } from '../../workbook/grid';
import { EMPTY_ROW, MAX_COLUMNS } from './sheetXml';

/** Days between Excel's epoch (1899-12-30) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;
const MS_PER_DAY = 86_400_000;

/** A date as Excel stores it: a serial day number (exceljs dates are UTC). */
export function excelSerial(date: Date): number {
  return date.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function richTextOf(value: unknown): string | null {
  if (!isObject(value) || !Array.isArray(value.richText)) return null;
  return value.richText.map((run: { text?: string }) => run.text ?? '').join('');
}

/** Converts a plain (non-formula) exceljs value. */
function plainInput(value: unknown): CellInput {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { value };
  if (value instanceof Date) return { value: excelSerial(value), date: true };
  if (isObject(value)) {
    if (typeof value.error === 'string') return { value: value.error, error: true };
    const rich = richTextOf(value);
    if (rich !== null) return { value: rich };
    // Hyperlinks: { text, hyperlink }, the text itself possibly rich.
    if ('hyperlink' in value) {
      const text = value.text;
      return { value: richTextOf(text) ?? (typeof text === 'string' ? text : null) };
    }
  }
  return { value: String(value) };
}

/** exceljs value → CellInput: formulas give their cached result, errors are flagged, rich text is flattened. */
export function toCellInput(value: CellValue | undefined): CellInput {
  if (isObject(value) && ('formula' in value || 'sharedFormula' in value)) {
    const result = plainInput((value as { result?: unknown }).result);
    return { ...result, formula: true };
  }
  return plainInput(value);
}

/** Reads a cell; inside a merged range only the top-left cell holds the value, as in Excel. */
export function readCell(cell: Cell): CellInput {
  return cell.isMerged && cell.master !== cell ? { value: null } : toCellInput(cell.value);
}

/**
 * The cells of a worksheet from A1, visiting only the cells that exist and at most MAX_COLUMNS
 * columns: a stray value at XFD1048576 must not make the grid the sheet's nominal size. Merged
 * ranges are listed, found from their cells.
 */
export function readGrid(worksheet: Worksheet): Grid {
  const rows: CellInput[][] = [];
  const merges = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  worksheet.eachRow((row, number) => {
    const cells: CellInput[] = [];
    row.eachCell((cell, column) => {
      if (column <= MAX_COLUMNS) cells[column - 1] = readCell(cell);
      if (!cell.isMerged || cell.master === cell) return;
      const master = cell.master.address;
      const box = merges.get(master) ?? parseRange(master);
      merges.set(master, { ...box, bottom: Math.max(box.bottom, number), right: Math.max(box.right, column) });
    });
    if (cells.length > 0) rows[number - 1] = Array.from(cells, (cell) => cell ?? { value: null });
  });
  const merged = [...merges.values()].map((box) => rangeAddress(box.top, box.left, box.bottom, box.right));
  return { sheet: worksheet.name, top: 1, left: 1, rows: Array.from(rows, (cells) => cells ?? EMPTY_ROW), ...(merged.length > 0 && { merged }) };
}
