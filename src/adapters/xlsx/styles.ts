/** The shared cell formats (src/workbook/styles.ts) as exceljs fonts, fills and alignments. */
import type { Cell, Fill, Font } from 'exceljs';
import type { CellStyle } from '../../workbook/port';
import { CELL_FORMATS, type CellFormat } from '../../workbook/styles';

/** "#1F3864" → "FF1F3864" (exceljs colours are ARGB). */
export function argb(colour: string): string {
  return `FF${colour.replace('#', '').toUpperCase()}`;
}

export function solidFill(colour: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(colour) }, bgColor: { argb: argb(colour) } };
}

export function fontOf(format: CellFormat): Partial<Font> {
  const font: Partial<Font> = {};
  if (format.bold) font.bold = true;
  if (format.italic) font.italic = true;
  if (format.size) font.size = format.size;
  if (format.fontColour) font.color = { argb: argb(format.fontColour) };
  return font;
}

export function applyFormat(cell: Cell, format: CellFormat): void {
  const font = fontOf(format);
  if (Object.keys(font).length > 0) cell.font = font;
  if (format.fill) cell.fill = solidFill(format.fill);
  // Every cell starts at the top of its row, as wrapped texts do, so a row reads on one line.
  cell.alignment = format.wrap ? { wrapText: true, vertical: 'top' } : { vertical: 'top' };
}

export function applyStyle(cell: Cell, style: CellStyle): void {
  applyFormat(cell, CELL_FORMATS[style]);
}
