/** A sheet of the regional workbook built from the top: a title, note lines, then tables of a header row and data rows. */
import { NOT_EVALUABLE } from '../../domain/format';
import type { CellStyle, LayoutCell, SheetLayout } from '../../workbook/port';
import { printSetup } from '../../workbook/print';
import { PERCENT_FORMAT } from '../../workbook/synthesisLayout';

export type Value = string | number | null;

export class Table {
  readonly cells: LayoutCell[] = [];
  private row: number;
  /** 0-based row of the first table's header: repeated on every printed page, and the panes freeze below it. */
  private headerRow: number | undefined;

  /** Each note line stays on one line, over the empty cells at its right: keep them shorter than the page is wide. */
  constructor(title: string, note: string[]) {
    this.cells.push({ row: 0, col: 0, value: title, style: 'title' });
    note.forEach((line, index) => this.cells.push({ row: 1 + index, col: 0, value: line, style: 'caption' }));
    this.row = 2 + note.length;
  }

  line(values: Value[], style: CellStyle = 'value'): void {
    if (style === 'header' && this.headerRow === undefined) this.headerRow = this.row;
    values.forEach((value, col) => this.cells.push({ row: this.row, col, value, style }));
    this.row++;
  }

  /** A row where the columns listed in `rates` hold a [0, 1] value, shown "45 %", or "non évaluable". */
  rateLine(values: Value[], rates: Set<number>): void {
    values.forEach((value, col) => {
      if (!rates.has(col)) this.cells.push({ row: this.row, col, value, style: 'value' });
      else if (value === null) this.cells.push({ row: this.row, col, value: NOT_EVALUABLE, style: 'note' });
      else this.cells.push({ row: this.row, col, value, style: 'percent', numberFormat: PERCENT_FORMAT });
    });
    this.row++;
  }

  /** A row of cells each with its own style and number format. */
  styledLine(cells: Omit<LayoutCell, 'row' | 'col'>[]): void {
    cells.forEach((cell, col) => this.cells.push({ ...cell, row: this.row, col }));
    this.row++;
  }

  /** An empty row between two tables. */
  skip(): void {
    this.row++;
  }

  /** `repeatHeader`: the first table's header is printed again on every page (long lists). */
  layout(sheet: string, columnWidths: number[], repeatHeader = true): SheetLayout {
    const header = repeatHeader ? this.headerRow : undefined;
    return { sheet, cells: this.cells, columnWidths, print: printSetup(columnWidths, header === undefined ? {} : { titleRows: { first: header, last: header } }) };
  }
}
