import fc from 'fast-check';
import { DEFAULT_STATUS, mergePlan } from '../../../src/domain/actions/merge';
import { planOrder } from '../../../src/domain/actions/ordering';
import { ACTION_TEMPLATES } from '../../../src/domain/actions/templates';
import type { ActionProposal, PlanRow, Priority, UserValue } from '../../../src/domain/model';
import { planRow } from '../../support/plan';

function proposal(ref: string, priority: Priority, finding = `Constat ${ref}`): ActionProposal {
  return {
    ref,
    templateKey: ref.split('@')[0],
    priority,
    axis: 'Axe',
    scope: 'Étape',
    finding,
    action: `Action ${ref}`,
    actors: 'Pharmacien',
    indicator: 'Indicateur',
    order: planOrder(ref)!,
  };
}

const USER = ['pilot', 'dueDate', 'status', 'comment'] as const;
const userOf = (row: PlanRow) => USER.map((k) => row[k]);

describe('mergePlan', () => {
  const p1 = proposal('RUPTURE-PUI-BLOC', 1, 'Nouveau constat');
  const p2 = proposal('DONNEE-CRITIQUE@pose', 1);
  const p3 = proposal('LECTEUR-PUI-BLOC', 2);

  it('refreshes the rules columns and keeps the user columns exactly, numbers and dates included', () => {
    const existing = planRow('RUPTURE-PUI-BLOC', { priority: 2, finding: 'Ancien constat', pilot: 'Dr Martin', dueDate: 46387, status: 'En cours', comment: 0 });
    const { rows, added, kept, marked } = mergePlan([existing], [p1]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ finding: 'Nouveau constat', priority: 1, action: p1.action, obsolete: false, origin: 'proposed' });
    expect(userOf(rows[0])).toEqual(['Dr Martin', 46387, 'En cours', 0]);
    expect({ added, kept, marked }).toEqual({ added: 0, kept: 1, marked: 0 });
  });

  it('adds new proposals with empty user columns and the default status', () => {
    const { rows, added } = mergePlan([], [p3, p1]);
    expect(added).toBe(2);
    expect(rows.map((r) => r.ref)).toEqual(['RUPTURE-PUI-BLOC', 'LECTEUR-PUI-BLOC']);
    expect(userOf(rows[0])).toEqual([null, null, DEFAULT_STATUS, null]);
  });

  it('keeps a row whose finding disappeared, marked obsolete, and un-marks it when it comes back', () => {
    const existing = planRow('DONNEE-CRITIQUE@pose', { finding: 'Lot absent à la pose', pilot: 'IBODE', status: 'Réalisé' });
    const gone = mergePlan([existing], [p1]);
    const kept = gone.rows.find((r) => r.ref === existing.ref)!;
    expect(kept).toMatchObject({ obsolete: true, finding: 'Lot absent à la pose', pilot: 'IBODE', status: 'Réalisé' });
    expect(gone.marked).toBe(1);
    const back = mergePlan(gone.rows, [p1, p2]).rows.find((r) => r.ref === existing.ref)!;
    expect(back).toMatchObject({ obsolete: false, finding: p2.finding, pilot: 'IBODE', status: 'Réalisé' });
  });

  it('keeps manual rows whole, after the proposed rows of their priority, or last without priority', () => {
    const manualP1 = planRow('', { finding: 'Former les IBODE', origin: 'manual', pilot: 'Cadre' });
    const manualFree = planRow('MA-REF', { priority: null, finding: 'Note libre', origin: 'proposed', comment: 'à voir' });
    const { rows } = mergePlan([manualFree, manualP1], [p3, p2, p1]);
    // Délivrance comes before pose in the circuit.
    expect(rows.map((r) => r.ref || r.finding)).toEqual(['RUPTURE-PUI-BLOC', 'DONNEE-CRITIQUE@pose', 'Former les IBODE', 'LECTEUR-PUI-BLOC', 'MA-REF']);
    expect(rows[2]).toEqual(manualP1);
    expect(rows[4]).toEqual({ ...manualFree, origin: 'manual' });
  });
});

describe('mergePlan properties', () => {
  const pool = [
    ...ACTION_TEMPLATES.map((t) => t.key),
    'DONNEE-CRITIQUE@reception-unitaire',
    'DONNEE-CRITIQUE@pose',
    'DONNEE-CRITIQUE@rappel-lot',
    'RUPTURE-SANITAIRE@reception-bloc>pose',
    'LECTEUR-SANS-IUD@pose',
  ];
  const userValue: fc.Arbitrary<UserValue> = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
  const priority = fc.constantFrom<Priority>(1, 2, 3, 4);
  const proposals = fc
    .uniqueArray(fc.constantFrom(...pool), { maxLength: 15 })
    .chain((refs) => fc.tuple(...refs.map((ref) => priority.map((p) => proposal(ref, p)))));
  const row = fc.record({
    ref: fc.oneof(fc.constantFrom(...pool), fc.constant(''), fc.string({ maxLength: 8 })),
    priority: fc.option(priority, { nil: null }),
    finding: fc.string(),
    pilot: userValue,
    dueDate: userValue,
    status: userValue,
    comment: userValue,
    origin: fc.constantFrom<'proposed' | 'manual'>('proposed', 'manual'),
    obsolete: fc.boolean(),
    order: fc.integer({ min: 0, max: 300 }),
  });
  const plan = fc.array(row, { maxLength: 15 }).map((rows) => rows.map(({ ref, ...fields }) => planRow(ref, fields)));
  const isManual = (r: PlanRow) => r.origin === 'manual' || planOrder(r.ref.trim()) === null;

  it('never loses a row or a user cell, keeps manual rows whole, marks instead of dropping', () => {
    fc.assert(
      fc.property(plan, proposals, (existing, fresh) => {
        const { rows, added, kept, marked } = mergePlan(existing, fresh);
        expect(rows).toHaveLength(existing.length + added);
        expect(added + kept + marked + existing.filter(isManual).length).toBe(rows.length);
        const unused = [...rows];
        for (const old of existing) {
          const ref = isManual(old) ? old.ref : old.ref.trim();
          const i = unused.findIndex((r) => r.ref === ref && userOf(r).every((v, k) => Object.is(v, userOf(old)[k])));
          expect(i).toBeGreaterThanOrEqual(0);
          const [match] = unused.splice(i, 1);
          if (isManual(old)) expect(match).toEqual({ ...old, origin: 'manual' });
          else if (!fresh.some((p) => p.ref === old.ref.trim())) expect(match).toMatchObject({ obsolete: true, finding: old.finding });
        }
        for (const p of fresh) expect(rows.some((r) => r.ref === p.ref && !r.obsolete && r.finding === p.finding)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(plan, proposals, (existing, fresh) => {
        const once = mergePlan(existing, fresh).rows;
        expect(mergePlan(once, fresh).rows).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('orders by priority, proposed rows by circuit order, manual rows after those of their priority', () => {
    fc.assert(
      fc.property(plan, proposals, (existing, fresh) => {
        const { rows } = mergePlan(existing, fresh);
        const rank = (r: PlanRow) => [r.priority ?? 5, r.origin === 'manual' ? 1 : 0, r.origin === 'manual' ? 0 : r.order];
        for (let i = 1; i < rows.length; i++) {
          const [a, b] = [rank(rows[i - 1]), rank(rows[i])];
          const cmp = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
          expect(cmp).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
