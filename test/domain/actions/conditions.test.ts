import fc from 'fast-check';
import { conditionContext, matchCondition, type ConditionContext } from '../../../src/domain/actions/conditions';
import { placeRank } from '../../../src/domain/actions/ordering';
import { simpleConditions, type SimpleCondition } from '../../../src/domain/actions/schema';
import { ACTION_TEMPLATES } from '../../../src/domain/actions/templates';
import { assess } from '../../../src/domain/assess';
import { stepById } from '../../../src/domain/catalogue';
import type { EvaluatedRow } from '../../../src/domain/model';
import { tidyLabel } from '../../../src/domain/text';
import { cartographieOf, randomCartographie } from '../../support/cartographie';

/** The rows a condition selects, read row by row from the context's list it reads (SPEC §8). */
function scanned(c: SimpleCondition, context: ConditionContext, rows: readonly EvaluatedRow[]): EvaluatedRow[] {
  if (c.kind === 'statut') return inCircuitOrder(rows.filter((r) => (c.statuses as string[]).includes(r.status) && (!c.critical || r.critical)));
  if (c.kind === 'informatisation') return context.computerisation.filter((r) => c.steps.includes(r.step) && r.effective === c.answer);
  if (c.kind === 'logiciel-non-nomme') return context.computerisation.filter((r) => r.effective === 'OUI' && tidyLabel(r.entry.comment) === '');
  const gaps = context.gaps.get(c.kind === 'rupture' ? 'Interopérabilité' : 'Donnée') ?? [];
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

/** Rows in circuit order: by the rank of their place, then by sheet row. */
function inCircuitOrder(rows: readonly EvaluatedRow[]): EvaluatedRow[] {
  return [...rows].sort((a, b) => placeRank(a.step, a.to) - placeRank(b.step, b.to) || a.entry.row - b.entry.row);
}

/** Conditions on states, those of the templates and the other combinations. */
const STATES: SimpleCondition[] = [
  { kind: 'statut', statuses: ['empty', 'invalid', 'incoherent'] },
  { kind: 'statut', statuses: ['empty', 'incoherent'], critical: true },
  { kind: 'statut', statuses: ['invalid', 'incoherent'] },
  { kind: 'statut', statuses: ['empty'] },
  { kind: 'statut', statuses: [] },
];

const KINDS = ['rupture', 'donnee', 'informatisation', 'logiciel-non-nomme', 'statut'];
const CONDITIONS = [...ACTION_TEMPLATES.flatMap((t) => simpleConditions(t.condition)).filter((c) => KINDS.includes(c.kind)), ...STATES];

describe('conditions read by place or from the codes of the rows', () => {
  it('deal the lists and select the same rows as a scan of the rows, in the same order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 400 }), fc.boolean(), (seed, extra, computerised) => {
        const random = randomCartographie(seed, extra);
        // With every step computerised, the Donnée gaps are not left to the computerisation actions;
        // some Informatisation rows name their software, some only seem to (spaces).
        const COMMENTS = ['', 'Logiciel X', ' \u00a0 '];
        const entries = random.entries.map((e, i) =>
          e.type === 'Informatisation' ? { ...e, comment: COMMENTS[i % 3], answer: computerised ? { value: 'OUI' } : e.answer } : e,
        );
        // Critical gaps at steps the establishment added, and on a transition towards one.
        const added = cartographieOf([
          { zone: 'Zone ajoutée', step: 'Stérilisation', type: 'Donnée', label: 'Lot', critical: 'OUI', answer: 'NON' },
          { zone: 'Zone ajoutée', step: 'Pose du DMI (ou échec de pose et motif)', type: 'Interopérabilité', label: 'Lot', to: 'Salle de réveil', critical: 'OUI', answer: 'NON' },
        ]).entries.map((e, i) => ({ ...e, row: random.entries.length + 2 + i }));
        const { rows, figures } = assess({ ...random, entries: [...entries, ...added] });
        const context = conditionContext(rows, figures);
        for (const c of CONDITIONS) expect(matchCondition(c, context)?.rows ?? []).toEqual(scanned(c, context, rows));
        // The lists, each a scan of the rows put in circuit order.
        const withoutSoftware = new Set(rows.filter((r) => r.type === 'Informatisation' && r.effective === 'NON' && stepById(r.step)).map((r) => r.step));
        const scan = (keep: (r: EvaluatedRow) => boolean) => inCircuitOrder(rows.filter(keep));
        for (const type of ['Informatisation', 'Donnée', 'Interopérabilité', 'Lecteur', 'Dépôt', null] as const) {
          const gaps = scan((r) => r.type === type && r.effective === 'NON' && !((type === 'Donnée' || type === 'Lecteur') && withoutSoftware.has(r.step)));
          expect(context.gaps.get(type) ?? []).toEqual(gaps);
        }
        expect(context.computerisation).toEqual(scan((r) => r.type === 'Informatisation' && r.effective !== null));
        expect(context.readers).toEqual(scan((r) => r.type === 'Lecteur' && r.effective === 'OUI'));
        expect(context.unanswered).toEqual(scan((r) => r.status === 'empty' || r.status === 'invalid'));
        expect(context.invalid).toEqual(scan((r) => r.status === 'invalid'));
        expect(context.incoherent).toEqual(scan((r) => r.status === 'incoherent'));
        // Steps of regulatory gaps, at either end of a transition.
        const legal = rows.filter((r) => r.critical && r.effective === 'NON' && r.type !== 'Informatisation').flatMap((r) => (r.to === null ? [r.step] : [r.step, r.to]));
        expect([...context.legalGapSteps].sort()).toEqual([...new Set(legal)].sort());
      }),
      { numRuns: 60 },
    );
  });
});
