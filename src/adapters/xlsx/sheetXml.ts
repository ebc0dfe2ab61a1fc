/**
 * SpreadsheetML read without a DOM: shared strings, date styles, and a worksheet's cells streamed
 * row by row into a Grid. Only cells that exist are read: a stray value typed at XFD1048576 costs
 * one cell, not the sheet's nominal size.
 */
import type { CellInput } from '../../domain/model';
import { parseRange, type Grid } from '../../workbook/grid';
import { ZipFormatError } from './zip';

/** Columns read from a sheet: the cartographie needs nine; cells further right are ignored. */
export const MAX_COLUMNS = 256;

/** Shared by every row that holds no cell, so a far stray row costs one pointer per row. */
export const EMPTY_ROW: CellInput[] = Object.freeze([]) as unknown as CellInput[];

const EMPTY: CellInput = Object.freeze({ value: null }) as CellInput;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/_x([0-9A-F]{4})_/gi, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const attributePatterns = new Map<string, RegExp>();

export function attribute(attributes: string, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const match = pattern.exec(attributes);
  return match ? decodeXml(match[2] ?? match[3]) : undefined;
}

type CellAttributes = { r?: string; t?: string; s?: string };

const [R, T, S] = ['r', 't', 's'].map((name) => name.charCodeAt(0));

/** The r, t and s attributes of a <c> element, read in one pass (the hot loop of a sheet). */
function cellAttributes(attributes: string): CellAttributes {
  // Spaces around "=" are allowed by XML but never written by Excel or LibreOffice: the slow path.
  if (attributes.includes(' =') || attributes.includes('= ')) return spacedCellAttributes(attributes);
  // Three variables then one object of a fixed shape: this runs for every cell of a sheet.
  let r: string | undefined;
  let t: string | undefined;
  let s: string | undefined;
  for (let at = attributes.indexOf('="'); at > 0; at = attributes.indexOf('="', at)) {
    const close = attributes.indexOf('"', at + 2);
    if (close < 0) break;
    if (at === 1 || attributes.charCodeAt(at - 2) <= 32) {
      const name = attributes.charCodeAt(at - 1);
      if (name === R) r = attributes.slice(at + 2, close);
      else if (name === T) t = attributes.slice(at + 2, close);
      else if (name === S) s = attributes.slice(at + 2, close);
    }
    at = close + 1;
  }
  return { r, t, s };
}

function spacedCellAttributes(attributes: string): CellAttributes {
  const found: CellAttributes = {};
  for (const match of attributes.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) {
    if (match[1] === 'r' || match[1] === 't' || match[1] === 's') found[match[1]] = match[2];
  }
  return found;
}

/** The text of the <v> element of a cell's body (after a formula's long text, when there is one). */
function cellValue(body: string): string | undefined {
  const open = body.lastIndexOf('<v>');
  if (open < 0) return undefined;
  const close = body.indexOf('</v>', open + 3);
  return close < 0 ? undefined : body.slice(open + 3, close);
}

const SLASH = 47;

/** Index of the next `<name` element start from `from` (not a longer name such as <cols>), or -1. */
function elementStart(xml: string, name: string, from: number): number {
  const open = `<${name}`;
  for (let at = xml.indexOf(open, from); at >= 0; at = xml.indexOf(open, at + 1)) {
    const after = xml.charCodeAt(at + open.length);
    // Whitespace, ">" or "/" ends the name.
    if (after <= 32 || after === 62 || after === SLASH) return at;
  }
  return -1;
}

/** 1-based column of a cell reference ("XFD12" → 16384), 0 when it has no letters. */
function columnOf(ref: string): number {
  let column = 0;
  for (let at = 0; at < ref.length; at++) {
    const code = ref.charCodeAt(at) & ~32;
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return column;
}

/** The text of a string item (<si>, <is>): its <t> runs joined, phonetic guides left out. */
export function stringItemText(xml: string): string {
  const plain = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let text = '';
  for (const match of plain.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) text += match[1] ?? '';
  return decodeXml(text);
}

/** The plain text of a string item that is one <t> element with no attribute and no entity, else undefined. */
function plainItemText(xml: string, start: number, end: number): string | undefined {
  if (!xml.startsWith('<t>', start) || !xml.startsWith('</t>', end - 4)) return undefined;
  const text = xml.slice(start + 3, end - 4);
  return text.includes('<') || text.includes('&') || text.includes('_x') ? undefined : text;
}

export function parseSharedStrings(xml: string): string[] {
  // indexOf rather than a lazy pattern: an item is most often one plain <t> element, taken as it is.
  const strings: string[] = [];
  for (let at = elementStart(xml, 'si', 0); at >= 0; ) {
    const headEnd = xml.indexOf('>', at);
    if (headEnd < 0) break;
    if (xml.charCodeAt(headEnd - 1) === SLASH) {
      strings.push('');
      at = elementStart(xml, 'si', headEnd + 1);
      continue;
    }
    const end = xml.indexOf('</si>', headEnd);
    if (end < 0) break;
    strings.push(plainItemText(xml, headEnd + 1, end) ?? stringItemText(xml.slice(headEnd + 1, end)));
    at = elementStart(xml, 'si', end + 5);
  }
  return strings;
}

/** Built-in number formats that show a date or a time. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Same rule as exceljs: date letters outside [brackets] and "quotes". */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Indexes of the cell styles (the `s` attribute) that show numbers as dates. */
export function parseDateStyles(xml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const match of xml.matchAll(/<numFmt\b([^>]*)>/g)) custom.set(Number(attribute(match[1], 'numFmtId')), attribute(match[1], 'formatCode') ?? '');
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const dates = new Set<number>();
  let index = 0;
  for (const match of cellXfs.matchAll(/<xf\b([^>]*)>/g)) {
    const id = Number(attribute(match[1], 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) dates.add(index);
    index++;
  }
  return dates;
}

export interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: ReadonlySet<number>;
}

/** Serial day of an ISO date (cells of type "d"). */
function isoSerial(text: string): number {
  return Date.parse(text.endsWith('Z') || /[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`) / 86_400_000 + 25569;
}

/**
 * A sheet is read as latin1, one character per byte: decoding the whole part as UTF-8 costs more
 * than inflating it (its long formulas hold accented letters), while its markup and numbers are
 * ASCII. The few texts taken from it are decoded from UTF-8 here, before their XML entities.
 */
function utf8Text(latin1: string): string {
  if (!/[\x80-\xff]/.test(latin1)) return latin1;
  const NodeBuffer = nodeBuffer();
  if (NodeBuffer) return NodeBuffer.from(latin1, 'latin1').toString('utf8');
  return new TextDecoder().decode(Uint8Array.from(latin1, (c) => c.charCodeAt(0)));
}

/** Node's Buffer where there is one (the CLI): its latin1 and UTF-8 conversions are the fastest. */
const nodeBuffer = (): typeof Buffer | undefined => (globalThis as { Buffer?: typeof Buffer }).Buffer;

/** Bytes as latin1 text, one character per byte (TextDecoder's "latin1" is windows-1252, not this). */
function latin1Text(bytes: Uint8Array): string {
  const NodeBuffer = nodeBuffer();
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let text = '';
  for (let at = 0; at < bytes.length; at += 0x8000) text += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return text;
}

function cellInput(attributes: CellAttributes, body: string, context: SheetContext): CellInput | null {
  const type = attributes.t ?? 'n';
  const formula = body.includes('<f');
  const raw = cellValue(body);
  let input: CellInput;
  if (type === 'inlineStr') {
    const item = /<is>([\s\S]*?)<\/is>/.exec(body)?.[1];
    input = { value: item === undefined ? null : stringItemText(utf8Text(item)) };
  } else if (raw === undefined) {
    input = { value: null };
  } else if (type === 's') {
    input = { value: context.sharedStrings[Number(raw)] ?? null };
  } else if (type === 'str') {
    input = { value: decodeXml(utf8Text(raw)) };
  } else if (type === 'b') {
    input = { value: raw.trim() === '1' };
  } else if (type === 'e') {
    input = { value: decodeXml(utf8Text(raw)), error: true };
  } else if (type === 'd') {
    input = { value: isoSerial(raw), date: true };
  } else {
    const number = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(number)) input = { value: null };
    else input = context.dateStyles.has(Number(attributes.s ?? -1)) ? { value: number, date: true } : { value: number };
  }
  if (formula) {
    input.formula = true;
    return input;
  }
  return input.value === null ? null : input;
}

/** Row-by-row reader of one <worksheet> part, fed with its bytes as they are inflated. */
export class SheetReader {
  private readonly rows: CellInput[][] = [];
  private readonly merges: string[] = [];
  private pending = '';
  private afterData = false;
  private lastRow = 0;

  constructor(
    private readonly context: SheetContext,
    /** Rows past this one are not kept (the identity is near the top of its sheet). */
    private readonly maxRows = Number.POSITIVE_INFINITY,
  ) {}

  push(bytes: Uint8Array): void {
    this.pending += latin1Text(bytes);
    if (!this.afterData) {
      const end = this.pending.search(/<\/sheetData>|<sheetData\s*\/>/);
      const cut = end >= 0 ? end : this.lastRowEnd();
      if (cut < 0) return;
      this.readRows(this.pending.slice(0, cut));
      this.pending = this.pending.slice(cut);
      if (end >= 0) this.afterData = true;
      else return;
    }
    // After the cells only the merged ranges matter; the rest is read and dropped.
    const close = this.pending.lastIndexOf('>');
    if (close < 0) return;
    for (const match of this.pending.slice(0, close + 1).matchAll(/<mergeCell\b([^>]*)>/g)) {
      const ref = attribute(match[1], 'ref');
      if (ref) this.merges.push(ref);
    }
    this.pending = this.pending.slice(close + 1);
  }

  /** End of the last closed <row> element in the pending text, or -1 (self-closed rows hold no cell). */
  private lastRowEnd(): number {
    const closed = this.pending.lastIndexOf('</row>');
    return closed < 0 ? -1 : closed + '</row>'.length;
  }

  private readRows(xml: string): void {
    // indexOf rather than regular expressions: a sheet is mostly the long formulas of the computed
    // columns, which a lazy pattern walks character by character, twice (row, then cell).
    for (let at = elementStart(xml, 'row', 0); at >= 0; ) {
      const headEnd = xml.indexOf('>', at);
      if (headEnd < 0) return;
      const selfClosed = xml.charCodeAt(headEnd - 1) === SLASH;
      const number = Number(attribute(xml.slice(at + 4, selfClosed ? headEnd - 1 : headEnd), 'r') ?? this.lastRow + 1);
      this.lastRow = number;
      let next = headEnd + 1;
      if (!selfClosed) {
        const end = xml.indexOf('</row>', headEnd);
        if (end < 0) return;
        if (number <= this.maxRows) this.readCells(xml.slice(headEnd + 1, end), number);
        next = end + '</row>'.length;
      }
      at = elementStart(xml, 'row', next);
    }
  }

  private readCells(row: string, number: number): void {
    const cells: CellInput[] = [];
    let column = 0;
    for (let at = elementStart(row, 'c', 0); at >= 0; ) {
      const headEnd = row.indexOf('>', at);
      if (headEnd < 0) break;
      const selfClosed = row.charCodeAt(headEnd - 1) === SLASH;
      const attributes = cellAttributes(row.slice(at + 2, selfClosed ? headEnd - 1 : headEnd));
      let body = '';
      let next = headEnd + 1;
      if (!selfClosed) {
        const end = row.indexOf('</c>', headEnd);
        if (end < 0) break;
        body = row.slice(headEnd + 1, end);
        next = end + '</c>'.length;
      }
      at = elementStart(row, 'c', next);
      column = attributes.r ? columnOf(attributes.r) : column + 1;
      if (column > MAX_COLUMNS || column < 1) continue;
      const input = cellInput(attributes, body, this.context);
      if (input) cells[column - 1] = input;
    }
    if (cells.length > 0) this.rows[number - 1] = cells;
  }

  /** The cells read, merged ranges blanked but for their top-left cell, as Excel shows them, and listed. */
  grid(sheet: string): Grid {
    this.push(new Uint8Array(0));
    if (!this.afterData) throw new ZipFormatError(`feuille « ${sheet} » incomplète`);
    const rows = Array.from(this.rows, (cells) => (cells ? Array.from(cells, (cell) => cell ?? EMPTY) : EMPTY_ROW));
    for (const ref of this.merges) {
      const range = parseRange(ref);
      for (let r = range.top; r <= Math.min(range.bottom, rows.length); r++) {
        const cells = rows[r - 1];
        for (let c = range.left; c <= Math.min(range.right, cells.length); c++) {
          if (r !== range.top || c !== range.left) cells[c - 1] = EMPTY;
        }
      }
    }
    return { sheet, top: 1, left: 1, rows, ...(this.merges.length > 0 && { merged: [...this.merges] }) };
  }
}
