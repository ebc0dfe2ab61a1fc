/**
 * The state behind the fake Excel: sheets of cells with formats, tables, charts, validations,
 * conditional formats, merges and change handlers. The proxies in `api.ts` only reach it at sync.
 */
import { cellAddress, parseAddress } from '../../../src/workbook/grid';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export type Scalar = string | number | boolean;

/** A rectangle of cells, 1-based and inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FontModel {
  bold?: boolean;
  italic?: boolean;
  color?: string;
  size?: number;
}

export interface CellModel {
  /** Constant, or the cached result of `formula`; '' when empty. */
  value: Scalar;
  formula?: string;
  /** '#N/A', '#REF!'… when the cell shows an error. */
  error?: string;
  numberFormat: string;
  font: FontModel;
  fill?: string;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
}

export interface TableModel {
  name: string;
  box: Box;
  style?: string;
}

export interface ChartSeriesModel {
  name: string;
  values?: string;
  categories?: string;
}

export interface ChartModel {
  name: string;
  type: string;
  title: string;
  series: ChartSeriesModel[];
  topLeft?: string;
}

export interface ValidationModel {
  box: Box;
  rule: unknown;
  errorAlert?: unknown;
}

export interface ConditionalFormatModel {
  box: Box;
  type: string;
  rule?: unknown;
  fill?: string;
  fontColor?: string;
}

export type ChangeHandler = (args: Record<string, unknown>) => Promise<unknown> | void;

export interface PageLayoutModel {
  orientation?: string;
  paperSize?: string;
  zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  margins?: { left?: number; right?: number; top?: number; bottom?: number; header?: number; footer?: number };
  printArea?: string;
  printTitleRows?: string;
  /** Parts of the header and footer shown on every page (`headersFooters.defaultForAllPages`). */
  headersFooters: Partial<Record<'leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter', string>>;
  /** Top-left cells of the manual horizontal page breaks. */
  pageBreaks: string[];
}

export interface SheetModel {
  id: string;
  name: string;
  cells: Map<string, CellModel>;
  /** Column widths in points, by 1-based column. */
  widths: Map<number, number>;
  tables: TableModel[];
  charts: ChartModel[];
  validations: ValidationModel[];
  conditionalFormats: ConditionalFormatModel[];
  merges: Box[];
  frozenRows: number;
  /** Row heights in points, by 1-based row. */
  heights: Map<number, number>;
  /** What `worksheet.pageLayout` and `horizontalPageBreaks` set (ExcelApi 1.9). */
  pageLayout: PageLayoutModel;
  protected: boolean;
  handlers: Set<ChangeHandler>;
  selectionHandlers: Set<ChangeHandler>;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  activeSheet?: string;
  selection?: { sheet: string; address: string };
  nextId: number;
}

export function emptyCell(): CellModel {
  return { value: '', numberFormat: 'General', font: {} };
}

const key = (row: number, column: number): string => `${row},${column}`;

export function getCell(sheet: SheetModel, row: number, column: number): CellModel | undefined {
  return sheet.cells.get(key(row, column));
}

export function cellFor(sheet: SheetModel, row: number, column: number): CellModel {
  const k = key(row, column);
  let cell = sheet.cells.get(k);
  if (!cell) {
    cell = emptyCell();
    sheet.cells.set(k, cell);
  }
  return cell;
}

export function newSheet(workbook: WorkbookModel, name: string): SheetModel {
  workbook.nextId += 1;
  return {
    id: `{sheet-${workbook.nextId}}`,
    name,
    cells: new Map(),
    widths: new Map(),
    tables: [],
    charts: [],
    validations: [],
    conditionalFormats: [],
    merges: [],
    frozenRows: 0,
    heights: new Map(),
    pageLayout: { headersFooters: {}, pageBreaks: [] },
    protected: false,
    handlers: new Set(),
    selectionHandlers: new Set(),
  };
}

/** Excel quotes a sheet name in an address unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function boxAddress(box: Box): string {
  const start = cellAddress(box.top, box.left);
  if (box.top === box.bottom && box.left === box.right) return start;
  return `${start}:${cellAddress(box.bottom, box.right)}`;
}

export function qualified(sheet: SheetModel, box: Box): string {
  return `${quoteSheet(sheet.name)}!${boxAddress(box)}`;
}

/** Splits "'Feuille 1'!A1:B2" into its sheet name (or undefined) and the local address. */
export function splitAddress(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

function parseEnd(part: string): { row?: number; column?: number } {
  const trimmed = part.replace(/\$/g, '').trim().toUpperCase();
  if (/^[A-Z]+\d+$/.test(trimmed)) return parseAddress(trimmed);
  if (/^[A-Z]+$/.test(trimmed)) return { column: parseAddress(`${trimmed}1`).column };
  if (/^\d+$/.test(trimmed)) return { row: Number(trimmed) };
  throw new FakeExcelError('InvalidArgument', `Adresse invalide : ${part}`);
}

/** "A1", "B2:D9", "C:C", "3:5" → box. */
export function parseBox(local: string): Box {
  const [first, second = first] = local.split(':');
  const a = parseEnd(first);
  const b = parseEnd(second);
  const top = Math.min(a.row ?? 1, b.row ?? 1);
  const bottom = a.row === undefined || b.row === undefined ? MAX_ROWS : Math.max(a.row, b.row);
  const left = Math.min(a.column ?? 1, b.column ?? 1);
  const right = a.column === undefined || b.column === undefined ? MAX_COLUMNS : Math.max(a.column, b.column);
  return { top, left, bottom, right };
}

export function boxRows(box: Box): number {
  return box.bottom - box.top + 1;
}

export function boxColumns(box: Box): number {
  return box.right - box.left + 1;
}

export function intersects(a: Box, b: Box): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Box, row: number, column: number): boolean {
  return row >= outer.top && row <= outer.bottom && column >= outer.left && column <= outer.right;
}

/** The smallest box holding every non-empty cell (values only), or undefined for an empty sheet. */
export function usedBox(sheet: SheetModel, valuesOnly: boolean): Box | undefined {
  let box: Box | undefined;
  for (const [k, cell] of sheet.cells) {
    const hasValue = cell.value !== '' || cell.formula !== undefined || cell.error !== undefined;
    const hasFormat = cell.numberFormat !== 'General' || cell.fill !== undefined || Object.keys(cell.font).length > 0;
    if (!hasValue && (valuesOnly || !hasFormat)) continue;
    const [row, column] = k.split(',').map(Number);
    box = box
      ? { top: Math.min(box.top, row), left: Math.min(box.left, column), bottom: Math.max(box.bottom, row), right: Math.max(box.right, column) }
      : { top: row, left: column, bottom: row, right: column };
  }
  return box;
}

/** The merge area holding a cell, when the cell is merged. */
export function mergeAt(sheet: SheetModel, row: number, column: number): Box | undefined {
  return sheet.merges.find((merge) => contains(merge, row, column));
}

/** An error as Office.js raises it: an `OfficeExtension.Error`-like object with a code. */
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

/**
 * What Excel does with a string written to `values`: in a cell formatted as text ("@") it stays
 * text; otherwise "=…" becomes a formula, and "+…", "-…", "@…" are parsed as typed (a formula
 * unless they read as a number), and a numeric string becomes a number.
 */
export function storeWritten(cell: CellModel, value: unknown): void {
  delete cell.formula;
  delete cell.error;
  if (value === null || value === undefined) return; // null leaves the cell unchanged
  if (typeof value !== 'string' || cell.numberFormat === '@') {
    cell.value = value as Scalar;
    return;
  }
  const numeric = value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : undefined;
  if (value.startsWith('=')) {
    cell.formula = value;
    cell.value = 0;
  } else if (/^[+\-@]/.test(value) && numeric === undefined) {
    cell.formula = `=${value.replace(/^[+@]/, '')}`;
    cell.error = '#NAME?';
    cell.value = '#NAME?';
  } else {
    cell.value = numeric ?? value;
  }
}

/** Function names of the Synthèse's formulas, English → French, as `formulasLocal` shows them in fr-FR. */
const FRENCH_FUNCTIONS: Record<string, string> = {
  COUNTIFS: 'NB.SI.ENS',
  IF: 'SI',
  IFERROR: 'SIERREUR',
  SUM: 'SOMME',
  AND: 'ET',
  OR: 'OU',
  TRIM: 'SUPPRESPACE',
  VLOOKUP: 'RECHERCHEV',
  ISFORMULA: 'ESTFORMULE',
  ISERROR: 'ESTERREUR',
  SUMPRODUCT: 'SOMMEPROD',
  TRUE: 'VRAI',
  FALSE: 'FAUX',
};
const ENGLISH_FUNCTIONS = Object.fromEntries(Object.entries(FRENCH_FUNCTIONS).map(([english, french]) => [french, english]));

/**
 * A formula in the other language's syntax: names of the known functions, the argument separator
 * ("," in English, ";" in French) and the decimal mark; text in quotes and quoted sheet names untouched.
 */
export function translateFormula(formula: string, to: 'fr-FR' | 'en-US'): string {
  const names = to === 'fr-FR' ? FRENCH_FUNCTIONS : ENGLISH_FUNCTIONS;
  let out = '';
  let index = 0;
  while (index < formula.length) {
    const char = formula[index];
    if (char === '"' || char === "'") {
      let end = index + 1;
      while (end < formula.length && !(formula[end] === char && formula[end + 1] !== char)) end += formula[end] === char ? 2 : 1;
      out += formula.slice(index, end + 1);
      index = end + 1;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(formula.slice(index))?.[0];
    if (word) {
      const translated = names[word.toUpperCase()];
      const isName = translated !== undefined && (formula[index + word.length] === '(' || /^(TRUE|FALSE|VRAI|FAUX)$/i.test(word));
      out += isName ? translated : word;
      index += word.length;
      continue;
    }
    const betweenDigits = /\d/.test(formula[index - 1] ?? '') && /\d/.test(formula[index + 1] ?? '');
    if (to === 'fr-FR') out += char === ',' ? ';' : char === '.' && betweenDigits ? ',' : char;
    else out += char === ';' ? ',' : char === ',' ? '.' : char;
    index += 1;
  }
  return out;
}
