/**
 * The Synthèse sheet regenerated in one batch: cleared, values in one block, formulas (English
 * syntax, through Range.formulas), formats, chart; and the computed columns of the cartographie.
 */
import { toExcel } from '../../workbook/formula';
import { cellAddress, columnLetter } from '../../workbook/grid';
import type { ChartSpec, LayoutCell, ReadCell, SheetLayout } from '../../workbook/port';
import { printSetup } from '../../workbook/print';
import { layoutRowHeights } from '../../workbook/rowHeights';
import type { WriteBatch } from './batch';
import type { OfficeFeatures } from './capabilities';
import { layoutBlock } from './cells';
import { formatCells, setColumnWidths } from './format';
import { writeHeaderFooter, writePageLayout, writeRowHeights } from './print';

/** Name of the add-in's chart, so that it is the only one replaced. */
export const SYNTHESIS_CHART = 'GraphiqueSyntheseDMI';

function drawChart(sheet: Excel.Worksheet, spec: ChartSpec): void {
  const first = spec.firstRow + 1;
  const last = spec.firstRow + spec.rowCount;
  const column = (col: number) => {
    const letter = columnLetter(col + 1);
    return sheet.getRange(`${letter}${first}:${letter}${last}`);
  };
  const [head, ...others] = spec.series;
  const chart = sheet.charts.add('BarClustered', column(head.col), 'Columns');
  chart.name = SYNTHESIS_CHART;
  chart.title.text = spec.title;
  // Bound explicitly: Excel would take a text first cell of the source for the series name.
  const series = chart.series.getItemAt(0);
  series.name = head.name;
  series.setValues(column(head.col));
  series.setXAxisValues(column(spec.categoryCol));
  for (const other of others) {
    const added = chart.series.add(other.name);
    added.setValues(column(other.col));
    added.setXAxisValues(column(spec.categoryCol));
  }
  chart.setPosition(cellAddress(spec.anchor.row + 1, spec.anchor.col + 1));
}

/**
 * Formula cells, one command each, after their block: the block leaves them empty (never the text
 * format "@", under which Excel would keep a formula as text).
 */
export async function writeFormulaCells(batch: WriteBatch, sheet: Excel.Worksheet, cells: LayoutCell[]): Promise<void> {
  for (const cell of cells) {
    if (!cell.formula) continue;
    const formula = toExcel(cell.formula);
    await batch.add(() => (sheet.getRange(cellAddress(cell.row + 1, cell.col + 1)).formulas = [[formula]]), formula.length + 120);
  }
}

/** The cells of a layout as a block of constants: formula cells left empty. */
export function constantsBlock(cells: LayoutCell[]) {
  return layoutBlock(cells.map((cell) => (cell.formula ? { ...cell, value: null } : cell)));
}

/** The Synthèse's non-empty cells with their formulas (one sync). */
export async function readSynthesisSheet(context: Excel.RequestContext, name: string): Promise<ReadCell[]> {
  const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,values,formulas');
  await context.sync();
  if (used.isNullObject) return [];
  const cells: ReadCell[] = [];
  used.values.forEach((row, r) =>
    row.forEach((value: unknown, c) => {
      const formula = used.formulas[r][c] as unknown;
      const isFormula = typeof formula === 'string' && formula.startsWith('=') && formula !== value;
      if (value === '' && !isFormula) return;
      const shown = typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
      cells.push({ row: used.rowIndex + r, col: used.columnIndex + c, value: shown, ...(isFormula && { formula }) });
    }),
  );
  return cells;
}

/** A generated sheet written afresh: cleared, cells, formats, widths, row heights and page setup. */
export async function writeLayoutSheet(batch: WriteBatch, sheet: Excel.Worksheet, layout: SheetLayout, features: OfficeFeatures): Promise<void> {
  await batch.add(() => sheet.getRange().clear());
  await batch.writeBlock(sheet, constantsBlock(layout.cells));
  await writeFormulaCells(batch, sheet, layout.cells);
  await formatCells(batch, sheet, layout.cells);
  await setColumnWidths(batch, sheet, layout.columnWidths);
  const lastRow = Math.max(0, ...layout.cells.map((cell) => cell.row)) + 1;
  await writeRowHeights(batch, sheet, layoutRowHeights(layout), 0, lastRow - 1);
  const print = layout.print ?? printSetup(layout.columnWidths);
  await writePageLayout(batch, sheet, print, lastRow, features);
  await writeHeaderFooter(batch, sheet, print, features);
}

export async function writeSynthesisSheet(
  batch: WriteBatch,
  sheet: Excel.Worksheet,
  layout: SheetLayout,
  options: { deleteChart: boolean; drawChart: boolean; features: OfficeFeatures; cartographie?: Excel.Worksheet },
): Promise<void> {
  if (layout.cartographie && options.cartographie) {
    const target = options.cartographie;
    const constants = layout.cartographie.cells.filter((cell) => !cell.formula);
    for (const cell of constants) await batch.add(() => (target.getRange(cellAddress(cell.row + 1, cell.col + 1)).values = [[cell.value ?? '']]));
    await formatCells(batch, target, constants);
    await writeFormulaCells(batch, target, layout.cartographie.cells);
  }
  if (options.deleteChart) await batch.add(() => sheet.charts.getItem(SYNTHESIS_CHART).delete());
  await writeLayoutSheet(batch, sheet, layout, options.features);
  const chart = layout.chart;
  if (chart && chart.series.length > 0 && options.drawChart) await batch.add(() => drawChart(sheet, chart));
}
