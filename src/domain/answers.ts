/**
 * Reading an answer cell (SPEC §6). Accepted: the finite list of spellings below, compared after
 * Excel's TRIM (no-break spaces and tabs counted as spaces) and without case, exactly as the
 * "Réponse lue" column of the cartographie compares them; the Références sheet shows the list.
 * Anything else is invalid, with a French reason; an uncertain answer ("OUI ?", "à vérifier")
 * is invalid too, with its own reason.
 */
import { dateOfSerial } from './excelDates';
import type { Answer, CellInput } from './model';
import { tidyLabel } from './text';
import { once } from './once';

export type NormalisedAnswer = { kind: 'answer'; answer: Answer } | { kind: 'empty' } | { kind: 'invalid'; reason: string };

const EXPECTED = 'attendu OUI, NON ou NA';
const MAX_QUOTED = 40;

/** Accepted spellings and what each reads as, in the order the Références sheet lists them. */
export const ANSWER_SPELLINGS: readonly (readonly [spelling: string, answer: Answer])[] = [
  ['OUI', 'OUI'],
  ['NON', 'NON'],
  ['NA', 'NA'],
  ['N/A', 'NA'],
  ['N.A.', 'NA'],
  ['N.A', 'NA'],
  ['Non applicable', 'NA'],
  ['Non-applicable', 'NA'],
  ['Sans objet', 'NA'],
];

/** Characters the formulas turn into plain spaces before TRIM: no-break spaces and tabs. */
export const SPACE_LIKE: readonly number[] = [0xa0, 0x202f, 0x09];

const SPACE_LIKE_PATTERN = new RegExp(`[${SPACE_LIKE.map((code) => `\\u${code.toString(16).padStart(4, '0')}`).join('')}]`, 'g');

/** Excel's TRIM: spaces removed at both ends, inner runs reduced to one. */
export function excelTrim(text: string): string {
  return text.replace(/ +/g, ' ').replace(/^ | $/g, '');
}

/** An answer cell's text as the formulas compare it. */
export function answerText(text: string): string {
  return excelTrim(text.replace(SPACE_LIKE_PATTERN, ' '));
}

const SPELLINGS = new Map(ANSWER_SPELLINGS.map(([spelling, answer]) => [spelling.toLowerCase(), answer]));

const UNCERTAIN = /\?|v[ée]rifier|confirmer|incertain/i;

const DATE = once(() => new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC' }));
const NUMBER = once(() => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 10 }));

/** Cell value as the user sees it, shortened for a message; Excel date serials shown as dates. */
export function displayValue(value: CellInput['value'], date = false): string {
  let text: string;
  if (typeof value === 'number' && date) text = DATE().format(dateOfSerial(value));
  else if (typeof value === 'number') text = NUMBER().format(value);
  else if (typeof value === 'boolean') text = value ? 'VRAI' : 'FAUX';
  else text = tidyLabel(value ?? '');
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text;
}

function invalid(cell: CellInput, what?: string): NormalisedAnswer {
  const detail = what ? ` (${what})` : '';
  return { kind: 'invalid', reason: `Réponse « ${displayValue(cell.value, cell.date)} » invalide${detail} : ${EXPECTED}` };
}

export function normaliseAnswer(cell: CellInput): NormalisedAnswer {
  if (cell.error) return invalid(cell, 'erreur Excel');
  if (cell.formula) return invalid(cell, 'résultat de formule');
  const { value } = cell;
  if (value === null || (typeof value === 'string' && answerText(value) === '')) return { kind: 'empty' };
  if (cell.date) return invalid(cell, 'date');
  if (typeof value === 'number') return invalid(cell, 'nombre');
  if (typeof value === 'boolean') return invalid(cell, 'valeur logique');
  const answer = SPELLINGS.get(answerText(value).toLowerCase());
  if (answer) return { kind: 'answer', answer };
  if (UNCERTAIN.test(value)) {
    return { kind: 'invalid', reason: `Réponse « ${displayValue(value)} » incertaine : à trancher par OUI, NON ou NA (comptée comme non renseignée d'ici là)` };
  }
  return invalid(cell);
}
