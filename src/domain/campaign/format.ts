/** French display of an evolution between two campaigns. */
import { formatRate } from '../format';
import type { RateEvolution } from './compare';
import { once } from '../once';

const POINTS = once(() => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }));
const SIZE = once(() => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }));

/** "▲ +4,2 points", "▼ −3 points", "= 0 point", or "non comparable" when a side is non évaluable. */
export function formatEvolution(evolution: RateEvolution): string {
  if (evolution.points === null) return 'non comparable';
  if (evolution.direction === 'stable') return '= 0 point';
  const arrow = evolution.direction === 'hausse' ? '▲' : '▼';
  const unit = Math.abs(evolution.points) >= 2 ? 'points' : 'point';
  return `${arrow} ${POINTS().format(evolution.points).replace('-', '−')} ${unit}`;
}

/** "76 % → 80 %". */
export function formatRates(evolution: RateEvolution): string {
  return `${formatRate(evolution.before)} → ${formatRate(evolution.after)}`;
}

/** What a screen reader says instead of the arrow: "en hausse de 4,2 points, une amélioration". */
export function spokenEvolution(evolution: RateEvolution): string {
  if (evolution.points === null) return 'non comparable';
  if (evolution.direction === 'stable') return 'stable';
  const size = Math.abs(evolution.points);
  const unit = size >= 2 ? 'points' : 'point';
  const verdict = evolution.improved ? 'une amélioration' : 'une dégradation';
  return `en ${evolution.direction} de ${SIZE().format(size)} ${unit}, ${verdict}`;
}
