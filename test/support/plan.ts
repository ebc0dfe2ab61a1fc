/** Plan d'action rows for tests. */
import type { PlanRow } from '../../src/domain/model';

/** A proposed row with readable texts derived from its reference, user columns empty. */
export function planRow(ref: string, overrides: Partial<PlanRow> = {}): PlanRow {
  return {
    ref,
    priority: 1,
    axis: 'Traçabilité sanitaire',
    scope: 'PUI',
    finding: `Constat ${ref}`,
    action: `Action ${ref}`,
    actors: 'Pharmacien',
    indicator: 'Indicateur',
    pilot: null,
    dueDate: null,
    status: null,
    comment: null,
    origin: 'proposed',
    obsolete: false,
    order: 0,
    ...overrides,
  };
}
