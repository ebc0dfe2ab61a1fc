/**
 * Row heights that fit wrapped text, computed once for every adapter: Excel and LibreOffice keep
 * a written file's default 15 pt rows and draw wrapped lines over the rows below, and Excel
 * through Office.js does not grow rows either. A width unit is the width of the digit "0";
 * average French text in Calibri 11 fits about 1.3 characters per unit, capitals and bold text
 * fewer, and the fonts LibreOffice substitutes for Calibri are wider. The estimate stays on the
 * generous side, so a row may show a spare line but never hides one.
 */
import type { CellStyle, LayoutCell, SheetLayout } from './port';
import { CELL_FORMATS, type CellFormat } from './styles';
import type { TemplateSheet } from './template';

const DEFAULT_SIZE = 11;
/** Characters of 11 pt text per character unit of column width, regular and bold. */
const CHARS_PER_UNIT = 1.1;
const BOLD_CHARS_PER_UNIT = 0.95;
/** Line height as a multiple of the font size, and the cell's top and bottom padding, in points. */
const LINE_SPACING = 1.3;
const PADDING = 4;
/** Excel's default row height for 11 pt text, and default column width in character units. */
export const DEFAULT_ROW_HEIGHT = 15;
export const DEFAULT_COLUMN_WIDTH = 8.43;

/** One written cell as the height estimate sees it. */
export interface TextCell {
  row: number;
  col: number;
  text: string;
  format: CellFormat;
}

/** Lines a text takes when words wrap greedily at `capacity` characters (a longer word is cut). */
export function wrappedLines(text: string, capacity: number): number {
  // Most cells of a table fit on one line: no need to cut them into words.
  if (text.length <= capacity && !text.includes('\n')) return 1;
  return text.split('\n').reduce((total, paragraph) => {
    let lines = 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const needed = used === 0 ? word.length : used + 1 + word.length;
      if (needed <= capacity) {
        used = needed;
      } else if (used === 0) {
        lines += Math.ceil(word.length / capacity) - 1;
        used = word.length % capacity || capacity;
      } else {
        lines += 1 + Math.ceil(word.length / capacity) - 1;
        used = word.length % capacity || capacity;
      }
    }
    return total + lines;
  }, 0);
}

/** Points needed by one cell's text in a column `width` character units wide. */
export function textHeight(text: string, width: number, format: CellFormat): number {
  const size = format.size ?? DEFAULT_SIZE;
  const perUnit = (format.bold ? BOLD_CHARS_PER_UNIT : CHARS_PER_UNIT) * (DEFAULT_SIZE / size);
  const capacity = Math.max(1, Math.floor(width * perUnit));
  const lines = format.wrap ? wrappedLines(text, capacity) : text.includes('\n') ? text.split('\n').length : 1;
  return Math.max(DEFAULT_ROW_HEIGHT, Math.ceil(lines * size * LINE_SPACING + PADDING));
}

/** Height of each 0-based row holding text: the tallest of its cells. */
export function rowHeights(cells: TextCell[], columnWidths: number[]): Map<number, number> {
  const heights = new Map<number, number>();
  for (const cell of cells) {
    if (cell.text === '') continue;
    const width = columnWidths[cell.col] ?? DEFAULT_COLUMN_WIDTH;
    heights.set(cell.row, Math.max(heights.get(cell.row) ?? 0, textHeight(cell.text, width, cell.format)));
  }
  return heights;
}

function styled(cell: LayoutCell): TextCell {
  const format = cell.style ? CELL_FORMATS[cell.style as CellStyle] : {};
  const text = typeof cell.value === 'number' && cell.numberFormat?.includes('%') ? '100 %' : String(cell.value ?? '');
  return { row: cell.row, col: cell.col, text, format };
}

/** The rows of a table: the header (header style) and the data, wrapped where the table says. */
export function tableTextCells(table: { headerRow: number; headers: string[]; rows: readonly (readonly unknown[])[]; wrapColumns: number[] }): TextCell[] {
  // One format per column, shared by its cells (a template's table has a couple of thousand).
  const formats: CellFormat[] = [];
  const formatOf = (col: number): CellFormat => (formats[col] ??= table.wrapColumns.includes(col) ? { wrap: true } : {});
  const header = table.headers.map((text, col): TextCell => ({ row: table.headerRow, col, text, format: CELL_FORMATS.header }));
  const body = table.rows.flatMap((values, index) =>
    values.map(
      (value, col): TextCell => ({
        row: table.headerRow + 1 + index,
        col,
        text: value === null || value === undefined ? '' : String(value),
        format: formatOf(col),
      }),
    ),
  );
  return [...header, ...body];
}

export function layoutRowHeights(layout: Pick<SheetLayout, 'cells' | 'columnWidths'>): Map<number, number> {
  return rowHeights(layout.cells.map(styled), layout.columnWidths);
}

export function templateRowHeights(template: TemplateSheet): Map<number, number> {
  const cells = template.cells.map(styled);
  if (template.table) cells.push(...tableTextCells(template.table));
  return rowHeights(cells, template.columnWidths);
}
