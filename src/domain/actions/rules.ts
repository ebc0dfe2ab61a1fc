/** Maps the gaps of an evaluated cartographie to proposed actions (SPEC §8). Pure and deterministic. */
import type { ActionProposal, EvaluatedRow, Figures } from '../model';
import { conditionContext, matchCondition, type Hit } from './conditions';
import { planOrder, proposalRef } from './ordering';
import type { ActionTemplate } from './schema';
import { ACTION_TEMPLATES } from './templates';
import { fillFinding, scopeOf } from './wording';

interface Group {
  ref: string;
  hit: Hit;
}

/** One group for the template, or one per step / transition that fired. */
function groupsOf(template: ActionTemplate, hit: Hit): Group[] {
  if (template.per === 'global') return [{ ref: proposalRef(template.key), hit }];
  const groups = new Map<string, EvaluatedRow[]>();
  for (const row of hit.rows) {
    const ref = proposalRef(template.key, { step: row.step, to: template.per === 'transition' ? row.to : null });
    const group = groups.get(ref);
    if (group) group.push(row);
    else groups.set(ref, [row]);
  }
  return [...groups].map(([ref, rows]) => ({ ref, hit: { rows, rate: hit.rate } }));
}

function proposal(template: ActionTemplate, { ref, hit }: Group): ActionProposal {
  return {
    ref,
    templateKey: template.key,
    priority: template.priority,
    axis: template.axis,
    scope: scopeOf(hit.rows),
    finding: fillFinding(template.finding, hit.rows, hit.rate),
    action: template.action,
    actors: template.actors,
    indicator: template.indicator,
    order: planOrder(ref) ?? Number.MAX_SAFE_INTEGER,
  };
}

/** Proposals ordered by priority, then circuit order. */
export function proposeActions(rows: EvaluatedRow[], figures: Figures): ActionProposal[] {
  const context = conditionContext(rows, figures);
  const proposals = ACTION_TEMPLATES.flatMap((template) => {
    const hit = matchCondition(template.condition, context);
    return hit ? groupsOf(template, hit).map((group) => proposal(template, group)) : [];
  });
  return proposals.sort((a, b) => a.priority - b.priority || a.order - b.order || a.ref.localeCompare(b.ref));
}
