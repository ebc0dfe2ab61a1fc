/**
 * Reading the cartographie from a Grid, whatever its layout: header found by labels (with the
 * usual synonyms), columns in any order, blank lines skipped. A blank Zone or Étape cell is blank,
 * as Excel's COUNTIFS see it (merged blocks included: they are reported), so that the engine and
 * the Synthèse's formulas count the same rows.
 */
import { stepByLabel, zoneById } from '../domain/catalogue';
import type { CartographieEntry, CellInput, MergedCells } from '../domain/model';
import { ANSWER_COLUMNS, SPARE_ROWS, type CartographieArea } from './answerColumns';
import { cellAddress, cellText, parseRange, rangeAddress, type Grid } from './grid';
import { columnText, isHeaderOf, locateHeader, sheetProblem, type ColumnSpecs, type HeaderLocation } from './headers';
import { findSheet, headerKey } from './names';
import type { ReadResult, SheetCartographie, WorkbookProblem } from './port';
import { CARTOGRAPHIE_COLUMNS, SHEETS, type CartographieColumn, type SheetKey } from './sheets';

export const CARTOGRAPHIE_SPECS: ColumnSpecs<CartographieColumn> = {
  ref: { labels: [CARTOGRAPHIE_COLUMNS.ref, 'Ref', 'Référence', 'Code', 'Identifiant'] },
  zone: { labels: [CARTOGRAPHIE_COLUMNS.zone, 'Zone du circuit', 'Zones'] },
  step: { labels: [CARTOGRAPHIE_COLUMNS.step, 'Étape du circuit', 'Étapes'], required: true },
  type: { labels: [CARTOGRAPHIE_COLUMNS.type, 'Type de question', 'Catégorie'], required: true },
  label: { labels: [CARTOGRAPHIE_COLUMNS.label, 'Question', 'Questions', 'Élément', 'Éléments évalués', 'Libellé', 'Intitulé'], required: true },
  to: { labels: [CARTOGRAPHIE_COLUMNS.to, 'Vers', 'Étape destinataire', "Étape d'arrivée", 'Destination'] },
  critical: { labels: [CARTOGRAPHIE_COLUMNS.critical, 'Donnée critique', 'Obligatoire'] },
  answer: { labels: [CARTOGRAPHIE_COLUMNS.answer, 'Réponses', 'OUI/NON/NA'], required: true },
  comment: { labels: [CARTOGRAPHIE_COLUMNS.comment, 'Commentaire', 'Commentaires', 'Logiciel', 'Précision', 'Précisions', 'Remarque', 'Remarques'] },
};

/** The problem to report when a RESOMEDIT sheet is absent, or null when `sheetNames` holds it (tolerantly). */
export function findSheetProblem(sheetNames: readonly string[], key: SheetKey): WorkbookProblem | null {
  return findSheet(sheetNames, SHEETS[key]) === undefined ? sheetProblem(SHEETS[key]) : null;
}

/** The actual name of a RESOMEDIT sheet, or the sheet-missing problem. */
export function resolveSheet(sheetNames: readonly string[], key: SheetKey): ReadResult<string> {
  const name = findSheet(sheetNames, SHEETS[key]);
  return name === undefined ? { ok: false, problems: [sheetProblem(SHEETS[key])] } : { ok: true, value: name };
}

/** Where the cartographie columns are: 1-based sheet row of the header and 1-based sheet columns. */
export interface CartographieColumns {
  headerRow: number;
  columns: Partial<Record<CartographieColumn, number>>;
}

function sheetColumns(grid: Grid, location: HeaderLocation<CartographieColumn>): CartographieColumns {
  const columns: Partial<Record<CartographieColumn, number>> = {};
  for (const [key, col] of Object.entries(location.columns) as [CartographieColumn, number][]) columns[key] = grid.left + col;
  return { headerRow: grid.top + location.index, columns };
}

export function cartographieColumns(grid: Grid, tableHeaderRow?: number): ReadResult<CartographieColumns> {
  const header = locateHeader(grid, CARTOGRAPHIE_SPECS, tableHeaderRow);
  return header.ok ? { ok: true, value: sheetColumns(grid, header.value) } : header;
}

const EMPTY: CellInput = { value: null };

/** A data row has a question or an answer; zone or step headings and blank lines are not. */
function isDataRow(text: (key: CartographieColumn) => string, answer: CellInput): boolean {
  return ['ref', 'type', 'label'].some((key) => text(key as CartographieColumn) !== '') || cellText(answer) !== '';
}

function zoneOfStep(step: string): string {
  const known = stepByLabel(step);
  return known ? (zoneById(known.zone)?.label ?? '') : '';
}

/**
 * Where the formulas find the cartographie: its columns, and the computed columns « Réponse lue »
 * and « Réponse retenue » where the header names them, else just right of the last header cell.
 */
function areaOf(grid: Grid, location: HeaderLocation<CartographieColumn>, entries: CartographieEntry[]): { area: CartographieArea; answerColumns: boolean } {
  const header = grid.rows[location.index] ?? [];
  const named = (label: string) => header.findIndex((cell) => cellText(cell) !== '' && headerKey(cellText(cell)) === headerKey(label));
  let read = named(ANSWER_COLUMNS.read);
  let kept = named(ANSWER_COLUMNS.kept);
  const answerColumns = read >= 0 && kept >= 0;
  if (!answerColumns) {
    const last = header.reduce((found, cell, index) => (cellText(cell) !== '' ? index : found), -1);
    read = last + 1;
    kept = last + 2;
  }
  const at = (index: number | undefined) => (index === undefined ? undefined : grid.left + index);
  const { columns } = location;
  const headerRow = grid.top + location.index;
  const lastQuestion = entries.length > 0 ? entries[entries.length - 1].row : headerRow + 1;
  return {
    answerColumns,
    area: {
      sheet: grid.sheet,
      headerRow,
      lastRow: lastQuestion + SPARE_ROWS,
      columns: {
        zone: at(columns.zone),
        step: at(columns.step) as number,
        type: at(columns.type) as number,
        label: at(columns.label) as number,
        to: at(columns.to),
        critical: at(columns.critical),
        answer: at(columns.answer) as number,
        read: grid.left + read,
        kept: grid.left + kept,
      },
    },
  };
}

export function locateCartographie(grid: Grid, tableHeaderRow?: number): ReadResult<SheetCartographie> {
  const header = locateHeader(grid, CARTOGRAPHIE_SPECS, tableHeaderRow);
  if (!header.ok) return header;
  const location = header.value;
  const answerCol = location.columns.answer as number;
  const entries: CartographieEntry[] = [];
  for (let index = location.index + 1; index < grid.rows.length; index++) {
    const cells = grid.rows[index] ?? [];
    const text = (key: CartographieColumn) => columnText(cells, location, key);
    const answer = cells[answerCol] ?? EMPTY;
    const step = text('step');
    const zone = location.columns.zone === undefined ? zoneOfStep(step) : text('zone');
    if (!isDataRow(text, answer) || isRepeatedHeader(cells, location)) continue;
    const row = grid.top + index;
    entries.push({
      row,
      ref: text('ref'),
      zone,
      step,
      type: text('type'),
      label: text('label'),
      to: text('to'),
      critical: text('critical'),
      answer,
      comment: text('comment'),
      answerCell: cellAddress(row, grid.left + answerCol),
    });
  }
  const merged = mergedBlocks(grid, location);
  return { ok: true, value: { sheet: grid.sheet, entries, ...(merged.length > 0 && { merged }), ...areaOf(grid, location, entries) } };
}

/** Columns whose merged blocks change what a row counts under. */
const LABEL_COLUMNS: MergedCells['key'][] = ['zone', 'step', 'type', 'to'];

/** Merged blocks over several rows under the header that cover a Zone, Étape, Type or Vers l'étape cell. */
function mergedBlocks(grid: Grid, location: HeaderLocation<CartographieColumn>): MergedCells[] {
  const headerRow = grid.top + location.index;
  const blocks: MergedCells[] = [];
  for (const address of grid.merged ?? []) {
    const range = parseRange(address);
    if (range.bottom <= range.top || range.bottom <= headerRow) continue;
    const key = LABEL_COLUMNS.find((name) => {
      const col = location.columns[name];
      return col !== undefined && range.left <= grid.left + col && grid.left + col <= range.right;
    });
    if (!key) continue;
    const value = cellText(grid.rows[range.top - grid.top]?.[range.left - grid.left]);
    blocks.push({ range: rangeAddress(range.top, range.left, range.bottom, range.right), key, column: CARTOGRAPHIE_COLUMNS[key], top: range.top, bottom: range.bottom, value });
  }
  return blocks;
}

/** True when a cartographie could be read and one of its answers is filled (port.hasAnswers). */
export function hasAnyAnswer(read: ReadResult<SheetCartographie>): boolean {
  return read.ok && read.value.entries.some((entry) => cellText(entry.answer) !== '');
}

/** A header line repeated inside the table (e.g. a copied block) is not a question. */
function isRepeatedHeader(cells: CellInput[], location: HeaderLocation<CartographieColumn>): boolean {
  return (['answer', 'label'] as const).every((key) => isHeaderOf(cells[location.columns[key] as number], CARTOGRAPHIE_SPECS, key));
}
