/**
 * One campaign against the previous one (the cartographie is redone every year): how each rate moved,
 * which ruptures were closed or appeared, what became of the plan's actions. Two workbooks of different
 * template versions compare on what they share; what could not be compared is said, never guessed.
 */
import { serialOfDate } from '../excelDates';
import type { Analysis, PlanRow, Rate, RateSet, TransitionFigures } from '../model';
import { statusIs } from '../planStatus';
import { labelKey } from '../text';

export interface Campaign {
  analysis: Analysis;
  plan: PlanRow[];
}

export type Direction = 'hausse' | 'baisse' | 'stable';

export interface RateEvolution {
  key: keyof RateSet;
  label: string;
  before: Rate;
  after: Rate;
  /** Difference in percentage points, one decimal; null when either side is non évaluable. */
  points: number | null;
  direction: Direction | null;
  /** The move is an improvement (a lower rupture rate is one); null when stable or not comparable. */
  improved: boolean | null;
}

export interface TransitionChange {
  fromLabel: string;
  toLabel: string;
  rupturesBefore: number;
  rupturesAfter: number;
}

export interface CountEvolution {
  key: 'missingTraceabilityData' | 'sanitaryRuptures' | 'incoherent' | 'invalid';
  label: string;
  before: number;
  after: number;
}

export interface ActionFollowUp {
  done: PlanRow[];
  /** Marked Réalisé, yet the rules still find the gap it answered: « action réalisée, constat toujours présent ». */
  doneGapStillThere: PlanRow[];
  abandoned: PlanRow[];
  /** Open actions whose Échéance (an Excel date) is before the comparison date. */
  late: PlanRow[];
  open: PlanRow[];
}

export interface Comparison {
  rates: RateEvolution[];
  counts: CountEvolution[];
  /** Transitions with ruptures last time and none now. */
  closedRuptures: TransitionChange[];
  /** Transitions without rupture last time and with some now. */
  newRuptures: TransitionChange[];
  /** The previous campaign's actions, by what became of them. */
  actions: ActionFollowUp;
  /** What the two campaigns do not share, in French. */
  notCompared: string[];
}

export const RATE_LABELS: [keyof RateSet, string][] = [
  ['completude', 'Complétude'],
  ['informatisation', 'Informatisation des données'],
  ['etapesInformatisees', 'Étapes informatisées'],
  ['interoperabilite', 'Interopérabilité'],
  ['continuite', "Continuité de l'information"],
  ['rupture', 'Points de rupture (CAQES R4 1.2)'],
];

const COUNT_LABELS: [CountEvolution['key'], string][] = [
  ['missingTraceabilityData', 'Données de traçabilité manquantes'],
  ['sanitaryRuptures', 'Ruptures sur des flux sanitaires'],
  ['incoherent', 'Réponses incohérentes'],
  ['invalid', 'Saisies invalides'],
];

function evolution(key: keyof RateSet, label: string, before: Rate, after: Rate): RateEvolution {
  if (before.value === null || after.value === null) return { key, label, before, after, points: null, direction: null, improved: null };
  const points = Math.round((after.value - before.value) * 1000) / 10;
  const direction: Direction = points > 0 ? 'hausse' : points < 0 ? 'baisse' : 'stable';
  const improved = direction === 'stable' ? null : (direction === 'hausse') !== (key === 'rupture');
  return { key, label, before, after, points, direction, improved };
}

function transitionKey(t: TransitionFigures): string {
  return `${labelKey(t.fromLabel)}→${labelKey(t.toLabel)}`;
}

function transitions(before: TransitionFigures[], after: TransitionFigures[], notCompared: string[]): Pick<Comparison, 'closedRuptures' | 'newRuptures'> {
  const previous = new Map(before.map((t) => [transitionKey(t), t]));
  const current = new Map(after.map((t) => [transitionKey(t), t]));
  const closedRuptures: TransitionChange[] = [];
  const newRuptures: TransitionChange[] = [];
  for (const [key, now] of current) {
    const then = previous.get(key);
    if (!then) continue;
    const change = { fromLabel: now.fromLabel, toLabel: now.toLabel, rupturesBefore: then.ruptures, rupturesAfter: now.ruptures };
    // A transition with no answer now (rupture non évaluable) has not been closed: it is not known.
    if (then.ruptures > 0 && now.ruptures === 0 && now.rupture.value !== null) closedRuptures.push(change);
    if (then.ruptures === 0 && then.rupture.value !== null && now.ruptures > 0) newRuptures.push(change);
  }
  const label = (t: TransitionFigures): string => `${t.fromLabel} → ${t.toLabel}`;
  const gone = before.filter((t) => !current.has(transitionKey(t)));
  const added = after.filter((t) => !previous.has(transitionKey(t)));
  if (gone.length > 0) notCompared.push(`Transitions absentes cette année : ${gone.map(label).join(' ; ')}.`);
  if (added.length > 0) notCompared.push(`Transitions nouvelles cette année : ${added.map(label).join(' ; ')}.`);
  return { closedRuptures, newRuptures };
}

function questionsNotShared(before: Analysis, after: Analysis, notCompared: string[]): void {
  const refs = (analysis: Analysis): Set<string> => new Set(analysis.rows.map((row) => row.entry.ref.trim()).filter((ref) => ref !== ''));
  const previous = refs(before);
  const current = refs(after);
  const gone = [...previous].filter((ref) => !current.has(ref));
  const added = [...current].filter((ref) => !previous.has(ref));
  const list = (items: string[]): string => (items.length > 8 ? `${items.slice(0, 8).join(', ')}…` : items.join(', '));
  if (gone.length > 0) notCompared.push(`${gone.length} question(s) de l'an dernier absente(s) cette année (Réf. ${list(gone)}) : les taux ne les comptent plus.`);
  if (added.length > 0) notCompared.push(`${added.length} question(s) nouvelle(s) cette année (Réf. ${list(added)}) : sans équivalent l'an dernier.`);
}


/**
 * What became of the previous plan's actions: each read with its latest follow-up (the current plan's
 * row of the same reference when it has a status, the previous one otherwise).
 */
function followUp(previous: PlanRow[], current: Campaign, today: number): ActionFollowUp {
  const latest = new Map(current.plan.filter((row) => row.status !== null && String(row.status).trim() !== '').map((row) => [row.ref, row]));
  const gaps = new Set(current.analysis.proposals.map((proposal) => proposal.ref));
  const result: ActionFollowUp = { done: [], doneGapStillThere: [], abandoned: [], late: [], open: [] };
  for (const row of previous.map((row) => latest.get(row.ref) ?? row)) {
    if (statusIs(row.status, 'Réalisé')) (gaps.has(row.ref) ? result.doneGapStillThere : result.done).push(row);
    else if (statusIs(row.status, 'Abandonné')) result.abandoned.push(row);
    else if (typeof row.dueDate === 'number' && row.dueDate < today) result.late.push(row);
    else result.open.push(row);
  }
  return result;
}

/** `previous` against `current`, on `date` (for late actions). */
export function compareCampaigns(previous: Campaign, current: Campaign, date: Date): Comparison {
  const notCompared: string[] = [];
  const before = previous.analysis.figures;
  const after = current.analysis.figures;
  questionsNotShared(previous.analysis, current.analysis, notCompared);
  return {
    rates: RATE_LABELS.map(([key, label]) => evolution(key, label, before.overall[key], after.overall[key])),
    counts: COUNT_LABELS.map(([key, label]) => ({ key, label, before: before.counts[key], after: after.counts[key] })),
    ...transitions(before.transitions, after.transitions, notCompared),
    actions: followUp(previous.plan, current, serialOfDate(date)),
    notCompared,
  };
}
