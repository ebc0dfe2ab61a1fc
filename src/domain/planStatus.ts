/** The Statut a user typed in the plan d'action, compared without case, accents and surrounding spaces. */
import type { PlanStatus, UserValue } from './model';

const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();

export function statusIs(status: UserValue, expected: PlanStatus): boolean {
  return typeof status === 'string' && fold(status) === fold(expected);
}

/** Réalisé or Abandonné: the action needs nothing more. */
export function isClosed(status: UserValue): boolean {
  return statusIs(status, 'Réalisé') || statusIs(status, 'Abandonné');
}
