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
import { samePlaces, stepLabels, zoneLabel } from './evaluate';
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

  add(answer: Answer, sign: 1 | -1 = 1): void {
    if (answer === 'OUI') this.OUI += sign;
    else if (answer === 'NON') this.NON += sign;
    else this.NA += sign;
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

  add(row: EvaluatedRow, sign: 1 | -1): void {
    this.rows += sign;
    if (row.effective === null) return;
    this.answered += sign;
    if (row.type === 'Donnée') this.data.add(row.effective, sign);
    else if (row.type === 'Informatisation') this.steps.add(row.effective, sign);
    else if (row.type === 'Interopérabilité') this.links.add(row.effective, sign);
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

/**
 * Catalogue keys first in circuit order, then the others in order of appearance; `map` holds the
 * catalogue keys first, so when it holds no other the catalogue keys are the answer.
 */
function ordered<T>(catalogueKeys: readonly string[], map: Map<string, T>): readonly string[] {
  if (map.size === catalogueKeys.length) return catalogueKeys;
  const known = new Set(catalogueKeys);
  return [...catalogueKeys, ...[...map.keys()].filter((k) => !known.has(k))];
}

const STEP_IDS = CATALOGUE.steps.map((s) => s.id);
const ZONE_IDS = CATALOGUE.zones.map((z) => z.id);

const VIEW_LABELS: Record<ContinuityViewId, string> = {
  pui: 'À la PUI',
  transitions: 'Aux points de transition',
  blocs: 'Aux blocs opératoires',
};

const ZONE_RANK = new Map<string, number>(CATALOGUE.zones.map((z) => [z.id, z.order]));

function zoneRank(zone: string): number {
  return ZONE_RANK.get(zone) ?? Number.MAX_SAFE_INTEGER;
}

/** The first of two zones in circuit order (order-free). */
function firstZone(a: string | undefined, b: string): string {
  return a === undefined || zoneRank(b) < zoneRank(a) || (zoneRank(b) === zoneRank(a) && b < a) ? b : a;
}

/** The zone a step is shown under: the first in circuit order among the zones of its Informatisation rows, else of any of its rows. */
function zoneOfStep(step: string, scope: StepScope | undefined): string {
  let best: string | undefined;
  if (scope?.zonesOf) for (const z of scope.zonesOf) best = firstZone(best, z);
  return best ?? scope?.shownUnder ?? stepById(step)?.zone ?? '';
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
  /** Zones its Informatisation rows show (undefined: none), and, for display only, the first in circuit order any of its rows shows. */
  zonesOf?: Set<string>;
  shownUnder?: string;
  /** The answers of its equipment rows, combined when the figures are made; the software its first Informatisation row names. */
  equipment: Record<EquipmentField, Counts>;
  software: string;
}

function newStep(): StepScope {
  return { tally: new Tally(), shownUnder: undefined, equipment: { informatisation: none(), lecteur: none(), iudId: none(), iudIp: none(), depot: none() }, software: '' };
}

/** The label of a step key: the catalogue's, else the one the caller found for it, else the key. */
function stepName(names: Map<string, string>, key: string): string {
  return stepById(key)?.label ?? names.get(key) ?? key;
}

/**
 * What the figures add up: the scopes of the rows (zones, steps, transitions, found from the cells
 * other than the answers) and the effective answers counted in each. Counting is additive, so the
 * totals of a sheet whose answers only changed are those of the last version with the changed rows
 * taken out and put back in.
 */
export class FigureTotals {
  private rows: readonly EvaluatedRow[];
  private readonly overall = new Tally();
  private readonly zones = new Map<string, Tally>();
  private readonly steps = new Map<string, StepScope>();
  private readonly zoneNames = new Map<string, string>();
  // Catalogue transitions first.
  private readonly links = new Links();
  private readonly statuses = { empty: 0, invalid: 0, incoherent: 0 };
  private readonly views: Record<ContinuityViewId, Counts> = { pui: none(), transitions: none(), blocs: none() };
  private readonly gaps: GapCounts = { missingTraceabilityData: 0, sanitaryRuptures: 0, cityGaps: 0, financialGaps: 0 };

  constructor(rows: readonly EvaluatedRow[]) {
    this.rows = rows;
    const { zones, steps, zoneNames, links } = this;
    for (const zone of CATALOGUE.zones) zones.set(zone.id, new Tally());
    for (const step of CATALOGUE.steps) steps.set(step.id, newStep());
    for (const t of CATALOGUE.transitions) links.of(t.from, t.to);
    const transitionRows: EvaluatedRow[] = [];
    // Consecutive rows mostly share their zone and step: those of the row before are not looked up again.
    let zone: Tally | undefined;
    let step: StepScope | undefined;
    // Loops over the rows are indexed: until a function is optimised, for…of allocates at each row.
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i];
      const before = i > 0 ? rows[i - 1] : undefined;
      if (zone === undefined || row.zone !== before!.zone) {
        zone = zones.get(row.zone);
        // A zone other than the catalogue's is named after the first label written for it.
        if (!zone) {
          zones.set(row.zone, (zone = new Tally()));
          zoneNames.set(row.zone, zoneLabel(row.zone, row.entry.zone));
        }
      }
      if (step === undefined || row.step !== before!.step) step = entryOf(steps, row.step, newStep);
      if (row.zone !== step.shownUnder) step.shownUnder = firstZone(step.shownUnder, row.zone);
      if (row.type === 'Informatisation') {
        (step.zonesOf ??= new Set()).add(row.zone);
        if (step.software === '' && row.entry.comment !== '') step.software = tidyLabel(row.entry.comment);
      }
      if (row.type === 'Interopérabilité' && row.to !== null) transitionRows.push(row);
      else this.countIn(row, 1, zone, step);
    }
    // Where a transition row counts depends on the zones of its destination, known once every row is placed.
    for (let i = 0; i < transitionRows.length; i += 1) {
      const row = transitionRows[i];
      const link = links.of(row.step, row.to as string);
      const view = this.viewOf(row);
      if (view === 'transitions') link.crossZone = true;
      let zonesIn = link.zones.get(view);
      if (zonesIn === undefined) link.zones.set(view, (zonesIn = new Set()));
      zonesIn.add(zoneLabel(row.zone, row.entry.zone));
      if (view) link.views.add(view);
      this.countIn(row, 1, zones.get(row.zone)!, steps.get(row.step)!, link, view);
    }
  }

  /**
   * The totals of `rows`: these, updated, when `rows` are the rows last counted with only some
   * answers changed (each row the same object or one of the same place), else new totals.
   */
  next(rows: readonly EvaluatedRow[]): FigureTotals {
    const before = this.rows;
    if (!samePlaces(before, rows)) return new FigureTotals(rows);
    for (let i = 0; i < rows.length; i += 1) {
      if (rows[i] === before[i]) continue;
      this.count(before[i], -1);
      this.count(rows[i], 1);
    }
    this.rows = rows;
    return this;
  }

  /** Counts a row of a known place in (sign 1) or out (sign -1). */
  private count(row: EvaluatedRow, sign: 1 | -1): void {
    const transition = row.type === 'Interopérabilité' && row.to !== null;
    const link = transition ? this.links.of(row.step, row.to as string) : undefined;
    this.countIn(row, sign, this.zones.get(row.zone)!, this.steps.get(row.step)!, link, transition ? this.viewOf(row) : null);
  }

  private countIn(row: EvaluatedRow, sign: 1 | -1, zone: Tally, step: StepScope, link?: Link, view: ContinuityViewId | null = null): void {
    this.overall.add(row, sign);
    zone.add(row, sign);
    step.tally.add(row, sign);
    const field = equipmentField(row);
    if (field && row.effective !== null) step.equipment[field].add(row.effective, sign);
    // Fields named in full: a field picked by a string read at run time is a slower, keyed access.
    if (row.status === 'empty') this.statuses.empty += sign;
    else if (row.status === 'invalid') this.statuses.invalid += sign;
    else if (row.status === 'incoherent') this.statuses.incoherent += sign;
    if (link) {
      link.tally.add(row, sign);
      if (view && row.effective) this.views[view].add(row.effective, sign);
    }
    if (row.effective === 'NON' && (row.type === 'Donnée' || row.type === 'Interopérabilité')) this.countGap(row, sign);
  }

  /** The continuity view a transition row counts in: none, or the point de transition it crosses, or its zone's. */
  private viewOf(row: EvaluatedRow): ContinuityViewId | null {
    const crossing = !this.steps.get(row.to as string)?.zonesOf?.has(row.zone);
    return crossing ? 'transitions' : row.zone === 'pui' ? 'pui' : row.zone === 'bloc' ? 'blocs' : null;
  }

  /** Counts a Donnée or Interopérabilité row answered NON in its gap of SPEC §5 (see GapCounts). */
  private countGap(row: EvaluatedRow, sign: 1 | -1): void {
    const { gaps } = this;
    if (row.critical) {
      if (row.type === 'Donnée') gaps.missingTraceabilityData += sign;
      else gaps.sanitaryRuptures += sign;
      return;
    }
    const towardsCity = row.type === 'Interopérabilité' && row.to !== null && this.steps.get(row.to)?.zonesOf?.has('ville') === true;
    if (row.zone === 'ville' || towardsCity) gaps.cityGaps += sign;
    else gaps.financialGaps += sign;
  }

  /** `names`: the label of each step key (stepLabels of the rows). */
  figures(names: Map<string, string>): Figures {
    const { overall, zones, steps, zoneNames, links, views } = this;
    const stepKeys = ordered(STEP_IDS, steps);
    const stepZone = new Map(stepKeys.map((step) => [step, zoneOfStep(step, steps.get(step))]));

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
      zones: ordered(ZONE_IDS, zones).map((zone): ZoneFigures => zones.get(zone)!.ratesInto({ zone, label: zoneById(zone)?.label ?? zoneNames.get(zone) ?? zone })),
      steps: stepKeys.map((step): StepFigures => steps.get(step)!.tally.ratesInto({ step, label: stepName(names, step), zone: stepZone.get(step) ?? '' })),
      transitions,
      views: {
        pui: continuityView('pui', views.pui, transitions, inView),
        transitions: continuityView('transitions', views.transitions, transitions, inView),
        blocs: continuityView('blocs', views.blocs, transitions, inView),
      },
      equipment: equipment(steps, stepKeys, names, stepZone),
      counts: this.counts(),
    };
  }

  private counts(): Figures['counts'] {
    const { statuses, gaps } = this;
    return {
      rows: this.rows.length,
      answered: this.overall.answered,
      empty: statuses.empty,
      invalid: statuses.invalid,
      incoherent: statuses.incoherent,
      missingTraceabilityData: gaps.missingTraceabilityData,
      sanitaryRuptures: gaps.sanitaryRuptures,
      cityGaps: gaps.cityGaps,
      financialGaps: gaps.financialGaps,
    };
  }
}

export function computeFigures(rows: readonly EvaluatedRow[], names: Map<string, string> = stepLabels(rows)): Figures {
  return new FigureTotals(rows).figures(names);
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

/** The answers of a step's rows combined: NON before OUI before NA. */
function combined(counts: Counts): Answer | null {
  return counts.NON > 0 ? 'NON' : counts.OUI > 0 ? 'OUI' : counts.NA > 0 ? 'NA' : null;
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

function equipment(steps: Map<string, StepScope>, stepKeys: readonly string[], names: Map<string, string>, stepZone: Map<string, string>): EquipmentFigures {
  const items = stepKeys.map((step): StepEquipment => {
    const { equipment: answers, software } = steps.get(step)!;
    return {
      step,
      label: stepName(names, step),
      zone: stepZone.get(step) ?? '',
      informatisation: combined(answers.informatisation),
      lecteur: combined(answers.lecteur),
      iudId: combined(answers.iudId),
      iudIp: combined(answers.iudIp),
      depot: combined(answers.depot),
      software,
    };
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
