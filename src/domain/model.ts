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
  /** Required by the traceability law: critical wherever it is asked at a traceability step. */
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
  /** Cells merged over several rows in Zone, Étape, Type or Vers l'étape (as the reader found them). */
  merged?: MergedCells[];
}

/** A merged block of one cartographie column: Excel shows its value in its first cell only. */
export interface MergedCells {
  /** A1 address of the block, e.g. "C12:C20". */
  range: string;
  /** Which column, and its header as shown ("Étape"). */
  key: 'zone' | 'step' | 'type' | 'to';
  column: string;
  /** First and last sheet rows of the block. */
  top: number;
  bottom: number;
  /** What the first cell shows. */
  value: string;
}

/**
 * invalide: an answer or a Type the rules cannot read; incoherence: an answer counted as NON by the
 * consistency rule; non-renseigne: an empty answer; reference: a Réf. in double or naming another
 * step than the one shown; libelle: a label that differs from the catalogue's only by accents or
 * spaces (counted apart); hors-cartographie: text under the table, not a question; fusion: merged
 * Zone, Étape, Type or Vers l'étape cells, blank below their first row.
 */
export type FindingKind = 'invalide' | 'incoherence' | 'non-renseigne' | 'reference' | 'libelle' | 'hors-cartographie' | 'fusion';

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
  /** Step id when the Étape shown is a catalogue step's label, else "~" + its label key (lower case). */
  step: string;
  label: string;
  zone: string;
}

export interface TransitionFigures {
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  /**
   * A point de transition: no Informatisation row of the destination step shows the Zone of this
   * transition's rows (so also when the destination has no Informatisation row at all).
   */
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
  /**
   * Transitions whose rows do not all count in this view (their Zone cells differ, e.g. blank or
   * merged): the zone labels of the rows that do. Absent when every row of its transitions counts.
   */
  zonesCounted?: { from: string; to: string; zones: string[] }[];
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
  /** Steps (Informatisation ≠ NA) with Lecteur = OUI / those with Lecteur OUI or NON. */
  lecteurs: Rate;
  /** Steps with Dépôt = OUI / those with Dépôt OUI or NON. */
  depots: Rate;
  steps: StepEquipment[];
}

/**
 * Gaps counted apart (SPEC §5), each a COUNTIFS over the visible columns and the effective answer.
 * A row is critical when its Critique cell reads OUI (the template writes it where the law requires
 * the datum: R5212-38 to -42 CSP, MDR art. 18 and 27, arrêté du 8 septembre 2021).
 */
export interface GapCounts {
  /** Données de traçabilité manquantes: Type Donnée, Critique OUI, effective NON. */
  missingTraceabilityData: number;
  /** Ruptures sur des flux sanitaires: Type Interopérabilité, Critique OUI, effective NON. */
  sanitaryRuptures: number;
  /**
   * City-side gaps: Donnée or Interopérabilité, Critique not OUI, effective NON, whose Zone is the
   * city-side zone or whose destination step's Informatisation row shows that zone.
   */
  cityGaps: number;
  /** Financial and management gaps: the other Donnée or Interopérabilité rows, Critique not OUI, effective NON. */
  financialGaps: number;
}

export interface Figures {
  overall: RateSet;
  zones: ZoneFigures[];
  steps: StepFigures[];
  transitions: TransitionFigures[];
  views: Record<ContinuityViewId, ContinuityView>;
  equipment: EquipmentFigures;
  counts: {
    /** Questions: rows whose Type or Réponse is not empty. */
    rows: number;
    answered: number;
    empty: number;
    invalid: number;
    incoherent: number;
  } & GapCounts;
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
  /** Circuit order of where the gap is, used to sort within a priority. */
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

/**
 * A question of the cartographie (a row whose Type or Réponse is not empty) after normalisation and
 * the consistency rule. Zone, step, type, destination and criticality are those its cells show.
 */
export interface EvaluatedRow {
  entry: CartographieEntry;
  /** The catalogue question the row is: its Réf. when that agrees with the visible cells, else by step, type and label. */
  question?: Question;
  /** The Type shown, when it is one of the five (case aside); null otherwise (an invalid row). */
  type: QuestionType | null;
  /** Zone id when the Zone shown is a catalogue zone's label, else "~" + its label key. */
  zone: string;
  /** Step id when the Étape shown is a catalogue step's label, else "~" + its label key. */
  step: string;
  /** Destination step key (Interopérabilité rows with a Vers l'étape). */
  to: string | null;
  /** The datum asked, from the catalogue question or the Élément évalué as the template writes it. */
  datum?: string;
  /** The Critique cell reads OUI. */
  critical: boolean;
  /** Normalised answer; null when empty or invalid. */
  answer: Answer | null;
  status: RowStatus;
  /** Answer counted in the figures (an incoherent OUI/NA counts as NON). */
  effective: Answer | null;
}

/** An analysis before its proposed actions: the evaluated rows, the findings and the figures. */
export interface Assessment {
  cartographie: Cartographie;
  rows: EvaluatedRow[];
  findings: Finding[];
  figures: Figures;
}

export interface Analysis extends Assessment {
  proposals: ActionProposal[];
}
