/**
 * Types shared by the whole domain. Pure data: no Office, no React, no I/O.
 * Identifiers are English; labels shown to users are French data.
 */

/** Zones of the RESOMEDIT map, in flow order. */
export type ZoneId = 'fournisseurs' | 'pui' | 'bloc' | 'patient' | 'financier' | 'ville';

export type Traceability = 'sanitaire' | 'financiere' | 'both';

export type QuestionType = 'Informatisation' | 'Donnée' | 'Lecteur' | 'Dépôt' | 'Interopérabilité';

export type Answer = 'OUI' | 'NON' | 'NA';

export interface Zone {
  id: ZoneId;
  label: string;
  order: number;
}

export interface Step {
  /** Stable identifier, keys everything (rules, figures, demo). */
  id: string;
  zone: ZoneId;
  label: string;
  traceability: Traceability;
  /** Typical software, shown as a hint. */
  software: string;
  order: number;
}

/** A datum whose existence is asked at some steps (SPEC §5). */
export interface Datum {
  id: string;
  label: string;
  /** Regulatory source, e.g. "R5212-38 CSP". */
  source?: string;
  critical: boolean;
}

export interface Transition {
  from: string;
  to: string;
  label: string;
  traceability: Traceability;
}

/** One row of the cartographie template. */
export interface Question {
  ref: string;
  zone: ZoneId;
  step: string;
  type: QuestionType;
  label: string;
  /** Destination step id (Interopérabilité rows only). */
  to?: string;
  /** Datum id (Donnée and Interopérabilité rows that carry a datum). */
  datum?: string;
  critical: boolean;
  source?: string;
}

export interface Catalogue {
  zones: Zone[];
  steps: Step[];
  data: Datum[];
  transitions: Transition[];
  questions: Question[];
}

/**
 * A cell as an adapter read it. `value` is what Excel shows as the value;
 * `error` marks an Excel error (#N/A, #REF!…), never the text "NA";
 * `formula` marks a cell holding a formula; `date` a value formatted as a date.
 */
export interface CellInput {
  value: string | number | boolean | null;
  error?: boolean;
  formula?: boolean;
  date?: boolean;
}

/** One row of the cartographie sheet, as written in the workbook (labels, not ids). */
export interface CartographieEntry {
  /** 1-based row number in the sheet. */
  row: number;
  ref: string;
  zone: string;
  step: string;
  type: string;
  label: string;
  /** "Vers l'étape", destination step label as written. */
  to: string;
  critical: string;
  answer: CellInput;
  comment: string;
  /** A1 address of the answer cell, e.g. "H12". */
  answerCell: string;
}

export interface Cartographie {
  sheet: string;
  entries: CartographieEntry[];
}

export type FindingKind = 'invalide' | 'incoherence' | 'non-renseigne';

/** Something the user should look at, always located (sheet, cell, row label) and in French. */
export interface Finding {
  kind: FindingKind;
  sheet: string;
  cell: string;
  row: number;
  ref: string;
  rowLabel: string;
  message: string;
  critical: boolean;
}

/** A rate with its terms; `value` is null when the denominator is 0 ("non évaluable"). */
export interface Rate {
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface RateSet {
  /** Complétude = answered rows / all rows. */
  completude: Rate;
  /** Donnée OUI / (OUI + NON). */
  informatisation: Rate;
  /** Informatisation OUI / (OUI + NON): steps computerised. */
  etapesInformatisees: Rate;
  /** Interopérabilité OUI / (OUI + NON). */
  interoperabilite: Rate;
  /** Interopérabilité (OUI + NA) / (OUI + NON + NA). */
  continuite: Rate;
  /** Interopérabilité NON / (OUI + NON + NA): CAQES R4 item 1.2. */
  rupture: Rate;
}

export interface ZoneFigures extends RateSet {
  zone: string;
  label: string;
}

export interface StepFigures extends RateSet {
  /** Step id when the step is in the catalogue, else its normalised label. */
  step: string;
  label: string;
  zone: string;
}

export interface TransitionFigures {
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  /** The two steps are in different zones ("points de transition"). */
  crossZone: boolean;
  interoperabilite: Rate;
  continuite: Rate;
  rupture: Rate;
  /** Number of effective NON (ruptures) on this transition. */
  ruptures: number;
  rows: number;
}

export type ContinuityViewId = 'pui' | 'transitions' | 'blocs';

export interface ContinuityView {
  id: ContinuityViewId;
  label: string;
  interoperabilite: Rate;
  continuite: Rate;
  rupture: Rate;
  transitions: TransitionFigures[];
}

export interface StepEquipment {
  step: string;
  label: string;
  zone: string;
  informatisation: Answer | null;
  lecteur: Answer | null;
  iudId: Answer | null;
  iudIp: Answer | null;
  depot: Answer | null;
  /** Software named in the Informatisation row's comment. */
  software: string;
}

export interface EquipmentFigures {
  /** Steps (Informatisation ≠ NA) with Lecteur = OUI. */
  lecteurs: Rate;
  /** Steps asked about dépôts with Dépôt = OUI. */
  depots: Rate;
  steps: StepEquipment[];
}

export interface Figures {
  overall: RateSet;
  zones: ZoneFigures[];
  steps: StepFigures[];
  transitions: TransitionFigures[];
  views: Record<ContinuityViewId, ContinuityView>;
  equipment: EquipmentFigures;
  counts: {
    rows: number;
    answered: number;
    empty: number;
    invalid: number;
    incoherent: number;
    /** Critical rows whose effective answer is NON. */
    criticalGaps: number;
  };
}

export type PlanStatus = 'À lancer' | 'En cours' | 'Réalisé' | 'Abandonné';
export type Priority = 1 | 2 | 3 | 4;

/** A proposed action produced by the rules (the add-in's columns of the plan). */
export interface ActionProposal {
  /** Stable reference: template key, plus scope when a template fires per step/transition. */
  ref: string;
  templateKey: string;
  priority: Priority;
  axis: string;
  /** "Zone / étape" column. */
  scope: string;
  finding: string;
  action: string;
  actors: string;
  indicator: string;
  /** Circuit order used to sort within a priority. */
  order: number;
}

/** A value the user typed in the plan's own columns, kept exactly as read. */
export type UserValue = string | number | boolean | null;

export interface PlanRow {
  ref: string;
  priority: Priority | null;
  axis: string;
  scope: string;
  finding: string;
  action: string;
  actors: string;
  indicator: string;
  pilot: UserValue;
  dueDate: UserValue;
  status: UserValue;
  comment: UserValue;
  /** 'proposed' rows come from the rules; 'manual' rows were added by the user. */
  origin: 'proposed' | 'manual';
  /** The finding that produced this proposal has disappeared; the row is kept and marked. */
  obsolete: boolean;
  order: number;
}

export interface PlanMergeResult {
  rows: PlanRow[];
  added: number;
  kept: number;
  marked: number;
}

export type RowStatus = 'ok' | 'empty' | 'invalid' | 'incoherent';

/** A cartographie row after normalisation, matching with the catalogue and the consistency rules. */
export interface EvaluatedRow {
  entry: CartographieEntry;
  /** The catalogue question matched by reference (or by step, type and label). */
  question?: Question;
  type: QuestionType | null;
  /** Zone id when known, else the normalised zone label. */
  zone: string;
  /** Step id when known, else the normalised step label. */
  step: string;
  /** Destination step (Interopérabilité rows), id or normalised label. */
  to: string | null;
  datum?: string;
  critical: boolean;
  /** Normalised answer; null when empty or invalid. */
  answer: Answer | null;
  status: RowStatus;
  /** Answer counted in the figures (an incoherent OUI/NA counts as NON). */
  effective: Answer | null;
}

export interface Analysis {
  cartographie: Cartographie;
  rows: EvaluatedRow[];
  findings: Finding[];
  figures: Figures;
  proposals: ActionProposal[];
}
