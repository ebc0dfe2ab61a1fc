/** The engine against figures counted by hand on a small cartographie (test/support/handCartographie.ts). */
import { analyse } from '../../src/domain/analyse';
import type { Rate } from '../../src/domain/model';
import { HAND_FIGURES, HAND_FINDINGS, HAND_ROWS_OF, handCartographie, type HandRate } from '../support/handCartographie';

const terms = (rate: Rate): HandRate => [rate.numerator, rate.denominator];

function expectRates(actual: Record<string, Rate>, expected: Record<string, readonly [number, number]>) {
  for (const [key, hand] of Object.entries(expected)) {
    expect([key, terms(actual[key])]).toEqual([key, hand]);
    expect(actual[key].value).toBe(hand[1] === 0 ? null : hand[0] / hand[1]);
  }
}

describe('figures of the hand-counted cartographie', () => {
  const analysis = analyse(handCartographie());
  const { figures } = analysis;

  it('counts rows, answers, invalid, empty and incoherent rows', () => {
    expect(figures.counts).toMatchObject(HAND_FIGURES.counts);
  });

  it('gives the overall rates', () => {
    expectRates(figures.overall as unknown as Record<string, Rate>, HAND_FIGURES.overall);
  });

  it('gives the rates of each zone and step, found by their visible label', () => {
    for (const [label, hand] of Object.entries(HAND_FIGURES.zones)) {
      const zone = figures.zones.find((z) => z.label === label);
      expect(zone).toBeDefined();
      expectRates(zone as unknown as Record<string, Rate>, hand);
    }
    for (const [label, hand] of Object.entries(HAND_FIGURES.steps)) {
      const step = figures.steps.find((s) => s.label === label);
      expect(step).toBeDefined();
      expectRates(step as unknown as Record<string, Rate>, hand);
    }
  });

  it('gives the two transitions, the continuity views and the equipment', () => {
    const answered = figures.transitions.filter((t) => t.rows > 0);
    expect(answered.map((t) => [t.fromLabel, t.toLabel])).toEqual(HAND_FIGURES.transitions.map((t) => [t.from, t.to]));
    answered.forEach((transition, i) => {
      const hand = HAND_FIGURES.transitions[i];
      expect(transition).toMatchObject({ crossZone: hand.crossZone, rows: hand.rows, ruptures: hand.ruptures });
      expectRates(transition as unknown as Record<string, Rate>, { interoperabilite: hand.interoperabilite, continuite: hand.continuite, rupture: hand.rupture });
    });
    for (const [id, hand] of Object.entries(HAND_FIGURES.views)) {
      expectRates(figures.views[id as keyof typeof figures.views] as unknown as Record<string, Rate>, hand);
    }
    expectRates(figures.equipment as unknown as Record<string, Rate>, HAND_FIGURES.equipment);
  });

  it('locates the invalid, empty and incoherent rows', () => {
    const cells = (kind: string) => analysis.findings.filter((f) => f.kind === kind).map((f) => f.cell);
    expect(cells('invalide')).toEqual([`H${HAND_ROWS_OF.invalid}`]);
    expect(cells('non-renseigne')).toEqual([`H${HAND_ROWS_OF.empty}`]);
    expect(cells('incoherence')).toEqual([`H${HAND_ROWS_OF.incoherent}`]);
    expect(analysis.findings.map((f) => [f.kind, f.rowLabel]).sort()).toEqual(HAND_FINDINGS);
  });
});
