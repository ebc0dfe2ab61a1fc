/**
 * How a sheet the add-in writes is printed (or exported to PDF): A4, one page wide, landscape
 * when its columns are wide, table headers repeated on every page, page breaks before chosen
 * rows, and a header/footer naming the establishment with the date. One definition, rendered by
 * the three adapters.
 */
import { rangeAddress } from './grid';
import type { LayoutCell } from './port';

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

/** Rows of a layout's section headings but the first: each section then starts a printed page. */
export function sectionBreaks(cells: LayoutCell[]): number[] {
  const rows = cells.filter((cell) => cell.col === 0 && cell.style === 'section').map((cell) => cell.row);
  return [...new Set(rows)].sort((a, b) => a - b).slice(1);
}

/** 1-based last row of a template sheet as created: its texts, or its table's last row. */
export function templateLastRow(template: { cells: LayoutCell[]; table?: { headerRow: number; rows: unknown[] } }): number {
  const table = template.table ? template.table.headerRow + 1 + Math.max(template.table.rows.length, 1) : 0;
  return Math.max(table, ...template.cells.map((cell) => cell.row + 1));
}
