import fc from 'fast-check';
import { CATALOGUE, questionsOfLabel } from '../../src/domain/catalogue';
import { normaliseLabel, tailHash, textTailHash } from '../../src/domain/text';

/** Characters that labels hold, and those every rewrite of a label key is about: spaces of all kinds, accents, apostrophes, dashes, combining marks. */
const tricky = fc.constantFrom(
  ' ', '  ', '\u00A0', '\u202F', '\u2007', '\u2009', '\u200B', '\u2000', '\u3000', '\t', '\n', '\r', '\v', '\f', '\uFEFF',
  'é', 'É', 'è', 'ç', 'Æ', 'ß', 'œ', 'İ', 'Σ', '\u0301', 'e\u0301', '’', '`', '´', '–', '-', '\u2212', 'ﬁ', '가',
  'a', 'Z', '0', '(', ')', '/', '\u00AD', '\u0085', '\u1680', '\u167F',
);
const label = fc.array(fc.oneof(tricky, fc.string({ maxLength: 3 }), fc.string({ unit: 'grapheme', maxLength: 2 })), { maxLength: 24 }).map((parts) => parts.join(''));

describe('textTailHash', () => {
  it('when it reads a hash from the text, it is the hash of the end of its key', () => {
    const plain = fc.array(fc.constantFrom('a', 'B', 'é', 'È', 'Æ', 'ß', '`', "'", '-', '(', '1', ' ', '×', '\u00AD'), { minLength: 1, maxLength: 14 }).map((parts) => parts.join(''));
    let read = 0;
    fc.assert(
      fc.property(fc.tuple(label, plain).map(([start, end]) => start + end), (text) => {
        const tail = textTailHash(text);
        if (tail !== undefined) read += 1;
        return tail === undefined || tail === tailHash(normaliseLabel(text));
      }),
      { numRuns: 5000 },
    );
    expect(read).toBeGreaterThan(1000);
  });

  it('reads the end of the labels of added rows, whatever their beginning', () => {
    for (const text of ['Numéro de lot (ligne ajoutée 12)', '\u00A0Carte  d’implant – lot numéro 33', 'Œuvre de la PUI']) {
      expect(textTailHash(text)).toBe(tailHash(normaliseLabel(text)));
    }
    expect(textTailHash('Numéro de lot ')).toBeUndefined();
    expect(textTailHash('Numéro de\u00A0lot')).toBeUndefined();
  });
});

describe('questionsOfLabel', () => {
  const keys = new Set(CATALOGUE.questions.map((q) => normaliseLabel(q.label)));
  const expected = (text: string) => CATALOGUE.questions.filter((q) => normaliseLabel(q.label) === normaliseLabel(text));

  it('finds the questions of a catalogue label however it is written', () => {
    for (const q of CATALOGUE.questions) {
      for (const written of [q.label, q.label.toUpperCase(), ` ${q.label.normalize('NFD').replace(/[\u0300-\u036f]/g, '')}\u00A0`, q.label.replace(/ /g, '  ')]) {
        expect(questionsOfLabel(written)).toEqual(expected(q.label));
      }
    }
  });

  it('finds none for any other label', () => {
    const catalogueLabel = fc.constantFrom(...CATALOGUE.questions.map((q) => q.label));
    const other = fc.oneof(label, fc.tuple(catalogueLabel, label).map(([a, b]) => a + b), fc.tuple(label, catalogueLabel).map(([a, b]) => a + b));
    fc.assert(
      fc.property(other, (text) => {
        const found = questionsOfLabel(text);
        return keys.has(normaliseLabel(text)) ? found !== undefined && found.length === expected(text).length : found === undefined;
      }),
      { numRuns: 3000 },
    );
  });
});
