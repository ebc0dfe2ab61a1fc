/** The whole analysis of a cartographie: evaluated rows, findings, figures and proposed actions. */
import { ProposalMemory, proposeActions } from './actions/rules';
import { evaluate, type EvaluationMemory } from './evaluate';
import { computeFigures, FigureTotals } from './figures';
import { withMergedCells } from './mergedCells';
import type { Analysis, Cartographie } from './model';

export { formatRate } from './format';

export function analyse(cartographie: Cartographie): Analysis {
  const { rows, findings, stepNames } = evaluate(cartographie);
  const figures = computeFigures(rows, stepNames);
  return { cartographie, rows, findings: withMergedCells(cartographie, findings), figures, proposals: proposeActions(rows, figures) };
}

/**
 * Analyses the successive versions of one cartographie (a sheet being edited): what did not change
 * since the last analysis is taken from it, so that one answer changed costs far less than the
 * whole sheet. Each result equals what `analyse` gives.
 */
export class Analyser {
  private evaluation?: EvaluationMemory;
  private totals?: FigureTotals;
  private readonly proposals = new ProposalMemory();

  analyse(cartographie: Cartographie): Analysis {
    const { rows, findings, stepNames, memory } = evaluate(cartographie, this.evaluation);
    this.totals = this.totals?.next(rows) ?? new FigureTotals(rows);
    const figures = this.totals.figures(stepNames);
    const proposals = proposeActions(rows, figures, this.proposals);
    this.evaluation = memory;
    return { cartographie, rows, findings: withMergedCells(cartographie, findings), figures, proposals };
  }
}
