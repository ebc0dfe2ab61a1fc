/**
 * Spreadsheet formulas the add-in writes (the Synthèse and the computed columns of the
 * cartographie), as a small typed tree. One tree, two uses: rendered in English syntax for Excel,
 * LibreOffice and .xlsx files (Excel shows it localised), and evaluated by the in-memory workbook.
 * Only the functions listed here exist, so every formula stays within what the three hosts share.
 */
import { columnLetter } from './grid';

export type FunctionName =
  | 'AND'
  | 'CHAR'
  | 'CHOOSE'
  | 'COUNTIFS'
  | 'IF'
  | 'IFERROR'
  | 'ISFORMULA'
  | 'MATCH'
  | 'NA'
  | 'NOT'
  | 'OR'
  | 'SUBSTITUTE'
  | 'SUM'
  | 'TRIM'
  | 'UNICHAR';

export type BinaryOperator = '+' | '-' | '*' | '/' | '&' | '=' | '<>' | '>';

/** A cell or a block of cells; rows and columns 1-based; `sheet` absent = the formula's own sheet. */
export interface CellReference {
  kind: 'cell';
  sheet?: string;
  row: number;
  col: number;
  /** "$H$5" rather than "H5": relative references follow the row when Excel fills a table column. */
  absolute?: boolean;
}

export interface RangeReference {
  kind: 'range';
  sheet?: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type Formula =
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | CellReference
  | RangeReference
  /** A one-row array constant of texts, e.g. {"OUI","NON"}. */
  | { kind: 'array'; values: readonly string[] }
  | { kind: 'call'; name: FunctionName; args: Formula[] }
  | { kind: 'binary'; operator: BinaryOperator; left: Formula; right: Formula };

// ---- building

export const num = (value: number): Formula => ({ kind: 'number', value });
export const text = (value: string): Formula => ({ kind: 'text', value });
export const array = (values: readonly string[]): Formula => ({ kind: 'array', values });
export const call = (name: FunctionName, ...args: Formula[]): Formula => ({ kind: 'call', name, args });
export const binary = (operator: BinaryOperator, left: Formula, right: Formula): Formula => ({ kind: 'binary', operator, left, right });

// Properties set one by one rather than spread: a template's formulas hold thousands of references.
export function cell(row: number, col: number, sheet?: string, absolute = false): CellReference {
  const reference: CellReference = { kind: 'cell', row, col };
  if (sheet !== undefined) reference.sheet = sheet;
  if (absolute) reference.absolute = true;
  return reference;
}

/** Rows `top`..`bottom` of one column. */
export function column(col: number, top: number, bottom: number, sheet?: string): RangeReference {
  const reference: RangeReference = { kind: 'range', top, left: col, bottom, right: col };
  if (sheet !== undefined) reference.sheet = sheet;
  return reference;
}

/** a + b + … (0 for none). */
export function sum(terms: Formula[]): Formula {
  if (terms.length === 0) return num(0);
  return terms.reduce((total, term) => binary('+', total, term));
}

/** IFERROR(numerator / denominator, "non évaluable"): the division by 0 is the only error the counts can give. */
export function ratio(numerator: Formula, denominator: Formula, whenZero: Formula): Formula {
  return call('IFERROR', binary('/', numerator, denominator), whenZero);
}

/** COUNTIFS over pairs (range, criterion). */
export function countIfs(pairs: [RangeReference, Formula][]): Formula {
  const args: Formula[] = [];
  for (const [range, criterion] of pairs) args.push(range, criterion);
  return { kind: 'call', name: 'COUNTIFS', args };
}

/** Escapes the wildcards of COUNTIFS and MATCH: "*", "?" and "~" are matched literally. */
export function escapeWildcards(value: string): string {
  return value.replace(/[~*?]/g, (ch) => `~${ch}`);
}

/** A COUNTIFS criterion matching cells equal to `label` (case-insensitive, as Excel compares text). */
export function equalsCriterion(label: string): Formula {
  return text(`=${escapeWildcards(label)}`);
}

const WILDCARDS = ['~', '*', '?'].map((ch) => [text(ch), text(`~${ch}`)] as const);
const EQUALS = text('=');

/** A pattern of COUNTIFS and MATCH that matches `value` literally: its wildcards escaped by the formula ("~" first). */
export function literalPattern(value: Formula): Formula {
  let escaped = value;
  for (const [ch, escape] of WILDCARDS) escaped = call('SUBSTITUTE', escaped, ch, escape);
  return escaped;
}

/** The same criterion built by the formula from a cell's content. */
export function equalsCellCriterion(ref: Formula): Formula {
  return binary('&', EQUALS, literalPattern(ref));
}

// ---- rendering (English syntax, as Range.formulas and .xlsx files expect)

function quoteText(value: string): string {
  return value.includes('"') ? `"${value.replace(/"/g, '""')}"` : `"${value}"`;
}

function sheetPrefix(sheet: string | undefined): string {
  return sheet === undefined ? '' : `'${sheet.replace(/'/g, "''")}'!`;
}

function address(row: number, col: number, absolute: boolean): string {
  return absolute ? `$${columnLetter(col)}$${row}` : columnLetter(col) + row;
}

/** Functions newer than Excel 2007: an .xlsx file names them with the "_xlfn." prefix (Excel and LibreOffice read #NAME? otherwise). */
const NEWER_FUNCTIONS: ReadonlySet<FunctionName> = new Set<FunctionName>(['ISFORMULA', 'UNICHAR']);

const PRECEDENCE: Record<BinaryOperator, number> = { '=': 1, '<>': 1, '>': 1, '&': 2, '+': 3, '-': 3, '*': 4, '/': 4 };

/** Array constants are shared by the formulas of a table's rows: spelled once. */
const ARRAYS = new WeakMap<readonly string[], string>();

function render(formula: Formula, file: boolean, parent: number): string {
  switch (formula.kind) {
    case 'number':
      return formula.value < 0 ? `(${formula.value})` : String(formula.value);
    case 'text':
      return quoteText(formula.value);
    case 'cell':
      return sheetPrefix(formula.sheet) + address(formula.row, formula.col, formula.absolute === true);
    case 'range':
      return `${sheetPrefix(formula.sheet)}${address(formula.top, formula.left, true)}:${address(formula.bottom, formula.right, true)}`;
    case 'array': {
      let spelled = ARRAYS.get(formula.values);
      if (spelled === undefined) {
        spelled = `{${formula.values.map(quoteText).join(',')}}`;
        ARRAYS.set(formula.values, spelled);
      }
      return spelled;
    }
    case 'call': {
      // A loop rather than map and join: thousands of formulas are spelled when a workbook is created.
      let spelled = file && NEWER_FUNCTIONS.has(formula.name) ? `_xlfn.${formula.name}(` : `${formula.name}(`;
      const { args } = formula;
      for (let i = 0; i < args.length; i++) spelled += (i === 0 ? '' : ',') + render(args[i], file, 0);
      return `${spelled})`;
    }
    case 'binary': {
      const own = PRECEDENCE[formula.operator];
      // Left-associative: the right operand needs parentheses at equal precedence.
      const body = render(formula.left, file, own) + formula.operator + render(formula.right, file, own + 1);
      return own < parent ? `(${body})` : body;
    }
  }
}

/** "=COUNTIFS(…)": the formula as Range.formulas takes it. */
export function toExcel(formula: Formula): string {
  return `=${render(formula, false, 0)}`;
}

/** The formula as stored in an .xlsx file (exceljs takes it without the "="). */
export function toFileFormula(formula: Formula): string {
  return render(formula, true, 0);
}
