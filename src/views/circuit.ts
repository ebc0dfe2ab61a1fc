/**
 * The circuit as the map draws it, read from an analysis: zones in flow order, steps in circuit
 * order with their equipment, transitions with their effective answers, and the cartographie rows
 * behind each of them. The only place that reads the analysis model for the map.
 */
import type { Analysis, Answer, EvaluatedRow } from '../domain/model';

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

export interface CircuitStep {
  key: string;
  label: string;
  /** Zone key; '' when the step's zone is unknown (a destination named only in « Vers l'étape »). */
  zone: string;
  informatisation: Answer | null;
  lecteur: Answer | null;
  iudId: Answer | null;
  iudIp: Answer | null;
  software: string;
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

function target(sheet: string, row: EvaluatedRow): RowTarget {
  return { sheet, cell: row.entry.answerCell, row: row.entry.row };
}

/** Rows grouped by a key, in sheet order. */
function groupRows(analysis: Analysis, keyOf: (row: EvaluatedRow) => string | null): Map<string, RowTarget[]> {
  const groups = new Map<string, RowTarget[]>();
  const sorted = [...analysis.rows].sort((a, b) => a.entry.row - b.entry.row);
  for (const row of sorted) {
    const key = keyOf(row);
    if (key === null) continue;
    const group = groups.get(key) ?? [];
    group.push(target(analysis.cartographie.sheet, row));
    groups.set(key, group);
  }
  return groups;
}

const linkKey = (from: string, to: string): string => `${from}>${to}`;

export function circuitOf(analysis: Analysis): Circuit {
  const { figures } = analysis;
  const stepRows = groupRows(analysis, (row) => row.step);
  const linkRows = groupRows(analysis, (row) => (row.type === 'Interopérabilité' && row.to !== null ? linkKey(row.step, row.to) : null));
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
