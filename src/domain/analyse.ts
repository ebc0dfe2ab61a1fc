/** The whole analysis of a cartographie: evaluated rows, findings, figures and proposed actions. */
import { proposeActions } from './actions/rules';
import { evaluate } from './evaluate';
import { computeFigures } from './figures';
import { withMergedCells } from './mergedCells';
import type { Analysis, Cartographie } from './model';

export { formatRate } from './format';

export function analyse(cartographie: Cartographie): Analysis {
  const { rows, findings } = evaluate(cartographie);
  const figures = computeFigures(rows);
  return { cartographie, rows, findings: withMergedCells(cartographie, findings), figures, proposals: proposeActions(rows, figures) };
}
