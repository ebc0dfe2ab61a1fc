/**
 * The circuit as the map draws it, read from an analysis: zones in flow order, steps in circuit
 * order with their equipment, transitions with their effective answers, and the cartographie rows
 * behind each of them. The only place that reads the analysis model for the map.
 */
import type { Assessment, StepEquipment } from '../domain/model';

/** A cartographie row the map can select: its answer cell. */
export interface RowTarget {
  sheet: string;
  cell: string;
  row: number;
}

export interface CircuitZone {
  key: string;
  label: string;
}

/** A step with its equipment; `zone` is '' when unknown (a destination named only in « Vers l'étape »). */
export interface CircuitStep extends Pick<StepEquipment, 'label' | 'zone' | 'informatisation' | 'lecteur' | 'iudId' | 'iudIp' | 'software'> {
  key: string;
  rows: RowTarget[];
}

export interface CircuitLink {
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  /** Effective answers of its Interopérabilité rows. */
  oui: number;
  non: number;
  na: number;
  rows: RowTarget[];
}

export interface Circuit {
  zones: CircuitZone[];
  steps: CircuitStep[];
  links: CircuitLink[];
}

const linkKey = (from: string, to: string): string => `${from}>${to}`;

function push(groups: Map<string, RowTarget[]>, key: string, target: RowTarget): void {
  const group = groups.get(key);
  if (group) group.push(target);
  else groups.set(key, [target]);
}

/** Answer cells of the rows behind each step and each transition, in sheet order (the order rows are read). */
function rowsByStepAndLink(analysis: Assessment): { steps: Map<string, RowTarget[]>; links: Map<string, RowTarget[]> } {
  const steps = new Map<string, RowTarget[]>();
  const links = new Map<string, RowTarget[]>();
  const sheet = analysis.cartographie.sheet;
  for (const row of analysis.rows) {
    const target = { sheet, cell: row.entry.answerCell, row: row.entry.row };
    push(steps, row.step, target);
    if (row.type === 'Interopérabilité' && row.to !== null) push(links, linkKey(row.step, row.to), target);
  }
  return { steps, links };
}

export function circuitOf(analysis: Assessment): Circuit {
  const { figures } = analysis;
  const { steps: stepRows, links: linkRows } = rowsByStepAndLink(analysis);
  const equipment = new Map(figures.equipment.steps.map((s) => [s.step, s]));

  const steps: CircuitStep[] = figures.steps.map((step) => {
    const gear = equipment.get(step.step);
    return {
      key: step.step,
      label: step.label,
      zone: step.zone,
      informatisation: gear?.informatisation ?? null,
      lecteur: gear?.lecteur ?? null,
      iudId: gear?.iudId ?? null,
      iudIp: gear?.iudIp ?? null,
      software: gear?.software ?? '',
      rows: stepRows.get(step.step) ?? [],
    };
  });

  const links: CircuitLink[] = figures.transitions.map((t) => ({
    from: t.from,
    to: t.to,
    fromLabel: t.fromLabel,
    toLabel: t.toLabel,
    oui: t.interoperabilite.numerator,
    non: t.ruptures,
    na: t.continuite.numerator - t.interoperabilite.numerator,
    rows: linkRows.get(linkKey(t.from, t.to)) ?? [],
  }));

  // A destination named only in « Vers l'étape » still gets its node.
  const known = new Set(steps.map((s) => s.key));
  for (const link of links) {
    for (const [key, label] of [
      [link.from, link.fromLabel],
      [link.to, link.toLabel],
    ]) {
      if (known.has(key)) continue;
      known.add(key);
      steps.push({ key, label, zone: '', informatisation: null, lecteur: null, iudId: null, iudIp: null, software: '', rows: [] });
    }
  }

  return { zones: figures.zones.map((z) => ({ key: z.zone, label: z.label })), steps, links };
}
