import fc from 'fast-check';
import { conditionContext, matchCondition } from '../../../src/domain/actions/conditions';
import { simpleConditions, type SimpleCondition } from '../../../src/domain/actions/schema';
import { ACTION_TEMPLATES } from '../../../src/domain/actions/templates';
import { assess } from '../../../src/domain/assess';
import type { EvaluatedRow } from '../../../src/domain/model';
import { randomCartographie } from '../../support/cartographie';

/** The rows a rupture or donnee condition selects, read row by row from the gaps of its type (SPEC §8). */
function scanned(c: SimpleCondition, gaps: readonly EvaluatedRow[]): EvaluatedRow[] {
  const on = (pairs: [string, string][], r: EvaluatedRow) => pairs.some(([from, to]) => r.step === from && r.to === to);
  return gaps.filter((r) => {
    if ('critical' in c && c.critical !== undefined && c.critical !== r.critical) return false;
    if (c.kind === 'rupture') {
      if ((c.transitions && !on(c.transitions, r)) || (c.exceptTransitions && on(c.exceptTransitions, r))) return false;
      return !c.data || c.data.includes(r.datum ?? '');
    }
    if (c.kind !== 'donnee') throw new Error(c.kind);
    const datum = r.datum ?? '';
    if ((c.data && !c.data.includes(datum)) || c.exceptData?.includes(datum)) return false;
    return !((c.steps && !c.steps.includes(r.step)) || c.exceptSteps?.includes(r.step));
  });
}

const CONDITIONS = ACTION_TEMPLATES.flatMap((t) => simpleConditions(t.condition)).filter((c) => c.kind === 'rupture' || c.kind === 'donnee');

describe('conditions read by place', () => {
  it('select the same rows as a scan of every gap, in the same order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 400 }), fc.boolean(), (seed, extra, computerised) => {
        const random = randomCartographie(seed, extra);
        // With every step computerised, the Donnée gaps are not left to the computerisation actions.
        const entries = computerised ? random.entries.map((e) => (e.type === 'Informatisation' ? { ...e, answer: { value: 'OUI' } } : e)) : random.entries;
        const { rows, figures } = assess({ ...random, entries });
        const context = conditionContext(rows, figures);
        for (const c of CONDITIONS) {
          const gaps = context.gaps.get(c.kind === 'rupture' ? 'Interopérabilité' : 'Donnée') ?? [];
          expect(matchCondition(c, context)?.rows ?? []).toEqual(scanned(c, gaps));
        }
      }),
      { numRuns: 60 },
    );
  });
});
