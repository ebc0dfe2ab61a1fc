/** French wording of proposals: lists, step and datum labels, the placeholders of findings. */
import { CATALOGUE, datumById, stepById, zoneById } from '../catalogue';
import { formatRate } from '../format';
import type { EvaluatedRow, Rate } from '../model';
import { memo } from '../memo';
import { tidyLabel, trim } from '../text';
import type { Placeholder } from './schema';

/** "« A »", "« A » et « B »", "« A », « B » et « C »": joined at once, without a string per item. */
function frenchList(items: readonly string[]): string {
  const n = items.length;
  if (n === 0) return '';
  if (n === 1) return `« ${items[0]} »`;
  return `« ${items.slice(0, n - 1).join(' », « ')} » et « ${items[n - 1]} »`;
}

/** At most this many references are listed; the rest are counted. */
const MAX_REFS = 8;

/**
 * The distinct labels of the rows, in order. Rows of the same place follow each other: a row of
 * the catalogue step, transition or datum of the row before says the same label, found once.
 */
function stepLabels(rows: readonly EvaluatedRow[]): string[] {
  const labels = new Set<string>();
  let last: string | undefined;
  let lastStep: string | undefined;
  for (let i = 0; i < rows.length; i += 1) {
    const r = rows[i];
    if (r.step === lastStep) continue;
    const step = stepById(r.step);
    lastStep = step ? r.step : undefined;
    const text = step?.label ?? (tidyLabel(r.entry.step) || r.step);
    if (text !== last) labels.add((last = text));
  }
  return [...labels];
}

/** The labels of the rows' transitions; `all`: undefined as soon as a row has no destination (rows without one are skipped otherwise). */
function transitionLabels(rows: readonly EvaluatedRow[], all: true): string[] | undefined;
function transitionLabels(rows: readonly EvaluatedRow[]): string[];
function transitionLabels(rows: readonly EvaluatedRow[], all = false): string[] | undefined {
  const labels = new Set<string>();
  let last: string | undefined;
  let lastStep: string | undefined;
  let lastTo: string | null | undefined;
  for (let i = 0; i < rows.length; i += 1) {
    const r = rows[i];
    if (!r.to) {
      if (all) return undefined;
      continue;
    }
    if (r.step === lastStep && r.to === lastTo) continue;
    const known = TRANSITION_LABELS.get(r.step)?.get(r.to);
    lastStep = known === undefined ? undefined : r.step;
    lastTo = r.to;
    const text = known ?? `${stepLabel(r)} → ${toLabel(r)}`;
    if (text !== last) labels.add((last = text));
  }
  return [...labels];
}

/**
 * The Élément évalué of a row unknown to the catalogue, tidied. Each analysis of a sheet meets the
 * same texts again: they are remembered, within a bound.
 */
const tidyElement = memo(tidyLabel, 100_000);

function datumLabels(rows: readonly EvaluatedRow[]): string[] {
  const labels = new Set<string>();
  let last: string | undefined;
  let lastDatum: string | undefined;
  for (let i = 0; i < rows.length; i += 1) {
    const r = rows[i];
    if (r.datum !== undefined && r.datum === lastDatum) continue;
    const datum = r.datum ? datumById(r.datum) : undefined;
    lastDatum = datum?.label ? r.datum : undefined;
    const text = datum?.label || tidyElement(r.entry.label);
    if (text !== last) labels.add((last = text));
  }
  return [...labels];
}

function stepLabel(row: EvaluatedRow): string {
  return stepById(row.step)?.label ?? (tidyLabel(row.entry.step) || row.step);
}

function toLabel(row: EvaluatedRow): string {
  return (row.to && stepById(row.to)?.label) || tidyLabel(row.entry.to) || (row.to ?? '');
}

function zoneLabel(row: EvaluatedRow): string {
  return zoneById(row.zone)?.label ?? (tidyLabel(row.entry.zone) || row.zone);
}

/** Labels of the catalogue transitions, by source then destination. */
const TRANSITION_LABELS = new Map<string, Map<string, string>>();
for (const t of CATALOGUE.transitions) TRANSITION_LABELS.set(t.from, (TRANSITION_LABELS.get(t.from) ?? new Map()).set(t.to, t.label));

/** The reference a finding lists for a row: its Réf., else its sheet row. */
export function refText(row: EvaluatedRow): string {
  return trim(row.entry.ref) || `ligne ${row.entry.row}`;
}

/** `refsApart`: no two rows of the sheet list the same reference, so each row's is its own. */
function refList(rows: readonly EvaluatedRow[], refsApart: boolean): string {
  let refs: string[];
  let count: number;
  if (refsApart) {
    refs = rows.slice(0, MAX_REFS).map(refText);
    count = rows.length;
  } else {
    const distinct = new Set<string>();
    for (let i = 0; i < rows.length; i += 1) distinct.add(refText(rows[i]));
    refs = [...distinct].slice(0, MAX_REFS);
    count = distinct.size;
  }
  // Tidied only for the references shown; the others are only counted.
  const shown = refs.map(tidyLabel).join(', ');
  return count > MAX_REFS ? `réf. ${shown} et ${count - MAX_REFS} autres` : `réf. ${shown}`;
}

function placeholderValue(name: Placeholder, rows: readonly EvaluatedRow[], rate: Rate | undefined, refsApart: boolean): string {
  switch (name) {
    case 'etapes':
      return frenchList(stepLabels(rows));
    case 'donnees':
      return frenchList(datumLabels(rows));
    case 'transitions':
      return frenchList(transitionLabels(rows));
    case 'nombre':
      return String(rows.length);
    case 'refs':
      return refList(rows, refsApart);
    case 'taux':
      return rate ? formatRate(rate) : '';
  }
}

/** `refsApart`: no two rows of the sheet list the same reference (see refText). */
export function fillFinding(template: string, rows: readonly EvaluatedRow[], rate?: Rate, refsApart = false): string {
  const parts = templateParts(template);
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) text += placeholderValue(parts[i] as Placeholder, rows, rate, refsApart) + parts[i + 1];
  return text;
}

/** Each (static) finding template split once into its text and placeholder names, alternately: text, name, …, text. */
const PARTS = new Map<string, string[]>();

function templateParts(template: string): string[] {
  let parts = PARTS.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    PARTS.set(template, parts);
  }
  return parts;
}

/** Beyond this many steps or transitions the scope column counts them instead of naming them. */
const MAX_SCOPE = 4;

/** The "Zone / étape" column: transitions, or steps grouped by zone, in the rows' order. */
export function scopeOf(rows: readonly EvaluatedRow[]): string {
  if (rows.length === 0) return 'Ensemble du circuit';
  // Transitions when every row has a destination.
  const transitions = transitionLabels(rows, true);
  if (transitions) {
    return transitions.length > MAX_SCOPE ? `Ensemble du circuit (${transitions.length} transitions)` : transitions.join(' ; ');
  }
  const steps = stepLabels(rows);
  if (steps.length > MAX_SCOPE) return `Ensemble du circuit (${steps.length} étapes)`;
  const byZone = new Map<string, string[]>();
  let lastZone: string | undefined;
  let lastStep: string | undefined;
  for (let i = 0; i < rows.length; i += 1) {
    const zone = zoneLabel(rows[i]);
    const step = stepLabel(rows[i]);
    // Rows of the same step follow each other: the pair just added needs no lookup.
    if (zone === lastZone && step === lastStep) continue;
    lastZone = zone;
    lastStep = step;
    const list = byZone.get(zone);
    if (list === undefined) byZone.set(zone, [step]);
    else if (!list.includes(step)) list.push(step);
  }
  return [...byZone].map(([zone, labels]) => `${zone} / ${labels.join(' ; ')}`).join(' | ');
}
