/**
 * Circuit order of plan rows (SPEC §8): within a priority, rows follow where the gap is, the first
 * step or transition the finding names. A row kept after its finding disappeared has no rows left:
 * it sorts from its reference alone ("KEY", "KEY@step", "KEY@from>to"), a global template at the
 * first step its rule could concern.
 */
import { CATALOGUE } from '../catalogue';
import { simpleConditions, type ActionTemplate, type SimpleCondition } from './schema';
import { ACTION_TEMPLATES } from './templates';

/** Rank of steps unknown to the catalogue, after every catalogue step. */
const UNKNOWN_STEP = 90;
/** Rank of templates about the whole cartographie, after the circuit. */
const WHOLE_CIRCUIT = 99;

const RANKS = new Map(CATALOGUE.steps.map((s) => [s.id, s.order]));

/** Bound of the ranks of places (see placeRank). */
export const RANK_BOUND = (UNKNOWN_STEP + 1) * 100;

export function stepRank(step: string): number {
  return RANKS.get(step) ?? UNKNOWN_STEP;
}

/** Rank of a step or a transition: the source step first, then the destination. Ranks stay below RANK_BOUND. */
export function placeRank(step: string, to?: string | null): number {
  return stepRank(step) * 100 + (to ? stepRank(to) : 0);
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
      const steps = c.steps ?? questionSteps((q) => q.type === 'Donnée' && (!c.data || c.data.includes(q.datum ?? '')));
      return steps.filter((s) => !c.exceptSteps?.includes(s));
    }
    case 'rupture':
      return c.transitions?.map(([from]) => from) ?? questionSteps((q) => q.type === 'Interopérabilité' && (c.critical === undefined || q.critical === c.critical));
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

/** Templates about the whole cartographie (its completeness, its statuses, its overall rate). */
export function aboutWholeCircuit(template: ActionTemplate): boolean {
  return WHOLE_CIRCUIT_TEMPLATES.get(template) ?? isAboutWholeCircuit(template);
}

function isAboutWholeCircuit(template: ActionTemplate): boolean {
  return simpleConditions(template.condition).every((c) => c.kind === 'statut' || c.kind === 'completude' || c.kind === 'taux-rupture');
}

/** The answer for each template of the plan, asked a few times per proposal. */
const WHOLE_CIRCUIT_TEMPLATES = new Map(ACTION_TEMPLATES.map((t) => [t, isAboutWholeCircuit(t)]));

const templateIndex = new Map(ACTION_TEMPLATES.map((t, i) => [t.key, i]));

const anchors = new Map(
  ACTION_TEMPLATES.map((t) => {
    const ranks = simpleConditions(t.condition).flatMap(conditionSteps).map(stepRank);
    return [t.key, (ranks.length > 0 ? Math.min(...ranks) : WHOLE_CIRCUIT) * 100];
  }),
);

/** Sort key within a priority: the place's rank, then the template's position in the list. */
export function orderAt(rank: number, key: string): number {
  return rank * 100 + (templateIndex.get(key) ?? 99);
}

/** Sort key of a proposal from where its gap is (null: a template about the whole cartographie). */
export function gapOrder(template: ActionTemplate, place: { step: string; to: string | null } | null): number {
  return orderAt(place === null ? WHOLE_CIRCUIT * 100 : placeRank(place.step, place.to), template.key);
}

/** Reference of a proposal: the key, plus the step or transition for per-step templates. */
export function proposalRef(key: string, scope?: { step: string; to?: string | null }): string {
  if (!scope) return key;
  return scope.to ? `${key}@${scope.step}>${scope.to}` : `${key}@${scope.step}`;
}

/** Sort key from a reference alone, or null when the reference names no template. */
export function planOrder(ref: string): number | null {
  const at = ref.indexOf('@');
  const key = at < 0 ? ref : ref.slice(0, at);
  if (!templateIndex.has(key)) return null;
  if (at < 0) return orderAt(anchors.get(key) ?? WHOLE_CIRCUIT * 100, key);
  const place = ref.slice(at + 1);
  const arrow = place.indexOf('>');
  return orderAt(arrow < 0 ? placeRank(place) : placeRank(place.slice(0, arrow), place.slice(arrow + 1)), key);
}

/** True when the reference is one the rules produce (a template key, with or without scope). */
export function isRuleRef(ref: string): boolean {
  return planOrder(ref) !== null;
}
