/**
 * Evaluation of the cartographie rows (SPEC §5-§6). What the sheet shows is what counts: a row
 * counts at the Zone, Étape, Type and Vers l'étape its cells show, compared as Excel's COUNTIFS
 * compares text (labelKey). The Réf. only identifies the row; when it names a catalogue question
 * at another step, type or destination, that is reported and the visible cells win. Answers are
 * normalised, the consistency rule applied, and every problem reported as a located French finding.
 */
import { normaliseAnswer, type NormalisedAnswer } from './answers';
import { parseQuestionType, questionByRef, refKey, questionOfLabel, questionType, QUESTION_TYPES, stepById, stepByLabel, stepOfLabel, zoneById, zoneByLabel, zoneOfLabel } from './catalogue';
import type { Cartographie, CartographieEntry, EvaluatedRow, Finding, FindingKind, Question, QuestionType } from './model';
import { labelKey, tidyLabel } from './text';

export interface Evaluation {
  rows: EvaluatedRow[];
  findings: Finding[];
}

const TYPE_LIST = QUESTION_TYPES.join(', ').replace(/, (?=[^,]*$)/, ' ou ');

/** Key of a label the catalogue does not know: its grouping key, marked so it never meets a catalogue id. */
const OWN = '~';

/** Step key of a visible Étape: the catalogue id when the label is a catalogue step's, else its marked label key. */
export function stepKey(label: string): string {
  return stepOfLabel(label)?.id ?? OWN + labelKey(label);
}

/** Zone key of a visible Zone: the catalogue id when the label is a catalogue zone's, else its marked label key. */
export function zoneKey(label: string): string {
  return zoneOfLabel(label)?.id ?? OWN + labelKey(label);
}

function isEmpty(text: string): boolean {
  return text.trim() === '';
}

/** Memo of a function of a cell's text: a sheet repeats a few labels thousands of times. */
function memo<T>(compute: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let value = known.get(text);
    if (value === undefined && !known.has(text)) {
      value = compute(text);
      known.set(text, value);
    }
    return value as T;
  };
}

/** The keys of one evaluation's visible cells, each computed once per distinct text. */
function labelKeys() {
  return {
    step: memo(stepKey),
    zone: memo(zoneKey),
    type: memo(questionType),
    critical: memo((text) => labelKey(text) === 'oui'),
    empty: memo(isEmpty),
    tidy: memo(tidyLabel),
  };
}
type LabelKeys = ReturnType<typeof labelKeys>;

/**
 * Answers read per distinct cell (value and flags): a sheet holds a handful of them, thousands of
 * times. One memo per combination of flags, indexed by the value itself.
 */
function answerReader(): (cell: CartographieEntry['answer']) => NormalisedAnswer {
  const byFlags: Map<CartographieEntry['answer']['value'], NormalisedAnswer>[] = [];
  return (cell) => {
    // A Map holds 0 and -0 as one key, and -0 reads "-0" in a message.
    if (Object.is(cell.value, -0)) return normaliseAnswer(cell);
    const flags = (cell.error ? 1 : 0) | (cell.formula ? 2 : 0) | (cell.date ? 4 : 0);
    const byValue = (byFlags[flags] ??= new Map());
    let answer = byValue.get(cell.value);
    if (answer === undefined) {
      answer = normaliseAnswer(cell);
      byValue.set(cell.value, answer);
    }
    return answer;
  };
}

/** A row is a question when its Type or its Réponse holds something (contract of the Synthèse formulas). */
function isQuestion(entry: CartographieEntry, answer: NormalisedAnswer, keys: LabelKeys): boolean {
  return answer.kind !== 'empty' || !keys.empty(entry.type);
}

function holdsText(entry: CartographieEntry): boolean {
  return [entry.ref, entry.zone, entry.step, entry.label, entry.to, entry.critical, entry.comment].some((c) => !isEmpty(c));
}

/** The catalogue question a row is (its Réf. when the visible cells agree, else by what they show) and its datum. */
function questionOf(entry: CartographieEntry, named: Question | undefined, type: QuestionType | null, step: string, to: string | null): { question?: Question; datum?: string } {
  if (named !== undefined && named.step === step && named.type === type && (named.to ?? null) === to) return { question: named, datum: named.datum };
  return type ? questionOfLabel(entry.label, type, step, to) : {};
}

function evaluatedRow(entry: CartographieEntry, answer: NormalisedAnswer, named: Question | undefined, keys: LabelKeys): EvaluatedRow {
  const type = keys.type(entry.type);
  const step = keys.step(entry.step);
  const to = type === 'Interopérabilité' && !keys.empty(entry.to) ? keys.step(entry.to) : null;
  const { question, datum } = questionOf(entry, named, type, step, to);
  const given = answer.kind === 'answer' ? answer.answer : null;
  const status = type === null || answer.kind === 'invalid' ? 'invalid' : given === null ? 'empty' : 'ok';
  return {
    entry,
    question,
    type,
    zone: keys.zone(entry.zone),
    step,
    to,
    datum: type === 'Donnée' || type === 'Interopérabilité' ? datum : undefined,
    critical: keys.critical(entry.critical),
    answer: given,
    status,
    effective: status === 'ok' ? given : null,
  };
}

/** "Étape – Élément évalué" of a row; `tidyStep` may be a memo of tidyLabel, step labels repeat. */
export function rowLabel(entry: CartographieEntry, question?: Question, tidyStep: (text: string) => string = tidyLabel): string {
  const step = tidyStep(entry.step) || (question ? (stepById(question.step)?.label ?? '') : '');
  const label = tidyLabel(entry.label) || (question?.label ?? '');
  return `${step} – ${label}`;
}

function typeMessage(entry: CartographieEntry): string {
  const meant = parseQuestionType(entry.type);
  const hint = meant ? ` (écrire « ${meant} »)` : '';
  return `Type « ${tidyLabel(entry.type)} » inconnu : attendu ${TYPE_LIST}${hint}`;
}

/** Why a Réf. naming a catalogue question does not match the visible cells. */
function refMessage(entry: CartographieEntry, row: EvaluatedRow, named: Question): string {
  const ref = `Réf. « ${tidyLabel(entry.ref)} »`;
  if (named.step !== row.step) {
    const expected = stepById(named.step)?.label ?? named.step;
    return `${ref} ne correspond pas à l'étape affichée « ${tidyLabel(entry.step)} » (elle désigne l'étape « ${expected} ») : la ligne compte à l'étape affichée`;
  }
  if (named.type !== row.type) {
    return `${ref} ne correspond pas au type affiché « ${tidyLabel(entry.type)} » (elle désigne une ligne ${named.type}) : la ligne compte selon le type affiché`;
  }
  const expected = named.to ? (stepById(named.to)?.label ?? named.to) : '';
  return `${ref} ne correspond pas à l'étape de destination affichée « ${tidyLabel(entry.to)} » (elle désigne « ${expected} ») : la ligne compte vers l'étape affichée`;
}

/** A label that differs from a catalogue one only by accents, spaces or apostrophes: counted apart, said once. */
function labelHint(kind: 'Étape' | 'Zone', written: string): string | null {
  if (isEmpty(written)) return null;
  const known = kind === 'Zone' ? zoneOfLabel(written) : stepOfLabel(written);
  if (known) return null;
  const close = kind === 'Zone' ? zoneByLabel(written) : stepByLabel(written);
  if (!close) return null;
  const what = kind === 'Zone' ? 'une zone distincte' : 'une étape distincte';
  return `${kind} « ${written} » : diffère de « ${close.label} » par les accents, les espaces ou la ponctuation ; comptée comme ${what}, comme le font les formules de la Synthèse`;
}

export function evaluate(cartographie: Cartographie): Evaluation {
  const findings: Finding[] = [];
  const keys = labelKeys();
  const report = (entry: CartographieEntry, kind: FindingKind, message: string, row?: EvaluatedRow): void => {
    findings.push({
      kind,
      sheet: cartographie.sheet,
      cell: entry.answerCell,
      row: entry.row,
      ref: entry.ref,
      rowLabel: rowLabel(entry, row?.question, keys.tidy),
      message,
      critical: row?.critical ?? false,
    });
  };

  const rows: EvaluatedRow[] = [];
  const answers: NormalisedAnswer[] = [];
  const refsSeen = new Map<string, number>();
  const stepsSeen = new Set<string>();
  const zonesSeen = new Set<string>();
  const outside: CartographieEntry[] = [];
  const read = answerReader();
  for (const entry of cartographie.entries) {
    const answer = read(entry.answer);
    if (!isQuestion(entry, answer, keys)) {
      if (holdsText(entry)) outside.push(entry);
      continue;
    }
    const ref = refKey(entry.ref);
    const named = questionByRef(ref);
    const row = evaluatedRow(entry, answer, named, keys);
    rows.push(row);
    answers.push(answer);

    if (named && named !== row.question) report(entry, 'reference', refMessage(entry, row, named), row);
    if (ref !== '') {
      const first = refsSeen.get(ref);
      if (first === undefined) refsSeen.set(ref, entry.row);
      else report(entry, 'reference', `Réf. « ${tidyLabel(entry.ref)} » en double : déjà utilisée ligne ${first} ; les deux lignes comptent`, row);
    }
    hintOnce(zonesSeen, 'Zone', entry.zone, entry, row);
    hintOnce(stepsSeen, 'Étape', entry.step, entry, row);
    if (row.to !== null) hintOnce(stepsSeen, 'Étape', entry.to, entry, row);
  }

  function hintOnce(seen: Set<string>, kind: 'Étape' | 'Zone', label: string, entry: CartographieEntry, row: EvaluatedRow): void {
    if (seen.has(label)) return;
    seen.add(label);
    const hint = labelHint(kind, label);
    if (hint) report(entry, 'libelle', hint, row);
  }

  const off = stepsNotComputerised(rows);
  const stepNames = stepLabels(rows);
  rows.forEach((row, i) => {
    const answer = answers[i];
    if (row.type === null) report(row.entry, 'invalide', typeMessage(row.entry), row);
    if (answer.kind === 'invalid') report(row.entry, 'invalide', answer.reason, row);
    if (row.status === 'empty') report(row.entry, 'non-renseigne', 'Réponse non renseignée', row);
    const steps = offSteps(row, off);
    if (steps.length === 0) return;
    const named = steps.map((s) => `« ${stepNames.get(s) ?? s} »`);
    const subject = named.length === 1 ? `l'étape ${named[0]} n'est pas informatisée` : `les étapes ${named.join(' et ')} ne sont pas informatisées`;
    row.status = 'incoherent';
    row.effective = 'NON';
    report(row.entry, 'incoherence', `Réponse ${row.answer} incohérente : ${subject} (Informatisation = NON) ; comptée comme NON`, row);
  });

  reportOutside(outside, rows, report);
  return { rows, findings };
}

/** Text typed under the table (a note, a signature) is not a question: said once, not counted. */
function reportOutside(outside: CartographieEntry[], rows: EvaluatedRow[], report: (entry: CartographieEntry, kind: FindingKind, message: string) => void): void {
  const last = rows.reduce((max, r) => Math.max(max, r.entry.row), 0);
  const below = outside.filter((entry) => entry.row > last);
  if (below.length === 0) return;
  const first = below[0];
  const text = [first.ref, first.label, first.step, first.zone, first.comment].map(tidyLabel).find((t) => t !== '') ?? '';
  const others = below.length > 1 ? ` (et ${below.length - 1} autre${below.length > 2 ? 's' : ''} ligne${below.length > 2 ? 's' : ''} en dessous)` : '';
  report(first, 'hors-cartographie', `Ligne hors cartographie : « ${text} »${others}, sans Type ni Réponse, n'est pas une question ; elle n'entre dans aucun calcul`);
}

/** Steps with at least one Informatisation row answered NON (SPEC §6; any NON wins). */
function stepsNotComputerised(rows: EvaluatedRow[]): Set<string> {
  const off = new Set<string>();
  for (const row of rows) if (row.type === 'Informatisation' && row.effective === 'NON') off.add(row.step);
  return off;
}

const NO_STEPS: readonly string[] = [];

/** Steps, among those a row depends on, that are not computerised (SPEC §6 consistency rule). */
function offSteps(row: EvaluatedRow, off: Set<string>): readonly string[] {
  if (row.status !== 'ok' || off.size === 0) return NO_STEPS;
  if (row.type === 'Donnée' && row.answer === 'OUI') return off.has(row.step) ? [row.step] : NO_STEPS;
  if (row.type === 'Interopérabilité' && (row.answer === 'OUI' || row.answer === 'NA')) {
    const steps = off.has(row.step) ? [row.step] : [];
    if (row.to !== null && row.to !== row.step && off.has(row.to)) steps.push(row.to);
    return steps;
  }
  return NO_STEPS;
}

/** Label to show for each step key: the catalogue label, else the first label written for it. */
export function stepLabels(rows: readonly EvaluatedRow[]): Map<string, string> {
  const labels = new Map<string, string>();
  const put = (key: string, written: string): void => {
    if (!labels.has(key)) labels.set(key, stepById(key)?.label ?? tidyLabel(written));
  };
  for (const row of rows) {
    put(row.step, row.entry.step);
    if (row.to !== null) put(row.to, row.entry.to);
  }
  return labels;
}

/** Label to show for a zone key: the catalogue label, else the label written. */
export function zoneLabel(key: string, written: string): string {
  return zoneById(key)?.label ?? tidyLabel(written);
}
