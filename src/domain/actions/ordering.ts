/**
 * Circuit order of plan rows, derived from the reference alone ("KEY", "KEY@step",
 * "KEY@from>to") so that a row kept after its finding disappeared still sorts in place.
 */
import { CATALOGUE, stepById } from '../catalogue';
import type { SimpleCondition } from './schema';
import { ACTION_TEMPLATES } from './templates';

/** Rank of steps unknown to the catalogue, after every catalogue step. */
const UNKNOWN_STEP = 90;
/** Rank of templates about the whole cartographie, after the circuit. */
const WHOLE_CIRCUIT = 99;

export function stepRank(step: string): number {
  return stepById(step)?.order ?? UNKNOWN_STEP;
}

function questionSteps(filter: (q: (typeof CATALOGUE.questions)[number]) => boolean): string[] {
  return CATALOGUE.questions.filter(filter).map((q) => q.step);
}

/** Steps a condition is about, to place a global template at its first step in the circuit. */
function conditionSteps(c: SimpleCondition): string[] {
  switch (c.kind) {
    case 'informatisation':
      return c.steps;
    case 'donnee': {
      const steps = c.steps ?? questionSteps((q) => q.type === 'Donnée' && c.data.includes(q.datum ?? ''));
      return steps.filter((s) => !c.exceptSteps?.includes(s));
    }
    case 'rupture':
      return c.transitions.map(([from]) => from);
    case 'lecteur':
      return questionSteps((q) => q.type === 'Lecteur' && c.zones.includes(q.zone));
    case 'lecteur-sans-iud':
      return questionSteps((q) => q.type === 'Lecteur');
    case 'depot':
      return questionSteps((q) => q.type === 'Dépôt');
    default:
      return [];
  }
}

const templateIndex = new Map(ACTION_TEMPLATES.map((t, i) => [t.key, i]));

const anchors = new Map(
  ACTION_TEMPLATES.map((t) => {
    const conditions = t.condition.kind === 'une-des' ? t.condition.conditions : [t.condition];
    const ranks = conditions.flatMap(conditionSteps).map(stepRank);
    return [t.key, ranks.length > 0 ? Math.min(...ranks) : WHOLE_CIRCUIT];
  }),
);

/** Reference of a proposal: the key, plus the step or transition for per-step templates. */
export function proposalRef(key: string, scope?: { step: string; to?: string | null }): string {
  if (!scope) return key;
  return scope.to ? `${key}@${scope.step}>${scope.to}` : `${key}@${scope.step}`;
}

/** Sort key within a priority, or null when the reference names no template. */
export function planOrder(ref: string): number | null {
  const at = ref.indexOf('@');
  const key = at < 0 ? ref : ref.slice(0, at);
  const index = templateIndex.get(key);
  if (index === undefined) return null;
  if (at < 0) return (anchors.get(key) ?? WHOLE_CIRCUIT) * 10000 + index;
  const [from, to] = ref.slice(at + 1).split('>');
  return stepRank(from) * 10000 + (to === undefined ? 0 : stepRank(to) * 100) + index;
}

/** True when the reference is one the rules produce (a template key, with or without scope). */
export function isRuleRef(ref: string): boolean {
  return planOrder(ref) !== null;
}
