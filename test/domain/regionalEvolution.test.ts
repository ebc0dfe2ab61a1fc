import { regionalEvolution, SITUATION_THRESHOLD_POINTS, type EstablishmentFigures } from '../../src/domain/regionalEvolution';

type Key = 'completude' | 'rupture';
const KEYS: Key[] = ['completude', 'rupture'];

function es(finess: string, name: string, completude: number | null, rupture: number | null, criticalGaps: number): EstablishmentFigures<Key> {
  return { finess, name, rates: { completude, rupture }, criticalGaps };
}

// Last year: four establishments with a FINESS, one without.
const before = [
  es('010000001', 'CH A', 0.8, 0.4, 10),
  es('010000002', 'CH B', 0.9, 0.3, 4),
  es('010000003', 'CH C', 1, 0.35, 6),
  es('010000004', 'CH D', 0.7, 0.5, 8),
  es('', 'Clinique sans FINESS', 0.5, 0.6, 2),
];
// This year: A down 10 points, B up 3, C down exactly 5 (0.35 → 0.30, a float that is not exactly -0.05),
// D did not answer, E new, F's rupture rate non évaluable, G without FINESS; B's FINESS written with spaces.
const after = [
  es('010000001', 'CH A', 0.85, 0.3, 7),
  es('01 000 0002', 'CH B', 0.9, 0.33, 5),
  es('010000003', 'CH C', 1, 0.3, 6),
  es('010000005', 'CH E', 0.6, 0.2, 3),
  es('', 'Clinique G', 0.4, 0.1, 1),
];

describe('regionalEvolution', () => {
  const evolution = regionalEvolution(before, after, KEYS, 'rupture');
  const byName = new Map(evolution.establishments.map((e) => [e.name, e]));

  it('matches establishments by FINESS and gives each rate in points and the critical gaps as a difference', () => {
    expect(byName.get('CH A')).toMatchObject({ situation: 'progres', points: { completude: 5, rupture: -10 }, gapsChange: -3 });
    expect(byName.get('CH B')).toMatchObject({ situation: 'stable', points: { completude: 0, rupture: 3 }, gapsChange: 1 });
    expect(byName.get('CH E')).toMatchObject({ situation: 'nouveau', before: null, points: { completude: null, rupture: null }, gapsChange: null });
    expect(byName.get('Clinique G')).toMatchObject({ situation: 'sans-finess', before: null });
  });

  it(`counts a move of exactly ${SITUATION_THRESHOLD_POINTS} points (as shown, one decimal) as progress`, () => {
    expect(byName.get('CH C')).toMatchObject({ situation: 'progres', points: { rupture: -5 } });
    const up = regionalEvolution([es('1', 'X', 1, 0.3, 0)], [es('1', 'X', 1, 0.35, 0)], KEYS, 'rupture');
    expect(up.establishments[0]).toMatchObject({ situation: 'recul', points: { rupture: 5 } });
    const almost = regionalEvolution([es('1', 'X', 1, 0.3, 0)], [es('1', 'X', 1, 0.349, 0)], KEYS, 'rupture');
    expect(almost.establishments[0]).toMatchObject({ situation: 'stable', points: { rupture: 4.9 } });
  });

  it('lists last year’s establishments that did not answer after this year’s, and counts each situation', () => {
    expect(evolution.establishments.map((e) => e.name)).toEqual(['CH A', 'CH B', 'CH C', 'CH E', 'Clinique G', 'CH D']);
    expect(byName.get('CH D')).toMatchObject({ situation: 'sans-reponse', after: null, gapsChange: null });
    expect(evolution.counts).toEqual({ progres: 2, stable: 1, recul: 0, 'non-comparable': 0, 'sans-reponse': 1, nouveau: 1, 'sans-finess': 1 });
    expect(evolution.unmatchedBefore).toBe(1);
  });

  it('says non comparable when the rupture rate is non évaluable either year', () => {
    const result = regionalEvolution([es('1', 'X', 1, null, 0)], [es('1', 'X', 1, 0.2, 0)], KEYS, 'rupture');
    expect(result.establishments[0]).toMatchObject({ situation: 'non-comparable', points: { completude: 0, rupture: null } });
  });

  it('gives each year’s quartiles over all its establishments (hand-computed, QUARTILE.INC)', () => {
    const rupture = evolution.distributions.find((d) => d.key === 'rupture');
    // Last year sorted: 0.3 0.35 0.4 0.5 0.6 → Q1 at position 1 = 0.35, median 0.4, Q3 at position 3 = 0.5.
    expect(rupture?.before).toMatchObject({ count: 5, q1: 0.35, median: 0.4, q3: 0.5 });
    // This year sorted: 0.1 0.2 0.3 0.3 0.33 → Q1 0.2, median 0.3, Q3 0.3.
    expect(rupture?.after).toMatchObject({ count: 5, q1: 0.2, median: 0.3, q3: 0.3 });
    const gaps = evolution.distributions.find((d) => d.key === 'criticalGaps');
    // 2 4 6 8 10 → median 6; 1 3 5 6 7 → median 5.
    expect(gaps?.before.median).toBe(6);
    expect(gaps?.after.median).toBe(5);
  });

  it('compares the first row of a FINESS given twice last year', () => {
    const result = regionalEvolution([es('1', 'X', 1, 0.5, 0), es('1', 'X bis', 1, 0.1, 0)], [es('1', 'X', 1, 0.4, 0)], KEYS, 'rupture');
    expect(result.establishments).toHaveLength(1);
    expect(result.establishments[0]).toMatchObject({ situation: 'progres', points: { rupture: -10 } });
  });
});
