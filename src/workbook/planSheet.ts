/**
 * The plan d'action sheet ↔ PlanRow[]. Columns are found by header labels; the user's columns
 * (Pilote, Échéance, Statut, Commentaire) are kept exactly as read: text, numbers, date serials.
 *
 * A proposal whose finding disappeared stays in the plan, its Constat prefixed with
 * OBSOLETE_MARKER. The marker is plain text, so it survives copies, sorts and filters, and the
 * reader recognises it (tolerantly) and strips it; removing it by hand un-marks the row.
 * A proposal marked « Réalisé » whose finding the rules still make is flagged the same way with
 * STILL_PRESENT_MARKER, derived at each writing (never read back as data).
 */
import { isRuleRef } from '../domain/actions/ordering';
import { statusIs } from '../domain/planStatus';
import type { CellInput, PlanRow, Priority, UserValue } from '../domain/model';
import { normaliseLabel } from '../domain/text';
import { cellText, type Grid } from './grid';
import { columnText, locateHeader, type ColumnSpecs, type HeaderLocation } from './headers';
import type { ReadResult } from './result';
import { PLAN_COLUMNS, type PlanColumn } from './sheets';

export const OBSOLETE_MARKER = '[Constat disparu à la dernière analyse]';
export const STILL_PRESENT_MARKER = '[Action réalisée, constat toujours présent]';

/** Number format of the Échéance column, so a date the user typed still reads as a date. */
export const DUE_DATE_FORMAT = 'dd/mm/yyyy';

export const PLAN_SPECS: ColumnSpecs<PlanColumn> = {
  number: { labels: [PLAN_COLUMNS.number, 'No', 'Numéro', 'N'] },
  priority: { labels: [PLAN_COLUMNS.priority, 'Prio'] },
  axis: { labels: [PLAN_COLUMNS.axis, 'Axes'] },
  scope: { labels: [PLAN_COLUMNS.scope, 'Zone', 'Étape', 'Périmètre'] },
  finding: { labels: [PLAN_COLUMNS.finding, 'Constats'], required: true },
  action: { labels: [PLAN_COLUMNS.action, 'Action', 'Actions', 'Actions proposées'], required: true },
  actors: { labels: [PLAN_COLUMNS.actors, 'Acteur'] },
  indicator: { labels: [PLAN_COLUMNS.indicator, 'Indicateur', 'Indicateurs'] },
  pilot: { labels: [PLAN_COLUMNS.pilot, 'Responsable'] },
  dueDate: { labels: [PLAN_COLUMNS.dueDate, 'Date prévue', 'Délai'] },
  status: { labels: [PLAN_COLUMNS.status, 'État'] },
  comment: { labels: [PLAN_COLUMNS.comment, 'Commentaires'] },
  ref: { labels: [PLAN_COLUMNS.ref, 'Réf.', 'Ref'], required: true },
};

const MARKER_KEY = normaliseLabel(OBSOLETE_MARKER);
const STILL_PRESENT_KEY = normaliseLabel(STILL_PRESENT_MARKER);

/** A proposal the user marked Réalisé whose finding the rules still make: « action réalisée, constat toujours présent ». */
export function stillPresent(row: PlanRow): boolean {
  return row.origin === 'proposed' && !row.obsolete && statusIs(row.status, 'Réalisé');
}

/** Splits the markers off a Constat: the obsolete one is data, the still-present one is derived again at each writing. */
export function readFinding(text: string): { finding: string; obsolete: boolean } {
  const trimmed = text.trimStart();
  const close = trimmed.indexOf(']');
  const marker = trimmed.startsWith('[') ? normaliseLabel(trimmed.slice(0, close + 1)) : '';
  if (marker === MARKER_KEY) return { finding: trimmed.slice(close + 1).trim(), obsolete: true };
  if (marker === STILL_PRESENT_KEY) return { finding: trimmed.slice(close + 1).trim(), obsolete: false };
  return { finding: text, obsolete: false };
}

function readPriority(cell: CellInput | undefined): Priority | null {
  const match = /^P?\s*([1-4])$/i.exec(cellText(cell));
  return match ? (Number(match[1]) as Priority) : null;
}

function userValue(cell: CellInput | undefined): UserValue {
  const value = cell?.value ?? null;
  return typeof value === 'string' && value.trim() === '' ? null : value;
}

/** Where the plan table sits, for an adapter that rewrites it (1-based sheet row and columns). */
export interface PlanArea {
  headerRow: number;
  firstColumn: number;
  /** Columns spanned by the header found (at least the layout's width is rewritten). */
  columnCount: number;
  /** Rows below the header down to the last one holding something. */
  rowCount: number;
}

function isBlank(cells: CellInput[], location: HeaderLocation<PlanColumn>): boolean {
  return Object.values(location.columns).every((col) => cellText(cells[col as number]) === '');
}

/** Indexes (in grid.rows) of the plan rows: everything below the header but blank lines. */
function dataIndexes(grid: Grid, location: HeaderLocation<PlanColumn>): number[] {
  const indexes: number[] = [];
  for (let index = location.index + 1; index < grid.rows.length; index++) {
    if (!isBlank(grid.rows[index] ?? [], location)) indexes.push(index);
  }
  return indexes;
}

export function planArea(grid: Grid): ReadResult<PlanArea> {
  const header = locateHeader(grid, PLAN_SPECS);
  if (!header.ok) return header;
  const cols = Object.values(header.value.columns) as number[];
  const first = Math.min(...cols);
  const last = dataIndexes(grid, header.value).pop() ?? header.value.index;
  return {
    ok: true,
    value: {
      headerRow: grid.top + header.value.index,
      firstColumn: grid.left + first,
      columnCount: Math.max(...cols) - first + 1,
      rowCount: last - header.value.index,
    },
  };
}

/**
 * The plan rows. A row is 'proposed' when its reference is one the rules produce
 * (`isProposal`, by default the rules' own test), otherwise 'manual': rows typed by the user, with or without a reference.
 */
export function readPlanGrid(grid: Grid, isProposal: (ref: string) => boolean = isRuleRef): ReadResult<PlanRow[]> {
  const header = locateHeader(grid, PLAN_SPECS);
  if (!header.ok) return header;
  const location = header.value;
  const cell = (cells: CellInput[], key: PlanColumn) => {
    const col = location.columns[key];
    return col === undefined ? undefined : cells[col];
  };
  const rows = dataIndexes(grid, location).map((index, order): PlanRow => {
    const cells = grid.rows[index];
    const text = (key: PlanColumn) => columnText(cells, location, key);
    const ref = text('ref');
    const { finding, obsolete } = readFinding(text('finding'));
    return {
      ref,
      priority: readPriority(cell(cells, 'priority')),
      axis: text('axis'),
      scope: text('scope'),
      finding,
      action: text('action'),
      actors: text('actors'),
      indicator: text('indicator'),
      pilot: userValue(cell(cells, 'pilot')),
      dueDate: userValue(cell(cells, 'dueDate')),
      status: userValue(cell(cells, 'status')),
      comment: userValue(cell(cells, 'comment')),
      origin: isProposal(ref) ? 'proposed' : 'manual',
      obsolete,
      order,
    };
  });
  return { ok: true, value: rows };
}

export interface PlanLayout {
  headers: string[];
  values: UserValue[][];
  /** Number format per column (null: leave the host's default). */
  numberFormats: (string | null)[];
}

const PLAN_KEYS = Object.keys(PLAN_COLUMNS) as PlanColumn[];

function layoutValue(row: PlanRow, key: PlanColumn, number: number): UserValue {
  switch (key) {
    case 'number':
      return number;
    case 'finding':
      if (row.obsolete) return `${OBSOLETE_MARKER} ${row.finding}`;
      return stillPresent(row) ? `${STILL_PRESENT_MARKER} ${row.finding}` : row.finding;
    default:
      return row[key];
  }
}

/** The plan table as written: rows in the given order, N° renumbered from 1, obsolete and still-present rows marked. */
export function planLayout(rows: PlanRow[]): PlanLayout {
  return {
    headers: PLAN_KEYS.map((key) => PLAN_COLUMNS[key]),
    values: rows.map((row, index) => PLAN_KEYS.map((key) => layoutValue(row, key, index + 1))),
    numberFormats: PLAN_KEYS.map((key) => (key === 'dueDate' ? DUE_DATE_FORMAT : null)),
  };
}
