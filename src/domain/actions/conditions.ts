/** Evaluation of template conditions over effective answers: the rows that reveal each gap. */
import { stepById } from '../catalogue';
import type { EvaluatedRow, Figures, QuestionType, Rate } from '../model';
import { tidyLabel } from '../text';
import { placeRank } from './ordering';
import { simpleConditions, type Condition, type SimpleCondition } from './schema';

export interface Hit {
  /** Rows behind the finding, in circuit order. */
  rows: EvaluatedRow[];
  /** The rate a threshold condition compared. */
  rate?: Rate;
}

const IUD_DATA = ['iud-id', 'iud-ip'];

function isNon(row: EvaluatedRow): boolean {
  return row.effective === 'NON';
}

/**
 * Catalogue steps answered Informatisation = NON. Their Donnée and Lecteur gaps are left to the
 * Informatisation templates: "set up the field in the software" means nothing where there is no
 * software yet. Steps the establishment added have no such template: their gaps stay.
 */
export function stepsWithoutSoftware(rows: readonly EvaluatedRow[]): Set<string> {
  const steps = new Set<string>();
  for (const r of rows) if (r.type === 'Informatisation' && isNon(r) && stepById(r.step)) steps.add(r.step);
  return steps;
}

/** What every condition reads, computed once per analysis rather than once per template. */
export interface ConditionContext {
  /** Every row, in circuit order (so that the rows a condition selects are already in order). */
  all: readonly EvaluatedRow[];
  /** Rows answered NON (effective), once the gaps of steps without software are set aside, by type, in circuit order. */
  gaps: Map<QuestionType | null, EvaluatedRow[]>;
  /** Informatisation rows answered, in circuit order. */
  computerisation: EvaluatedRow[];
  /** Rows empty, invalid or incoherent, in circuit order. */
  notOk: EvaluatedRow[];
  figures: Figures;
}

const NO_ROWS: readonly EvaluatedRow[] = [];

/**
 * Rows in circuit order of where their gap is, then sheet order (ties keep their order). A sheet
 * has a few dozen places for thousands of rows: rows are dealt by place, then each place sorted.
 */
function circuitOrder(rows: readonly EvaluatedRow[]): EvaluatedRow[] {
  const byRank = new Map<number, EvaluatedRow[]>();
  for (const row of rows) {
    const rank = placeRank(row.step, row.to);
    const place = byRank.get(rank);
    if (place) place.push(row);
    else byRank.set(rank, [row]);
  }
  const ordered: EvaluatedRow[] = [];
  for (const rank of [...byRank.keys()].sort((a, b) => a - b)) {
    const place = byRank.get(rank)!;
    if (!inSheetOrder(place)) place.sort((a, b) => a.entry.row - b.entry.row);
    for (const row of place) ordered.push(row);
  }
  return ordered;
}

function inSheetOrder(rows: readonly EvaluatedRow[]): boolean {
  for (let i = 1; i < rows.length; i += 1) if (rows[i].entry.row < rows[i - 1].entry.row) return false;
  return true;
}

export function conditionContext(rows: readonly EvaluatedRow[], figures: Figures): ConditionContext {
  const withoutSoftware = stepsWithoutSoftware(rows);
  const all = circuitOrder(rows);
  const gaps = new Map<QuestionType | null, EvaluatedRow[]>();
  const computerisation: EvaluatedRow[] = [];
  const notOk: EvaluatedRow[] = [];
  for (const r of all) {
    if (r.status !== 'ok') notOk.push(r);
    if (r.type === 'Informatisation' && r.effective !== null) computerisation.push(r);
    if (!isNon(r) || ((r.type === 'Donnée' || r.type === 'Lecteur') && withoutSoftware.has(r.step))) continue;
    const ofType = gaps.get(r.type);
    if (ofType) ofType.push(r);
    else gaps.set(r.type, [r]);
  }
  return { all, gaps, computerisation, notOk, figures };
}

function criticalOk(c: { critical?: boolean }, r: EvaluatedRow): boolean {
  return c.critical === undefined || c.critical === r.critical;
}

function onTransition(pairs: [string, string][] | undefined, r: EvaluatedRow): boolean {
  return pairs !== undefined && pairs.some(([from, to]) => r.step === from && r.to === to);
}

function rowsOf(c: SimpleCondition, { all, gaps: gapsByType, computerisation, notOk }: ConditionContext): EvaluatedRow[] {
  const gaps = (type: QuestionType): readonly EvaluatedRow[] => gapsByType.get(type) ?? NO_ROWS;
  switch (c.kind) {
    case 'informatisation':
      return computerisation.filter((r) => c.steps.includes(r.step) && r.effective === c.answer);
    case 'donnee':
      return gaps('Donnée').filter(
        (r) =>
          criticalOk(c, r) &&
          (!c.data || c.data.includes(r.datum ?? '')) &&
          !c.exceptData?.includes(r.datum ?? '') &&
          (!c.steps || c.steps.includes(r.step)) &&
          !c.exceptSteps?.includes(r.step),
      );
    case 'rupture':
      return gaps('Interopérabilité').filter(
        (r) =>
          criticalOk(c, r) &&
          (!c.transitions || onTransition(c.transitions, r)) &&
          !onTransition(c.exceptTransitions, r) &&
          (!c.data || c.data.includes(r.datum ?? '')),
      );
    case 'lecteur':
      return gaps('Lecteur').filter((r) => c.zones.includes(r.zone));
    case 'depot':
      return gaps('Dépôt').slice();
    case 'lecteur-sans-iud': {
      const equipped = new Set(all.filter((r) => r.type === 'Lecteur' && r.effective === 'OUI').map((r) => r.step));
      return gaps('Donnée').filter((r) => criticalOk(c, r) && IUD_DATA.includes(r.datum ?? '') && equipped.has(r.step));
    }
    case 'logiciel-non-nomme':
      return computerisation.filter((r) => r.effective === 'OUI' && tidyLabel(r.entry.comment) === '');
    case 'statut':
      return notOk.filter((r) => (c.statuses as readonly string[]).includes(r.status) && (!c.critical || r.critical));
    case 'completude':
      return notOk.filter((r) => r.status === 'empty' || r.status === 'invalid');
    case 'taux-rupture':
      return gaps('Interopérabilité').slice();
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

function matchSimple(c: SimpleCondition, context: ConditionContext): Hit | null {
  const rate = crossedRate(c, context.figures);
  if (rate === null) return null;
  const hits = rowsOf(c, context);
  return hits.length > 0 ? { rows: hits, rate } : null;
}

/** The rows (and rate) that make a condition true, or null when the gap is absent. */
export function matchCondition(c: Condition, context: ConditionContext): Hit | null {
  const hits = simpleConditions(c)
    .map((simple) => matchSimple(simple, context))
    .filter((hit): hit is Hit => hit !== null);
  if (hits.length === 0) return null;
  // Each hit is in circuit order already; only a union of several needs ordering again.
  const rows = hits.length === 1 ? hits[0].rows : circuitOrder([...new Set(hits.flatMap((hit) => hit.rows))]);
  return { rows, rate: hits.find((hit) => hit.rate)?.rate };
}
