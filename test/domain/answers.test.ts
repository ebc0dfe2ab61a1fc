import fc from 'fast-check';
import { normaliseAnswer } from '../../src/domain/answers';
import type { CellInput } from '../../src/domain/model';
import { normaliseLabel } from '../../src/domain/text';

const answerOf = (cell: CellInput) => normaliseAnswer(cell);

describe('normaliseAnswer', () => {
  it.each([
    ['OUI', 'OUI'], ['oui', 'OUI'], ['Oui ', 'OUI'], ['\u00A0OUI\u202F', 'OUI'],
    ['NON', 'NON'], ['non', 'NON'], [' Non ', 'NON'],
    ['NA', 'NA'], ['na', 'NA'], ['n/a', 'NA'], ['N/A', 'NA'], ['N.A.', 'NA'], ['n.a', 'NA'],
    ['non applicable', 'NA'], ['Non-applicable', 'NA'], ['NON APPLICABLE', 'NA'], ['sans objet', 'NA'], ['Sans  objet', 'NA'],
  ])('reads %j as %s', (value, expected) => {
    expect(answerOf({ value })).toEqual({ kind: 'answer', answer: expected });
  });

  it.each([[null], [''], ['   '], ['\u00A0']])('treats %j as not answered', (value) => {
    expect(answerOf({ value })).toEqual({ kind: 'empty' });
  });

  it('rejects free text, quoting it', () => {
    expect(answerOf({ value: 'Oui.' })).toEqual({
      kind: 'invalid',
      reason: 'Réponse « Oui. » invalide : attendu OUI, NON ou NA',
    });
    expect(answerOf({ value: 'ouii' }).kind).toBe('invalid');
    expect(answerOf({ value: 'O' }).kind).toBe('invalid');
  });

  it('rejects an uncertain answer with its own reason', () => {
    for (const value of ['OUI ?', 'à vérifier', 'Non ? à confirmer', 'à confirmer']) {
      expect(answerOf({ value })).toEqual({
        kind: 'invalid',
        reason: `Réponse « ${value} » incertaine : à trancher par OUI, NON ou NA (comptée comme non renseignée d'ici là)`,
      });
    }
  });

  it('accepts only the spellings listed on the Références sheet (after TRIM, without case)', () => {
    expect(answerOf({ value: '  n.a.  ' })).toEqual({ kind: 'answer', answer: 'NA' });
    expect(answerOf({ value: 'N / A' }).kind).toBe('invalid');
    expect(answerOf({ value: 'Non  applicable' })).toEqual({ kind: 'answer', answer: 'NA' });
    expect(answerOf({ value: 'sans-objet' }).kind).toBe('invalid');
  });

  it('never confuses the Excel error #N/A with the text NA', () => {
    expect(answerOf({ value: '#N/A', error: true })).toEqual({
      kind: 'invalid',
      reason: 'Réponse « #N/A » invalide (erreur Excel) : attendu OUI, NON ou NA',
    });
    expect(answerOf({ value: '#N/A' }).kind).toBe('invalid');
    expect(answerOf({ value: 'NA' })).toEqual({ kind: 'answer', answer: 'NA' });
  });

  it('rejects numbers, booleans, dates and formula results, saying which', () => {
    expect(answerOf({ value: 1.5 })).toEqual({ kind: 'invalid', reason: 'Réponse « 1,5 » invalide (nombre) : attendu OUI, NON ou NA' });
    expect(answerOf({ value: true })).toEqual({ kind: 'invalid', reason: 'Réponse « VRAI » invalide (valeur logique) : attendu OUI, NON ou NA' });
    expect(answerOf({ value: 45730, date: true })).toEqual({
      kind: 'invalid',
      reason: 'Réponse « 14/03/2025 » invalide (date) : attendu OUI, NON ou NA',
    });
    expect(answerOf({ value: '14/03/2025', date: true }).kind).toBe('invalid');
    expect(answerOf({ value: 'OUI', formula: true })).toEqual({
      kind: 'invalid',
      reason: 'Réponse « OUI » invalide (résultat de formule) : attendu OUI, NON ou NA',
    });
  });

  it('shortens a long value in the message', () => {
    const result = answerOf({ value: 'x'.repeat(200) });
    expect(result.kind === 'invalid' && result.reason.length).toBeLessThan(100);
  });
});

describe('normaliseLabel', () => {
  it('ignores case, accents, apostrophe and dash variants and runs of spaces', () => {
    expect(normaliseLabel("  Carte d\u2019IMPLANT\u00A0\u00A0 – Réception ")).toBe("carte d'implant - reception");
    expect(normaliseLabel('Délivrance')).toBe(normaliseLabel('DELIVRANCE'));
    expect(normaliseLabel('Pose')).not.toBe(normaliseLabel('Posé du DMI'));
  });
});

describe('normalisation properties', () => {
  const noise = fc.constantFrom('', ' ', '  ', '\u00A0', '\u202F', '\t');
  const variant = fc.constantFrom('oui', 'OUI', 'Oui', 'non', 'NON', 'Non', 'na', 'NA', 'n/a', 'N.A.', 'non applicable', 'Non-Applicable', 'sans objet');

  it('accepts every variant surrounded by spaces', () => {
    fc.assert(
      fc.property(noise, variant, noise, (before, word, after) => answerOf({ value: before + word + after }).kind === 'answer'),
    );
  });

  it('is idempotent: a normalised answer reads back as itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), variant.map((v) => ` ${v} `)), (value) => {
        const first = answerOf({ value });
        if (first.kind !== 'answer') return true;
        const second = answerOf({ value: first.answer });
        return second.kind === 'answer' && second.answer === first.answer;
      }),
    );
  });

  it('normaliseLabel is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => normaliseLabel(normaliseLabel(text)) === normaliseLabel(text)));
  });
});
