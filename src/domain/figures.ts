/**
 * Figures of the Synthèse (SPEC §7), on effective answers, grouped by what the cells show (the
 * keys of evaluate.ts), so that COUNTIFS formulas over the cartographie find the same numbers.
 * Choices where the SPEC is silent, each expressible with COUNTIFS:
 * - an Interopérabilité row counts for its source step and the zone its Zone cell shows;
 * - per step, the Informatisation, Lecteur, Dépôt and IUD answers combine its rows, NON before OUI
 *   before NA (one row NON makes the step NON, as in the consistency rule), so row order never matters;
 * - lecteurs = steps whose Lecteur is OUI / steps whose Lecteur is OUI or NON, steps with
 *   Informatisation = NA left out; dépôts = steps whose Dépôt is OUI / those answered OUI or NON;
 * - a step's zone is the Zone its Informatisation row shows (the row that opens the step); a
 *   transition row is a "point de transition" when no Informatisation row of its destination step
 *   shows its Zone, so also when the destination has no Informatisation row in the sheet;
 * - "À la PUI" and "Aux blocs opératoires" are the other transition rows of that zone.
 */
import { CATALOGUE, stepById, zoneById } from './catalogue';
import { stepLabels, zoneLabel } from './evaluate';
import type {
  Answer,
  ContinuityView,
  ContinuityViewId,
  EquipmentFigures,
  EvaluatedRow,
  Figures,
  GapCounts,
  Rate,
  RateSet,
  StepEquipment,
  StepFigures,
  TransitionFigures,
  ZoneFigures,
} from './model';
import { tidyLabel } from './text';

export function rate(numerator: number, denominator: number): Rate {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** Answers counted; a field per answer, so that counting is no keyed access. */
class Counts {
  OUI = 0;
  NON = 0;
  NA = 0;

  add(answer: Answer): void {
    if (answer === 'OUI') this.OUI += 1;
    else if (answer === 'NON') this.NON += 1;
    else this.NA += 1;
  }
}
const none = (): Counts => new Counts();

/** Effective answers counted in one scope. */
class Tally {
  rows = 0;
  answered = 0;
  readonly data = none();
  readonly steps = none();
  readonly links = none();

  add(row: EvaluatedRow): void {
    this.rows += 1;
    if (row.effective === null) return;
    this.answered += 1;
    if (row.type === 'Donnée') this.data.add(row.effective);
    else if (row.type === 'Informatisation') this.steps.add(row.effective);
    else if (row.type === 'Interopérabilité') this.links.add(row.effective);
  }

  /** The rates, after the fields already in `into` (the scope they are about). */
  ratesInto<T extends object>(into: T): T & RateSet {
    const scope = into as T & RateSet;
    scope.completude = rate(this.answered, this.rows);
    scope.informatisation = rate(this.data.OUI, this.data.OUI + this.data.NON);
    scope.etapesInformatisees = rate(this.steps.OUI, this.steps.OUI + this.steps.NON);
    return linkRatesInto(scope, this.links);
  }
}

// Figures are built field by field: spreading an object into a literal after other fields takes
// V8's slow path (about a microsecond each, a few hundred per analysis).

type LinkRates = Pick<RateSet, 'interoperabilite' | 'continuite' | 'rupture'>;

function linkRatesInto<T extends object>(into: T, links: Counts): T & LinkRates {
  const all = links.OUI + links.NON + links.NA;
  const scope = into as T & LinkRates;
  scope.interoperabilite = rate(links.OUI, links.OUI + links.NON);
  scope.continuite = rate(links.OUI + links.NA, all);
  scope.rupture = rate(links.NON, all);
  return scope;
}

/** Map whose missing entries are created on first use, keeping first-use order. */
function entryOf<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

/** Catalogue keys first in circuit order, then the others in order of appearance. */
function ordered<T>(catalogueKeys: string[], map: Map<string, T>): string[] {
  const known = new Set(catalogueKeys);
  return [...catalogueKeys, ...[...map.keys()].filter((k) => !known.has(k))];
}

const VIEW_LABELS: Record<ContinuityViewId, string> = {
  pui: 'À la PUI',
  transitions: 'Aux points de transition',
  blocs: 'Aux blocs opératoires',
};

const ZONE_RANK = new Map<string, number>(CATALOGUE.zones.map((z) => [z.id, z.order]));

function zoneRank(zone: string): number {
  return ZONE_RANK.get(zone) ?? Number.MAX_SAFE_INTEGER;
}

/** The zone a step is shown under: the first in circuit order among the zones given (order-free). */
function zoneOfStep(step: string, zones: Set<string> | undefined): string {
  if (!zones || zones.size === 0) return stepById(step)?.zone ?? '';
  let best: string | undefined;
  for (const z of zones) if (best === undefined || zoneRank(z) < zoneRank(best) || (zoneRank(z) === zoneRank(best) && z < best)) best = z;
  return best!;
}

interface Link {
  from: string;
  to: string;
  tally: Tally;
  crossZone: boolean;
  views: Set<ContinuityViewId>;
  /** The zone labels of its rows, by the view each row counts in (null: none). */
  zones: Map<ContinuityViewId | null, Set<string>>;
}

/** Links by source then destination, and in order of first appearance. */
class Links {
  readonly list: Link[] = [];
  private readonly from = new Map<string, Map<string, Link>>();

  of(from: string, to: string): Link {
    let towards = this.from.get(from);
    if (!towards) this.from.set(from, (towards = new Map()));
    let link = towards.get(to);
    if (!link) {
      link = { from, to, tally: new Tally(), crossZone: false, views: new Set(), zones: new Map() };
      towards.set(to, link);
      this.list.push(link);
    }
    return link;
  }
}

/** What the rows of one step add up to, looked up once per row. */
interface StepScope {
  tally: Tally;
  /** Zones its Informatisation rows show (undefined: none), and, for display only, zones any of its rows show. */
  zonesOf?: Set<string>;
  shownUnder: Set<string>;
  /** Its equipment answers combined, and the software its first Informatisation row names. */
  equipment: Record<EquipmentField, Answer | null>;
  software: string;
}

function newStep(): StepScope {
  return { tally: new Tally(), shownUnder: new Set(), equipment: { informatisation: null, lecteur: null, iudId: null, iudIp: null, depot: null }, software: '' };
}

/** The label of a step key: the catalogue's, else the one the caller found for it, else the key. */
function stepName(names: Map<string, string>, key: string): string {
  return stepById(key)?.label ?? names.get(key) ?? key;
}

/**
 * `names`: the label of each step key, when the caller has them already (stepLabels of the same rows).
 */
export function computeFigures(rows: readonly EvaluatedRow[], names: Map<string, string> = stepLabels(rows)): Figures {
  const overall = new Tally();
  const zones = new Map<string, Tally>();
  const steps = new Map<string, StepScope>();
  const zoneNames = new Map<string, string>();
  // Catalogue transitions first.
  const links = new Links();
  const statuses = { empty: 0, invalid: 0, incoherent: 0 };
  // Rows that may be gaps of SPEC §5, counted once the zones of every step are known.
  const gapRows: EvaluatedRow[] = [];
  for (const zone of CATALOGUE.zones) zones.set(zone.id, new Tally());
  for (const step of CATALOGUE.steps) steps.set(step.id, newStep());
  for (const t of CATALOGUE.transitions) links.of(t.from, t.to);

  const transitionRows: EvaluatedRow[] = [];
  for (const row of rows) {
    overall.add(row);
    let zone = zones.get(row.zone);
    if (!zone) zones.set(row.zone, (zone = new Tally()));
    zone.add(row);
    if (!zoneNames.has(row.zone)) zoneNames.set(row.zone, zoneLabel(row.zone, row.entry.zone));
    const step = entryOf(steps, row.step, newStep);
    step.tally.add(row);
    step.shownUnder.add(row.zone);
    const field = equipmentField(row);
    if (field) step.equipment[field] = combine(step.equipment[field], row.effective);
    if (row.type === 'Informatisation') {
      (step.zonesOf ??= new Set()).add(row.zone);
      if (step.software === '') step.software = tidyLabel(row.entry.comment);
    }
    if (row.type === 'Interopérabilité' && row.to !== null) transitionRows.push(row);
    if (row.status !== 'ok') statuses[row.status] += 1;
    if (row.effective === 'NON' && (row.type === 'Donnée' || row.type === 'Interopérabilité')) gapRows.push(row);
  }

  const views: Record<ContinuityViewId, Counts> = { pui: none(), transitions: none(), blocs: none() };
  const towardsCity = new Set<EvaluatedRow>();
  for (const row of transitionRows) {
    const to = row.to as string;
    const link = links.of(row.step, to);
    link.tally.add(row);
    const destination = steps.get(to)?.zonesOf;
    const crossing = !destination?.has(row.zone);
    const view: ContinuityViewId | null = crossing ? 'transitions' : row.zone === 'pui' ? 'pui' : row.zone === 'bloc' ? 'blocs' : null;
    if (crossing) link.crossZone = true;
    const zonesIn = link.zones.get(view) ?? new Set<string>();
    link.zones.set(view, zonesIn.add(zoneLabel(row.zone, row.entry.zone)));
    if (view) {
      link.views.add(view);
      if (row.effective) views[view].add(row.effective);
    }
    if (destination?.has('ville')) towardsCity.add(row);
  }

  const stepKeys = ordered(
    CATALOGUE.steps.map((s) => s.id),
    steps,
  );
  const stepZone = new Map(stepKeys.map((step) => [step, zoneOfStep(step, steps.get(step)?.zonesOf ?? steps.get(step)?.shownUnder)]));

  const transitions: TransitionFigures[] = [];
  const inView = new Map<TransitionFigures, Link>();
  for (const link of links.list) {
    const { from, to, tally, crossZone } = link;
    const figures: TransitionFigures = linkRatesInto(
      {
        from,
        to,
        fromLabel: stepName(names, from),
        toLabel: stepName(names, to),
        crossZone: crossZone || (tally.rows === 0 && stepById(from)?.zone !== stepById(to)?.zone),
      },
      tally.links,
    ) as TransitionFigures;
    figures.ruptures = tally.links.NON;
    figures.rows = tally.rows;
    transitions.push(figures);
    inView.set(figures, link);
  }

  return {
    overall: overall.ratesInto({}),
    zones: ordered(
      CATALOGUE.zones.map((z) => z.id),
      zones,
    ).map((zone): ZoneFigures => zones.get(zone)!.ratesInto({ zone, label: zoneById(zone)?.label ?? zoneNames.get(zone) ?? zone })),
    steps: stepKeys.map((step): StepFigures => steps.get(step)!.tally.ratesInto({ step, label: stepName(names, step), zone: stepZone.get(step) ?? '' })),
    transitions,
    views: {
      pui: continuityView('pui', views.pui, transitions, inView),
      transitions: continuityView('transitions', views.transitions, transitions, inView),
      blocs: continuityView('blocs', views.blocs, transitions, inView),
    },
    equipment: equipment(steps, stepKeys, names, stepZone),
    counts: { rows: rows.length, answered: overall.answered, ...statuses, ...gapCounts(gapRows, towardsCity) },
  };
}

/** The transitions whose rows count in a view, with that view's counts. */
function continuityView(id: ContinuityViewId, counts: Counts, transitions: TransitionFigures[], inView: Map<TransitionFigures, Link>): ContinuityView {
  const shown = linkRatesInto({ id, label: VIEW_LABELS[id] }, counts) as ContinuityView;
  shown.transitions = transitions.filter((t) => inView.get(t)?.views.has(id));
  // A link whose rows count in several views (or none): only the rows of the zones counted here.
  const zonesCounted = shown.transitions.flatMap((t) => {
    const { zones } = inView.get(t) as Link;
    return zones.size > 1 ? [{ from: t.from, to: t.to, zones: [...(zones.get(id) ?? [])] }] : [];
  });
  if (zonesCounted.length > 0) shown.zonesCounted = zonesCounted;
  return shown;
}

/** The gaps of SPEC §5, counted apart (see GapCounts), among the Donnée and Interopérabilité rows answered NON. */
function gapCounts(rows: readonly EvaluatedRow[], towardsCity: Set<EvaluatedRow>): GapCounts {
  const counts: GapCounts = { missingTraceabilityData: 0, sanitaryRuptures: 0, cityGaps: 0, financialGaps: 0 };
  for (const row of rows) {
    if (row.critical) {
      if (row.type === 'Donnée') counts.missingTraceabilityData += 1;
      else counts.sanitaryRuptures += 1;
    } else if (row.zone === 'ville' || towardsCity.has(row)) counts.cityGaps += 1;
    else counts.financialGaps += 1;
  }
  return counts;
}

const PRECEDENCE: Record<Answer, number> = { NA: 1, OUI: 2, NON: 3 };

/** Combines the answers of a step's rows: NON before OUI before NA. */
function combine(current: Answer | null, next: Answer | null): Answer | null {
  if (next === null) return current;
  return current === null || PRECEDENCE[next] > PRECEDENCE[current] ? next : current;
}

type EquipmentField = 'informatisation' | 'lecteur' | 'depot' | 'iudId' | 'iudIp';

function equipmentField(row: EvaluatedRow): EquipmentField | null {
  if (row.type === 'Informatisation') return 'informatisation';
  if (row.type === 'Lecteur') return 'lecteur';
  if (row.type === 'Dépôt') return 'depot';
  if (row.type === 'Donnée' && row.datum === 'iud-id') return 'iudId';
  if (row.type === 'Donnée' && row.datum === 'iud-ip') return 'iudIp';
  return null;
}

/** Share of the steps answered OUI among those answered OUI or NON for a field. */
function stepShare(items: StepEquipment[], field: EquipmentField): Rate {
  const answered = items.filter((s) => s[field] === 'OUI' || s[field] === 'NON');
  return rate(answered.filter((s) => s[field] === 'OUI').length, answered.length);
}

function equipment(steps: Map<string, StepScope>, stepKeys: string[], names: Map<string, string>, stepZone: Map<string, string>): EquipmentFigures {
  const items = stepKeys.map((step): StepEquipment => {
    const { equipment: answers, software } = steps.get(step)!;
    const { informatisation, lecteur, iudId, iudIp, depot } = answers;
    return { step, label: stepName(names, step), zone: stepZone.get(step) ?? '', informatisation, lecteur, iudId, iudIp, depot, software };
  });
  return {
    lecteurs: stepShare(
      items.filter((s) => s.informatisation !== 'NA'),
      'lecteur',
    ),
    depots: stepShare(items, 'depot'),
    steps: items,
  };
}
