/** French wording helpers shared by the pane's tabs. */
import { once } from '../domain/once';

const formatter = once(() => new Intl.NumberFormat('fr-FR'));

/** fr-FR digits; below 1,000 without Intl, whose first fr-FR formatter costs the first figures tens of milliseconds. */
function integer(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < 1000 ? String(n) : formatter().format(n);
}

/** "1 ligne", "12 lignes", "1 234 lignes" (fr-FR grouping). */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${integer(n)} ${n > 1 ? plural : singular}`;
}

/** "3 / 12" with fr-FR grouping. */
export function ratio(numerator: number, denominator: number): string {
  return `${integer(numerator)} / ${integer(denominator)}`;
}

/** « 2 ajoutées, 5 conservées, 0 marquée » as the plan button reports it. */
export function planCounts(added: number, kept: number, marked: number): string {
  return [count(added, 'ajoutée'), count(kept, 'conservée'), count(marked, 'marquée')].join(', ');
}
