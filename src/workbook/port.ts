/**
 * The workbook port: everything the task pane and the CLI need from a workbook,
 * whatever holds it (real Excel through Office.js, memory, an .xlsx file).
 * Adapters implement it; nothing above this layer knows which one it talks to.
 */
import type { DemoAnswer } from '../domain/demo';
import type { Cartographie, PlanRow } from '../domain/model';
import type { CartographieArea } from './answerColumns';
import type { LayoutCell } from './layoutCell';
import type { ReadResult } from './result';
import type { CampaignInfo } from './campaignInfo';
import type { CampaignStart } from './newCampaign';
import type { PrintSetup } from './print';

export type { DemoAnswer };
export type { CellStyle, LayoutCell } from './layoutCell';
export type { ReadResult, WorkbookProblem } from './result';


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
  /**
   * Cells the Synthèse's formulas need on the cartographie sheet: the computed columns « Réponse
   * lue » and « Réponse retenue » at the right of the table (never an answer or a comment).
   */
  cartographie?: { sheet: string; cells: LayoutCell[] };
  /** Page setup; without it the sheet prints with the defaults of `printSetup`. */
  print?: PrintSetup;
}

/** The cartographie as read, with where its columns stand (for the formulas that count it). */
export interface SheetCartographie extends Cartographie {
  area: CartographieArea;
  /** The sheet already has the computed columns (else the area places them right of the table). */
  answerColumns: boolean;
}

/** A cell of the Synthèse as the workbook holds it: its shown value and, when it has one, its formula (English syntax). */
export interface ReadCell {
  row: number;
  col: number;
  value: string | number | boolean | null;
  formula?: string;
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

/** Where the fiche de synthèse sheet was written, and whether it replaced the add-in's earlier one. */
export interface FicheSheetReport {
  sheet: string;
  replaced: boolean;
}

export interface ChangeInfo {
  sheet: string;
  address: string;
}


export interface WorkbookPort {
  readonly capabilities: Capabilities;
  /** Reads the whole cartographie (one round trip in Excel). */
  readCartographie(): Promise<ReadResult<SheetCartographie>>;
  /** The Synthèse's non-empty cells (0-based), formulas included; ok with no cells when the sheet is absent. */
  readSynthesis(): Promise<ReadResult<ReadCell[]>>;
  /** Regenerates the Synthèse sheet (one round trip in Excel). */
  writeSynthesis(layout: SheetLayout): Promise<ReadResult<void>>;
  /**
   * Writes the print-ready fiche de synthèse under the layout's sheet name: replaces the sheet the
   * add-in wrote there before (its first cell holds FICHE_SHEET_MARK), else takes the first free
   * « Fiche de synthèse (n) » rather than touch a sheet of the user's (one round trip in Excel).
   */
  writeFicheSheet(layout: SheetLayout): Promise<ReadResult<FicheSheetReport>>;
  /** The campaign (year, opening date) the notice's identity block names; null when it names none. */
  readCampaignInfo(): Promise<ReadResult<CampaignInfo | null>>;
  /** Reads the plan d'action rows, user columns included. */
  readPlan(): Promise<ReadResult<PlanRow[]>>;
  /** Writes the merged plan rows (the caller merged them with what readPlan returned). */
  writePlan(rows: PlanRow[]): Promise<ReadResult<void>>;
  /**
   * « Nouvelle campagne » in one command (one undo step in Excel): the campaign on the notice, the
   * review columns of the cartographie, the merged plan. Refused before any write when the review
   * columns' place holds the user's data.
   */
  startCampaign(start: CampaignStart): Promise<ReadResult<void>>;
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
