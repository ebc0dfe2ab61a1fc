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

/** Cell value as the user sees it, shortened for a message. */
export function displayValue(value: CellInput['value']): string {
  let text: string;
  if (typeof value === 'number') text = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 10 }).format(value);
  else if (typeof value === 'boolean') text = value ? 'VRAI' : 'FAUX';
  else text = tidyLabel(value ?? '');
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text;
}

function invalid(cell: CellInput, what?: string): NormalisedAnswer {
  const detail = what ? ` (${what})` : '';
  return { kind: 'invalid', reason: `Réponse « ${displayValue(cell.value)} » invalide${detail} : ${EXPECTED}` };
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
