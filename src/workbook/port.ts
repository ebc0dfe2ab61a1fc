/**
 * The workbook port: everything the task pane and the CLI need from a workbook,
 * whatever holds it (real Excel through Office.js, memory, an .xlsx file).
 * Adapters implement it; nothing above this layer knows which one it talks to.
 */
import type { DemoAnswer } from '../domain/demo';
import type { Cartographie, PlanRow } from '../domain/model';
import type { PrintSetup } from './print';

export type { DemoAnswer };

/** Why something could not be read or written, in French, with the sheet/column concerned. */
export interface WorkbookProblem {
  code: 'sheet-missing' | 'column-missing' | 'table-missing' | 'unsupported' | 'protected' | 'unreadable';
  message: string;
  sheet?: string;
  /** The same request may succeed a little later (a cell is being edited in Excel). */
  retry?: boolean;
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; problems: WorkbookProblem[] };

/** Presentation roles of layout cells; each adapter maps them to real formats. */
export type CellStyle =
  | 'title'
  | 'subtitle'
  | 'section'
  | 'header'
  | 'label'
  | 'value'
  | 'percent'
  | 'note'
  | 'warning'
  | 'good'
  | 'bad';

/** One cell of a generated sheet. Rows and columns are 0-based. Strings are always written as text. */
export interface LayoutCell {
  row: number;
  col: number;
  value: string | number | null;
  style?: CellStyle;
  /** Excel number format, e.g. '0 %' for rates. */
  numberFormat?: string;
}

/** A native clustered bar chart over a block of the generated sheet. */
export interface ChartSpec {
  title: string;
  /** First data row (0-based) and number of rows of the block. */
  firstRow: number;
  rowCount: number;
  categoryCol: number;
  series: { name: string; col: number }[];
  /** Top-left cell where the chart is placed. */
  anchor: { row: number; col: number };
}

/** A sheet the add-in regenerates entirely (the Synthèse). */
export interface SheetLayout {
  sheet: string;
  cells: LayoutCell[];
  columnWidths: number[];
  chart?: ChartSpec;
  /** Page setup; without it the sheet prints with the defaults of `printSetup`. */
  print?: PrintSetup;
}

export interface InitReport {
  created: string[];
  existing: string[];
}

/** What the host can do; features missing here degrade with a French message. */
export interface Capabilities {
  host: 'excel' | 'memory' | 'xlsx';
  charts: boolean;
  /** Change events tell whether the add-in itself made the change. */
  triggerSource: boolean;
  /** Change events are available at all. */
  events: boolean;
  selection: boolean;
  /**
   * How the host's undo history lives with the add-in's writes (Excel only): cleared by each
   * write, or kept with each command one undo step.
   */
  undo?: 'cleared-by-writes' | 'one-step-per-command';
  /** French messages explaining what is degraded. */
  notes: string[];
}

export interface ChangeInfo {
  sheet: string;
  address: string;
}


export interface WorkbookPort {
  readonly capabilities: Capabilities;
  /** Reads the whole cartographie (one round trip in Excel). */
  readCartographie(): Promise<ReadResult<Cartographie>>;
  /** Regenerates the Synthèse sheet (one round trip in Excel). */
  writeSynthesis(layout: SheetLayout): Promise<ReadResult<void>>;
  /** Reads the plan d'action rows, user columns included. */
  readPlan(): Promise<ReadResult<PlanRow[]>>;
  /** Writes the merged plan rows (the caller merged them with what readPlan returned). */
  writePlan(rows: PlanRow[]): Promise<ReadResult<void>>;
  /** Creates the missing RESOMEDIT sheets; never touches an existing one. */
  initialise(): Promise<InitReport>;
  /** True when at least one answer of the cartographie is filled. */
  hasAnswers(): Promise<boolean>;
  /** Writes the demo establishment's answers and comments (explicit user action only). */
  fillDemo(answers: DemoAnswer[]): Promise<ReadResult<void>>;
  /** Selects a cell so the user sees it. */
  select(sheet: string, cell: string): Promise<void>;
  /** Calls the listener after user changes to the cartographie (never for the add-in's own writes). */
  onCartographieChange(listener: (change: ChangeInfo) => void): () => void;
}
