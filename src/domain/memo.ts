/**
 * Memo of a function of a value, bounded by two generations of `generation` values each: when the
 * recent one is full the older is dropped, so that values met again soon are still found (no
 * clear-all cliff). Sheets repeat a few labels and answers thousands of times, and each analysis of
 * a sheet meets the same ones. The last value is checked first: a column often holds the same text
 * over many rows in a row (a step's zone, its step), and comparing it costs less than a lookup.
 */
export function memo<K, T extends NonNullable<unknown> | null>(compute: (value: K) => T, generation: number): (value: K) => T {
  let recent = new Map<K, T>();
  let older = new Map<K, T>();
  let lastValue: K | undefined;
  let lastResult: T | undefined;
  return (value) => {
    if (lastResult !== undefined && value === lastValue) return lastResult;
    let known = recent.get(value);
    if (known === undefined) {
      known = older.get(value) ?? compute(value);
      if (recent.size >= generation) {
        older = recent;
        recent = new Map();
      }
      recent.set(value, known);
    }
    lastValue = value;
    lastResult = known;
    return known;
  };
}
