import { isDeepStrictEqual } from 'node:util';

/**
 * expect(actual).toEqual(expected) for the many comparisons of property tests: Node's deep equality
 * first (stricter, and much faster than jest's on large objects), jest's, which decides and shows
 * the difference, only when they differ.
 */
export function expectEqual<T>(actual: T, expected: T): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
}
