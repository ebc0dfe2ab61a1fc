/**
 * « Nouvelle campagne »: this year's campaign started from last year's workbook, in place. The
 * answers stay as they are (a starting point; each still counts as its value, in the engine as in
 * the Synthèse's formulas) and each is « à revoir » until the user confirms or changes it: three
 * columns right of the computed ones hold last year's answer (a snapshot, as text), the user's
 * confirmation, and a formula that says « À revoir » while the answer equals the snapshot and is not
 * confirmed. Formulas only read the cartographie: nothing the user types is ever rewritten.
 * The plan d'action is merged as usual (user columns kept by reference), its flags visible.
 */
import { mergePlan } from '../domain/actions/merge';
import type { Analysis, CartographieEntry, PlanRow } from '../domain/model';
import type { CartographieArea } from './answerColumns';
import { campaignText } from './campaignInfo';
import { binary, call, cell, text, type Formula } from './formula';
import { cellText, type Grid } from './grid';
import { sameLabel } from './names';
import { stillPresent } from './planSheet';
import type { LayoutCell } from './layoutCell';
import type { ReadResult } from './result';

export const CONFIRMED_HEADER = 'Confirmée (saisir OK)';
export const REVIEW_HEADER = 'À revoir';
export const TO_REVIEW = 'À revoir';

export function snapshotHeader(year: number): string {
  return `Réponse ${year}`;
}

export interface CampaignStart {
  year: number;
  /** Where the cartographie stands (the review columns go right of its computed ones). */
  area: CartographieArea;
  /** What the notice's « Campagne » cell says: "2026 (ouverte le 27/11/2026)". */
  campaign: string;
  /** The three review columns of the cartographie, header to last question (0-based cells, blanks included). */
  review: LayoutCell[];
  /** Their widths (1-based column, Excel character units), wide enough for their headers. */
  reviewWidths: { column: number; width: number }[];
  /** Answers marked « à revoir ». */
  toReview: number;
  plan: PlanRow[];
  /** Plan rows marked Réalisé whose gap the rules still find. */
  flagged: number;
  /** Plan rows carried over (proposals kept with their user columns, manual rows, obsolete rows). */
  carried: number;
}

const REVIEW_WIDTHS = [14, 20, 11];

/** 1-based columns of the snapshot, the confirmation and the « À revoir » formula. */
function reviewColumns(area: CartographieArea): [number, number, number] {
  return [area.columns.kept + 1, area.columns.kept + 2, area.columns.kept + 3];
}

/** « À revoir » while the answer (trimmed, compared as Excel does, without case) equals last year's and nothing confirms it. */
function reviewFormula(area: CartographieArea, row: number): Formula {
  const [snapshot, confirmed] = reviewColumns(area);
  const answer = call('TRIM', cell(row, area.columns.answer));
  const pending = call('AND', binary('<>', cell(row, snapshot), text('')), binary('=', cell(row, confirmed), text('')));
  return call('IF', pending, call('IF', binary('=', answer, cell(row, snapshot)), text(TO_REVIEW), text('')), text(''));
}

function reviewCells(entries: CartographieEntry[], area: CartographieArea, previousYear: number): { cells: LayoutCell[]; toReview: number } {
  const [snapshot, confirmed, review] = reviewColumns(area).map((col) => col - 1);
  const cells: LayoutCell[] = [
    { row: area.headerRow - 1, col: snapshot, value: snapshotHeader(previousYear), style: 'header' },
    { row: area.headerRow - 1, col: confirmed, value: CONFIRMED_HEADER, style: 'header' },
    { row: area.headerRow - 1, col: review, value: REVIEW_HEADER, style: 'header' },
  ];
  const byRow = new Map(entries.map((entry) => [entry.row, entry]));
  const last = Math.max(area.headerRow, ...entries.map((entry) => entry.row));
  let toReview = 0;
  for (let row = area.headerRow + 1; row <= last; row++) {
    const entry = byRow.get(row);
    const answer = entry ? cellText(entry.answer) : '';
    if (answer !== '') toReview++;
    cells.push({ row: row - 1, col: snapshot, value: answer }, { row: row - 1, col: confirmed, value: '' });
    if (entry) cells.push({ row: row - 1, col: review, value: answer === '' ? '' : TO_REVIEW, formula: reviewFormula(area, row) });
    else cells.push({ row: row - 1, col: review, value: '' });
  }
  return { cells, toReview };
}

/**
 * Refuses when the three columns right of the computed ones hold something else than an earlier
 * campaign's review columns: the user's cells are never overwritten.
 */
export function reviewColumnsProblem(grid: Grid, area: CartographieArea): ReadResult<void> {
  const ours = (col: number, header: string): boolean => {
    const value = cellText(grid.rows[area.headerRow - grid.top]?.[col - grid.left]);
    return value === '' || (col === area.columns.kept + 1 ? /^réponse \d{4}$/i.test(value) : sameLabel(value, header));
  };
  const [snapshot, confirmed, review] = reviewColumns(area);
  const headersOurs = ours(snapshot, '') && ours(confirmed, CONFIRMED_HEADER) && ours(review, REVIEW_HEADER);
  const headerText = [snapshot, confirmed, review].some((col) => cellText(grid.rows[area.headerRow - grid.top]?.[col - grid.left]) !== '');
  const bodyUsed = grid.rows.slice(area.headerRow - grid.top + 1).some((row) => [snapshot, confirmed, review].some((col) => cellText(row?.[col - grid.left]) !== ''));
  if (headersOurs && (headerText || !bodyUsed)) return { ok: true, value: undefined };
  return {
    ok: false,
    problems: [
      {
        code: 'column-missing',
        sheet: grid.sheet,
        message: `Feuille « ${grid.sheet} » : les trois colonnes à droite de « Réponse retenue » contiennent déjà des données ; la nouvelle campagne y écrit la réponse de l'an dernier, la confirmation et « À revoir ». Déplacez ces données puis recommencez.`,
      },
    ],
  };
}

/** Everything « Nouvelle campagne » writes, from the analysis of last year's answers and the plan as read. */
export function campaignStart(input: { analysis: Analysis; area: CartographieArea; plan: PlanRow[]; year: number; opened: Date }): CampaignStart {
  const { cells, toReview } = reviewCells(input.analysis.cartographie.entries, input.area, input.year - 1);
  const merged = mergePlan(input.plan, input.analysis.proposals);
  return {
    year: input.year,
    area: input.area,
    campaign: campaignText(input.year, input.opened),
    review: cells,
    reviewWidths: reviewColumns(input.area).map((column, index) => ({ column, width: REVIEW_WIDTHS[index] })),
    toReview,
    plan: merged.rows,
    flagged: merged.rows.filter(stillPresent).length,
    carried: input.plan.length,
  };
}
