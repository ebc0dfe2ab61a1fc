import { memo, useEffect, useMemo, useRef, type CSSProperties } from 'react';
import { DataGrid, renderTextEditor, type Column, type DataGridHandle, type RenderCellProps } from 'react-data-grid';
import 'react-data-grid/lib/styles.css';
import type { MemoryWorkbook } from '../adapters/memory/workbook';
import { cellAddress, columnLetter, parseAddress } from '../workbook/grid';
import type { CellFormat } from '../workbook/styles';
import { parseClipboard } from './clipboard';
import { displayValue, typedValue } from './cellText';

/** One sheet row for the grid: "#" holds the row number, letters hold what each cell shows. */
export type SheetRow = Record<string, string>;

const ROW_HEADER = '#';
/** Empty rows and columns shown past the used range, to type in. */
const SPARE_ROWS = 20;
const SPARE_COLUMNS = 2;
/** Excel default width, in characters. */
const DEFAULT_WIDTH = 8.43;

/** Columns narrower than in Excel, so the answers show next to the pane; long texts keep their tooltip. */
function pixels(characters: number): number {
  return Math.round(Math.min(characters, 30) * 5 + 5);
}

/** Layout texts (titles, notes) run over the empty cells on their right, as in Excel. */
const OVERFLOWING = new Set(['title', 'subtitle', 'section', 'note', 'warning']);

function cellStyle(format: CellFormat): CSSProperties {
  return {
    backgroundColor: format.fill,
    color: format.fontColour,
    fontWeight: format.bold ? 600 : undefined,
    fontStyle: format.italic ? 'italic' : undefined,
    fontSize: format.size ? `${Math.min(format.size, 14)}pt` : undefined,
  };
}

export interface SheetViewProps {
  workbook: MemoryWorkbook;
  sheet: string;
  /** Changes whenever the workbook changes, so the view re-reads it. */
  version: number;
  editable: boolean;
  onSelectedCellChange: (address: string | null) => void;
  /** A cell to select from outside; `request` changes at each request. */
  target?: SelectionRequest;
}

export interface SelectionRequest {
  cell: string;
  /** Move the keyboard focus to the cell (the Name Box does, the pane does not). */
  focus: boolean;
  request: number;
}

/** Rows of the sheet as the grid shows them. */
export function sheetRows(workbook: MemoryWorkbook, sheet: string): { rows: SheetRow[]; columns: number } {
  const data = workbook.sheet(sheet);
  const used = workbook.usedSize(sheet);
  const columns = Math.max(used.columns, data?.columnWidths.length ?? 0) + SPARE_COLUMNS;
  const rows = Array.from({ length: used.rows + SPARE_ROWS }, (_, r): SheetRow => {
    const row: SheetRow = { [ROW_HEADER]: String(r + 1) };
    for (let c = 1; c <= columns; c++) {
      const address = cellAddress(r + 1, c);
      row[columnLetter(c)] = displayValue(data?.cells[address]);
    }
    return row;
  });
  return { rows, columns };
}

/**
 * A live, editable view of one sheet of the in-memory workbook, Excel-like. Memoised: it renders
 * again when `version` says the (mutable) workbook changed, not when the page does.
 */
export const SheetView = memo(function SheetView({ workbook, sheet, editable, onSelectedCellChange, target }: SheetViewProps) {
  const grid = useRef<DataGridHandle>(null);
  const { rows, columns: count } = sheetRows(workbook, sheet);

  const columns = useMemo((): Column<SheetRow>[] => {
    const widths = workbook.sheet(sheet)?.columnWidths ?? [];
    const renderCell = ({ row, column }: RenderCellProps<SheetRow>) => {
      const address = `${column.key}${row[ROW_HEADER]}`;
      const text = row[column.key];
      return (
        <div className="demo-cell" style={cellStyle(workbook.cellFormat(sheet, address))} title={text.length > 30 ? text : undefined}>
          {text}
        </div>
      );
    };
    const span = (row: SheetRow, column: number): number | undefined => {
      const style = workbook.sheet(sheet)?.cells[`${columnLetter(column)}${row[ROW_HEADER]}`]?.style;
      if (!style || !OVERFLOWING.has(style)) return undefined;
      let next = column + 1;
      while (next <= count && row[columnLetter(next)] === '') next++;
      return next - column > 1 ? next - column : undefined;
    };
    const letters = Array.from({ length: count }, (_, i): Column<SheetRow> => ({
      key: columnLetter(i + 1),
      colSpan: (args) => (args.type === 'ROW' ? span(args.row, i + 1) : undefined),
      name: columnLetter(i + 1),
      width: pixels(widths[i] ?? DEFAULT_WIDTH),
      resizable: true,
      editable,
      renderCell,
      renderEditCell: renderTextEditor,
      cellClass: 'demo-cell-host',
    }));
    return [{ key: ROW_HEADER, name: '', width: 44, frozen: true, cellClass: 'demo-row-header' }, ...letters];
  }, [workbook, sheet, count, editable]);

  useEffect(() => {
    if (!target) return;
    const { row, column } = parseAddress(target.cell);
    grid.current?.scrollToCell({ idx: column, rowIdx: row - 1 });
    grid.current?.selectCell({ idx: column, rowIdx: row - 1 }, { shouldFocusCell: target.focus });
  }, [target]);

  return (
    <DataGrid
      ref={grid}
      className="rdg-light demo-grid"
      aria-label={`Feuille « ${sheet} »`}
      columns={columns}
      rows={rows}
      rowHeight={24}
      headerRowHeight={24}
      rowKeyGetter={(row) => row[ROW_HEADER]}
      onSelectedCellChange={({ row, column }) =>
        onSelectedCellChange(row && column.key !== ROW_HEADER ? `${column.key}${row[ROW_HEADER]}` : null)
      }
      onRowsChange={(changed, { indexes, column }) => {
        for (const index of indexes) {
          workbook.setCell(sheet, `${column.key}${changed[index][ROW_HEADER]}`, typedValue(changed[index][column.key]));
        }
      }}
      onCellPaste={({ row, column }, event) => {
        const block = parseClipboard(event.clipboardData.getData('text/plain')).map((line) => line.map(typedValue));
        if (block.length > 0) workbook.paste(sheet, `${column.key}${row[ROW_HEADER]}`, block);
        return row;
      }}
      onCellKeyDown={(args, event) => {
        // Delete empties the selected cell, as in Excel.
        if (args.mode === 'SELECT' && event.key === 'Delete' && editable && args.column.key !== ROW_HEADER) {
          event.preventGridDefault();
          workbook.setCell(sheet, `${args.column.key}${args.row[ROW_HEADER]}`, null);
        }
      }}
      onCellCopy={({ row, column }, event) => {
        event.clipboardData.setData('text/plain', row[column.key]);
        event.preventDefault();
      }}
    />
  );
});
