/** Evaluation of template conditions over effective answers: the rows that reveal each gap. */
import { CATALOGUE } from '../catalogue';
import { knownRefsApart, samePlaces } from '../evaluate';
import type { EvaluatedRow, Figures, QuestionType, Rate, RowStatus } from '../model';
import { tidyLabel } from '../text';
import { placeRank, RANK_BOUND, stepRank } from './ordering';
import { refText } from './wording';
import type { Condition, SimpleCondition } from './schema';

export interface Hit {
  /** Rows behind the finding, in circuit order (a list of the context itself when the condition takes it whole). */
  rows: readonly EvaluatedRow[];
  /** The rate a threshold condition compared. */
  rate?: Rate;
}

const IUD_DATA = ['iud-id', 'iud-ip'];

/** What every condition reads, computed once per analysis rather than once per template. */
export interface ConditionContext {
  /** No two rows list the same reference (see refText). */
  refsApart: boolean;
  /** The rows' sheet rows increase with their positions: no two rows share a sheet row (see circuitIndices). */
  increasing: boolean;
  /** Rows answered NON (effective), once the gaps of steps without software are set aside, by type, in circuit order. */
  gaps: Map<QuestionType | null, EvaluatedRow[]>;
  /** Informatisation rows answered, in circuit order; those answered OUI with no software named in the comment. */
  computerisation: EvaluatedRow[];
  unnamedSoftware: EvaluatedRow[];
  /** Rows empty, invalid or incoherent, in circuit order (gathered when a condition asks); the empty or invalid ones; the incoherent ones. */
  notOk: () => readonly EvaluatedRow[];
  unanswered: EvaluatedRow[];
  /** The invalid ones among them. */
  invalid: EvaluatedRow[];
  incoherent: EvaluatedRow[];
  /** Lecteur rows answered OUI. */
  readers: EvaluatedRow[];
  /** Steps where a regulatory gap sits: a critical Donnée or Interopérabilité row answered NON (either end of a transition). */
  legalGapSteps: Set<string>;
  /** Some row not answered OUI, NON or NA as it should is an Informatisation row counted as NON. */
  computerisationNotOk: boolean;
  figures: Figures;
  /** The runs of the lists read by place (see runsIn), found on the first condition that reads them. */
  runs: Map<readonly EvaluatedRow[], Run[]>;
}

const NO_ROWS: readonly EvaluatedRow[] = [];

/**
 * Rows in circuit order of where their gap is, then sheet order (ties keep their order). A sheet
 * has a few dozen places for thousands of rows: rows are dealt by place, then each place sorted.
 */
function circuitOrder(rows: readonly EvaluatedRow[]): EvaluatedRow[] {
  const order = circuitIndices(rows, placeRanks(rows), false);
  const ordered = new Array<EvaluatedRow>(order.length);
  for (let k = 0; k < order.length; k += 1) ordered[k] = rows[order[k]];
  return ordered;
}

/**
 * The rank of the place (see placeRank) of each row given in turn. Rows of a place mostly follow
 * each other: the rank of the row before is taken again.
 */
function placeRanker(): (row: EvaluatedRow) => number {
  let lastStep: string | undefined;
  let lastTo: string | null | undefined;
  let rank = 0;
  return (r) => {
    if (r.step !== lastStep || r.to !== lastTo) {
      lastStep = r.step;
      lastTo = r.to;
      rank = placeRank(lastStep, lastTo);
    }
    return rank;
  };
}

/** The ranks of the rows' places. */
function placeRanks(rows: readonly EvaluatedRow[]): Int32Array {
  const ranks = new Int32Array(rows.length);
  const rankOf = placeRanker();
  for (let i = 0; i < rows.length; i += 1) ranks[i] = rankOf(rows[i]);
  return ranks;
}

/**
 * The positions of the rows in circuit order (see circuitOrder), from the ranks of their places.
 * `increasing`: the rows' sheet rows increase with their positions (as read from a sheet), so each
 * place is in sheet order already.
 */
function circuitIndices(rows: readonly EvaluatedRow[], ranks: Int32Array, increasing: boolean): Int32Array {
  const n = rows.length;
  // A counting sort deals the rows by place: ranks are small integers.
  const starts = new Int32Array(RANK_BOUND + 1);
  let maxRank = 0;
  for (let i = 0; i < n; i += 1) {
    starts[ranks[i] + 1] += 1;
    if (ranks[i] > maxRank) maxRank = ranks[i];
  }
  for (let k = 1; k <= maxRank; k += 1) starts[k] += starts[k - 1];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i += 1) order[starts[ranks[i]]++] = i;
  if (!increasing) {
    // Each place is now from starts[rank - 1] (its start moved to the next place's) to starts[rank].
    for (let end = 0, k = 0; k <= maxRank; k += 1) {
      const start = end;
      end = starts[k];
      if (end - start > 1) sortPlace(rows, order, start, end);
    }
  }
  return order;
}

/** Puts the rows of one place in sheet order, unless they already are (ties keep their order). */
function sortPlace(rows: readonly EvaluatedRow[], order: Int32Array, start: number, end: number): void {
  let sorted = true;
  for (let i = start + 1; i < end && sorted; i += 1) if (rows[order[i]].entry.row < rows[order[i - 1]].entry.row) sorted = false;
  if (sorted) return;
  const place = Array.from(order.subarray(start, end)).sort((a, b) => rows[a].entry.row - rows[b].entry.row);
  order.set(place, start);
}

function refTextsApart(rows: readonly EvaluatedRow[]): boolean {
  const refs = new Set<string>();
  for (let i = 0; i < rows.length; i += 1) refs.add(refText(rows[i]));
  return refs.size === rows.length;
}

/**
 * The rows as the lists need them: the rank of each row's place and a code of what the row is for
 * the lists (see codeOf), what the rows add up to, their circuit order, whether their references
 * are apart. A memory keeps it while only answers change, and reads again only the rows that did.
 */
interface Reading {
  rows: readonly EvaluatedRow[];
  ranks: Int32Array;
  codes: Uint8Array;
  /** Critical rows answered NON (other than Informatisation), by step at either end: by rank for catalogue steps, by id for the others. */
  legalGapsAt: Int32Array;
  legalGaps: Map<string, number>;
  /** Informatisation rows answered NON, by rank of their catalogue step. */
  withoutSoftware: Int32Array;
  /** Informatisation rows counted as NON in a state other than ok. */
  computerisationNotOk: number;
  /** The rows' sheet rows increase with their positions (see circuitIndices). */
  increasing: boolean;
  order: Int32Array;
  refsApart: boolean;
}

/**
 * Reads the rows once, in sheet order, where they lie one after the other in memory; the lists
 * are then dealt in circuit order from the codes alone.
 */
function readingOf(rows: readonly EvaluatedRow[]): Reading {
  const n = rows.length;
  const reading: Reading = {
    rows,
    ranks: new Int32Array(n),
    codes: new Uint8Array(n),
    legalGapsAt: new Int32Array(UNKNOWN_RANK),
    legalGaps: new Map(),
    withoutSoftware: new Int32Array(UNKNOWN_RANK),
    computerisationNotOk: 0,
    increasing: true,
    order: NO_ORDER,
    refsApart: knownRefsApart(rows) || refTextsApart(rows),
  };
  const { ranks, codes } = reading;
  let lastRow = -Infinity;
  // The ranks in the same pass as the codes: each row is read once.
  const rankOf = placeRanker();
  for (let i = 0; i < n; i += 1) {
    const r = rows[i];
    const rank = rankOf(r);
    ranks[i] = rank;
    codes[i] = codeOf(reading, r, rank, 1);
    const row = r.entry.row;
    if (row <= lastRow) reading.increasing = false;
    lastRow = row;
  }
  reading.order = circuitIndices(rows, ranks, reading.increasing);
  return reading;
}

const NO_ORDER = new Int32Array(0);

function addTo(counts: Map<string, number>, key: string, by: number): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

/** The code of a row (what it is for the lists); what it adds up to is added to the reading (`by` 1), or taken away (-1). */
function codeOf(reading: Reading, r: EvaluatedRow, rank: number, by: 1 | -1): number {
  const { type, effective, status } = r;
  if (r.critical && effective === 'NON' && type !== 'Informatisation') {
    const step = Math.floor(rank / 100);
    if (step < UNKNOWN_RANK) reading.legalGapsAt[step] += by;
    else addTo(reading.legalGaps, r.step, by);
    if (r.to !== null) {
      const to = rank % 100;
      if (to > 0 && to < UNKNOWN_RANK) reading.legalGapsAt[to] += by;
      else addTo(reading.legalGaps, r.to, by);
    }
  }
  let code = status === 'ok' ? 0 : status === 'incoherent' ? INCOHERENT : status === 'invalid' ? INVALID : EMPTY;
  if (type === 'Informatisation') {
    if (effective !== null) code |= COMPUTERISATION;
    if (effective === 'OUI' && tidyLabel(r.entry.comment) === '') code |= UNNAMED;
    if (effective === 'NON') {
      // Steps unknown to the catalogue all have the same rank, beyond the catalogue's.
      const step = Math.floor(rank / 100);
      if (step < UNKNOWN_RANK) reading.withoutSoftware[step] += by;
      if (status !== 'ok') reading.computerisationNotOk += by;
    }
  } else if (type === 'Lecteur' && effective === 'OUI') code |= READER;
  if (effective === 'NON') code |= GAP_OF[type ?? 'null'];
  return code;
}

/**
 * The reading of rows in the same places as the last one read (see samePlaces): only the rows that
 * changed are read again. Undefined when a row changed place.
 */
function readAgain(known: Reading, rows: readonly EvaluatedRow[]): Reading | undefined {
  const before = known.rows;
  if (rows.length !== before.length) return undefined;
  const changed: number[] = [];
  for (let i = 0; i < rows.length; i += 1) if (rows[i] !== before[i]) changed.push(i);
  if (
    !samePlaces(
      changed.map((i) => before[i]),
      changed.map((i) => rows[i]),
    )
  )
    return undefined;
  const ranks = changed.map((i) => placeRank(rows[i].step, rows[i].to));
  if (ranks.some((rank, k) => rank !== known.ranks[changed[k]])) return undefined;
  changed.forEach((i, k) => {
    codeOf(known, before[i], ranks[k], -1);
    known.codes[i] = codeOf(known, rows[i], ranks[k], 1);
  });
  known.rows = rows;
  return known;
}

/** The context of the conditions; `memory` keeps the reading of the rows while only answers change. */
export function conditionContext(rows: readonly EvaluatedRow[], figures: Figures, memory?: ConditionMemory): ConditionContext {
  const { ranks, codes, legalGapsAt, legalGaps, withoutSoftware, computerisationNotOk, increasing, order, refsApart } = memory ? memory.read(rows) : readingOf(rows);
  let notOk: EvaluatedRow[] | undefined;
  const legalGapSteps = new Set<string>();
  for (let step = 0; step < UNKNOWN_RANK; step += 1) if (legalGapsAt[step] > 0) legalGapSteps.add(STEP_AT_RANK[step]);
  for (const [step, count] of legalGaps) if (count > 0) legalGapSteps.add(step);
  const gaps = new Map<QuestionType | null, EvaluatedRow[]>();
  // The lists of gaps by the type's number in the codes.
  const byGap: (EvaluatedRow[] | undefined)[] = [];
  const computerisation: EvaluatedRow[] = [];
  const unnamedSoftware: EvaluatedRow[] = [];
  const unanswered: EvaluatedRow[] = [];
  const invalid: EvaluatedRow[] = [];
  const incoherent: EvaluatedRow[] = [];
  const readers: EvaluatedRow[] = [];
  for (let k = 0; k < order.length; k += 1) {
    const i = order[k];
    const code = codes[i];
    if (code === 0) continue;
    const r = rows[i];
    const state = code & STATE;
    if (state !== 0) {
      if (state === INCOHERENT) incoherent.push(r);
      else {
        unanswered.push(r);
        if (state === INVALID) invalid.push(r);
      }
    }
    if (code & READER) readers.push(r);
    if (code & COMPUTERISATION) computerisation.push(r);
    if (code & UNNAMED) unnamedSoftware.push(r);
    const gap = code & GAP;
    // Donnée and Lecteur gaps of a catalogue step without software are left to its computerisation (see Reading).
    if (gap === 0 || ((gap === DONNEE_GAP || gap === LECTEUR_GAP) && withoutSoftware[Math.floor(ranks[i] / 100)] > 0)) continue;
    const ofType = byGap[gap >> GAP_SHIFT];
    if (ofType) ofType.push(r);
    else gaps.set(GAP_TYPES[gap >> GAP_SHIFT], (byGap[gap >> GAP_SHIFT] = [r]));
  }
  return {
    refsApart,
    increasing,
    gaps,
    computerisation,
    unnamedSoftware,
    notOk: () => (notOk ??= inState(rows, order, codes)),
    unanswered,
    invalid,
    incoherent,
    readers,
    legalGapSteps,
    computerisationNotOk: computerisationNotOk > 0,
    figures,
    runs: new Map(),
  };
}

/** The rows in a state other than ok, in circuit order. */
function inState(rows: readonly EvaluatedRow[], order: Int32Array, codes: Uint8Array): EvaluatedRow[] {
  const selected: EvaluatedRow[] = [];
  for (let k = 0; k < order.length; k += 1) if ((codes[order[k]] & STATE) !== 0) selected.push(rows[order[k]]);
  return selected;
}

/** Rank in the circuit of steps unknown to the catalogue (see stepRank). */
const UNKNOWN_RANK = stepRank('~');

/** Catalogue steps by rank. */
const STEP_AT_RANK: string[] = [];
for (const { id } of CATALOGUE.steps) STEP_AT_RANK[stepRank(id)] = id;

// The code of a row (see conditionContext): its state, whether it is a reader or a computerisation
// answer, the type of its gap, if it is one, and whether it names no software where there is one.
const EMPTY = 1;
const INVALID = 2;
const INCOHERENT = 3;
const STATE = 3;
const READER = 4;
const COMPUTERISATION = 8;
const GAP_SHIFT = 4;
const GAP = 7 << GAP_SHIFT;
const UNNAMED = 128;
const GAP_TYPES: (QuestionType | null)[] = [null, 'Informatisation', 'Donnée', 'Interopérabilité', 'Lecteur', 'Dépôt', null];
const DONNEE_GAP = 2 << GAP_SHIFT;
const LECTEUR_GAP = 4 << GAP_SHIFT;
const GAP_OF: Record<QuestionType | 'null', number> = {
  Informatisation: 1 << GAP_SHIFT,
  Donnée: DONNEE_GAP,
  Interopérabilité: 3 << GAP_SHIFT,
  Lecteur: LECTEUR_GAP,
  Dépôt: 5 << GAP_SHIFT,
  null: 6 << GAP_SHIFT,
};

function onTransition(pairs: readonly [string, string][], r: { step: string; to: string | null }): boolean {
  for (const pair of pairs) if (r.step === pair[0] && r.to === pair[1]) return true;
  return false;
}

// The selections below read each field of the condition once, not once per row: conditions of
// several shapes pass through them, and reading a field of such an object is the slow kind.

/** Rows of a list in circuit order that share a step and a destination, one after the other. */
interface Run {
  step: string;
  to: string | null;
  start: number;
  end: number;
}

/** The runs of a list (see Run): conditions on steps or transitions are decided once per run. */
function runsOf(rows: readonly EvaluatedRow[]): Run[] {
  const runs: Run[] = [];
  let run: Run | undefined;
  for (let i = 0; i < rows.length; i += 1) {
    const { step, to } = rows[i];
    if (run && step === run.step && to === run.to) run.end = i + 1;
    else runs.push((run = { step, to, start: i, end: i + 1 }));
  }
  return runs;
}

/** The runs of a list of the context, found once per analysis. */
function runsIn(context: ConditionContext, rows: readonly EvaluatedRow[]): { rows: readonly EvaluatedRow[]; runs: Run[] } {
  let runs = context.runs.get(rows);
  if (!runs) context.runs.set(rows, (runs = runsOf(rows)));
  return { rows, runs };
}

function dataGaps({ rows, runs }: { rows: readonly EvaluatedRow[]; runs: Run[] }, c: Extract<SimpleCondition, { kind: 'donnee' }>): EvaluatedRow[] {
  const { critical, data, exceptData, steps, exceptSteps } = c;
  const selected: EvaluatedRow[] = [];
  for (const { step, start, end } of runs) {
    if ((steps && !steps.includes(step)) || exceptSteps?.includes(step)) continue;
    for (let i = start; i < end; i += 1) {
      const r = rows[i];
      if (critical !== undefined && critical !== r.critical) continue;
      const datum = r.datum ?? '';
      if ((data && !data.includes(datum)) || exceptData?.includes(datum)) continue;
      selected.push(r);
    }
  }
  return selected;
}

function ruptures({ rows, runs }: { rows: readonly EvaluatedRow[]; runs: Run[] }, c: Extract<SimpleCondition, { kind: 'rupture' }>): EvaluatedRow[] {
  const { critical, transitions, exceptTransitions, data } = c;
  const selected: EvaluatedRow[] = [];
  for (const run of runs) {
    if ((transitions && !onTransition(transitions, run)) || (exceptTransitions && onTransition(exceptTransitions, run))) continue;
    for (let i = run.start; i < run.end; i += 1) {
      const r = rows[i];
      if (critical !== undefined && critical !== r.critical) continue;
      if (data && !data.includes(r.datum ?? '')) continue;
      selected.push(r);
    }
  }
  return selected;
}

function computerised({ rows, runs }: { rows: readonly EvaluatedRow[]; runs: Run[] }, c: Extract<SimpleCondition, { kind: 'informatisation' }>): EvaluatedRow[] {
  const { steps, answer } = c;
  const selected: EvaluatedRow[] = [];
  for (const { step, start, end } of runs) {
    if (!steps.includes(step)) continue;
    for (let i = start; i < end; i += 1) if (rows[i].effective === answer) selected.push(rows[i]);
  }
  return selected;
}

/** The rows in one of these states (`all`: every row is), critical rows only when asked. */
function inStatesOf(rows: readonly EvaluatedRow[], statuses: readonly RowStatus[], all: boolean, criticalOnly: boolean): readonly EvaluatedRow[] {
  if (all && !criticalOnly) return rows;
  const selected: EvaluatedRow[] = [];
  for (let i = 0; i < rows.length; i += 1) if ((all || statuses.includes(rows[i].status)) && (!criticalOnly || rows[i].critical)) selected.push(rows[i]);
  return selected;
}

/** The rows in one of these states, in circuit order: the shortest list of the context that holds them all, and whether all its rows are. */
function inStates(statuses: readonly RowStatus[], { notOk, unanswered, invalid, incoherent }: ConditionContext): { rows: readonly EvaluatedRow[]; all: boolean } {
  const empty = statuses.includes('empty');
  const isInvalid = statuses.includes('invalid');
  const isIncoherent = statuses.includes('incoherent');
  if (!empty && !isIncoherent) return { rows: invalid, all: isInvalid };
  if (!isIncoherent) return { rows: unanswered, all: isInvalid };
  if (!empty && !isInvalid) return { rows: incoherent, all: true };
  return { rows: notOk(), all: empty && isInvalid };
}

function gapsOf(context: ConditionContext, type: QuestionType): readonly EvaluatedRow[] {
  return context.gaps.get(type) ?? NO_ROWS;
}

function rowsOf(c: SimpleCondition, context: ConditionContext): readonly EvaluatedRow[] {
  const { computerisation, readers, unanswered } = context;
  switch (c.kind) {
    case 'informatisation':
      return computerised(runsIn(context, computerisation), c);
    case 'donnee':
      return dataGaps(runsIn(context, gapsOf(context, 'Donnée')), c);
    case 'rupture':
      return ruptures(runsIn(context, gapsOf(context, 'Interopérabilité')), c);
    case 'lecteur': {
      const { zones } = c;
      return gapsOf(context, 'Lecteur').filter((r) => zones.includes(r.zone));
    }
    case 'depot':
      return gapsOf(context, 'Dépôt');
    case 'lecteur-sans-iud': {
      const equipped = new Set(readers.map((r) => r.step));
      const { critical } = c;
      return gapsOf(context, 'Donnée').filter((r) => (critical === undefined || critical === r.critical) && IUD_DATA.includes(r.datum ?? '') && equipped.has(r.step));
    }
    case 'logiciel-non-nomme':
      return context.unnamedSoftware;
    case 'statut': {
      const { rows, all } = inStates(c.statuses, context);
      return inStatesOf(rows, c.statuses, all, c.critical === true);
    }
    case 'completude':
      return unanswered;
    case 'taux-rupture':
      return gapsOf(context, 'Interopérabilité');
  }
}

/** The rate a threshold condition is about, when it crosses its threshold. */
function crossedRate(c: SimpleCondition, figures: Figures): Rate | null | undefined {
  if (c.kind === 'completude') {
    const rate = figures.overall.completude;
    return rate.value !== null && rate.value < c.below ? rate : null;
  }
  if (c.kind === 'taux-rupture') {
    const rate = figures.overall.rupture;
    return rate.value !== null && rate.value >= c.atLeast ? rate : null;
  }
  return undefined;
}

/** The lists of the context a condition selects its rows from. */
function inputsOf(c: SimpleCondition, context: ConditionContext): (readonly EvaluatedRow[] | undefined)[] {
  const { gaps, computerisation, unanswered, readers } = context;
  switch (c.kind) {
    case 'informatisation':
      return [computerisation];
    case 'logiciel-non-nomme':
      return [context.unnamedSoftware];
    case 'donnee':
      return [gaps.get('Donnée')];
    case 'rupture':
    case 'taux-rupture':
      return [gaps.get('Interopérabilité')];
    case 'lecteur':
      return [gaps.get('Lecteur')];
    case 'depot':
      return [gaps.get('Dépôt')];
    case 'lecteur-sans-iud':
      return [readers, gaps.get('Donnée')];
    case 'statut':
      return [inStates(c.statuses, context).rows];
    case 'completude':
      return [unanswered];
  }
}

function sameRate(a: Rate | null | undefined, b: Rate | null | undefined): boolean {
  return a === b || (!!a && !!b && a.numerator === b.numerator && a.denominator === b.denominator);
}

/** The same rows (the same objects) in the same order. */
export function sameRows(a: readonly EvaluatedRow[] | undefined, b: readonly EvaluatedRow[] | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

interface Matched {
  inputs: (readonly EvaluatedRow[] | undefined)[];
  rate: Rate | null | undefined;
  hit: Hit | null;
}

/**
 * The hits of the last analysis of the same sheet, by condition: a condition whose lists hold the
 * same rows as then, with the same rate, has the same hit. Rows are the same objects when they did
 * not change (see evaluate), so comparing lists costs no more than reading them once.
 */
export class ConditionMemory {
  private matched = new Map<Condition, Matched>();
  private next = new Map<Condition, Matched>();
  private unions = new Map<Condition, { parts: (Hit | null)[]; hit: Hit | null }>();
  private nextUnions = new Map<Condition, { parts: (Hit | null)[]; hit: Hit | null }>();
  private compared = new Map<readonly EvaluatedRow[] | undefined, Map<readonly EvaluatedRow[] | undefined, boolean>>();
  private reading?: Reading;

  /** The reading of the rows: the last one, with the rows that changed read again, when the rows are in the same places. */
  read(rows: readonly EvaluatedRow[]): Reading {
    const known = this.reading;
    const again = known && readAgain(known, rows);
    return (this.reading = again ?? readingOf(rows));
  }

  /** The hit kept for the condition, or undefined when it must be matched again. */
  recall(c: Condition, inputs: (readonly EvaluatedRow[] | undefined)[], rate: Rate | null | undefined): Hit | null | undefined {
    const known = this.matched.get(c);
    if (!known || !sameRate(known.rate, rate) || known.inputs.length !== inputs.length) return undefined;
    return inputs.every((list, i) => this.same(known.inputs[i], list)) ? known.hit : undefined;
  }

  keep(c: Condition, matched: Matched): void {
    this.next.set(c, matched);
  }

  /** The hit of a condition « une des » whose parts are the same hits as the last time. */
  recallUnion(c: Condition, parts: (Hit | null)[]): Hit | null | undefined {
    const known = this.unions.get(c);
    return known && known.parts.every((hit, i) => hit === parts[i]) ? known.hit : undefined;
  }

  keepUnion(c: Condition, parts: (Hit | null)[], hit: Hit | null): void {
    this.nextUnions.set(c, { parts, hit });
  }

  /** Ends an analysis: what it matched is what the next one recalls. */
  done(): void {
    this.matched = this.next;
    this.next = new Map();
    this.unions = this.nextUnions;
    this.nextUnions = new Map();
    this.compared = new Map();
  }

  private same(before: readonly EvaluatedRow[] | undefined, now: readonly EvaluatedRow[] | undefined): boolean {
    let byNow = this.compared.get(before);
    if (!byNow) this.compared.set(before, (byNow = new Map()));
    let same = byNow.get(now);
    if (same === undefined) byNow.set(now, (same = sameRows(before, now)));
    return same;
  }
}

function matchSimple(c: SimpleCondition, context: ConditionContext, memory?: ConditionMemory): Hit | null {
  const rate = crossedRate(c, context.figures);
  const inputs = memory ? inputsOf(c, context) : [];
  const known = memory?.recall(c, inputs, rate);
  if (known !== undefined) {
    memory!.keep(c, { inputs, rate, hit: known });
    return known;
  }
  const hit = rate === null ? null : hitOf(rowsOf(c, context), rate);
  memory?.keep(c, { inputs, rate, hit });
  return hit;
}

function hitOf(rows: readonly EvaluatedRow[], rate: Rate | undefined): Hit | null {
  return rows.length > 0 ? { rows, rate } : null;
}

/** The rows (and rate) that make a condition true, or null when the gap is absent. */
export function matchCondition(c: Condition, context: ConditionContext, memory?: ConditionMemory): Hit | null {
  if (c.kind !== 'une-des') return matchSimple(c, context, memory);
  const parts = c.conditions.map((simple) => matchSimple(simple, context, memory));
  const known = memory?.recallUnion(c, parts);
  const hit = known !== undefined ? known : union(parts, context.increasing);
  memory?.keepUnion(c, parts, hit);
  return hit;
}

/** `increasing`: no two rows share a sheet row (see circuitIndices). */
function union(parts: (Hit | null)[], increasing: boolean): Hit | null {
  const hits = parts.filter((hit): hit is Hit => hit !== null);
  if (hits.length === 0) return null;
  if (hits.length === 1) return { rows: hits[0].rows, rate: hits[0].rate };
  const rate = hits.find((hit) => hit.rate)?.rate;
  // Each hit is in circuit order already: merged, unless rows may share a sheet row, then ordered again.
  if (!increasing) return { rows: circuitOrder([...new Set(hits.flatMap((hit) => hit.rows))]), rate };
  let rows = hits[0].rows;
  for (let i = 1; i < hits.length; i += 1) rows = merged(rows, hits[i].rows);
  return { rows, rate };
}

/**
 * Where a row comes in circuit order: its place's rank, then its sheet row. Rows in circuit order
 * have increasing keys when no two rows share a sheet row.
 */
function circuitKeys(rows: readonly EvaluatedRow[]): Float64Array {
  let keys = CIRCUIT_KEYS.get(rows);
  if (!keys) CIRCUIT_KEYS.set(rows, (keys = keysOf(rows)));
  return keys;
}

/**
 * The keys of the lists merged, while the lists live: lists are never changed once made, and
 * the Analyser merges again lists of the last analysis with one that changed.
 */
const CIRCUIT_KEYS = new WeakMap<readonly EvaluatedRow[], Float64Array>();

function keysOf(rows: readonly EvaluatedRow[]): Float64Array {
  const ranks = placeRanks(rows);
  const keys = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i += 1) keys[i] = ranks[i] * SHEET_ROWS + rows[i].entry.row;
  return keys;
}

/** More rows than a sheet has (Excel: 1,048,576). */
const SHEET_ROWS = 2 ** 21;

/** Two lists in circuit order, merged; a row in both is taken once. */
function merged(a: readonly EvaluatedRow[], b: readonly EvaluatedRow[]): EvaluatedRow[] {
  const ka = circuitKeys(a);
  const kb = circuitKeys(b);
  const rows: EvaluatedRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (ka[i] < kb[j]) rows.push(a[i++]);
    else if (kb[j] < ka[i]) rows.push(b[j++]);
    else {
      rows.push(a[i++]);
      j += 1;
    }
  }
  while (i < a.length) rows.push(a[i++]);
  while (j < b.length) rows.push(b[j++]);
  return rows;
}
