/**
 * An in-memory workbook behaving like Excel where the add-in cares: a user typing "=…" makes a
 * formula (not evaluated, except =NA() which shows #N/A), the add-in's own formulas are evaluated
 * and recalculated after every change, a paste is one change event for its whole range, and
 * writes made by the add-in are tagged as its own. Used by tests and the browser demo.
 */
import type { CellInput } from '../../domain/model';
import { cellAddress, parseAddress, parseRange, rangeAddress, type Grid } from '../../workbook/grid';
import { toExcel, type Formula } from '../../workbook/formula';
import { findSheet } from '../../workbook/names';
import type { CellStyle, ChartSpec } from '../../workbook/port';
import type { PrintSetup } from '../../workbook/print';
import { CELL_FORMATS, type CellFormat } from '../../workbook/styles';
import { FormulaError, FormulaEvaluator, type CellSource } from './formulas';

export type Scalar = string | number | boolean | null;

export interface MemoryCell {
  /** What the cell shows: the typed value, a formula's result, or the error text. */
  value: Scalar;
  /** Formula as typed, starting with "="; an add-in formula's, written out from `expression` when first read. */
  formula?: string;
  /** The add-in's formula as a tree: evaluated, `value` is its result; written without `formula`, its text is derived. */
  expression?: Formula;
  /** Excel error shown by the cell, e.g. "#N/A". */
  error?: string;
  numberFormat?: string;
  style?: CellStyle;
  /** Background of a zone band. */
  fill?: string;
  wrap?: boolean;
}

/** A rule over one column, from `firstRow` down (to `lastRow` when given); rows and columns 1-based. */
interface ColumnRule {
  column: number;
  firstRow: number;
  lastRow?: number;
}

export interface ListRule extends ColumnRule {
  list: readonly string[];
  error: string;
}

export interface ColourRule extends ColumnRule {
  equals: string;
  format: CellFormat;
}

export interface MemorySheet {
  name: string;
  cells: Record<string, MemoryCell>;
  columnWidths: number[];
  frozenRows: number;
  validations: ListRule[];
  conditionalFormats: ColourRule[];
  chart?: ChartSpec;
  /** Page setup and printed range ("A1:M21"), as the other adapters set them. */
  print?: PrintSetup;
  printArea?: string;
  /** Heights in points of the rows holding text, by 0-based row. */
  rowHeights?: Record<number, number>;
}

export interface MemoryTable {
  name: string;
  sheet: string;
  /** "A4:I160", header row included. */
  range: string;
}

export interface MemoryWorkbookData {
  sheets: MemorySheet[];
  tables: MemoryTable[];
  selection?: { sheet: string; cell: string };
}

export type WorkbookEvent =
  | { kind: 'change'; sheet: string; address: string; source: 'user' | 'addin' }
  | { kind: 'sheets' }
  | { kind: 'select'; sheet: string; cell: string };

const NA_FORMULA = /^=\s*NA\s*\(\s*\)\s*$/i;

/** What a cell holds, as opposed to its formats. */
const CONTENT: ReadonlySet<string> = new Set<keyof MemoryCell>(['value', 'formula', 'expression', 'error']);

/**
 * A cell's formats, without its content: copied key by key rather than spread and deleted from (a
 * spread writes out an add-in formula's text, deleting keys makes a slow object; the cartographie's
 * answer cells are rewritten when the demonstration is loaded).
 */
function formatsOf(cell: MemoryCell | undefined): Omit<MemoryCell, 'value'> {
  const formats: Record<string, unknown> = {};
  for (const key in cell) if (!CONTENT.has(key)) formats[key] = cell[key as keyof MemoryCell];
  return formats as Omit<MemoryCell, 'value'>;
}

/** Canonical key of an address: "$b$2" → "B2". */
function keyOf(address: string): string {
  const { row, column } = parseAddress(address);
  return cellAddress(row, column);
}

/**
 * Gives an add-in formula its text as a property written out from its tree when first read: a
 * template holds hundreds of formulas that are evaluated but seldom read as text.
 */
function withFormulaText(cell: MemoryCell, expression: Formula): MemoryCell {
  const settle = (text: string) => Object.defineProperty(cell, 'formula', { value: text, enumerable: true, configurable: true, writable: true });
  return Object.defineProperty(cell, 'formula', {
    enumerable: true,
    configurable: true,
    get: () => settle(toExcel(expression)).formula,
    set: settle,
  });
}

/** Whether a cell holds a formula, without writing out an add-in formula's text. */
function hasFormula(cell: MemoryCell | undefined): boolean {
  return cell !== undefined && (cell.expression !== undefined || cell.formula !== undefined);
}

/** A value typed by the user, as Excel stores it. */
function typed(input: Scalar, previous: MemoryCell | undefined): MemoryCell {
  const kept = formatsOf(previous);
  if (typeof input === 'string' && input.startsWith('=') && input.length > 1) {
    return NA_FORMULA.test(input) ? { ...kept, value: '#N/A', formula: input, error: '#N/A' } : { ...kept, value: null, formula: input };
  }
  return { ...kept, value: input === '' ? null : input };
}

/** Number formats that show a date (day or year tokens outside quotes). */
function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && /[dy]/i.test(format.replace(/"[^"]*"/g, ''));
}

export function toCellInput(cell: MemoryCell | undefined): CellInput {
  if (!cell) return { value: null };
  // Properties set one by one rather than spread: a sheet read makes thousands of these.
  const input: CellInput = { value: cell.value };
  if (cell.error !== undefined) input.error = true;
  if (hasFormula(cell)) input.formula = true;
  if (typeof cell.value === 'number' && isDateFormat(cell.numberFormat)) input.date = true;
  return input;
}

/** What a formula cell's CellInput takes from its result. */
const LAZY_KEYS = ['value', 'error', 'date'] as const;

/**
 * The CellInput of an add-in formula not evaluated yet: `resolve` evaluates it when its value, error
 * or date is first looked at, then the object holds what toCellInput gives. A sheet read for a few
 * of its columns (the cartographie, whose computed columns hold hundreds of formulas) evaluates
 * only the formulas whose cells are looked at.
 */
function pendingInput(resolve: () => CellInput): CellInput & { resolve: () => void } {
  const input = { formula: true } as CellInput;
  const settle = (): CellInput => {
    const result = resolve();
    for (const key of LAZY_KEYS) delete input[key];
    return Object.assign(input, result);
  };
  for (const key of LAZY_KEYS) Object.defineProperty(input, key, { enumerable: true, configurable: true, get: () => settle()[key] });
  return Object.defineProperty(input, 'resolve', { value: settle }) as CellInput & { resolve: () => void };
}

function inRule(rule: ColumnRule, row: number, column: number): boolean {
  return rule.column === column && row >= rule.firstRow && (rule.lastRow === undefined || row <= rule.lastRow);
}

export class MemoryWorkbook {
  private sheets: MemorySheet[] = [];
  private tables: MemoryTable[] = [];
  private selection?: { sheet: string; cell: string };
  private readonly listeners = new Set<(event: WorkbookEvent) => void>();

  static fromJSON(data: MemoryWorkbookData): MemoryWorkbook {
    const workbook = new MemoryWorkbook();
    const copy = structuredClone(data);
    workbook.sheets = copy.sheets;
    workbook.tables = copy.tables;
    workbook.selection = copy.selection;
    return workbook;
  }

  toJSON(): MemoryWorkbookData {
    this.settle();
    return structuredClone({ sheets: this.sheets, tables: this.tables, ...(this.selection && { selection: this.selection }) });
  }

  subscribe(listener: (event: WorkbookEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Formula cells read by grid() and not looked at yet: each is evaluated before the workbook next
   * changes, so that it shows the value of the moment it was read, as Excel's values do. Weakly
   * held: a read no one keeps costs nothing.
   */
  private pending: WeakRef<CellInput & { resolve: () => void }>[] = [];

  /** Called before every change of content or sheets. */
  private beforeChange(): void {
    const pending = this.pending;
    this.pending = [];
    for (const ref of pending) ref.deref()?.resolve();
  }

  private emit(event: WorkbookEvent): void {
    if (event.kind !== 'select') {
      this.stale = true;
      this.evaluated.clear();
      this.settled.clear();
      this.evaluate = undefined;
    }
    for (const listener of this.listeners) listener(event);
  }

  /**
   * Formulas are recalculated when a value is next read after a change (several writes, one
   * recalculation), and only those the read needs: the read sheet's and what they refer to.
   */
  private stale = false;
  /** Formula cells evaluated, and sheets whose every formula is, since the last change. */
  private readonly evaluated = new Set<MemoryCell>();
  private readonly settled = new Set<MemorySheet>();
  /** Evaluates formula cells since the last change (its ranges and counts stay valid until then). */
  private evaluate?: (sheet: MemorySheet, cell: MemoryCell) => void;

  private settle(sheet?: MemorySheet): void {
    if (!this.stale) return;
    const pending = (sheet ? [sheet] : this.sheets).filter((s) => !this.settled.has(s));
    if (pending.length === 0) return;
    const evaluate = this.evaluator();
    for (const target of pending) {
      for (const cell of Object.values(target.cells)) evaluate(target, cell);
      this.settled.add(target);
    }
    if (this.sheets.every((s) => this.settled.has(s))) this.stale = false;
  }

  /** Takes the formulas' stored results as current until the next change, as Excel does when it opens a saved file. */
  keepStoredResults(): void {
    this.stale = false;
  }

  /** Evaluates every formula of the add-in, each once, following references (a cycle reads as #REF!). */
  recalculate(): void {
    this.stale = true;
    this.evaluated.clear();
    this.settled.clear();
    this.evaluate = undefined;
    this.settle();
  }

  /** Evaluates one formula cell, and first the formula cells it refers to, unless already done. */
  private evaluator(): (sheet: MemorySheet, cell: MemoryCell) => void {
    this.evaluate ??= this.newEvaluator();
    return this.evaluate;
  }

  private newEvaluator(): (sheet: MemorySheet, cell: MemoryCell) => void {
    const running = new Set<MemoryCell>();
    const evaluate = (sheet: MemorySheet, cell: MemoryCell): void => {
      if (!cell.expression || this.evaluated.has(cell)) return;
      if (running.has(cell)) throw new FormulaError('#REF!');
      running.add(cell);
      const result = evaluator.evaluate(cell.expression, sheet.name);
      running.delete(cell);
      this.evaluated.add(cell);
      if (result instanceof FormulaError) Object.assign(cell, { value: result.code, error: result.code });
      else {
        cell.value = result;
        delete cell.error;
      }
    };
    const source: CellSource = {
      value: (name, row, col) => {
        const sheet = this.sheets.find((s) => s.name === name) ?? this.sheet(name);
        if (!sheet) throw new FormulaError('#REF!');
        const cell = sheet.cells[cellAddress(row, col)];
        if (!cell) return null;
        evaluate(sheet, cell);
        if (cell.error !== undefined) throw new FormulaError(cell.error);
        return cell.value;
      },
      isFormula: (name, row, col) => {
        const sheet = this.sheets.find((s) => s.name === name) ?? this.sheet(name);
        return hasFormula(sheet?.cells[cellAddress(row, col)]);
      },
    };
    const evaluator = new FormulaEvaluator(source);
    return evaluate;
  }

  // ---- sheets and tables

  sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  /** The sheet called `name`, matched tolerantly. */
  sheet(name: string): MemorySheet | undefined {
    const found = findSheet(this.sheetNames(), name);
    return this.sheets.find((sheet) => sheet.name === found);
  }

  private mustSheet(name: string): MemorySheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`feuille « ${name} » introuvable`);
    return sheet;
  }

  /** Adds an empty sheet, before `before` when it exists, else last. */
  addSheet(name: string, before?: string): MemorySheet {
    this.beforeChange();
    if (this.sheets.some((sheet) => sheet.name === name)) throw new Error(`La feuille « ${name} » existe déjà.`);
    const sheet: MemorySheet = { name, cells: {}, columnWidths: [], frozenRows: 0, validations: [], conditionalFormats: [] };
    const index = before === undefined ? -1 : this.sheets.findIndex((s) => s.name === before);
    if (index < 0) this.sheets.push(sheet);
    else this.sheets.splice(index, 0, sheet);
    this.emit({ kind: 'sheets' });
    return sheet;
  }

  removeSheet(name: string): void {
    this.beforeChange();
    const sheet = this.mustSheet(name);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((table) => table.sheet !== sheet.name);
    this.emit({ kind: 'sheets' });
  }

  renameSheet(from: string, to: string): void {
    this.beforeChange();
    const sheet = this.mustSheet(from);
    for (const table of this.tables) if (table.sheet === sheet.name) table.sheet = to;
    sheet.name = to;
    this.emit({ kind: 'sheets' });
  }

  tableNames(): string[] {
    return this.tables.map((table) => table.name);
  }

  table(name: string): MemoryTable | undefined {
    const found = findSheet(this.tableNames(), name);
    return this.tables.find((table) => table.name === found);
  }

  /** Adds a table, or moves an existing one of that name to a new range. */
  setTable(name: string, sheet: string, range: string): void {
    const table = this.tables.find((t) => t.name === name);
    if (table) Object.assign(table, { sheet, range });
    else this.tables.push({ name, sheet, range });
  }

  // ---- cells

  getCell(sheet: string, address: string): MemoryCell | undefined {
    const target = this.mustSheet(sheet);
    this.settle(target);
    return target.cells[keyOf(address)];
  }

  /** What the user sees in a cell: style, band fill, then conditional colours. */
  cellFormat(sheet: string, address: string): CellFormat {
    const target = this.mustSheet(sheet);
    this.settle(target);
    const cell = target.cells[keyOf(address)];
    const { row, column } = parseAddress(address);
    const rule = target.conditionalFormats.find((r) => inRule(r, row, column) && cell?.value === r.equals);
    return {
      ...(cell?.style && CELL_FORMATS[cell.style]),
      ...(cell?.fill && { fill: cell.fill }),
      ...(cell?.wrap && { wrap: true }),
      ...rule?.format,
    };
  }

  /** The drop-down list offered in a cell, if any. */
  validationAt(sheet: string, address: string): ListRule | undefined {
    const { row, column } = parseAddress(address);
    return this.mustSheet(sheet).validations.find((rule) => inRule(rule, row, column));
  }

  /** The user types a value (Excel semantics: "=…" is a formula). One change event. */
  setCell(sheet: string, address: string, value: Scalar): void {
    this.paste(sheet, address, [[value]]);
  }

  /** The user pastes a block whose top-left is `topLeft`: one change event for the whole range. */
  paste(sheet: string, topLeft: string, values: Scalar[][]): void {
    this.beforeChange();
    const target = this.mustSheet(sheet);
    const { row, column } = parseAddress(topLeft);
    values.forEach((line, r) =>
      line.forEach((value, c) => {
        const address = cellAddress(row + r, column + c);
        target.cells[address] = typed(value, target.cells[address]);
      }),
    );
    const width = Math.max(1, ...values.map((line) => line.length));
    this.emit({ kind: 'change', sheet: target.name, address: rangeAddress(row, column, row + Math.max(values.length, 1) - 1, column + width - 1), source: 'user' });
  }

  /**
   * Writes made by the add-in: values are stored as given (a string starting with "=" stays
   * text), formats are merged into the existing cell. One change event, tagged as the add-in's.
   */
  write(sheet: string, cells: { address: string; cell: Partial<MemoryCell> }[]): void {
    if (cells.length === 0) return;
    const target = this.mustSheet(sheet);
    this.beforeChange();
    let [top, left, bottom, right] = [Infinity, Infinity, 0, 0];
    for (const { address, cell } of cells) {
      const { row, column } = parseAddress(address);
      const key = cellAddress(row, column);
      const previous = target.cells[key];
      const value = cell.value === undefined ? (previous?.value ?? null) : cell.value;
      const next: MemoryCell = previous ? { ...formatsOf(previous), ...cell, value } : { ...cell, value };
      target.cells[key] = next.expression !== undefined && next.formula === undefined ? withFormulaText(next, next.expression) : next;
      top = Math.min(top, row);
      left = Math.min(left, column);
      bottom = Math.max(bottom, row);
      right = Math.max(right, column);
    }
    this.emit({ kind: 'change', sheet: target.name, address: rangeAddress(top, left, bottom, right), source: 'addin' });
  }

  /** Empties a range (values and formats) as the add-in; the whole sheet without a range. */
  clear(sheet: string, range?: string): void {
    this.beforeChange();
    const target = this.mustSheet(sheet);
    if (range === undefined) {
      target.cells = {};
      target.chart = undefined;
    } else {
      const { top, left, bottom, right } = parseRange(range);
      for (const address of Object.keys(target.cells)) {
        const { row, column } = parseAddress(address);
        if (row >= top && row <= bottom && column >= left && column <= right) delete target.cells[address];
      }
    }
    this.emit({ kind: 'change', sheet: target.name, address: range ?? 'A1', source: 'addin' });
  }

  /** Last used row and column (0 when the sheet is empty). */
  usedSize(sheet: string): { rows: number; columns: number } {
    let rows = 0;
    let columns = 0;
    for (const address of Object.keys(this.mustSheet(sheet).cells)) {
      const { row, column } = parseAddress(address);
      rows = Math.max(rows, row);
      columns = Math.max(columns, column);
    }
    return { rows, columns };
  }

  /** A sheet's used cells by address, formulas evaluated (read them, do not change them). */
  cells(sheet: string): Readonly<Record<string, Readonly<MemoryCell>>> {
    const target = this.mustSheet(sheet);
    this.settle(target);
    return { ...target.cells };
  }

  /**
   * Every used cell from A1, as the workbook layer reads sheets. The add-in's formulas not yet
   * evaluated since the last change are evaluated when their cell is looked at (see pendingInput).
   */
  grid(sheet: string): Grid {
    const target = this.mustSheet(sheet);
    const lazy = this.stale && !this.settled.has(target);
    // Each address parsed once, for the used size and for the cell's place; the empty cells made last.
    const addresses = Object.keys(target.cells);
    const places = addresses.map((address) => parseAddress(address));
    let [rows, columns] = [0, 0];
    for (const { row, column } of places) {
      if (row > rows) rows = row;
      if (column > columns) columns = column;
    }
    const grid: (CellInput | undefined)[][] = Array.from({ length: rows }, () => new Array<CellInput | undefined>(columns));
    places.forEach(({ row, column }, index) => {
      const cell = target.cells[addresses[index]];
      grid[row - 1][column - 1] = lazy && cell.expression && !this.evaluated.has(cell) ? this.pendingCell(target, cell) : toCellInput(cell);
    });
    for (const line of grid) for (let column = 0; column < columns; column++) line[column] ??= { value: null };
    return { sheet: target.name, top: 1, left: 1, rows: grid as CellInput[][] };
  }

  private pendingCell(sheet: MemorySheet, cell: MemoryCell): CellInput {
    const input = pendingInput(() => {
      this.evaluator()(sheet, cell);
      return toCellInput(cell);
    });
    this.pending.push(new WeakRef(input));
    return input;
  }

  select(sheet: string, cell: string): void {
    const target = this.mustSheet(sheet);
    this.selection = { sheet: target.name, cell };
    this.emit({ kind: 'select', sheet: target.name, cell });
  }

  getSelection(): { sheet: string; cell: string } | undefined {
    return this.selection && { ...this.selection };
  }
}
