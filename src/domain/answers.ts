/**
 * Reading an answer cell (SPEC §6). Accepted after normalisation: OUI, NON, NA, with case,
 * accents, spaces, punctuation and the variants "n/a", "N.A.", "non applicable" and "sans objet"
 * (the usual French wording for "not applicable"). Anything else is invalid, with a French reason.
 */
import type { Answer, CellInput } from './model';
import { normaliseLabel, tidyLabel } from './text';

export type NormalisedAnswer = { kind: 'answer'; answer: Answer } | { kind: 'empty' } | { kind: 'invalid'; reason: string };

const EXPECTED = 'attendu OUI, NON ou NA';
const MAX_QUOTED = 40;

const VARIANTS = new Map<string, Answer>([
  ['oui', 'OUI'],
  ['non', 'NON'],
  ['na', 'NA'],
  ['n a', 'NA'],
  ['non applicable', 'NA'],
  ['sans objet', 'NA'],
]);

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const DATE = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC' });
const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 10 });

/** Cell value as the user sees it, shortened for a message; Excel date serials shown as dates. */
export function displayValue(value: CellInput['value'], date = false): string {
  let text: string;
  if (typeof value === 'number' && date) text = DATE.format(new Date(EXCEL_EPOCH_MS + value * DAY_MS));
  else if (typeof value === 'number') text = NUMBER.format(value);
  else if (typeof value === 'boolean') text = value ? 'VRAI' : 'FAUX';
  else text = tidyLabel(value ?? '');
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text;
}

function invalid(cell: CellInput, what?: string): NormalisedAnswer {
  const detail = what ? ` (${what})` : '';
  return { kind: 'invalid', reason: `Réponse « ${displayValue(cell.value, cell.date)} » invalide${detail} : ${EXPECTED}` };
}

function variantKey(text: string): string {
  return normaliseLabel(text)
    .replace(/[.,;:!?/\\_'"()-]/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

export function normaliseAnswer(cell: CellInput): NormalisedAnswer {
  if (cell.error) return invalid(cell, 'erreur Excel');
  if (cell.formula) return invalid(cell, 'résultat de formule');
  const { value } = cell;
  if (value === null || (typeof value === 'string' && tidyLabel(value) === '')) return { kind: 'empty' };
  if (cell.date) return invalid(cell, 'date');
  if (typeof value === 'number') return invalid(cell, 'nombre');
  if (typeof value === 'boolean') return invalid(cell, 'valeur logique');
  const answer = VARIANTS.get(variantKey(value));
  return answer ? { kind: 'answer', answer } : invalid(cell);
}
