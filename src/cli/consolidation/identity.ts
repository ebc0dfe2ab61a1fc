/**
 * Who filled a workbook: name, FINESS and campaign date, read in the notice's identity block
 * (each label over its value), or next to their labels in the notice or, in older workbooks,
 * the Synthèse; the file name stands in when the workbook does not say.
 */
import { basename, extname } from 'node:path';
import { dateOfSerial } from '../../domain/excelDates';
import type { CellInput } from '../../domain/model';
import type { Grid } from '../../workbook/grid';
import { headerKey } from '../../workbook/names';
import { IDENTITY_LABELS } from '../../workbook/template';

export interface Establishment {
  name: string;
  finess: string;
  date: string;
  /** Where the name came from. */
  source: 'classeur' | 'nom du fichier';
}

const LABELS = {
  name: ['Établissement', "Nom de l'établissement", 'Établissement de santé', 'Raison sociale'],
  finess: ['FINESS', 'N° FINESS', 'Numéro FINESS', 'FINESS géographique', 'FINESS juridique'],
  date: [IDENTITY_LABELS.campaign, 'Campagne', 'Année', 'Date', "Date de l'évaluation", "Date d'évaluation", 'Date de remplissage', 'Date de saisie'],
} as const;

/** A FINESS number: two department characters (2A/2B in Corsica) then seven digits. */
const FINESS_PATTERN = /(?<![0-9A-Z])(?:\d{2}|2A|2B)\d{7}(?![0-9])/i;

function formatDate(serial: number): string {
  return dateOfSerial(serial).toLocaleDateString('fr-FR', { timeZone: 'UTC' });
}

function display(cell: CellInput): string {
  if (cell.value === null || cell.error) return '';
  if (cell.date && typeof cell.value === 'number') return formatDate(cell.value);
  return String(cell.value).trim();
}

/** The comparison keys of each group of labels, computed once (every cell of two sheets is tested). */
const keysOf = (labels: readonly string[]): ReadonlySet<string> => new Set(labels.map(headerKey));
const KEYS = { name: keysOf(LABELS.name), finess: keysOf(LABELS.finess), date: keysOf(LABELS.date) };
type Field = keyof typeof KEYS;
const FIELDS = Object.keys(KEYS) as Field[];

/** The group of labels `text` is one of, if any. */
function labelOf(text: string): Field | undefined {
  const key = headerKey(text);
  return key === '' ? undefined : FIELDS.find((field) => KEYS[field].has(key));
}

/** The cell under a label (the notice's identity block), unless it is another label. */
function valueBelow(grid: Grid, index: number, column: number): string {
  const below = display(grid.rows[index + 1]?.[column] ?? { value: null });
  return below === '' || labelOf(below) !== undefined ? '' : below;
}

/**
 * The value written after each group's labels, the first found (notice first): in the same cell
 * after a colon (« Établissement : CH X »), or in the next non-empty cell to the right, or under
 * the label. One pass over the cells for the three groups.
 */
function identityValues(grids: Grid[]): Record<Field, string> {
  const found: Record<Field, string> = { name: '', finess: '', date: '' };
  let missing = FIELDS.length;
  for (const grid of grids) {
    for (const [index, row] of grid.rows.entries()) {
      for (let at = 0; at < (row?.length ?? 0); at++) {
        const text = display(row[at]);
        if (text === '') continue;
        const colon = text.indexOf(':');
        const inline = colon > 0 ? labelOf(text.slice(0, colon)) : undefined;
        const inlineValue = inline && text.slice(colon + 1).trim();
        if (inline && inlineValue && found[inline] === '') {
          found[inline] = inlineValue;
          missing--;
        }
        const label = labelOf(text);
        if (label && found[label] === '') {
          const value = row.slice(at + 1).map(display).find((next) => next !== '') ?? valueBelow(grid, index, at);
          if (value) {
            found[label] = value;
            missing--;
          }
        }
        if (missing === 0) return found;
      }
    }
  }
  return found;
}

/** Identity found in `grids` (notice first, then Synthèse), completed from the file name. */
export function establishmentOf(grids: Grid[], file: string): Establishment {
  const fileName = basename(file, extname(file));
  const { name, finess, date } = identityValues(grids);
  return {
    name: name || fileName,
    finess: finess || (FINESS_PATTERN.exec(fileName)?.[0] ?? ''),
    date,
    source: name ? 'classeur' : 'nom du fichier',
  };
}
