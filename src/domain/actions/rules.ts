/** Maps the gaps of an evaluated cartographie to proposed actions (SPEC §8). Pure and deterministic. */
import type { ActionProposal, EvaluatedRow, Figures, Priority, Rate } from '../model';
import { ConditionMemory, conditionContext, matchCondition, sameRows, type ConditionContext, type Hit } from './conditions';
import { aboutWholeCircuit, gapOrder, proposalRef } from './ordering';
import { simpleConditions, type ActionTemplate, type SimpleCondition } from './schema';
import { ACTION_TEMPLATES } from './templates';
import { fillFinding, scopeOf } from './wording';

interface Group {
  ref: string;
  hit: Hit;
}

/** One group for the template, or one per step / transition that fired. */
function groupsOf(template: ActionTemplate, hit: Hit): Group[] {
  if (template.per === 'global') return [{ ref: proposalRef(template.key), hit }];
  // Groups by step, then destination, in order of first appearance: no reference built per row.
  type Place = { step: string; to: string | null; rows: EvaluatedRow[] };
  const groups: Place[] = [];
  const byPlace = new Map<string, Map<string | null, Place>>();
  // Rows of a place follow each other: the group of the row before is taken again.
  let last: Place | undefined;
  const perTransition = template.per === 'transition';
  for (let i = 0; i < hit.rows.length; i += 1) {
    const row = hit.rows[i];
    const to = perTransition ? row.to : null;
    if (!last || row.step !== last.step || to !== last.to) {
      let atStep = byPlace.get(row.step);
      if (!atStep) byPlace.set(row.step, (atStep = new Map()));
      last = atStep.get(to);
      if (!last) {
        last = { step: row.step, to, rows: [] };
        atStep.set(to, last);
        groups.push(last);
      }
    }
    last.rows.push(row);
  }
  return groups.map(({ step, to, rows }) => ({ ref: proposalRef(template.key, { step, to }), hit: { rows, rate: hit.rate } }));
}

/** A proposal and the rows behind it, while priorities are settled. */
interface Draft {
  template: ActionTemplate;
  proposal: ActionProposal;
  rows: readonly EvaluatedRow[];
  computerises: ReadonlySet<string>;
  written: Written;
}

/** What a group of rows gives whatever the other proposals: its wording and the steps it needs or computerises. */
interface Written {
  rows: readonly EvaluatedRow[];
  rate?: Rate;
  scope: string;
  finding: string;
  /** Steps this proposal computerises (its Informatisation NON rows). */
  computerises: ReadonlySet<string>;
  /** Steps its gaps need software at: their step, or either end of their transition (when asked). */
  needs?: Set<string>;
}

/**
 * What the last proposals of the same sheet were made of: the hit of each condition, the groups of
 * each hit, and what each group's rows gave. What holds the same rows (the same objects) and the
 * same rate is taken as it was.
 */
export class ProposalMemory {
  readonly conditions = new ConditionMemory();
  groups = new Map<ActionTemplate, { hit: Hit; groups: Group[] }>();
  written = new Map<string, Written>();
}

function sameRate(a: Rate | undefined, b: Rate | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.numerator === b.numerator && a.denominator === b.denominator);
}

/**
 * Whether a condition may select Informatisation rows answered NON: the others select gaps of
 * another type, or rows answered OUI; rows in a state other than ok hold such rows only when some
 * Informatisation row is counted as NON by the consistency rule.
 */
function mayComputerise(c: SimpleCondition, computerisationNotOk: boolean): boolean {
  if (c.kind === 'informatisation') return c.answer === 'NON';
  return (c.kind === 'statut' || c.kind === 'completude') && computerisationNotOk;
}

const NO_STEPS: ReadonlySet<string> = new Set();

/** Steps the rows computerise: those of their Informatisation rows answered NON. */
function stepsComputerised(rows: readonly EvaluatedRow[]): Set<string> {
  const steps = new Set<string>();
  for (let i = 0; i < rows.length; i += 1) if (rows[i].type === 'Informatisation' && rows[i].effective === 'NON') steps.add(rows[i].step);
  return steps;
}

function write(template: ActionTemplate, { ref, hit }: Group, { refsApart, computerisationNotOk }: ConditionContext, memory?: ProposalMemory): Written {
  const known = memory?.written.get(ref);
  if (known && sameRate(known.rate, hit.rate) && sameRows(known.rows, hit.rows)) return known;
  return {
    rows: hit.rows,
    rate: hit.rate,
    scope: scopeOf(hit.rows),
    finding: fillFinding(template.finding, hit.rows, hit.rate, refsApart),
    computerises: simpleConditions(template.condition).some((c) => mayComputerise(c, computerisationNotOk)) ? stepsComputerised(hit.rows) : NO_STEPS,
  };
}

function draft(template: ActionTemplate, { ref, hit }: Group, written: Written): Draft {
  const first = hit.rows[0];
  const place = aboutWholeCircuit(template) || !first ? null : { step: first.step, to: first.to };
  return {
    template,
    proposal: {
      ref,
      templateKey: template.key,
      priority: template.priority,
      axis: template.axis,
      scope: written.scope,
      finding: written.finding,
      action: template.action,
      actors: template.actors,
      indicator: template.indicator,
      order: gapOrder(template, place),
    },
    rows: hit.rows,
    computerises: written.computerises,
    written,
  };
}

function stepsNeeded(rows: readonly EvaluatedRow[]): Set<string> {
  const steps = new Set<string>();
  // Rows of the same place follow each other: their steps were just added.
  let lastStep: string | undefined;
  let lastTo: string | null | undefined;
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i];
    if (row.type === 'Informatisation' || (row.step === lastStep && row.to === lastTo)) continue;
    lastStep = row.step;
    lastTo = row.to;
    steps.add(row.step);
    if (row.to !== null) steps.add(row.to);
  }
  return steps;
}

function meets(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/**
 * A prerequisite never ranks below what depends on it (SPEC §8): computerising a step comes
 * before any action about a gap at that step or on a transition from or to it, with at least its
 * priority; and it is priority 1 when a regulatory gap (a critical row answered NON) sits there.
 */
function settlePrerequisites(drafts: Draft[], legalGapSteps: Set<string>): void {
  const prerequisites = drafts.filter((d) => d.computerises.size > 0);
  if (prerequisites.length === 0) return;
  // Actions about the whole cartographie (complete it, correct the entries) need no software.
  const dependents = drafts.filter((d) => !aboutWholeCircuit(d.template)).map((d) => ({ draft: d, needs: (d.written.needs ??= stepsNeeded(d.rows)) }));
  for (const p of prerequisites) {
    if ([...p.computerises].some((s) => legalGapSteps.has(s))) p.proposal.priority = 1;
  }
  const originalOrder = new Map(drafts.map((d) => [d, d.proposal.order]));
  // Priorities only decrease: a few passes settle chains of prerequisites.
  for (let changed = true, pass = 0; changed && pass < drafts.length; pass++) {
    changed = false;
    for (const p of prerequisites) {
      for (const { draft: d, needs } of dependents) {
        if (d === p || !meets(p.computerises, needs)) continue;
        if (d.proposal.priority < p.proposal.priority) {
          p.proposal.priority = d.proposal.priority as Priority;
          changed = true;
        }
        // Orders are integers: half a step before places the prerequisite just ahead.
        const order = originalOrder.get(d)! - 0.5;
        if (order < p.proposal.order) p.proposal.order = order;
      }
    }
  }
}

/** The groups of a hit, those of the last analysis when the hit is the same. */
function groupsKept(template: ActionTemplate, hit: Hit, memory?: ProposalMemory): Group[] {
  const known = memory?.groups.get(template);
  return known?.hit === hit ? known.groups : groupsOf(template, hit);
}

/**
 * Proposals ordered by priority, then circuit order of where the gap is (prerequisites just ahead).
 * `memory` holds what the last proposals of the same sheet were made of, and is updated.
 */
export function proposeActions(rows: readonly EvaluatedRow[], figures: Figures, memory?: ProposalMemory): ActionProposal[] {
  const context = conditionContext(rows, figures, memory?.conditions);
  // What the next proposals of the same sheet may take again; nothing to keep without a memory.
  const groups = memory && new Map<ActionTemplate, { hit: Hit; groups: Group[] }>();
  const written = memory && new Map<string, Written>();
  const drafts: Draft[] = [];
  for (const template of ACTION_TEMPLATES) {
    const hit = matchCondition(template.condition, context, memory?.conditions);
    if (!hit) continue;
    const grouped = groupsKept(template, hit, memory);
    groups?.set(template, { hit, groups: grouped });
    for (const group of grouped) {
      const done = write(template, group, context, memory);
      written?.set(group.ref, done);
      drafts.push(draft(template, group, done));
    }
  }
  if (memory) {
    memory.conditions.done();
    memory.groups = groups!;
    memory.written = written!;
  }
  settlePrerequisites(drafts, context.legalGapSteps);
  return drafts
    .map((d) => d.proposal)
    .sort((a, b) => a.priority - b.priority || a.order - b.order || a.ref.localeCompare(b.ref));
}
