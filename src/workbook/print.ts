/**
 * How a sheet the add-in writes is printed (or exported to PDF): A4, one page wide, landscape
 * when its columns are wide, table headers repeated on every page, page breaks before chosen
 * rows, and a header/footer naming the establishment with the date. One definition, rendered by
 * the three adapters.
 */
import { rangeAddress } from './grid';
import type { LayoutCell } from './layoutCell';

/** The three parts of a page header or footer, in Excel's codes (&D date, &P page, &A sheet, &F file). */
export interface HeaderFooterParts {
  left: string;
  center: string;
  right: string;
}

export interface PrintSetup {
  landscape: boolean;
  /** Columns printed from A, all on one page wide. */
  columnCount: number;
  /** 0-based rows repeated at the top of every page (a table's header). */
  titleRows?: { first: number; last: number };
  /** 0-based rows that each start a new page. */
  breaksBefore: number[];
  /** Fitted to one page tall as well (the fiche de synthèse). */
  onePage?: boolean;
  header: HeaderFooterParts;
  footer: HeaderFooterParts;
}

/** Excel's default row height, in points. */
const DEFAULT_ROW_POINTS = 15;

/** Widest sheet, in Excel character units, still printed upright on A4 at a readable scale. */
const PORTRAIT_MAX_WIDTH = 90;

/** Page margins in inches (Excel's and exceljs' unit): narrow, so wide tables keep a readable scale. */
export const PRINT_MARGINS = { left: 0.4, right: 0.4, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

/** "&" starts a code in headers and footers: a literal one is doubled. */
function literal(text: string): string {
  return text.replace(/&/g, '&&');
}

export function printSetup(
  columnWidths: number[],
  options: { establishment?: string; titleRows?: { first: number; last: number }; breaksBefore?: number[] } = {},
): PrintSetup {
  const width = columnWidths.reduce((sum, w) => sum + w, 0);
  const establishment = options.establishment?.trim();
  return {
    landscape: width > PORTRAIT_MAX_WIDTH,
    columnCount: columnWidths.length,
    ...(options.titleRows && { titleRows: options.titleRows }),
    breaksBefore: options.breaksBefore ?? [],
    // Until an analysis names the establishment, the file's name (usually the establishment's).
    header: { left: establishment ? literal(establishment) : '&F', center: '', right: 'Imprimé le &D' },
    footer: { left: '&A', center: 'Cartographie RESOMEDIT DMI', right: 'Page &P' },
  };
}

/** Header or footer parts as one Excel code string ("&L…&C…&R…"). */
export function headerFooterCode(parts: HeaderFooterParts): string {
  return `&L${parts.left}&C${parts.center}&R${parts.right}`;
}

/** The printed range, e.g. "A1:M57": from A1 to the setup's last column and the 1-based last row. */
export function printAreaAddress(setup: PrintSetup, lastRow: number): string {
  return rangeAddress(1, 1, Math.max(lastRow, 1), Math.max(setup.columnCount, 1));
}

/** A4 in points. */
const A4 = { long: 841.89, short: 595.28 };
const POINTS_PER_INCH = 72;
/** Share of a page kept free for what the estimates miss (fonts, rounding of the scale). */
const PAGE_SAFETY = 0.95;

/**
 * Scale at which a sheet fitted to one page wide prints: a column `w` characters wide is w × 7 + 5
 * pixels of Calibri 11 (or Carlito, LibreOffice's equal), 0.75 point each.
 */
export function printScale(columnWidths: number[], landscape: boolean): number {
  const width = columnWidths.reduce((sum, w) => sum + (w * 7 + 5) * 0.75, 0);
  const printable = (landscape ? A4.long : A4.short) - (PRINT_MARGINS.left + PRINT_MARGINS.right) * POINTS_PER_INCH;
  return Math.min(1, printable / width);
}

/** Height of a printed page in the sheet's own points (before the scale). */
function pageCapacity(columnWidths: number[], landscape: boolean): number {
  const printable = (landscape ? A4.short : A4.long) - (PRINT_MARGINS.top + PRINT_MARGINS.bottom) * POINTS_PER_INCH;
  return (printable * PAGE_SAFETY) / printScale(columnWidths, landscape);
}

/**
 * Rows before which a section heading starts a new page: a section goes on the page where the
 * previous one ends when it fits whole in the rest of that page, else it starts a page of its own
 * (so no section is cut where a page could hold it, and no page is left mostly empty).
 */
export function sectionBreaks(cells: LayoutCell[], columnWidths: number[], heights: Map<number, number>): number[] {
  const starts = [...new Set(cells.filter((cell) => cell.col === 0 && cell.style === 'section').map((cell) => cell.row))].sort((a, b) => a - b);
  const lastRow = Math.max(0, ...cells.map((cell) => cell.row));
  const landscape = columnWidths.reduce((sum, w) => sum + w, 0) > PORTRAIT_MAX_WIDTH;
  const capacity = pageCapacity(columnWidths, landscape);
  const height = (from: number, to: number) => {
    let total = 0;
    for (let row = from; row < to; row++) total += heights.get(row) ?? DEFAULT_ROW_POINTS;
    return total;
  };
  const breaks: number[] = [];
  let used = height(0, starts[1] ?? lastRow + 1) % capacity;
  starts.slice(1).forEach((start, index) => {
    const section = height(start, starts[index + 2] ?? lastRow + 1);
    if (used > 0 && used + section > capacity) {
      breaks.push(start);
      used = section % capacity;
    } else {
      used = (used + section) % capacity;
    }
  });
  return breaks;
}

/** 1-based last row of a template sheet as created: its texts, or its table's last row. */
export function templateLastRow(template: { cells: LayoutCell[]; table?: { headerRow: number; rows: unknown[] } }): number {
  const table = template.table ? template.table.headerRow + 1 + Math.max(template.table.rows.length, 1) : 0;
  return Math.max(table, ...template.cells.map((cell) => cell.row + 1));
}
