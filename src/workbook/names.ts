/**
 * Tolerant matching of sheet names, table names and header labels: an existing workbook may
 * differ from ours by case, accents, spaces (no-break ones included), ’ vs ' or – vs -.
 */
import { normaliseLabel } from '../domain/text';

/** True when two labels are the same once case, accents, spaces, apostrophes and dashes are ignored. */
export function sameLabel(a: string, b: string): boolean {
  return normaliseLabel(a) === normaliseLabel(b);
}

/** The actual name, among `names`, of the sheet (or table) called `wanted`; undefined when absent. */
export function findSheet(names: readonly string[], wanted: string): string | undefined {
  return names.find((name) => name === wanted) ?? names.find((name) => sameLabel(name, wanted));
}

/**
 * Comparison key of a column header: like a label, but a parenthesised hint and trailing
 * punctuation are dropped and spaces around a slash ignored, so "Réponse (OUI/NON/NA)" and
 * "Réf." match "reponse" and "ref", "Commentaire/logiciel" matches "Commentaire / logiciel".
 */
export function headerKey(header: string): string {
  return normaliseLabel(header.replace(/\([^)]*\)/g, ' '))
    .replace(/ ?\/ ?/g, '/')
    .replace(/[\s.:;*]+$/, '')
    .trim();
}

/** True when a header cell reads as one of the accepted labels of a column. */
export function headerMatches(header: string, accepted: readonly string[]): boolean {
  const key = headerKey(header);
  return key !== '' && accepted.some((label) => headerKey(label) === key);
}
