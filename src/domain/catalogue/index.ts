/** The RESOMEDIT catalogue, validated at load, and lookups by id or by label as users write it. */
import type { Catalogue, Datum, Question, QuestionType, Step, Zone } from '../model';
import { normaliseLabel } from '../text';
import { buildCatalogue } from './build';
import { validateCatalogue } from './validate';

export { validateCatalogue } from './validate';

export const CATALOGUE: Catalogue = validateCatalogue(buildCatalogue());

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
const questions = new Map(CATALOGUE.questions.map((q) => [q.ref, q]));
const stepsByLabel = new Map(CATALOGUE.steps.map((s) => [normaliseLabel(s.label), s]));
const zonesByLabel = new Map(CATALOGUE.zones.map((z) => [normaliseLabel(z.label), z]));
const typesByLabel = new Map(QUESTION_TYPES.map((t) => [normaliseLabel(t), t]));

export function zoneById(id: string): Zone | undefined {
  return zones.get(id as Zone['id']);
}

export function stepById(id: string): Step | undefined {
  return steps.get(id);
}

export function datumById(id: string): Datum | undefined {
  return data.get(id);
}

export function questionByRef(ref: string): Question | undefined {
  return questions.get(ref.trim().toUpperCase());
}

/** The catalogue step whose label matches, ignoring case, accents, spaces and apostrophe variants. */
export function stepByLabel(label: string): Step | undefined {
  return stepsByLabel.get(normaliseLabel(label));
}

export function zoneByLabel(label: string): Zone | undefined {
  return zonesByLabel.get(normaliseLabel(label));
}

/** The question type written in a Type cell, tolerant like labels and of a plural ("Données"); null when unknown. */
export function parseQuestionType(text: string): QuestionType | null {
  const key = normaliseLabel(text);
  return typesByLabel.get(key) ?? typesByLabel.get(key.replace(/s$/, '')) ?? null;
}

/** Matching key of a question by what the sheet shows: step, type, label and destination. */
export function questionKey(step: string, type: string, label: string, to: string): string {
  return [step, type, normaliseLabel(label), to].join('|');
}

const questionsByKey = new Map(CATALOGUE.questions.map((q) => [questionKey(q.step, q.type, q.label, q.to ?? ''), q]));

export function questionByKey(key: string): Question | undefined {
  return questionsByKey.get(key);
}

const TEMPLATE: TemplateRow[] = CATALOGUE.questions.map((q) => ({
  ref: q.ref,
  zone: zones.get(q.zone)?.label ?? q.zone,
  step: steps.get(q.step)?.label ?? q.step,
  type: q.type,
  label: q.label,
  to: q.to === undefined ? '' : (steps.get(q.to)?.label ?? q.to),
  critical: q.critical ? 'OUI' : '',
}));

/** The cartographie rows the template holds, in circuit order. */
export function templateRows(): TemplateRow[] {
  return TEMPLATE.map((row) => ({ ...row }));
}
