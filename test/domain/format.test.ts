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
});
