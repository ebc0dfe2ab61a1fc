import fc from 'fast-check';
import { analyse } from '../../src/domain/analyse';
import { stepKey } from '../../src/domain/evaluate';
import type { Analysis, Cartographie, CartographieEntry, Figures, Rate, RateSet } from '../../src/domain/model';
import { cartographieOf, prng, randomCartographie } from '../support/cartographie';
import { expectEqual } from '../support/equal';

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

/** Everything the Synthèse shows, keyed so that the order of rows and steps does not matter. */
function everyFigure(analysis: Analysis): Record<string, unknown> {
  const { figures } = analysis;
  const shown: Record<string, unknown> = Object.fromEntries(allRates(figures));
  shown.counts = figures.counts;
  for (const s of figures.steps) shown[`zone-of:${s.step}`] = s.zone;
  for (const t of figures.transitions) shown[`crossing:${t.from}>${t.to}`] = [t.crossZone, t.rows, t.ruptures];
  for (const v of Object.values(figures.views)) shown[`view-links:${v.id}`] = v.transitions.map((t) => `${t.from}>${t.to}`).sort();
  for (const e of figures.equipment.steps) shown[`equipment:${e.step}`] = [e.informatisation, e.lecteur, e.depot, e.iudId, e.iudIp];
  shown.proposals = analysis.proposals.map((p) => `${p.ref}:P${p.priority}`).sort();
  return shown;
}

const STEP_VARIANTS = ['Stérilisation', 'STÉRILISATION', 'Sterilisation', 'Pose du DMI (ou echec de pose et motif)', 'POSE DU DMI (OU ÉCHEC DE POSE ET MOTIF)', 'Délivrance au service utilisateur'];
const ZONE_VARIANTS = ['CIRCUIT A LA PUI', 'circuit au bloc operatoire', 'Bloc X', "DONNEES DU PATIENT EN DEHORS DE L'HOPITAL"];

/**
 * A random part (about a quarter) of a random cartographie, where some rows were moved by their
 * cells: other steps, zones, destinations, criticality.
 */
function scrambledCartographie(seed: number, extra: number): Cartographie {
  const random = prng(seed ^ 0x5bd1e995);
  const pick = <T,>(items: T[]): T => items[Math.floor(random() * items.length)];
  const base = randomCartographie(seed, extra);
  const entries = base.entries.filter(() => random() < 0.25).map((e): CartographieEntry => {
    if (random() > 0.15) return e;
    return { ...e, step: pick([...STEP_VARIANTS, e.step]), zone: pick([...ZONE_VARIANTS, e.zone]), to: e.to && pick([...STEP_VARIANTS, e.to]), critical: pick(['OUI', 'oui', '', e.critical]) };
  });
  return { ...base, entries };
}

/** The same rows in another order of the sheet (row numbers follow the rows' new places). */
function permuted(cartographie: Cartographie, seed: number): Cartographie {
  const random = prng(seed);
  const entries = [...cartographie.entries];
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j], entries[i]];
  }
  return { ...cartographie, entries: entries.map((e, i) => ({ ...e, row: i + 2, answerCell: `H${i + 2}` })) };
}

describe('visible cells govern: properties', () => {
  it('permuting the rows never changes a figure, a count, the equipment or the proposals', () => {
    fc.assert(
      fc.property(seed, seed, fc.integer({ min: 0, max: 40 }), (s, order, extra) => {
        const cartographie = scrambledCartographie(s, extra);
        expectEqual(everyFigure(analyse(permuted(cartographie, order))), everyFigure(analyse(cartographie)));
      }),
      { numRuns: 3000 },
    );
  });

  it("relabelling a row's step moves its counts to that step and nowhere else", () => {
    const counted = (f: Figures, step: string) => {
      const found = f.steps.find((x) => x.step === step);
      return found ? [found.completude.numerator, found.completude.denominator, found.informatisation.numerator, found.informatisation.denominator] : [0, 0, 0, 0];
    };
    fc.assert(
      fc.property(seed, fc.nat(), fc.constantFrom('Stérilisation', 'Salle de réveil', 'Réception au bloc, stock de proximité', 'PMSI : FICHCOMP DMI en sus, DM intra-GHS'), (s, pick, label) => {
        const base = scrambledCartographie(s, 20);
        const before = analyse(base);
        // Rows whose effective answer cannot depend on their step: no consistency rule applies to them.
        const movable = before.rows.filter((r) => r.type === 'Lecteur' || r.type === 'Dépôt' || (r.type === 'Donnée' && r.answer !== 'OUI'));
        fc.pre(movable.length > 0);
        const row = movable[pick % movable.length];
        const target = stepKey(label);
        fc.pre(target !== row.step);
        const after = analyse({ ...base, entries: base.entries.map((e) => (e === row.entry ? { ...e, step: label } : e)) });
        const moved = [row.effective === null ? 0 : 1, 1, row.type === 'Donnée' && row.effective === 'OUI' ? 1 : 0, row.type === 'Donnée' && row.effective !== 'NA' && row.effective !== null ? 1 : 0];
        expectEqual(counted(after.figures, row.step), counted(before.figures, row.step).map((n, i) => n - moved[i]));
        expectEqual(counted(after.figures, target), counted(before.figures, target).map((n, i) => n + moved[i]));
        for (const step of before.figures.steps) {
          if (step.step !== row.step && step.step !== target) expectEqual([step.step, counted(after.figures, step.step)], [step.step, counted(before.figures, step.step)]);
        }
        expectEqual(after.figures.overall, before.figures.overall);
        expectEqual(after.figures.zones, before.figures.zones);
        expectEqual(after.figures.counts, before.figures.counts);
      }),
      { numRuns: 3000 },
    );
  });
});

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
