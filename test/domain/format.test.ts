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
});
