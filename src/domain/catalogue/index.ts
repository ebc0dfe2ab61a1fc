/**
 * The RESOMEDIT catalogue and lookups by id or by label as users write it. The catalogue is static
 * data checked by the test suite (test/domain/validation.ts), not at load. What needs its questions
 * or the tolerant label keys (normaliseLabel) is made on first use: a sheet written from the
 * template has its rows found by Réf. and needs neither the hints nor the lookups by label.
 */
import type { Catalogue, Datum, Question, QuestionType, Step, Zone } from '../model';
import { labelKey, normaliseLabel, tailHash, textTailHash } from '../text';
import { once } from '../once';
import { buildCatalogue } from './build';

export const CATALOGUE: Catalogue = buildCatalogue();

export const QUESTION_TYPES: readonly QuestionType[] = ['Informatisation', 'Donnée', 'Lecteur', 'Dépôt', 'Interopérabilité'];

/** One row of the cartographie template, every cell as written in the sheet. */
export interface TemplateRow {
  ref: string;
  zone: string;
  step: string;
  type: QuestionType;
  label: string;
  /** Destination step label, '' except on Interopérabilité rows. */
  to: string;
  /** 'OUI' on critical rows, else ''. */
  critical: string;
}

const zones = new Map(CATALOGUE.zones.map((z) => [z.id, z]));
const steps = new Map(CATALOGUE.steps.map((s) => [s.id, s]));
const data = new Map(CATALOGUE.data.map((d) => [d.id, d]));
const questions = once(() => new Map(CATALOGUE.questions.map((q) => [q.ref, q])));
const stepsByLabel = once(() => new Map(CATALOGUE.steps.map((s) => [normaliseLabel(s.label), s])));
const zonesByLabel = once(() => new Map(CATALOGUE.zones.map((z) => [normaliseLabel(z.label), z])));
const typesByLabel = once(() => new Map(QUESTION_TYPES.map((t) => [normaliseLabel(t), t])));
const stepsByKey = new Map(CATALOGUE.steps.map((s) => [labelKey(s.label), s]));
const zonesByKey = new Map(CATALOGUE.zones.map((z) => [labelKey(z.label), z]));
const typesByKey = new Map(QUESTION_TYPES.map((t) => [labelKey(t), t]));

export function zoneById(id: string): Zone | undefined {
  return zones.get(id as Zone['id']);
}

export function stepById(id: string): Step | undefined {
  return steps.get(id);
}

export function datumById(id: string): Datum | undefined {
  return data.get(id);
}

/**
 * A Réf. as rows are matched by it: trimmed, in upper case. Most are written so already (plain
 * ASCII, no lower case, no space): those are returned as they are, without a copy.
 */
export function refKey(ref: string): string {
  for (let i = 0; i < ref.length; i += 1) {
    const c = ref.charCodeAt(i);
    if (c <= 0x20 || (c >= 0x61 && c <= 0x7a) || c >= 0x7f) return ref.trim().toUpperCase();
  }
  return ref;
}

export function questionByRef(ref: string): Question | undefined {
  return questions().get(refKey(ref));
}

/** The catalogue question of a Réf. already made a key (refKey). */
export function questionOfRef(key: string): Question | undefined {
  return questions().get(key);
}

/** The catalogue step whose label is the one shown, as COUNTIFS compares text (case aside, exact). */
export function stepOfLabel(label: string): Step | undefined {
  return stepsByKey.get(labelKey(label));
}

/** The catalogue zone whose label is the one shown, as COUNTIFS compares text. */
export function zoneOfLabel(label: string): Zone | undefined {
  return zonesByKey.get(labelKey(label));
}

/** The question type written in a Type cell, case aside (SPEC §5); null for anything else. */
export function questionType(text: string): QuestionType | null {
  return typesByKey.get(labelKey(text)) ?? null;
}

/** The catalogue step whose label matches, ignoring case, accents, spaces and apostrophe variants. */
export function stepByLabel(label: string): Step | undefined {
  return stepsByLabel().get(normaliseLabel(label));
}

export function zoneByLabel(label: string): Zone | undefined {
  return zonesByLabel().get(normaliseLabel(label));
}

/** The type a Type cell probably means, tolerant like labels and of a plural ("Données"): for hints. */
export function parseQuestionType(text: string): QuestionType | null {
  const key = normaliseLabel(text);
  const types = typesByLabel();
  return types.get(key) ?? types.get(key.replace(/s$/, '')) ?? null;
}

/**
 * Catalogue questions by their Élément évalué, compared like labels (case, accents, spaces aside),
 * and the tailHash of each of those labels: most labels of added rows are told apart by it alone.
 */
const questionLabels = once(() => {
  const byLabel = new Map<string, Question[]>();
  for (const q of CATALOGUE.questions) {
    const key = normaliseLabel(q.label);
    byLabel.set(key, [...(byLabel.get(key) ?? []), q]);
  }
  return { byLabel, tails: new Set([...byLabel.keys()].map(tailHash)) };
});

/** The catalogue questions whose Élément évalué is this label, compared like labels; undefined when none. */
export function questionsOfLabel(label: string): readonly Question[] | undefined {
  const { byLabel, tails } = questionLabels();
  const tail = textTailHash(label);
  if (tail !== undefined && !tails.has(tail)) return undefined;
  return byLabel.get(normaliseLabel(label));
}

const TEMPLATE = once((): TemplateRow[] => CATALOGUE.questions.map((q) => ({
  ref: q.ref,
  zone: zones.get(q.zone)?.label ?? q.zone,
  step: steps.get(q.step)?.label ?? q.step,
  type: q.type,
  label: q.label,
  to: q.to === undefined ? '' : (steps.get(q.to)?.label ?? q.to),
  critical: q.critical ? 'OUI' : '',
})));

/** The cartographie rows the template holds, in circuit order. */
export function templateRows(): TemplateRow[] {
  return TEMPLATE().map((row) => ({ ...row }));
}
