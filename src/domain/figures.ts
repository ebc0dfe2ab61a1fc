/**
 * Figures of the Synthèse (SPEC §7), on effective answers. Choices where the SPEC is silent:
 * - an Interopérabilité row counts for its source step and that step's zone (the sheet lists it there);
 * - per step, the Informatisation, Lecteur, Dépôt and IUD answers are those of its first answered row;
 * - lecteurs = steps whose Lecteur is OUI / steps whose Lecteur is OUI or NON, steps with
 *   Informatisation = NA left out; dépôts = steps whose Dépôt is OUI / those answered OUI or NON;
 * - a destination step whose zone cannot be found makes its transition a "point de transition".
 */
import { CATALOGUE, stepById, zoneById } from './catalogue';
import { stepLabels } from './evaluate';
import type {
  Answer,
  ContinuityView,
  ContinuityViewId,
  EquipmentFigures,
  EvaluatedRow,
  Figures,
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

/** Effective answers counted in one scope. */
class Tally {
  rows = 0;
  answered = 0;
  readonly data = { OUI: 0, NON: 0, NA: 0 };
  readonly steps = { OUI: 0, NON: 0, NA: 0 };
  readonly links = { OUI: 0, NON: 0, NA: 0 };

  add(row: EvaluatedRow): void {
    this.rows += 1;
    if (row.effective === null) return;
    this.answered += 1;
    if (row.type === 'Donnée') this.data[row.effective] += 1;
    else if (row.type === 'Informatisation') this.steps[row.effective] += 1;
    else if (row.type === 'Interopérabilité') this.links[row.effective] += 1;
  }

  rates(): RateSet {
    return {
      completude: rate(this.answered, this.rows),
      informatisation: rate(this.data.OUI, this.data.OUI + this.data.NON),
      etapesInformatisees: rate(this.steps.OUI, this.steps.OUI + this.steps.NON),
      ...linkRates(this.links),
    };
  }
}

function linkRates(links: Record<Answer, number>): Pick<RateSet, 'interoperabilite' | 'continuite' | 'rupture'> {
  const all = links.OUI + links.NON + links.NA;
  return {
    interoperabilite: rate(links.OUI, links.OUI + links.NON),
    continuite: rate(links.OUI + links.NA, all),
    rupture: rate(links.NON, all),
  };
}

/** Map whose missing entries are created on first use, keeping first-use order. */
function tallyOf<K>(map: Map<K, Tally>, key: K): Tally {
  let tally = map.get(key);
  if (!tally) {
    tally = new Tally();
    map.set(key, tally);
  }
  return tally;
}

/** Catalogue keys first in circuit order, then the others in order of appearance. */
function ordered<T>(catalogueKeys: string[], map: Map<string, T>): string[] {
  return [...catalogueKeys, ...[...map.keys()].filter((k) => !catalogueKeys.includes(k))];
}

const VIEW_LABELS: Record<ContinuityViewId, string> = {
  pui: 'À la PUI',
  transitions: 'Aux points de transition',
  blocs: 'Aux blocs opératoires',
};

export function computeFigures(rows: EvaluatedRow[]): Figures {
  const overall = new Tally();
  const zones = new Map<string, Tally>();
  const steps = new Map<string, Tally>();
  const links = new Map<string, { from: string; to: string; tally: Tally }>();
  const zoneOfStep = new Map<string, string>(CATALOGUE.steps.map((s) => [s.id, s.zone]));
  const zoneLabels = new Map<string, string>();
  for (const zone of CATALOGUE.zones) tallyOf(zones, zone.id);
  for (const step of CATALOGUE.steps) tallyOf(steps, step.id);
  for (const t of CATALOGUE.transitions) links.set(`${t.from}>${t.to}`, { from: t.from, to: t.to, tally: new Tally() });

  for (const row of rows) {
    overall.add(row);
    tallyOf(zones, row.zone).add(row);
    tallyOf(steps, row.step).add(row);
    if (!zoneOfStep.has(row.step)) zoneOfStep.set(row.step, row.zone);
    if (!zoneLabels.has(row.zone)) zoneLabels.set(row.zone, zoneById(row.zone)?.label ?? tidyLabel(row.entry.zone));
    if (row.type === 'Interopérabilité' && row.to !== null) {
      const key = `${row.step}>${row.to}`;
      if (!links.has(key)) links.set(key, { from: row.step, to: row.to, tally: new Tally() });
      links.get(key)?.tally.add(row);
    }
  }

  const names = stepLabels(rows);
  const stepName = (key: string): string => stepById(key)?.label ?? names.get(key) ?? key;
  const stepKeys = ordered(
    CATALOGUE.steps.map((s) => s.id),
    steps,
  );

  const transitions: TransitionFigures[] = [...links.values()].map(({ from, to, tally }) => {
    const fromZone = zoneOfStep.get(from) ?? '';
    const toZone = zoneOfStep.get(to) ?? '';
    return {
      from,
      to,
      fromLabel: stepName(from),
      toLabel: stepName(to),
      crossZone: fromZone !== toZone || toZone === '',
      ...linkRates(tally.links),
      ruptures: tally.links.NON,
      rows: tally.rows,
    };
  });
  const inZone = (t: TransitionFigures, zone: string): boolean => zoneOfStep.get(t.from) === zone && zoneOfStep.get(t.to) === zone;
  const view = (id: ContinuityViewId, keep: (t: TransitionFigures) => boolean): ContinuityView => {
    const chosen = transitions.filter(keep);
    const sum = { OUI: 0, NON: 0, NA: 0 };
    for (const t of chosen) {
      sum.OUI += t.interoperabilite.numerator;
      sum.NON += t.ruptures;
      sum.NA += t.continuite.numerator - t.interoperabilite.numerator;
    }
    return { id, label: VIEW_LABELS[id], ...linkRates(sum), transitions: chosen };
  };

  return {
    overall: overall.rates(),
    zones: ordered(
      CATALOGUE.zones.map((z) => z.id),
      zones,
    ).map(
      (zone): ZoneFigures => ({ zone, label: zoneLabels.get(zone) ?? zoneById(zone)?.label ?? zone, ...tallyOf(zones, zone).rates() }),
    ),
    steps: stepKeys.map(
      (step): StepFigures => ({ step, label: stepName(step), zone: zoneOfStep.get(step) ?? '', ...tallyOf(steps, step).rates() }),
    ),
    transitions,
    views: {
      pui: view('pui', (t) => inZone(t, 'pui')),
      transitions: view('transitions', (t) => t.crossZone),
      blocs: view('blocs', (t) => inZone(t, 'bloc')),
    },
    equipment: equipment(rows, stepKeys, stepName, zoneOfStep),
    counts: {
      rows: rows.length,
      answered: overall.answered,
      empty: rows.filter((r) => r.status === 'empty').length,
      invalid: rows.filter((r) => r.status === 'invalid').length,
      incoherent: rows.filter((r) => r.status === 'incoherent').length,
      criticalGaps: rows.filter((r) => r.critical && r.effective === 'NON').length,
    },
  };
}

function equipment(
  rows: EvaluatedRow[],
  stepKeys: string[],
  stepName: (key: string) => string,
  zoneOfStep: Map<string, string>,
): EquipmentFigures {
  const byStep = new Map<string, StepEquipment>(
    stepKeys.map((step) => [
      step,
      { step, label: stepName(step), zone: zoneOfStep.get(step) ?? '', informatisation: null, lecteur: null, iudId: null, iudIp: null, depot: null, software: '' },
    ]),
  );
  for (const row of rows) {
    const item = byStep.get(row.step);
    if (!item) continue;
    const field = equipmentField(row);
    if (field && item[field] === null) item[field] = row.effective;
    if (row.type === 'Informatisation' && item.software === '') item.software = tidyLabel(row.entry.comment);
  }
  const items = [...byStep.values()];
  const readers = items.filter((s) => s.informatisation !== 'NA' && (s.lecteur === 'OUI' || s.lecteur === 'NON'));
  const depots = items.filter((s) => s.depot === 'OUI' || s.depot === 'NON');
  return {
    lecteurs: rate(readers.filter((s) => s.lecteur === 'OUI').length, readers.length),
    depots: rate(depots.filter((s) => s.depot === 'OUI').length, depots.length),
    steps: items,
  };
}

function equipmentField(row: EvaluatedRow): 'informatisation' | 'lecteur' | 'depot' | 'iudId' | 'iudIp' | null {
  if (row.type === 'Informatisation') return 'informatisation';
  if (row.type === 'Lecteur') return 'lecteur';
  if (row.type === 'Dépôt') return 'depot';
  if (row.type === 'Donnée' && row.datum === 'iud-id') return 'iudId';
  if (row.type === 'Donnée' && row.datum === 'iud-ip') return 'iudIp';
  return null;
}
