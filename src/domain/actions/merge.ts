/**
 * Regeneration of the plan d'action (SPEC §8): the rules' columns are refreshed, the user's
 * columns (pilote, échéance, statut, commentaire) are kept exactly as read, matched by reference;
 * manual rows stay; a proposal that disappeared is kept and marked obsolete, never dropped.
 */
import type { ActionProposal, PlanMergeResult, PlanRow } from '../model';
import { planOrder } from './ordering';

export const DEFAULT_STATUS = 'À lancer';

function fromProposal(p: ActionProposal): Omit<PlanRow, 'pilot' | 'dueDate' | 'status' | 'comment'> {
  const { ref, priority, axis, scope, finding, action, actors, indicator, order } = p;
  return { ref, priority, axis, scope, finding, action, actors, indicator, order, origin: 'proposed', obsolete: false };
}

interface Placed {
  row: PlanRow;
  manual: boolean;
  /** Position in the existing plan, to keep manual rows in the user's order. */
  position: number;
}

/** Priority, then proposed rows in circuit order, then manual rows in the user's order; no priority last. */
function compare(a: Placed, b: Placed): number {
  const priority = (a.row.priority ?? 5) - (b.row.priority ?? 5);
  if (priority !== 0) return priority;
  if (a.manual !== b.manual) return a.manual ? 1 : -1;
  if (!a.manual) {
    const order = a.row.order - b.row.order || a.row.ref.localeCompare(b.row.ref);
    if (order !== 0) return order;
  }
  return a.position - b.position;
}

export function mergePlan(existing: PlanRow[], proposals: ActionProposal[]): PlanMergeResult {
  const proposed = new Map(proposals.map((p) => [p.ref, p]));
  const present = new Set<string>();
  const placed: Placed[] = [];
  let kept = 0;
  let marked = 0;

  existing.forEach((row, position) => {
    const ref = row.ref.trim();
    // A row is the rules' only when it says so and its reference names a template.
    const order = row.origin === 'manual' ? null : planOrder(ref);
    if (order === null) {
      placed.push({ row: { ...row, origin: 'manual' }, manual: true, position });
      return;
    }
    const fresh = proposed.get(ref);
    if (fresh) {
      const { pilot, dueDate, status, comment } = row;
      placed.push({ row: { ...fromProposal(fresh), pilot, dueDate, status, comment }, manual: false, position });
      present.add(ref);
      kept++;
    } else {
      placed.push({ row: { ...row, ref, obsolete: true, order }, manual: false, position });
      marked++;
    }
  });

  const added = proposals.filter((p) => !present.has(p.ref));
  for (const p of added) {
    placed.push({
      row: { ...fromProposal(p), pilot: null, dueDate: null, status: DEFAULT_STATUS, comment: null },
      manual: false,
      position: existing.length,
    });
  }

  return { rows: placed.sort(compare).map((p) => p.row), added: added.length, kept, marked };
}
