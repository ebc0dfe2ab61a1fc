import fc from 'fast-check';
import { FirstEntries, textHash } from '../../src/domain/firstEntries';

describe('FirstEntries', () => {
  it('gives the first entry of each text as a Map of the texts seen does, whatever texts repeat', () => {
    // Few distinct characters and short texts: many repeats, and texts that differ by one character.
    const texts = fc.array(fc.string({ unit: fc.constantFrom('a', 'B', '-', '1', 'é'), maxLength: 4 }), { maxLength: 300 });
    fc.assert(
      fc.property(texts, (list) => {
        const first = new FirstEntries(list.length, (i) => list[i]);
        const seen = new Map<string, number>();
        return list.every((text, i) => {
          const expected = seen.get(text) ?? -1;
          if (expected === -1) seen.set(text, i);
          return first.firstOrAdd(i, text) === expected;
        });
      }),
    );
  });

  it('holds as many texts as it was sized for, all distinct', () => {
    const list = Array.from({ length: 5000 }, (_, i) => `EXT-${i}`);
    const first = new FirstEntries(list.length, (i) => list[i]);
    expect(list.map((text, i) => first.firstOrAdd(i, text)).every((found) => found === -1)).toBe(true);
    expect(list.map((text, i) => first.firstOrAdd(i + 5000, text))).toEqual(list.map((_, i) => i));
  });
});

describe('FirstEntries with texts of the same hash', () => {
  it('tells apart two texts whose hashes are the same', () => {
    // Two Réf. of one textHash (found by trying EXT-0, EXT-1, … in turn; the test checks that they share it).
    const [a, b] = ['EXT-287494', 'EXT-1264300'];
    expect(textHash(a)).toBe(textHash(b));
    const list = [a, b, a, b];
    const first = new FirstEntries(list.length, (i) => list[i]);
    expect(list.map((text, i) => first.firstOrAdd(i, text))).toEqual([-1, -1, 0, 1]);
  });
});
