/**
 * The analysis of a cartographie before its proposed actions: evaluated rows, findings and figures.
 * The pane shows them first and loads the proposals' code (rules and templates) after; `analyse`
 * gives both at once.
 */
import { evaluate, type EvaluationMemory } from './evaluate';
import { computeFigures, FigureTotals } from './figures';
import { withMergedCells } from './mergedCells';
import type { Assessment, Cartographie } from './model';

export function assess(cartographie: Cartographie): Assessment {
  const { rows, findings, stepNames } = evaluate(cartographie);
  return { cartographie, rows, findings: withMergedCells(cartographie, findings), figures: computeFigures(rows, stepNames) };
}

/**
 * Assesses the successive versions of one cartographie (a sheet being edited): what did not change
 * since the last assessment is taken from it. Each result equals what `assess` gives.
 */
export class Assessor {
  private evaluation?: EvaluationMemory;
  private totals?: FigureTotals;

  assess(cartographie: Cartographie): Assessment {
    const { rows, findings, stepNames, memory } = evaluate(cartographie, this.evaluation);
    this.totals = this.totals?.next(rows) ?? new FigureTotals(rows);
    const figures = this.totals.figures(stepNames);
    this.evaluation = memory;
    return { cartographie, rows, findings: withMergedCells(cartographie, findings), figures };
  }
}
