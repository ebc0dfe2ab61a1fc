/** French wording of proposals: lists, step and datum labels, the placeholders of findings. */
import { CATALOGUE, datumById, stepById, zoneById } from '../catalogue';
import { formatRate } from '../format';
import type { EvaluatedRow, Rate } from '../model';
import { tidyLabel, trim } from '../text';
import type { Placeholder } from './schema';

/** "« A »", "« A » et « B »", "« A », « B » et « C »". */
function frenchList(items: string[]): string {
  const quoted = items.map((item) => `« ${item} »`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} et ${quoted[quoted.length - 1]}`;
}

/** At most this many references are listed; the rest are counted. */
const MAX_REFS = 8;

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
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

function datumLabel(row: EvaluatedRow): string {
  return (row.datum && datumById(row.datum)?.label) || tidyLabel(row.entry.label);
}

function transitionLabel(row: EvaluatedRow): string {
  const known = CATALOGUE.transitions.find((t) => t.from === row.step && t.to === row.to);
  return known?.label ?? `${stepLabel(row)} → ${toLabel(row)}`;
}

/** The reference a finding lists for a row: its Réf., else its sheet row. */
export function refText(row: EvaluatedRow): string {
  return trim(row.entry.ref) || `ligne ${row.entry.row}`;
}

/** `refsApart`: no two rows of the sheet list the same reference, so each row's is its own. */
function refList(rows: EvaluatedRow[], refsApart: boolean): string {
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

function placeholderValue(name: Placeholder, rows: EvaluatedRow[], rate: Rate | undefined, refsApart: boolean): string {
  switch (name) {
    case 'etapes':
      return frenchList(unique(rows.map(stepLabel)));
    case 'donnees':
      return frenchList(unique(rows.map(datumLabel)));
    case 'transitions':
      return frenchList(unique(rows.filter((r) => r.to).map(transitionLabel)));
    case 'nombre':
      return String(rows.length);
    case 'refs':
      return refList(rows, refsApart);
    case 'taux':
      return rate ? formatRate(rate) : '';
  }
}

/** `refsApart`: no two rows of the sheet list the same reference (see refText). */
export function fillFinding(template: string, rows: EvaluatedRow[], rate?: Rate, refsApart = false): string {
  return templateParts(template)
    .map((part, i) => (i % 2 === 0 ? part : placeholderValue(part as Placeholder, rows, rate, refsApart)))
    .join('');
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
export function scopeOf(rows: EvaluatedRow[]): string {
  if (rows.length === 0) return 'Ensemble du circuit';
  if (rows.every((r) => r.to)) {
    const transitions = unique(rows.map(transitionLabel));
    return transitions.length > MAX_SCOPE ? `Ensemble du circuit (${transitions.length} transitions)` : transitions.join(' ; ');
  }
  const steps = unique(rows.map(stepLabel));
  if (steps.length > MAX_SCOPE) return `Ensemble du circuit (${steps.length} étapes)`;
  const byZone = new Map<string, string[]>();
  for (const row of rows) {
    const list = byZone.get(zoneLabel(row)) ?? [];
    if (!list.includes(stepLabel(row))) list.push(stepLabel(row));
    byZone.set(zoneLabel(row), list);
  }
  return [...byZone].map(([zone, labels]) => `${zone} / ${labels.join(' ; ')}`).join(' | ');
}
