/** What a read or a write through the workbook port gives back: a value, or why not in French. */

/** Why something could not be read or written, in French, with the sheet/column concerned. */
export interface WorkbookProblem {
  code: 'sheet-missing' | 'column-missing' | 'table-missing' | 'unsupported' | 'protected' | 'unreadable';
  message: string;
  sheet?: string;
  /** The same request may succeed a little later (a cell is being edited in Excel). */
  retry?: boolean;
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; problems: WorkbookProblem[] };
