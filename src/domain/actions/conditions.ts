/** Evaluation of template conditions over effective answers: the rows that reveal each gap. */
import type { EvaluatedRow, Figures, Rate } from '../model';
import { tidyLabel } from '../text';
import { stepRank } from './ordering';
import type { Condition, SimpleCondition } from './schema';

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
 * Donnée and Lecteur gaps at a step without software are left to the Informatisation templates:
 * "set up the field in the software" means nothing where there is no software yet.
 */
function stepsWithoutSoftware(rows: EvaluatedRow[]): Set<string> {
  return new Set(rows.filter((r) => r.type === 'Informatisation' && isNon(r)).map((r) => r.step));
}

/** What every condition reads, computed once per analysis rather than once per template. */
export interface ConditionContext {
  all: EvaluatedRow[];
  /** Rows left once the gaps of steps without software are set aside. */
  eligible: EvaluatedRow[];
  position: Map<EvaluatedRow, number>;
  figures: Figures;
}

export function conditionContext(all: EvaluatedRow[], figures: Figures): ConditionContext {
  const withoutSoftware = stepsWithoutSoftware(all);
  const eligible = all.filter((r) => !((r.type === 'Donnée' || r.type === 'Lecteur') && withoutSoftware.has(r.step)));
  return { all, eligible, position: new Map(all.map((r, i) => [r, i])), figures };
}

function rowsOf(c: SimpleCondition, { all, eligible: rows }: ConditionContext): EvaluatedRow[] {
  switch (c.kind) {
    case 'informatisation':
      return rows.filter((r) => r.type === 'Informatisation' && c.steps.includes(r.step) && r.effective === c.answer);
    case 'donnee':
      return rows.filter(
        (r) =>
          r.type === 'Donnée' &&
          isNon(r) &&
          c.data.includes(r.datum ?? '') &&
          (!c.steps || c.steps.includes(r.step)) &&
          !c.exceptSteps?.includes(r.step),
      );
    case 'rupture':
      return rows.filter(
        (r) =>
          r.type === 'Interopérabilité' &&
          isNon(r) &&
          c.transitions.some(([from, to]) => r.step === from && r.to === to) &&
          (!c.data || c.data.includes(r.datum ?? '')),
      );
    case 'lecteur':
      return rows.filter((r) => r.type === 'Lecteur' && isNon(r) && c.zones.includes(r.zone));
    case 'depot':
      return rows.filter((r) => r.type === 'Dépôt' && isNon(r));
    case 'lecteur-sans-iud': {
      const equipped = new Set(rows.filter((r) => r.type === 'Lecteur' && r.effective === 'OUI').map((r) => r.step));
      return rows.filter((r) => r.type === 'Donnée' && isNon(r) && IUD_DATA.includes(r.datum ?? '') && equipped.has(r.step));
    }
    case 'logiciel-non-nomme':
      return rows.filter((r) => r.type === 'Informatisation' && r.effective === 'OUI' && tidyLabel(r.entry.comment) === '');
    case 'statut':
      return all.filter((r) => (c.statuses as readonly string[]).includes(r.status) && (!c.critical || r.critical));
    case 'completude':
      return all.filter((r) => r.status === 'empty' || r.status === 'invalid');
    case 'taux-rupture':
      return all.filter((r) => r.type === 'Interopérabilité' && isNon(r));
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

function circuitOrder(rows: EvaluatedRow[], position: Map<EvaluatedRow, number>): EvaluatedRow[] {
  return [...rows].sort((a, b) => stepRank(a.step) - stepRank(b.step) || position.get(a)! - position.get(b)!);
}

/** The rows (and rate) that make a condition true, or null when the gap is absent. */
export function matchCondition(c: Condition, context: ConditionContext): Hit | null {
  const hits = (c.kind === 'une-des' ? c.conditions : [c])
    .map((simple) => matchSimple(simple, context))
    .filter((hit): hit is Hit => hit !== null);
  if (hits.length === 0) return null;
  const matched = new Set(hits.flatMap((hit) => hit.rows));
  return { rows: circuitOrder([...matched], context.position), rate: hits.find((hit) => hit.rate)?.rate };
}
