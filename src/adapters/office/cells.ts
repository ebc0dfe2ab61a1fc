/**
 * Excel range matrices ↔ the workbook layer's Grid, and safe blocks of values to write:
 * every string cell gets the text format "@" in the same batch, before its value, so that
 * "=…", "+…", "-…" or "@…" stay the text they are.
 */
import type { CellInput } from '../../domain/model';
import { cellAddress, type Grid } from '../../workbook/grid';

export type Scalar = string | number | boolean | null;

export const TEXT_FORMAT = '@';
const GENERAL_FORMAT = 'General';

/** What a used range returns when loaded with values, valueTypes and formulas. */
export interface LoadedRange {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  valueTypes: string[][];
  formulas: unknown[][];
}

function toCellInput(value: unknown, type: string, formula: unknown): CellInput {
  if (type === 'Empty') return { value: null };
  const input: CellInput = { value: typeof value === 'number' || typeof value === 'boolean' ? value : String(value) };
  if (type === 'Error') input.error = true;
  // A text constant "=x" reads back identical in values and formulas; a formula does not.
  if (typeof formula === 'string' && formula.startsWith('=') && formula !== value) input.formula = true;
  return input;
}

export function toGrid(sheet: string, range: LoadedRange): Grid {
  return {
    sheet,
    top: range.rowIndex + 1,
    left: range.columnIndex + 1,
    rows: range.values.map((row, r) => row.map((value, c) => toCellInput(value, range.valueTypes[r][c], range.formulas[r][c]))),
  };
}

/** An empty grid for a sheet with nothing in it. */
export function emptyGrid(sheet: string): Grid {
  return { sheet, top: 1, left: 1, rows: [] };
}

/** A rectangular block to write at a 1-based top-left cell. */
export interface Block {
  top: number;
  left: number;
  values: Scalar[][];
  /** Number format of each non-text cell (General when absent). */
  formats?: (string | null | undefined)[][];
}

export function blockAddress(block: Pick<Block, 'top' | 'left'>, rows: number, columns: number): string {
  return `${cellAddress(block.top, block.left)}:${cellAddress(block.top + rows - 1, block.left + columns - 1)}`;
}

export function blockWidth(block: Block): number {
  return Math.max(1, ...block.values.map((row) => row.length));
}

/** Values padded to the block's width ('' for nothing), and their number formats. */
export function blockMatrices(block: Block): { values: (string | number | boolean)[][]; formats: string[][] } {
  const width = blockWidth(block);
  const values = block.values.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
  const formats = values.map((row, r) =>
    // Empty cells take the column's format, so that a date typed there later is still a date.
    row.map((value, c) => (typeof value === 'string' && value !== '' ? TEXT_FORMAT : (block.formats?.[r]?.[c] ?? GENERAL_FORMAT))),
  );
  return { values, formats };
}

/** Bytes a block adds to a request (values and formats as JSON, as Office.js sends them). */
export function blockBytes(block: Block): number {
  const { values, formats } = blockMatrices(block);
  return JSON.stringify(values).length + JSON.stringify(formats).length;
}

/** Splits a block into consecutive row slices, each under `budget` bytes (one row at least). */
export function splitBlock(block: Block, budget: number): Block[] {
  const parts: Block[] = [];
  let start = 0;
  let size = 0;
  block.values.forEach((_row, index) => {
    const bytes = blockBytes(slice(block, index, index + 1));
    if (index > start && size + bytes > budget) {
      parts.push(slice(block, start, index));
      start = index;
      size = 0;
    }
    size += bytes;
  });
  if (start < block.values.length) parts.push(slice(block, start, block.values.length));
  return parts;
}

function slice(block: Block, start: number, end: number): Block {
  return { top: block.top + start, left: block.left, values: block.values.slice(start, end), formats: block.formats?.slice(start, end) };
}

/** The layout's cells (0-based) as one block from A1, with their number formats. */
export function layoutBlock(cells: { row: number; col: number; value: Scalar; numberFormat?: string }[]): Block {
  const rows = Math.max(0, ...cells.map((cell) => cell.row + 1));
  const columns = Math.max(0, ...cells.map((cell) => cell.col + 1));
  const values: Scalar[][] = Array.from({ length: rows }, () => Array<Scalar>(columns).fill(null));
  const formats: (string | undefined)[][] = Array.from({ length: rows }, () => Array<string | undefined>(columns).fill(undefined));
  for (const cell of cells) {
    values[cell.row][cell.col] = cell.value;
    formats[cell.row][cell.col] = cell.numberFormat;
  }
  return { top: 1, left: 1, values, formats };
}

/** Cells (0-based) as one block from their top-left one; formula cells left empty (written after). */
export function cellsBlock(cells: { row: number; col: number; value: Scalar; numberFormat?: string; formula?: unknown }[]): Block {
  const top = Math.min(...cells.map((cell) => cell.row));
  const left = Math.min(...cells.map((cell) => cell.col));
  const block = layoutBlock(cells.map((cell) => ({ ...cell, row: cell.row - top, col: cell.col - left, value: cell.formula ? null : cell.value })));
  return { ...block, top: top + 1, left: left + 1 };
}
