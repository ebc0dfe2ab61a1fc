/** The Synthèse sheet regenerated in one batch: cleared, values in one block, formats, chart. */
import { cellAddress, columnLetter } from '../../workbook/grid';
import type { ChartSpec, SheetLayout } from '../../workbook/port';
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

export async function writeSynthesisSheet(
  batch: WriteBatch,
  sheet: Excel.Worksheet,
  layout: SheetLayout,
  options: { deleteChart: boolean; drawChart: boolean; features: OfficeFeatures },
): Promise<void> {
  if (options.deleteChart) await batch.add(() => sheet.charts.getItem(SYNTHESIS_CHART).delete());
  await batch.add(() => sheet.getRange().clear());
  await batch.writeBlock(sheet, layoutBlock(layout.cells));
  await formatCells(batch, sheet, layout.cells);
  await setColumnWidths(batch, sheet, layout.columnWidths);
  const lastRow = Math.max(0, ...layout.cells.map((cell) => cell.row)) + 1;
  await writeRowHeights(batch, sheet, layoutRowHeights(layout), 0, lastRow - 1);
  const print = layout.print ?? printSetup(layout.columnWidths);
  await writePageLayout(batch, sheet, print, lastRow, options.features);
  await writeHeaderFooter(batch, sheet, print, options.features);
  const chart = layout.chart;
  if (chart && chart.series.length > 0 && options.drawChart) await batch.add(() => drawChart(sheet, chart));
}
