/** French wording helpers shared by the pane's tabs. */
import { once } from '../domain/once';

const integer = once(() => new Intl.NumberFormat('fr-FR'));

/** "1 ligne", "12 lignes", "1 234 lignes" (fr-FR grouping). */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${integer().format(n)} ${n > 1 ? plural : singular}`;
}

/** "3 / 12" with fr-FR grouping. */
export function ratio(numerator: number, denominator: number): string {
  return `${integer().format(numerator)} / ${integer().format(denominator)}`;
}

/** « 2 ajoutées, 5 conservées, 0 marquée » as the plan button reports it. */
export function planCounts(added: number, kept: number, marked: number): string {
  return [count(added, 'ajoutée'), count(kept, 'conservée'), count(marked, 'marquée')].join(', ');
}
