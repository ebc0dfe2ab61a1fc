/**
 * Last year's regional workbook, as `consolider` wrote it, read back for `--precedent`: only its
 * Établissements sheet is streamed. A file that is not such a workbook, or a cell that is not what
 * consolider writes there, stops the command with a French message naming the sheet, cell and row.
 */
import { basename } from 'node:path';
import { readWorkbookBytes } from '../../adapters/xlsx/container';
import { readSheetsNamed } from '../../adapters/xlsx/packageReader';
import { NOT_EVALUABLE } from '../../domain/format';
import type { CellInput } from '../../domain/model';
import type { EstablishmentFigures } from '../../domain/regionalEvolution';
import { cellAddress, cellText, type Grid } from '../../workbook/grid';
import { headerKey, sameLabel } from '../../workbook/names';
import { CliError } from '../errors';
import { ESTABLISHMENT_COLUMNS, REGIONAL_SHEETS } from './layouts';
import { STATISTIC_KEYS, STATISTIC_LABELS, type StatisticKey } from './regional';

export type PreviousEstablishment = EstablishmentFigures<StatisticKey>;

/** Rows searched for the header (consolider writes it on row 4, under a title and a note). */
const HEADER_SEARCH_ROWS = 10;

const SHEET = REGIONAL_SHEETS.establishments;

function notRegional(file: string, why: string): CliError {
  return new CliError(
    `${basename(file)} n'est pas un classeur régional écrit par « consolider » (${why}). Indiquez avec --precedent le classeur régional de la campagne précédente (celui écrit par --sortie).`,
  );
}

/** Column (0-based in the grid) of each label the comparison needs, and the header's grid row. */
function headerOf(grid: Grid, file: string): { row: number; columns: Map<string, number> } {
  const wanted = [ESTABLISHMENT_COLUMNS.name, ESTABLISHMENT_COLUMNS.finess, ...STATISTIC_KEYS.map((key) => STATISTIC_LABELS[key]), ESTABLISHMENT_COLUMNS.criticalGaps];
  for (let row = 0; row < Math.min(grid.rows.length, HEADER_SEARCH_ROWS); row++) {
    const keys = (grid.rows[row] ?? []).map((cell) => headerKey(cellText(cell)));
    if (!keys.includes(headerKey(ESTABLISHMENT_COLUMNS.finess))) continue;
    const columns = new Map(wanted.map((label) => [label, keys.indexOf(headerKey(label))]));
    const missing = wanted.filter((label) => (columns.get(label) as number) < 0);
    if (missing.length > 0) throw notRegional(file, `colonnes absentes de la feuille « ${SHEET} » : ${missing.join(', ')}`);
    return { row, columns };
  }
  throw notRegional(file, `pas de ligne d'en-tête avec « ${ESTABLISHMENT_COLUMNS.finess} » en haut de la feuille « ${SHEET} »`);
}

/** Reads the figures of each establishment row; `where` names a cell for a message. */
function figuresOf(cells: CellInput[], at: (label: string) => number, where: (label: string) => string): PreviousEstablishment {
  const cell = (label: string) => cells[at(label)] ?? { value: null };
  const rate = (key: StatisticKey): number | null => {
    const { value } = cell(STATISTIC_LABELS[key]);
    if (value === null || (typeof value === 'string' && (value.trim() === '' || sameLabel(value, NOT_EVALUABLE)))) return null;
    if (typeof value === 'number' && value >= 0 && value <= 1) return value;
    throw new CliError(`${where(STATISTIC_LABELS[key])} : « ${cellText(cell(STATISTIC_LABELS[key]))} » n'est pas un taux (attendu : un pourcentage entre 0 et 100 % ou « ${NOT_EVALUABLE} »).`);
  };
  const gaps = cell(ESTABLISHMENT_COLUMNS.criticalGaps).value;
  if (typeof gaps !== 'number' || !Number.isInteger(gaps) || gaps < 0) {
    throw new CliError(`${where(ESTABLISHMENT_COLUMNS.criticalGaps)} : « ${cellText(cell(ESTABLISHMENT_COLUMNS.criticalGaps))} » n'est pas un nombre d'écarts (attendu : un entier positif ou nul).`);
  }
  return {
    name: cellText(cell(ESTABLISHMENT_COLUMNS.name)),
    finess: cellText(cell(ESTABLISHMENT_COLUMNS.finess)),
    rates: Object.fromEntries(STATISTIC_KEYS.map((key) => [key, rate(key)])) as Record<StatisticKey, number | null>,
    criticalGaps: gaps,
  };
}

/** The establishments of the regional workbook `file`, or a CliError saying why it cannot serve as last year's. */
export async function readPrecedent(file: string): Promise<PreviousEstablishment[]> {
  const read = await readWorkbookBytes(file);
  if (!read.ok) throw new CliError(`Classeur précédent ${file} illisible : ${read.problem.message}`);
  const sheets = readSheetsNamed(read.bytes, [SHEET]);
  if (!sheets.ok) throw new CliError(`Classeur précédent ${file} illisible : ${sheets.problem.message}`);
  const grid = sheets.value.get(SHEET);
  if (!grid) throw notRegional(file, `pas de feuille « ${SHEET} »`);
  const header = headerOf(grid, file);
  const at = (label: string) => header.columns.get(label) as number;
  const establishments: PreviousEstablishment[] = [];
  for (let row = header.row + 1; row < grid.rows.length; row++) {
    const cells = grid.rows[row] ?? [];
    const name = cellText(cells[at(ESTABLISHMENT_COLUMNS.name)]);
    if (name === '' && cellText(cells[at(ESTABLISHMENT_COLUMNS.finess)]) === '') continue;
    const where = (label: string) => `Classeur précédent ${basename(file)}, feuille « ${SHEET} », cellule ${cellAddress(grid.top + row, grid.left + at(label))} (ligne « ${name} »)`;
    establishments.push(figuresOf(cells, at, where));
  }
  return establishments;
}
