/**
 * From one regional consolidation to the next: each establishment of this year matched by FINESS with
 * last year's, how its rates and its critical gaps moved, whether it progressed, stalled or regressed,
 * and the region's distributions of both years side by side.
 *
 * Progress is judged on the rupture rate (CAQES R4, item 1.2; lower is better), the rate the
 * contract follows: a fall of at least SITUATION_THRESHOLD_POINTS points is progress, a rise of as
 * much a regression, anything smaller is stalled.
 */
import { distribution, type Distribution } from './distribution';

/** What a consolidation keeps of one establishment, this year or last year. Rates are in [0, 1]. */
export interface EstablishmentFigures<K extends string> {
  finess: string;
  name: string;
  rates: Record<K, number | null>;
  criticalGaps: number;
}

export type Situation = 'progres' | 'stable' | 'recul' | 'non-comparable' | 'sans-reponse' | 'nouveau' | 'sans-finess';

/** In the order the regional sheet lists them. */
export const SITUATIONS: readonly Situation[] = ['progres', 'stable', 'recul', 'non-comparable', 'sans-reponse', 'nouveau', 'sans-finess'];

export const SITUATION_LABELS: Record<Situation, string> = {
  progres: 'En progrès',
  stable: 'Stable',
  recul: 'En recul',
  'non-comparable': 'Non comparable',
  'sans-reponse': 'Sans réponse cette année',
  nouveau: 'Nouveau',
  'sans-finess': 'Sans FINESS',
};

/** Percentage points of the rupture rate a move must reach to count as progress or regression. */
export const SITUATION_THRESHOLD_POINTS = 5;

export interface EstablishmentEvolution<K extends string> {
  finess: string;
  name: string;
  situation: Situation;
  before: EstablishmentFigures<K> | null;
  after: EstablishmentFigures<K> | null;
  /** (this year − last year) in percentage points, one decimal; null when either side is non évaluable or absent. */
  points: Record<K, number | null>;
  /** This year's critical gaps minus last year's; null when the establishment is not in both years. */
  gapsChange: number | null;
}

export interface IndicatorDistributions<K extends string> {
  key: K | 'criticalGaps';
  before: Distribution;
  after: Distribution;
}

export interface RegionalEvolution<K extends string> {
  /** This year's establishments in their order, then last year's that did not answer this year. */
  establishments: EstablishmentEvolution<K>[];
  /** Each rate, then the critical gaps: last year's and this year's distribution over all establishments of the year. */
  distributions: IndicatorDistributions<K>[];
  counts: Record<Situation, number>;
  /** Last year's establishments without a FINESS: they cannot be matched and are left out. */
  unmatchedBefore: number;
}

/** A FINESS as compared: spaces left out, letters (2A, 2B) in capitals. */
export function finessKey(finess: string): string {
  return finess.replace(/\s/g, '').toUpperCase();
}

/** (after − before) in percentage points, one decimal, so that what is shown is what is judged. */
function pointsBetween(before: number | null, after: number | null): number | null {
  if (before === null || after === null) return null;
  return Math.round((after - before) * 1000) / 10;
}

function situationOf(rupturePoints: number | null): Situation {
  if (rupturePoints === null) return 'non-comparable';
  if (rupturePoints <= -SITUATION_THRESHOLD_POINTS) return 'progres';
  if (rupturePoints >= SITUATION_THRESHOLD_POINTS) return 'recul';
  return 'stable';
}

function pointsOf<K extends string>(keys: readonly K[], before: EstablishmentFigures<K> | null, after: EstablishmentFigures<K> | null): Record<K, number | null> {
  return Object.fromEntries(keys.map((key) => [key, pointsBetween(before?.rates[key] ?? null, after?.rates[key] ?? null)])) as Record<K, number | null>;
}

/**
 * Matches `after` (this year) with `before` (last year) by FINESS; `rupture` is the key of the rate
 * progress is judged on. When a FINESS appears twice in last year's list, its first row is the one compared.
 */
export function regionalEvolution<K extends string>(
  before: readonly EstablishmentFigures<K>[],
  after: readonly EstablishmentFigures<K>[],
  keys: readonly K[],
  rupture: K,
): RegionalEvolution<K> {
  const previous = new Map<string, EstablishmentFigures<K>>();
  for (const es of before) {
    const key = finessKey(es.finess);
    if (key !== '' && !previous.has(key)) previous.set(key, es);
  }
  const answered = new Set<string>();
  const establishments: EstablishmentEvolution<K>[] = after.map((now) => {
    const key = finessKey(now.finess);
    const then = key === '' ? undefined : previous.get(key);
    if (key !== '') answered.add(key);
    const points = pointsOf(keys, then ?? null, now);
    const situation: Situation = key === '' ? 'sans-finess' : then ? situationOf(points[rupture]) : 'nouveau';
    return { finess: now.finess, name: now.name, situation, before: then ?? null, after: now, points, gapsChange: then ? now.criticalGaps - then.criticalGaps : null };
  });
  for (const [key, then] of previous) {
    if (answered.has(key)) continue;
    establishments.push({ finess: then.finess, name: then.name, situation: 'sans-reponse', before: then, after: null, points: pointsOf(keys, then, null), gapsChange: null });
  }
  const counts = Object.fromEntries(SITUATIONS.map((situation) => [situation, 0])) as Record<Situation, number>;
  for (const es of establishments) counts[es.situation]++;
  const distributions: IndicatorDistributions<K>[] = [
    ...keys.map((key) => ({ key, before: distribution(before.map((es) => es.rates[key])), after: distribution(after.map((es) => es.rates[key])) })),
    { key: 'criticalGaps' as const, before: distribution(before.map((es) => es.criticalGaps)), after: distribution(after.map((es) => es.criticalGaps)) },
  ];
  return { establishments, distributions, counts, unmatchedBefore: before.filter((es) => finessKey(es.finess) === '').length };
}
