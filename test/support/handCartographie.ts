/**
 * A small cartographie whose figures were computed by hand, independent of the engine: every layer
 * (domain, CLI, consolidation, pane) is checked against these numbers, so a wrong figure fails
 * everywhere. Three steps over two zones, two transitions; the visible cells of each row agree with
 * its Réf. One row is incoherent, one invalid, one left empty. Only one Informatisation row per
 * step, and one Lecteur / Dépôt row per step, so no counting choice between rows is involved.
 */
import { cartographieColumns } from '../../src/workbook/locate';
import { cellAddress, type Grid } from '../../src/workbook/grid';
import { CARTOGRAPHIE_COLUMNS, type CartographieColumn } from '../../src/workbook/sheets';
import { cartographieOf, type HandRow } from './cartographie';

const PUI = 'CIRCUIT A LA PUI';
const BLOC = 'CIRCUIT AU BLOC OPERATOIRE';
export const REC = 'Réception unitaire, entrée en stock';
export const DEL = 'Délivrance au service utilisateur';
export const RBO = 'Réception au bloc, stock de proximité';
const INF = 'Étape informatisée ? Logiciel (nom, éditeur)';
const LEC = 'Lecteurs automatiques de codes (douchettes 1D/2D) ?';
const field = (name: string) => `Existence du champ : ${name}`;
const sent = (name: string) => `Transmission électronique : ${name}`;
const DEN = 'Dénomination, référence fabricant';
const LOT = 'N° de lot ou de série';
const IUDID = 'IUD-ID (identifiant du dispositif)';

/** The invalid entry of row 13 (sheet row 13, cell H13). */
export const INVALID_ANSWER = 'peut-être';

/** Rows 2 to 21 of the sheet, in this order. */
export const HAND_ROWS: HandRow[] = [
  // Réception unitaire (PUI): computerised.
  { ref: 'PUI-REC-INF', zone: PUI, step: REC, type: 'Informatisation', label: INF, answer: 'OUI', comment: 'Copilote Stock' }, // row 2
  { ref: 'PUI-REC-DEN', zone: PUI, step: REC, type: 'Donnée', label: field(DEN), critical: 'OUI', answer: 'OUI' }, // row 3
  { ref: 'PUI-REC-LOT', zone: PUI, step: REC, type: 'Donnée', label: field(LOT), critical: 'OUI', answer: 'OUI' }, // row 4
  { ref: 'PUI-REC-PER', zone: PUI, step: REC, type: 'Donnée', label: field('Date de péremption'), answer: 'NON' }, // row 5
  { ref: 'PUI-REC-IUDID', zone: PUI, step: REC, type: 'Donnée', label: field(IUDID), critical: 'OUI', answer: 'NON' }, // row 6
  { ref: 'PUI-REC-LEC', zone: PUI, step: REC, type: 'Lecteur', label: LEC, answer: 'OUI' }, // row 7
  { ref: 'IO-REC-DEL-DEN', zone: PUI, step: REC, type: 'Interopérabilité', label: sent(DEN), to: DEL, critical: 'OUI', answer: 'OUI' }, // row 8
  { ref: 'IO-REC-DEL-LOT', zone: PUI, step: REC, type: 'Interopérabilité', label: sent(LOT), to: DEL, critical: 'OUI', answer: 'NA' }, // row 9
  { ref: 'IO-REC-DEL-IUDID', zone: PUI, step: REC, type: 'Interopérabilité', label: sent(IUDID), to: DEL, critical: 'OUI', answer: 'NON' }, // row 10
  // Délivrance (PUI): computerised; one invalid entry.
  { ref: 'PUI-DEL-INF', zone: PUI, step: DEL, type: 'Informatisation', label: INF, answer: 'OUI', comment: 'Copilote Délivrance' }, // row 11
  { ref: 'PUI-DEL-DEN', zone: PUI, step: DEL, type: 'Donnée', label: field(DEN), critical: 'OUI', answer: 'OUI' }, // row 12
  { ref: 'PUI-DEL-DLV', zone: PUI, step: DEL, type: 'Donnée', label: field('Date de délivrance, service utilisateur'), critical: 'OUI', answer: INVALID_ANSWER }, // row 13
  { ref: 'PUI-DEL-IUDID', zone: PUI, step: DEL, type: 'Donnée', label: field(IUDID), critical: 'OUI', answer: 'NA' }, // row 14
  { ref: 'PUI-DEL-LEC', zone: PUI, step: DEL, type: 'Lecteur', label: LEC, answer: 'NON' }, // row 15
  { ref: 'IO-DEL-RBO-DEN', zone: PUI, step: DEL, type: 'Interopérabilité', label: sent(DEN), to: RBO, critical: 'OUI', answer: 'NON' }, // row 16
  // OUI towards a step that is not computerised: incoherent, counted as NON.
  { ref: 'IO-DEL-RBO-LOT', zone: PUI, step: DEL, type: 'Interopérabilité', label: sent(LOT), to: RBO, critical: 'OUI', answer: 'OUI' }, // row 17
  // Réception au bloc (BLOC): not computerised; one row left empty.
  { ref: 'BLOC-REC-INF', zone: BLOC, step: RBO, type: 'Informatisation', label: INF, answer: 'NON', comment: 'Cahier papier' }, // row 18
  { ref: 'BLOC-REC-LOT', zone: BLOC, step: RBO, type: 'Donnée', label: field(LOT), critical: 'OUI', answer: 'NON' }, // row 19
  { ref: 'BLOC-REC-PER', zone: BLOC, step: RBO, type: 'Donnée', label: field('Date de péremption') }, // row 20, empty
  { ref: 'BLOC-REC-DEP', zone: BLOC, step: RBO, type: 'Dépôt', label: 'Gestion des dépôts : stock de proximité en dépôt suivi au bloc ?', answer: 'NON' }, // row 21
];

/** Sheet row (in `handCartographie()`, where the header is row 1) of the incoherent, invalid and empty rows. */
export const HAND_ROWS_OF = { incoherent: 17, invalid: 13, empty: 20 } as const;

/** The findings, each as its kind and the visible « Étape – Élément évalué » of its row. */
export const HAND_FINDINGS = [
  ['incoherence', `${DEL} – ${sent(LOT)}`],
  ['invalide', `${DEL} – ${field('Date de délivrance, service utilisateur')}`],
  ['non-renseigne', `${RBO} – ${field('Date de péremption')}`],
] as const;

/** numerator / denominator, as counted by hand. */
export type HandRate = [number, number];

export interface HandRates {
  completude: HandRate;
  informatisation: HandRate;
  etapesInformatisees: HandRate;
  interoperabilite: HandRate;
  continuite: HandRate;
  rupture: HandRate;
}

/*
 * Effective answers (the incoherent OUI of row 17 counts as NON; rows 13 invalid and 20 empty
 * count as unanswered):
 *   Informatisation: REC OUI (2), DEL OUI (11), RBO NON (18)
 *   Donnée:          OUI rows 3, 4, 12 · NON rows 5, 6, 19 · NA row 14 · unanswered rows 13, 20
 *   Interopérabilité REC → DEL: OUI 8 · NA 9 · NON 10;  DEL → RBO: NON 16, NON 17 (incoherent)
 *   Lecteur: REC OUI (7), DEL NON (15);  Dépôt: RBO NON (21)
 */
export const HAND_FIGURES = {
  counts: {
    rows: 20,
    answered: 18, // 20 − row 13 (invalid) − row 20 (empty)
    empty: 1,
    invalid: 1,
    incoherent: 1,
  },
  overall: {
    completude: [18, 20], // 90 %
    informatisation: [3, 6], // Donnée OUI 3 / (3 OUI + 3 NON) = 50 %
    etapesInformatisees: [2, 3], // REC, DEL OUI / (2 OUI + RBO NON)
    interoperabilite: [1, 4], // OUI row 8 / (1 OUI + 3 NON: rows 10, 16, 17) = 25 %
    continuite: [2, 5], // (OUI 8 + NA 9) / 5 links = 40 %
    rupture: [3, 5], // NON 10, 16, 17 / 5 links = 60 %
  } satisfies HandRates,
  zones: {
    // Rows 2 to 17 (the DEL → RBO links count at their source step, in the PUI).
    [PUI]: {
      completude: [15, 16], // 16 rows − row 13
      informatisation: [3, 5], // OUI 3, 4, 12 / + NON 5, 6
      etapesInformatisees: [2, 2],
      interoperabilite: [1, 4],
      continuite: [2, 5],
      rupture: [3, 5],
    },
    // Rows 18 to 21.
    [BLOC]: {
      completude: [3, 4], // 4 rows − row 20
      informatisation: [0, 1], // NON 19
      etapesInformatisees: [0, 1], // NON 18
      interoperabilite: [0, 0], // no link starts at the bloc: non évaluable
      continuite: [0, 0],
      rupture: [0, 0],
    },
  } satisfies Record<string, HandRates>,
  steps: {
    [REC]: { completude: [9, 9], informatisation: [2, 4], interoperabilite: [1, 2], continuite: [2, 3], rupture: [1, 3] },
    [DEL]: { completude: [6, 7], informatisation: [1, 1], interoperabilite: [0, 2], continuite: [0, 2], rupture: [2, 2] },
    [RBO]: { completude: [3, 4], informatisation: [0, 1], interoperabilite: [0, 0], continuite: [0, 0], rupture: [0, 0] },
  } satisfies Record<string, Partial<HandRates>>,
  transitions: [
    // Both steps in the PUI: "à la PUI".
    { from: REC, to: DEL, crossZone: false, rows: 3, ruptures: 1, interoperabilite: [1, 2], continuite: [2, 3], rupture: [1, 3] },
    // PUI → bloc: a "point de transition".
    { from: DEL, to: RBO, crossZone: true, rows: 2, ruptures: 2, interoperabilite: [0, 2], continuite: [0, 2], rupture: [2, 2] },
  ] satisfies { from: string; to: string; crossZone: boolean; rows: number; ruptures: number; interoperabilite: HandRate; continuite: HandRate; rupture: HandRate }[],
  views: {
    pui: { rupture: [1, 3] }, // REC → DEL only
    transitions: { rupture: [2, 2] }, // DEL → RBO only
    blocs: { rupture: [0, 0] }, // no link inside the bloc: non évaluable
  } satisfies Record<string, { rupture: HandRate }>,
  equipment: {
    lecteurs: [1, 2], // REC OUI, DEL NON (RBO has no Lecteur row)
    depots: [0, 1], // RBO NON
  } satisfies Record<string, HandRate>,
} as const;

/**
 * A second establishment: the same rows with row 10 (IO-REC-DEL-IUDID) answered OUI instead of NON.
 * Links: OUI 8, 10 · NA 9 · NON 16, 17 → interopérabilité 2/4, continuité 3/5, rupture 2/5;
 * transition REC → DEL then has no rupture (rupture 0/3).
 */
export const HAND_ROWS_B: HandRow[] = HAND_ROWS.map((row) => (row.ref === 'IO-REC-DEL-IUDID' ? { ...row, answer: 'OUI' } : row));
export const HAND_FIGURES_B = {
  overall: { completude: [18, 20], informatisation: [3, 6], interoperabilite: [2, 4], continuite: [3, 5], rupture: [2, 5] },
} as const satisfies { overall: Partial<HandRates> };

export function handCartographie(rows: HandRow[] = HAND_ROWS) {
  return cartographieOf(rows);
}

/** The value of a hand rate, or null when non évaluable. */
export function valueOf([numerator, denominator]: readonly [number, number]): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** French display of a hand rate, written independently of the engine's formatting: "60 %", "67 %". */
export function shownRate([numerator, denominator]: readonly [number, number]): string {
  return denominator === 0 ? 'non évaluable' : `${Math.round((100 * numerator) / denominator)}\u202F%`;
}

const COLUMNS = Object.keys(CARTOGRAPHIE_COLUMNS) as CartographieColumn[];

/**
 * The cell writes that replace the data rows of a cartographie sheet (as read into `grid`) by
 * `rows`: the hand rows right under the header, every other data row of the sheet emptied.
 */
export function handRowWrites(grid: Grid, rows: HandRow[] = HAND_ROWS, tableHeaderRow?: number): { address: string; value: string | null }[] {
  const located = cartographieColumns(grid, tableHeaderRow);
  if (!located.ok) throw new Error(located.problems.map((p) => p.message).join('; '));
  const { headerRow, columns } = located.value;
  const lastRow = Math.max(grid.top + grid.rows.length - 1, headerRow + rows.length);
  const writes: { address: string; value: string | null }[] = [];
  for (let sheetRow = headerRow + 1; sheetRow <= lastRow; sheetRow++) {
    const row = rows[sheetRow - headerRow - 1];
    for (const key of COLUMNS) {
      const column = columns[key];
      if (column === undefined) continue;
      const cell = row?.[key];
      writes.push({ address: cellAddress(sheetRow, column), value: typeof cell === 'string' && cell !== '' ? cell : null });
    }
  }
  return writes;
}
