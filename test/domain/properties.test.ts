import fc from 'fast-check';
import { analyse } from '../../src/domain/analyse';
import type { Cartographie, Figures, Rate, RateSet } from '../../src/domain/model';
import { cartographieOf, randomCartographie } from '../support/cartographie';

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const RUNS = { numRuns: 60 };

/** Every rate of the figures, keyed by where it sits. */
function allRates(figures: Figures): Map<string, Rate> {
  const rates = new Map<string, Rate>();
  const addSet = (scope: string, set: Partial<RateSet>) => {
    for (const [name, rate] of Object.entries(set)) if (rate && typeof rate === 'object' && 'denominator' in rate) rates.set(`${scope}.${name}`, rate);
  };
  addSet('overall', figures.overall);
  for (const z of figures.zones) addSet(`zone:${z.zone}`, z);
  for (const s of figures.steps) addSet(`step:${s.step}`, s);
  for (const t of figures.transitions) addSet(`link:${t.from}>${t.to}`, t);
  for (const v of Object.values(figures.views)) addSet(`view:${v.id}`, v);
  rates.set('equipment.lecteurs', figures.equipment.lecteurs);
  rates.set('equipment.depots', figures.equipment.depots);
  return rates;
}

describe('figure properties', () => {
  it('every rate lies in [0, 1], is null exactly when its denominator is 0, and rupture = 1 − continuité', () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: 0, max: 60 }), (s, extra) => {
        const rates = allRates(analyse(randomCartographie(s, extra)).figures);
        for (const [key, rupture] of rates) {
          if (!key.endsWith('.rupture') || rupture.value === null) continue;
          expect(rupture.value + (rates.get(key.replace(/rupture$/, 'continuite'))?.value ?? NaN)).toBeCloseTo(1, 12);
        }
        for (const rate of rates.values()) {
          if (rate.denominator === 0) expect(rate.value).toBeNull();
          else {
            expect(rate.value).toBe(rate.numerator / rate.denominator);
            expect(rate.numerator).toBeLessThanOrEqual(rate.denominator);
          }
        }
      }),
      RUNS,
    );
  });

  it('NA rows never enter an interoperability denominator', () => {
    fc.assert(
      fc.property(seed, fc.integer({ min: 1, max: 10 }), (s, added) => {
        const base = randomCartographie(s);
        const extra = cartographieOf(
          Array.from({ length: added }, (_, i) => ({
            step: `Étape ajoutée ${i}`,
            zone: 'CIRCUIT A LA PUI',
            type: 'Interopérabilité',
            label: 'Lot',
            to: `Autre étape ajoutée ${i}`,
            answer: 'NA',
          })),
        );
        const before = analyse(base).figures.overall;
        const after = analyse({ ...base, entries: [...base.entries, ...extra.entries] }).figures.overall;
        expect(after.interoperabilite).toEqual(before.interoperabilite);
        expect(after.continuite.denominator).toBe(before.continuite.denominator + added);
        expect(after.rupture.numerator).toBe(before.rupture.numerator);
      }),
      RUNS,
    );
  });

  it('turning one NON into OUI never makes a figure worse', () => {
    fc.assert(
      fc.property(seed, fc.nat(), (s, pick) => {
        const base = randomCartographie(s, 30);
        const nons = base.entries.flatMap((e, i) => (e.answer.value === 'NON' ? [i] : []));
        fc.pre(nons.length > 0);
        const target = nons[pick % nons.length];
        const changed: Cartographie = {
          ...base,
          entries: base.entries.map((e, i) => (i === target ? { ...e, answer: { value: 'OUI' } } : e)),
        };
        const before = analyse(base).figures;
        const after = analyse(changed).figures;
        const afterRates = allRates(after);
        for (const [key, old] of allRates(before)) {
          const now = afterRates.get(key);
          if (!now || old.value === null || now.value === null) continue;
          if (key.endsWith('.rupture')) expect(now.value).toBeLessThanOrEqual(old.value + 1e-12);
          else expect(now.value).toBeGreaterThanOrEqual(old.value - 1e-12);
        }
        expect(after.overall.rupture.numerator).toBeLessThanOrEqual(before.overall.rupture.numerator);
        for (const key of ['missingTraceabilityData', 'sanitaryRuptures', 'cityGaps', 'financialGaps'] as const) {
          expect(after.counts[key]).toBeLessThanOrEqual(before.counts[key]);
        }
        expect(after.counts.answered).toBe(before.counts.answered);
      }),
      RUNS,
    );
  });

  it('turning a step Informatisation from NON to OUI restores its incoherent answers', () => {
    const rows = [
      { step: 'Pose', type: 'Informatisation', answer: 'NON' },
      { step: 'Pose', type: 'Donnée', label: 'Lot', answer: 'OUI' },
      { step: 'Pose', type: 'Interopérabilité', label: 'Lot', to: 'DPI', answer: 'NA' },
    ];
    const before = analyse(cartographieOf(rows)).figures.overall;
    const after = analyse(cartographieOf([{ ...rows[0], answer: 'OUI' }, ...rows.slice(1)])).figures.overall;
    expect([before.informatisation.value, before.interoperabilite.value, before.rupture.value]).toEqual([0, 0, 1]);
    expect([after.informatisation.value, after.interoperabilite.value, after.rupture.value]).toEqual([1, null, 0]);
  });
});
