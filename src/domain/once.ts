/** A value built on first use and kept: formatters cost a cold page tens of milliseconds each. */
export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
