/**
 * A tiny interpreter for the add-in's own formulas (src/workbook/formula.ts), with Excel's
 * semantics where they matter here: text compared case-insensitively, COUNTIFS and MATCH
 * wildcards with "~" escapes, TRIM collapsing inner runs of spaces, errors caught by IFERROR.
 */
import type { Formula, FunctionName } from '../../workbook/formula';

export type Value = string | number | boolean | null;

/** An Excel error value ("#N/A", "#VALUE!"…) raised during evaluation. */
export class FormulaError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** What a formula can read: a cell's shown value (throwing FormulaError for an error cell), and whether it holds a formula. */
export interface CellSource {
  value(sheet: string, row: number, col: number): Value;
  isFormula(sheet: string, row: number, col: number): boolean;
}

type Range = Value[];
interface Block {
  /** Distinguishes the evaluator's blocks in the keys of remembered counts. */
  id: number;
  cells: Range;
  errors: boolean[];
  lower: (string | undefined)[];
  /** Positions of each lowercased text, built on first use. */
  index?: Map<string, number[]>;
}

function indexOf(block: Block): Map<string, number[]> {
  if (!block.index) {
    block.index = new Map();
    block.lower.forEach((text, position) => {
      if (text === undefined || block.errors[position]) return;
      const list = block.index!.get(text);
      if (list) list.push(position);
      else block.index!.set(text, [position]);
    });
  }
  return block.index;
}
type Argument = Value | Range | Block;

const VALUE_ERROR = '#VALUE!';

function asText(value: Value): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

function asNumber(value: Value): number {
  if (value === null) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const parsed = Number(value);
  if (value.trim() === '' || Number.isNaN(parsed)) throw new FormulaError(VALUE_ERROR);
  return parsed;
}

function asBoolean(value: Value): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' || value === null) return Boolean(value);
  const upper = value.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
  throw new FormulaError(VALUE_ERROR);
}

function rank(value: Value): number {
  return typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : typeof value === 'boolean' ? 2 : -1;
}

/** Excel's ordering of two scalars: numbers < texts < booleans, texts without case. */
function compare(a: Value, b: Value): number {
  // The same text or number (most of a table's tests): equal without lowercasing.
  if (a === b && a !== null) return 0;
  let left = a;
  let right = b;
  // An empty cell compares as 0 with a number, "" with a text, FALSE with a boolean.
  if (left === null) left = right === null ? 0 : typeof right === 'number' ? 0 : typeof right === 'boolean' ? false : '';
  if (right === null) right = typeof left === 'number' ? 0 : typeof left === 'boolean' ? false : '';
  if (rank(left) !== rank(right)) return rank(left) - rank(right);
  if (typeof left === 'string') {
    const x = left.toLowerCase();
    const y = (right as string).toLowerCase();
    return x === y ? 0 : x < y ? -1 : 1;
  }
  return Number(left) - Number(right);
}

/** Excel TRIM: ASCII spaces removed at both ends, inner runs reduced to one. */
export function excelTrim(value: string): string {
  if (!value.includes('  ') && !value.startsWith(' ') && !value.endsWith(' ')) return value;
  return value.replace(/ +/g, ' ').replace(/^ | $/g, '');
}

const patterns = new Map<string, RegExp>();

function literal(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole-text, case-insensitive match of a pattern with * and ? wildcards and ~ escapes. */
function wildcardMatch(pattern: string, value: string): boolean {
  let regex = patterns.get(pattern);
  if (!regex) {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
      const ch = pattern[i];
      if (ch === '~' && i + 1 < pattern.length && '~*?'.includes(pattern[i + 1])) source += literal(pattern[++i]);
      else if (ch === '*') source += '[\\s\\S]*';
      else if (ch === '?') source += '[\\s\\S]';
      else source += literal(ch);
    }
    regex = new RegExp(`^${source}$`, 'iu');
    patterns.set(pattern, regex);
  }
  return regex.test(value);
}

/** `lower`: the value lowercased when it is a text (precomputed once per range). */
type Predicate = ((value: Value, error: boolean, lower?: string) => boolean) & {
  /** The lowercased text the criterion requires when it is a plain equality, for an index look-up. */
  equalsText?: string;
};

const criteria = new Map<string, Predicate>();

/** A COUNTIFS criterion as a predicate over cell values (remembered: the same few criteria recur). */
function criterion(raw: Value): Predicate {
  const source = asText(raw);
  let predicate = criteria.get(source);
  if (!predicate) {
    if (criteria.size > 10_000) criteria.clear();
    predicate = makeCriterion(source);
    criteria.set(source, predicate);
  }
  return predicate;
}

/** The text a pattern matches when it has no wildcard ("~" escapes removed), else null. */
function plainText(pattern: string): string | null {
  if (/(^|[^~])(~~)*[*?]/.test(pattern)) return null;
  return pattern.replace(/~([~*?])/g, '$1');
}

function makeCriterion(source: string): Predicate {
  const operator = /^(<=|>=|<>|=|<|>)?/.exec(source)?.[0] ?? '';
  const operand = source.slice(operator.length);
  const numeric = operand.trim() !== '' && !Number.isNaN(Number(operand)) ? Number(operand) : null;
  const plain = plainText(operand)?.toLowerCase() ?? null;
  const equals = (value: Value, lower?: string): boolean => {
    if (operand === '') return value === null || (operator === '' && value === '');
    if (numeric !== null && typeof value === 'number') return value === numeric;
    if (typeof value !== 'string') return false;
    return plain !== null ? (lower ?? value.toLowerCase()) === plain : wildcardMatch(operand, value);
  };
  const predicate: Predicate = (value, error, lower) => {
    if (error) return operator === '<>';
    if (operator === '' || operator === '=') return equals(value, lower);
    if (operator === '<>') return !equals(value, lower);
    if (numeric === null || typeof value !== 'number') return false;
    if (operator === '<') return value < numeric;
    if (operator === '>') return value > numeric;
    if (operator === '<=') return value <= numeric;
    return value >= numeric;
  };
  if ((operator === '' || operator === '=') && operand !== '' && numeric === null && plain !== null) predicate.equalsText = plain;
  return predicate;
}

/**
 * Evaluates formulas against a source. Ranges are read once per evaluator: make a new evaluator
 * after the cells change.
 */
export class FormulaEvaluator {
  private readonly ranges = new Map<string, Block>();
  /** Blocks by the range reference that named them: a table's formulas share their references. */
  private readonly referenced = new WeakMap<Formula, Block>();
  /** COUNTIFS results by blocks and criteria: a table's rows ask the same few counts again and again. */
  private readonly counts = new Map<string, number>();
  private blocks = 0;

  constructor(private readonly source: CellSource) {}

  /** Evaluates a formula written on `sheet`; an error result is returned as a FormulaError. */
  evaluate(formula: Formula, sheet: string): Value | FormulaError {
    try {
      return this.scalar(formula, sheet);
    } catch (error) {
      if (error instanceof FormulaError) return error;
      throw error;
    }
  }

  private scalar(formula: Formula, sheet: string): Value {
    const value = this.any(formula, sheet);
    if (Array.isArray(value) || (typeof value === 'object' && value !== null)) throw new FormulaError(VALUE_ERROR);
    return value;
  }

  private any(formula: Formula, sheet: string): Argument {
    switch (formula.kind) {
      case 'number':
      case 'text':
        return formula.value;
      case 'cell':
        return this.source.value(formula.sheet ?? sheet, formula.row, formula.col);
      case 'range': {
        let block = this.referenced.get(formula);
        if (!block) {
          block = this.range(formula.sheet ?? sheet, formula.top, formula.left, formula.bottom, formula.right);
          this.referenced.set(formula, block);
        }
        return block;
      }
      case 'array':
        return [...formula.values];
      case 'binary':
        return this.binary(formula.operator, this.scalar(formula.left, sheet), this.scalar(formula.right, sheet));
      case 'call':
        return this.call(formula.name, formula.args, sheet);
    }
  }

  private range(sheet: string, top: number, left: number, bottom: number, right: number): Block {
    const key = `${sheet}!${top}:${left}:${bottom}:${right}`;
    let range = this.ranges.get(key);
    if (!range) {
      range = this.readRange(sheet, top, left, bottom, right);
      this.ranges.set(key, range);
    }
    return range;
  }

  private readRange(sheet: string, top: number, left: number, bottom: number, right: number): Block {
    const cells: Range = [];
    const errors: boolean[] = [];
    for (let row = top; row <= bottom; row++) {
      for (let col = left; col <= right; col++) {
        try {
          cells.push(this.source.value(sheet, row, col));
          errors.push(false);
        } catch (error) {
          if (!(error instanceof FormulaError)) throw error;
          cells.push(null);
          errors.push(true);
        }
      }
    }
    return { id: this.blocks++, cells, errors, lower: cells.map((cell) => (typeof cell === 'string' ? cell.toLowerCase() : undefined)) };
  }

  private binary(operator: string, left: Value, right: Value): Value {
    switch (operator) {
      case '&':
        return asText(left) + asText(right);
      case '=':
        return compare(left, right) === 0;
      case '<>':
        return compare(left, right) !== 0;
      case '>':
        return compare(left, right) > 0;
      case '+':
        return asNumber(left) + asNumber(right);
      case '-':
        return asNumber(left) - asNumber(right);
      case '*':
        return asNumber(left) * asNumber(right);
      default: {
        const divisor = asNumber(right);
        if (divisor === 0) throw new FormulaError('#DIV/0!');
        return asNumber(left) / divisor;
      }
    }
  }

  private call(name: FunctionName, args: Formula[], sheet: string): Value {
    // Arguments are read with this.scalar(args[i], sheet) rather than through a closure made per
    // call: a template's formulas make tens of thousands of calls when a workbook is first read.
    switch (name) {
      case 'IF':
        return asBoolean(this.scalar(args[0], sheet)) ? this.scalar(args[1], sheet) : args.length > 2 ? this.scalar(args[2], sheet) : false;
      case 'IFERROR':
        try {
          return this.scalar(args[0], sheet);
        } catch (error) {
          if (error instanceof FormulaError) return this.scalar(args[1], sheet);
          throw error;
        }
      case 'AND':
      case 'OR': {
        // Every argument is evaluated (an error in any of them is the result), then combined.
        let all = true;
        let some = false;
        for (const arg of args) {
          const value = asBoolean(this.scalar(arg, sheet));
          all &&= value;
          some ||= value;
        }
        return name === 'AND' ? all : some;
      }
      case 'NOT':
        return !asBoolean(this.scalar(args[0], sheet));
      case 'TRIM':
        return excelTrim(asText(this.scalar(args[0], sheet)));
      case 'SUBSTITUTE':
        return asText(this.scalar(args[0], sheet)).split(asText(this.scalar(args[1], sheet))).join(asText(this.scalar(args[2], sheet)));
      case 'CHAR':
      case 'UNICHAR':
        return String.fromCodePoint(asNumber(this.scalar(args[0], sheet)));
      case 'NA':
        throw new FormulaError('#N/A');
      case 'SUM': {
        let total = 0;
        for (const arg of args) total += asNumber(this.scalar(arg, sheet));
        return total;
      }
      case 'CHOOSE': {
        const index = Math.trunc(asNumber(this.scalar(args[0], sheet)));
        if (index < 1 || index >= args.length) throw new FormulaError(VALUE_ERROR);
        return this.scalar(args[index], sheet);
      }
      case 'ISFORMULA': {
        const ref = args[0];
        if (ref.kind !== 'cell') throw new FormulaError('#N/A');
        return this.source.isFormula(ref.sheet ?? sheet, ref.row, ref.col);
      }
      case 'MATCH':
        return this.match(this.scalar(args[0], sheet), this.any(args[1], sheet));
      case 'COUNTIFS':
        return this.countIfs(args, sheet);
    }
  }

  /** MATCH(value, list, 0): exact, case-insensitive, with wildcards. */
  private match(lookup: Value, list: Argument): number {
    const cells = Array.isArray(list) ? list : typeof list === 'object' && list !== null ? list.cells : [list];
    const matches = criterion(`=${asText(lookup)}`);
    const index = cells.findIndex((cell) => cell !== null && matches(cell, false));
    if (index < 0) throw new FormulaError('#N/A');
    return index + 1;
  }

  private countIfs(args: Formula[], sheet: string): number {
    const ranges: Block[] = [];
    const tests: Predicate[] = [];
    let key = '';
    for (let i = 0; i < args.length; i += 2) {
      const range = this.any(args[i], sheet);
      if (typeof range !== 'object' || range === null || Array.isArray(range)) throw new FormulaError(VALUE_ERROR);
      const raw = this.scalar(args[i + 1], sheet);
      ranges.push(range);
      tests.push(criterion(raw));
      key += `${range.id}\u0000${asText(raw)}\u0000`;
    }
    let count = this.counts.get(key);
    if (count === undefined) {
      count = this.count(ranges, tests);
      this.counts.set(key, count);
    }
    return count;
  }

  private count(ranges: Block[], tests: Predicate[]): number {
    const matches = (index: number) => ranges.every((range, r) => tests[r](range.cells[index] ?? null, range.errors[index] ?? false, range.lower[index]));
    // A plain equality narrows the rows to look at through its range's index.
    const narrow = tests.findIndex((test) => test.equalsText !== undefined);
    if (narrow >= 0 && ranges.every((range) => range.cells.length === ranges[narrow].cells.length)) {
      return (indexOf(ranges[narrow]).get(tests[narrow].equalsText as string) ?? []).filter(matches).length;
    }
    let count = 0;
    for (let index = 0; index < ranges[0].cells.length; index++) if (matches(index)) count++;
    return count;
  }
}
