/** Expands the circuit data into the question rows of the cartographie, in circuit order. */
import type { Catalogue, Datum, Question, Step } from '../model';
import { once } from '../once';
import { DATA, DATUM_CODES, STEP_CODES, STEP_QUESTIONS, STEPS, TRACEABILITY_STEPS, TRANSITIONS, TRANSMITTED, ZONES } from './data';

export const INFORMATISATION_LABEL = 'Étape informatisée ? Logiciel (nom, éditeur)';
export const READER_LABEL = 'Lecteurs automatiques de codes (douchettes 1D/2D) ?';

const DATUM_LABELS = {
  Donnée: (datum: Datum) => `Existence du champ : ${datum.label}`,
  Interopérabilité: (datum: Datum) => `Transmission électronique : ${datum.label}`,
};

function datumOf(id: string): Datum {
  const datum = DATA.find((d) => d.id === id);
  // An unknown id still yields a row so that validation reports it with its reference.
  return datum ?? { id, label: id, critical: false };
}

function stepCodes(step: string): { ref: string; short: string } {
  return STEP_CODES[step] ?? { ref: step.toUpperCase(), short: step.toUpperCase() };
}

/**
 * Whether the law requires a datum where the row asks it: a regulatory datum at a traceability
 * step, or transmitted between two traceability steps (SPEC §5).
 */
export function requiredByLaw(datum: Datum, step: string, to?: string): boolean {
  return datum.critical && TRACEABILITY_STEPS.includes(step) && (to === undefined || TRACEABILITY_STEPS.includes(to));
}

/** A row asking about one datum, at a step (Donnée) or on a transition (Interopérabilité). */
function datumQuestion(step: Step, prefix: string, id: string, type: keyof typeof DATUM_LABELS, to?: string): Question {
  const datum = datumOf(id);
  const question: Question = {
    ref: `${prefix}-${DATUM_CODES[id] ?? id}`,
    zone: step.zone,
    step: step.id,
    type,
    label: DATUM_LABELS[type](datum),
    datum: id,
    critical: requiredByLaw(datum, step.id, to),
    source: datum.source,
  };
  return to === undefined ? question : { ...question, to };
}

function stepQuestions(step: Step): Question[] {
  const plan = STEP_QUESTIONS[step.id] ?? { data: [] };
  const code = stepCodes(step.id).ref;
  const base = { zone: step.zone, step: step.id };
  const rows: Question[] = [{ ...base, ref: `${code}-INF`, type: 'Informatisation', label: INFORMATISATION_LABEL, critical: false }];
  for (const id of plan.data) rows.push(datumQuestion(step, code, id, 'Donnée'));
  if (plan.reader) {
    rows.push({ ...base, ref: `${code}-LEC`, type: 'Lecteur', label: READER_LABEL, critical: false, source: 'arrêté du 8 septembre 2021' });
  }
  if (plan.depot) rows.push({ ...base, ref: `${code}-DEP`, type: 'Dépôt', label: plan.depot, critical: false });
  for (const transition of TRANSITIONS.filter((t) => t.from === step.id)) {
    const prefix = `IO-${stepCodes(transition.from).short}-${stepCodes(transition.to).short}`;
    for (const id of TRANSMITTED[`${transition.from}>${transition.to}`] ?? []) {
      rows.push(datumQuestion(step, prefix, id, 'Interopérabilité', transition.to));
    }
  }
  return rows;
}

/**
 * The catalogue; its questions expanded when first read, not when the module loads: a pane that
 * starts reads them only once it has a sheet to assess. Every read gives the same list.
 */
export function buildCatalogue(): Catalogue {
  const questions = once(() => [...STEPS].sort((a, b) => a.order - b.order).flatMap(stepQuestions));
  return {
    zones: ZONES,
    steps: STEPS,
    data: DATA,
    transitions: TRANSITIONS,
    get questions() {
      return questions();
    },
  };
}
