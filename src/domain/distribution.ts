/** Distribution of a rate across establishments; "non évaluable" values are left out. */

export interface Distribution {
  /** Establishments whose rate could be evaluated. */
  count: number;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
}

/** Quantile with linear interpolation between order statistics (Excel's QUARTILE.INC). */
function quantile(sorted: number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export function distribution(values: readonly (number | null)[]): Distribution {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return { count: 0, min: null, q1: null, median: null, q3: null, max: null };
  return {
    count: sorted.length,
    min: sorted[0],
    q1: quantile(sorted, 0.25),
    median: quantile(sorted, 0.5),
    q3: quantile(sorted, 0.75),
    max: sorted[sorted.length - 1],
  };
}
