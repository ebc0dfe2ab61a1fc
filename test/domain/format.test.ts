import { formatRate } from '../../src/domain/analyse';

const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
const NNBSP = '\u202F';

describe('formatRate', () => {
  it('writes a French integer percent', () => {
    expect(formatRate(rate(9, 20))).toBe(`45${NNBSP}%`);
    expect(formatRate(rate(1, 3))).toBe(`33${NNBSP}%`);
    expect(formatRate(rate(2, 3))).toBe(`67${NNBSP}%`);
    expect(formatRate(rate(0, 4))).toBe(`0${NNBSP}%`);
    expect(formatRate(rate(4, 4))).toBe(`100${NNBSP}%`);
  });

  it('says "non évaluable" for an empty denominator, never 0 % or 100 %', () => {
    expect(formatRate(rate(0, 0))).toBe('non évaluable');
  });

  it('never shows a partial rate as none or all', () => {
    expect(formatRate(rate(1, 1000))).toBe(`1${NNBSP}%`);
    expect(formatRate(rate(999, 1000))).toBe(`99${NNBSP}%`);
  });

  it('gives each rate its own percent, however many rates were written before (formatted rates are remembered)', () => {
    // More distinct rates than are remembered, each written twice, in two rounds.
    for (let round = 0; round < 2; round += 1) {
      for (let numerator = 0; numerator <= 1500; numerator += 1) {
        const percent = Math.round((numerator * 100) / 1500);
        const expected = numerator > 0 && numerator < 1500 ? Math.min(Math.max(percent, 1), 99) : percent;
        expect(formatRate(rate(numerator, 1500))).toBe(`${expected}${NNBSP}%`);
        expect(formatRate(rate(numerator, 1500))).toBe(`${expected}${NNBSP}%`);
      }
    }
  });

  it('rounds every rate of up to 200 rows as the fr-FR percent of Intl does (half up from the shortest decimal, 0.285 → 29 %)', () => {
    const intl = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
    for (let denominator = 1; denominator <= 200; denominator += 1) {
      for (let numerator = 0; numerator <= denominator; numerator += 1) {
        const value = numerator / denominator;
        if (value > 0 && value < 0.01) continue; // shown as 1 %, tested above
        if (value > 0.99 && value < 1) continue; // shown as 99 %
        expect(formatRate(rate(numerator, denominator))).toBe(intl.format(value).replace(/\s%/, `${NNBSP}%`));
      }
    }
  });
});
