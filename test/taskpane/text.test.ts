import { count, ratio } from '../../src/taskpane/text';

describe('French counts', () => {
  it('writes the digits Intl writes for fr-FR, with its grouping from 1 000 on', () => {
    const intl = new Intl.NumberFormat('fr-FR');
    for (const n of [0, 1, 7, 42, 177, 999, 1000, 1234, 10_000, 123_456]) {
      expect(count(n, 'ligne')).toBe(`${intl.format(n)} ${n > 1 ? 'lignes' : 'ligne'}`);
      expect(ratio(n, n + 1)).toBe(`${intl.format(n)} / ${intl.format(n + 1)}`);
    }
    expect(count(1234, 'ligne')).toBe('1\u202F234 lignes');
  });
});
