/**
 * A rectangular block of cells read from a sheet, as every adapter hands it to the
 * pure workbook layer (which finds headers, rows and columns by label, never by address).
 */
import type { CellInput } from '../domain/model';

export interface Grid {
  sheet: string;
  /** 1-based sheet row of rows[0]. */
  top: number;
  /** 1-based sheet column of rows[i][0]. */
  left: number;
  rows: CellInput[][];
  /** Merged ranges ("C12:C20") the reader found, when it can see them; their cells but the first read blank. */
  merged?: string[];
}

/** Letters of the columns already spelled: a workbook's addresses name the same few columns thousands of times. */
const LETTERS: string[] = [];

/** 1 → "A", 27 → "AA". */
export function columnLetter(column: number): string {
  let letters = LETTERS[column];
  if (letters !== undefined) return letters;
  letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  if (Number.isInteger(column) && column > 0 && column <= 16_384) LETTERS[column] = letters;
  return letters;
}

/** "A1" address of a 1-based (row, column). */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

const DOLLAR = 36;

/**
 * "B12" → { row: 12, column: 2 } ("$b$12" too). Read character by character: a workbook's
 * thousands of addresses are parsed at every read, a regular expression made that a cold page's
 * largest cost after the formulas.
 */
export function parseAddress(address: string): { row: number; column: number } {
  const text = address.trim();
  let i = text.charCodeAt(0) === DOLLAR ? 1 : 0;
  const lettersStart = i;
  let column = 0;
  for (; i < text.length; i++) {
    const lower = text.charCodeAt(i) | 32;
    if (lower < 97 || lower > 122) break;
    column = column * 26 + (lower - 96);
  }
  const lettersEnd = i;
  if (text.charCodeAt(i) === DOLLAR) i++;
  const digitsStart = i;
  let row = 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) break;
    row = row * 10 + (code - 48);
  }
  if (lettersEnd === lettersStart || i === digitsStart || i !== text.length) throw new Error(`Adresse de cellule invalide : ${address}`);
  return { row, column };
}

/** A cell's content as text, trimmed: '' when empty, numbers in plain digits, booleans as Excel shows them in French. */
export function cellText(cell: CellInput | undefined): string {
  const value = cell?.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  return String(value).trim();
}

/** "B2:D9" → corners (a single address gives a one-cell range). */
export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const [from, to = from] = range.split(':');
  const start = parseAddress(from);
  const end = parseAddress(to);
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}

/** "B2:D9" from 1-based corners; one cell gives "B2". */
export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const start = cellAddress(top, left);
  return top === bottom && left === right ? start : `${start}:${cellAddress(bottom, right)}`;
}
