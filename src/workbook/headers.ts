/**
 * Finding a table in a Grid by its header labels: the header row is the row that names the most
 * known columns, columns may come in any order, unknown columns are ignored.
 */
import type { CellInput } from '../domain/model';
import { cellText, type Grid } from './grid';
import { headerKey } from './names';
import type { WorkbookProblem } from './result';

export interface ColumnSpec {
  /** Accepted header labels; the first is the one named in messages. */
  labels: readonly string[];
  required?: boolean;
}

export type ColumnSpecs<K extends string> = Record<K, ColumnSpec>;

export interface HeaderLocation<K extends string> {
  /** 0-based index of the header row in grid.rows. */
  index: number;
  /** 0-based index in the row of each column found. */
  columns: Partial<Record<K, number>>;
}

const acceptedKeys = new WeakMap<object, Map<string, Set<string>>>();

/** Header keys accepted for each column, computed once per specs object. */
function acceptedKeysOf<K extends string>(specs: ColumnSpecs<K>): Map<K, Set<string>> {
  let keys = acceptedKeys.get(specs);
  if (!keys) {
    keys = new Map(Object.entries<ColumnSpec>(specs).map(([key, spec]) => [key, new Set(spec.labels.map(headerKey))]));
    acceptedKeys.set(specs, keys);
  }
  return keys as Map<K, Set<string>>;
}

/** True when a cell holds one of the accepted headers of a column. */
export function isHeaderOf<K extends string>(cell: CellInput | undefined, specs: ColumnSpecs<K>, key: K): boolean {
  const text = cellText(cell);
  return text !== '' && acceptedKeysOf(specs).get(key)!.has(headerKey(text));
}

function matchRow<K extends string>(cells: CellInput[], specs: ColumnSpecs<K>): Partial<Record<K, number>> {
  const columns: Partial<Record<K, number>> = {};
  const accepted = [...acceptedKeysOf(specs)];
  cells.forEach((cell, col) => {
    const text = cellText(cell);
    if (text === '') return;
    const key = headerKey(text);
    const found = accepted.find(([k, keys]) => columns[k] === undefined && keys.has(key));
    if (found) columns[found[0]] = col;
  });
  return columns;
}

function score<K extends string>(columns: Partial<Record<K, number>>, specs: ColumnSpecs<K>): [number, number] {
  const found = (Object.keys(columns) as K[]).filter((k) => columns[k] !== undefined);
  return [found.filter((k) => specs[k].required).length, found.length];
}

/**
 * The header row of a table: `headerRow` (1-based sheet row) when the caller knows it, else the
 * first row naming every required column, else the row naming the most required columns, then
 * the most columns (the first on a tie) so that the problems name what is really missing.
 */
export function findHeaderRow<K extends string>(grid: Grid, specs: ColumnSpecs<K>, headerRow?: number): HeaderLocation<K> | undefined {
  if (headerRow !== undefined) {
    const index = headerRow - grid.top;
    const cells = grid.rows[index];
    return cells ? { index, columns: matchRow(cells, specs) } : undefined;
  }
  const requiredCount = Object.values<ColumnSpec>(specs).filter((spec) => spec.required).length;
  let best: HeaderLocation<K> | undefined;
  let bestScore: [number, number] = [0, 0];
  for (let index = 0; index < grid.rows.length; index++) {
    const columns = matchRow(grid.rows[index], specs);
    const [required, total] = score(columns, specs);
    if (required === requiredCount) return { index, columns };
    if (required > bestScore[0] || (required === bestScore[0] && total > bestScore[1])) {
      best = { index, columns };
      bestScore = [required, total];
    }
  }
  return best;
}

/** Required columns the header lacks, in the specs' order. */
export function missingColumns<K extends string>(location: HeaderLocation<K> | undefined, specs: ColumnSpecs<K>): K[] {
  return (Object.keys(specs) as K[]).filter((k) => specs[k].required && location?.columns[k] === undefined);
}

export function sheetProblem(sheet: string): WorkbookProblem {
  return { code: 'sheet-missing', message: `feuille « ${sheet} » introuvable`, sheet };
}

export function columnProblem(sheet: string, column: string): WorkbookProblem {
  return { code: 'column-missing', message: `colonne « ${column} » introuvable dans la feuille « ${sheet} »`, sheet };
}

/** The header of a table, or one problem per missing required column. */
export function locateHeader<K extends string>(
  grid: Grid,
  specs: ColumnSpecs<K>,
  headerRow?: number,
): { ok: true; value: HeaderLocation<K> } | { ok: false; problems: WorkbookProblem[] } {
  const location = findHeaderRow(grid, specs, headerRow);
  const missing = missingColumns(location, specs);
  if (!location || missing.length > 0) {
    return { ok: false, problems: missing.map((k) => columnProblem(grid.sheet, specs[k].labels[0])) };
  }
  return { ok: true, value: location };
}

/** The text of a found column in a row ('' when the column is absent or the cell empty). */
export function columnText<K extends string>(cells: CellInput[], location: HeaderLocation<K>, key: K): string {
  const col = location.columns[key];
  return col === undefined ? '' : cellText(cells[col]);
}
