import type { ActionProposal, EvaluatedRow, Figures } from '../model';

export function proposeActions(_rows: EvaluatedRow[], _figures: Figures): ActionProposal[] {
  return [];
}
