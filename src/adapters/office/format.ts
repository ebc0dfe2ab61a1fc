/** The shared presentation roles (workbook/styles) as Office.js range formats. */
import { columnLetter, cellAddress } from '../../workbook/grid';
import type { CellStyle, LayoutCell } from '../../workbook/port';
import { CELL_FORMATS, type CellFormat } from '../../workbook/styles';
import type { WriteBatch } from './batch';

export function applyFormat(range: Excel.Range, format: CellFormat): void {
  if (format.bold !== undefined) range.format.font.bold = format.bold;
  if (format.italic !== undefined) range.format.font.italic = format.italic;
  if (format.size !== undefined) range.format.font.size = format.size;
  if (format.fontColour !== undefined) range.format.font.color = format.fontColour;
  if (format.fill !== undefined) range.format.fill.color = format.fill;
  if (format.wrap !== undefined) range.format.wrapText = format.wrap;
  // Every cell starts at the top of its row, as wrapped texts do, so a row reads on one line.
  range.format.verticalAlignment = 'Top';
}

/** Excel character units (as in the template) → points, as Office.js sets column widths. */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Runs of consecutive cells of a row sharing a style: one format command per run. */
export function styleRuns(cells: LayoutCell[], top = 1, left = 1): { address: string; style: CellStyle }[] {
  const styled = cells.filter((cell) => cell.style !== undefined).sort((a, b) => a.row - b.row || a.col - b.col);
  const runs: { row: number; first: number; last: number; style: CellStyle }[] = [];
  for (const cell of styled) {
    const run = runs[runs.length - 1];
    if (run && run.row === cell.row && run.last === cell.col - 1 && run.style === cell.style) run.last = cell.col;
    else runs.push({ row: cell.row, first: cell.col, last: cell.col, style: cell.style as CellStyle });
  }
  return runs.map((run) => ({
    address: `${cellAddress(top + run.row, left + run.first)}:${cellAddress(top + run.row, left + run.last)}`,
    style: run.style,
  }));
}

export async function formatCells(batch: WriteBatch, sheet: Excel.Worksheet, cells: LayoutCell[]): Promise<void> {
  for (const run of styleRuns(cells)) await batch.add(() => applyFormat(sheet.getRange(run.address), CELL_FORMATS[run.style]));
}

export async function setColumnWidths(batch: WriteBatch, sheet: Excel.Worksheet, widths: number[]): Promise<void> {
  for (const [index, width] of widths.entries()) {
    const letter = columnLetter(index + 1);
    await batch.add(() => (sheet.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(width)));
  }
}
