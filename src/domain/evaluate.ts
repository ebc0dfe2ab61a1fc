/**
 * Evaluation of the cartographie rows (SPEC §5-§6). What the sheet shows is what counts: a row
 * counts at the Zone, Étape, Type and Vers l'étape its cells show, compared as Excel's COUNTIFS
 * compares text (labelKey). The Réf. only identifies the row; when it names a catalogue question
 * at another step, type or destination, that is reported and the visible cells win. Answers are
 * normalised, the consistency rule applied, and every problem reported as a located French finding.
 */
import { normaliseAnswer, type NormalisedAnswer } from './answers';
import { parseQuestionType, questionOfRef, questionsOfLabel, refKey, questionType, QUESTION_TYPES, stepById, stepByLabel, stepOfLabel, zoneById, zoneByLabel, zoneOfLabel } from './catalogue';
import type { Answer, Cartographie, CartographieEntry, CellInput, EvaluatedRow, Finding, FindingKind, Question, QuestionType } from './model';
import { FirstEntries } from './firstEntries';
import { memo } from './memo';
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

/** Distinct cell values a memo holds in each of its two generations. */
const GENERATION = 10_000;

/** The keys of the visible cells, each computed once per distinct text. */
function labelKeys() {
  return {
    step: memo(stepKey, GENERATION),
    /** Step key of a Vers l'étape, null when blank. */
    to: memo((text: string) => (isEmpty(text) ? null : stepKey(text)), GENERATION),
    zone: memo(zoneKey, GENERATION),
    type: memo(questionType, GENERATION),
    critical: memo((text: string) => labelKey(text) === 'oui', GENERATION),
    empty: memo(isEmpty, GENERATION),
    stepPrefix: memo(stepPrefix, GENERATION),
  };
}
type LabelKeys = ReturnType<typeof labelKeys>;
const KEYS = labelKeys();

/**
 * Answers read per distinct cell (value and flags): a sheet holds a handful of them, thousands of
 * times. One memo per combination of flags, indexed by the value itself.
 */
function answerReader(): (cell: CartographieEntry['answer']) => NormalisedAnswer {
  const byFlags: ((value: CellInput['value']) => NormalisedAnswer)[] = [];
  return (cell) => {
    // A Map holds 0 and -0 as one key, and -0 reads "-0" in a message.
    if (Object.is(cell.value, -0)) return normaliseAnswer(cell);
    const flags = (cell.error ? 1 : 0) | (cell.formula ? 2 : 0) | (cell.date ? 4 : 0);
    const read = (byFlags[flags] ??= memo((value: CellInput['value']) => normaliseAnswer({ value, error: (flags & 1) > 0, formula: (flags & 2) > 0, date: (flags & 4) > 0 }), GENERATION));
    return read(cell.value);
  };
}
const READ = answerReader();

/** A row is a question when its Type or its Réponse holds something (contract of the Synthèse formulas). */
function isQuestion(entry: CartographieEntry, answer: NormalisedAnswer, keys: LabelKeys): boolean {
  return answer.kind !== 'empty' || !keys.empty(entry.type);
}

function holdsText(entry: CartographieEntry): boolean {
  return [entry.ref, entry.zone, entry.step, entry.label, entry.to, entry.critical, entry.comment].some((c) => !isEmpty(c));
}

function isAt(question: Question, type: QuestionType | null, step: string, to: string | null): boolean {
  return question.step === step && question.type === type && (question.to ?? null) === to;
}

// The searches below are loops, not find with a closure: a closure over the row's keys would cost
// an allocation at every row, found or not.

function questionAt(candidates: readonly Question[], type: QuestionType, step: string, to: string | null): Question | undefined {
  for (let i = 0; i < candidates.length; i += 1) if (isAt(candidates[i], type, step, to)) return candidates[i];
  return undefined;
}

function datumOfType(candidates: readonly Question[], type: QuestionType): string | undefined {
  for (let i = 0; i < candidates.length; i += 1) if (candidates[i].type === type) return candidates[i].datum;
  return undefined;
}

/** The row of a question, the consistency rule applied with the steps not computerised `off`. */
function evaluatedRow(entry: CartographieEntry, answer: NormalisedAnswer, named: Question | undefined, keys: LabelKeys, off: Set<string>): EvaluatedRow {
  const type = keys.type(entry.type);
  const step = keys.step(entry.step);
  const to = type === 'Interopérabilité' ? keys.to(entry.to) : null;
  // The catalogue question the row is: its Réf. when the visible cells agree, else by what they show;
  // the same wording names the same datum at any step.
  let question: Question | undefined;
  let datum: string | undefined;
  if (named !== undefined && isAt(named, type, step, to)) {
    question = named;
    datum = named.datum;
  } else if (type !== null) {
    const candidates = questionsOfLabel(entry.label);
    if (candidates !== undefined) {
      question = questionAt(candidates, type, step, to);
      datum = question?.datum ?? datumOfType(candidates, type);
    }
  }
  const given = answer.kind === 'answer' ? answer.answer : null;
  const status = type === null || answer.kind === 'invalid' ? 'invalid' : given === null ? 'empty' : isIncoherent(type, given, step, to, off) ? 'incoherent' : 'ok';
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
    effective: effectiveOf(status, given),
  };
}

/** The answer counted: an incoherent OUI or NA counts as NON, an empty or invalid one not at all. */
function effectiveOf(status: EvaluatedRow['status'], given: Answer | null): Answer | null {
  return status === 'ok' ? given : status === 'incoherent' ? 'NON' : null;
}

/**
 * The consistency rule (SPEC §6): a Donnée answered OUI, or an Interopérabilité answered OUI or NA,
 * at or towards a step not computerised counts as NON.
 */
function isIncoherent(type: QuestionType, answer: Answer, step: string, to: string | null, off: Set<string>): boolean {
  if (off.size === 0) return false;
  if (type === 'Donnée') return answer === 'OUI' && off.has(step);
  if (type === 'Interopérabilité' && answer !== 'NON') return off.has(step) || (to !== null && to !== step && off.has(to));
  return false;
}

/** An answered row under the consistency rule with the steps not computerised `off`: itself when its status stays, else a copy of the right status. */
function underRule(row: EvaluatedRow, off: Set<string>): EvaluatedRow {
  if (row.status !== 'ok' && row.status !== 'incoherent') return row;
  const status = isIncoherent(row.type!, row.answer!, row.step, row.to, off) ? 'incoherent' : 'ok';
  if (status === row.status) return row;
  // Field by field, as evaluatedRow builds rows, so that every row has one shape.
  return {
    entry: row.entry,
    question: row.question,
    type: row.type,
    zone: row.zone,
    step: row.step,
    to: row.to,
    datum: row.datum,
    critical: row.critical,
    answer: row.answer,
    status,
    effective: effectiveOf(status, row.answer),
  };
}

const BLANK_STEP = ' – ';

/** "Étape – " of a row label, from the Étape shown. */
function stepPrefix(step: string): string {
  return `${tidyLabel(step)}${BLANK_STEP}`;
}

/** "Étape – Élément évalué" of a row; `prefixOf` may be a memo of stepPrefix, step labels repeat. */
export function rowLabel(entry: CartographieEntry, question?: Question, prefixOf: (step: string) => string = stepPrefix): string {
  let prefix = prefixOf(entry.step);
  if (prefix === BLANK_STEP && question) prefix = `${stepById(question.step)?.label ?? ''}${BLANK_STEP}`;
  return prefix + (tidyLabel(entry.label) || (question?.label ?? ''));
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

/** What depends on where rows are (their cells other than the answer), not on what they answer. */
interface Places {
  /** Indices of the entries that are questions, in sheet order. */
  questions: Int32Array;
  /** References and labels reported, in sheet order; the text under the table, if any. */
  findings: Finding[];
  outside?: Finding;
  stepNames: Map<string, string>;
  /** No two questions have the same Réf. and none is blank: each row's reference in a list is its own. */
  refsApart: boolean;
}

/**
 * What an evaluation keeps so that the next version of the same sheet is evaluated from what
 * changed: entries unchanged keep their answer read, their row and its findings, and when only
 * answers changed, the references, labels and places are taken as they were.
 */
export interface EvaluationMemory {
  sheet: string;
  entries: readonly CartographieEntry[];
  /** By entry: the answer read, the row after the consistency rule (undefined: not a question) and the row's findings. */
  answers: NormalisedAnswer[];
  rows: (EvaluatedRow | undefined)[];
  findings: RowFindings[];
  places: Places;
  /** Steps not computerised. */
  off: Set<string>;
}

/** The findings of a row: most rows have none or one, which needs no list. */
type RowFindings = Finding | Finding[] | undefined;

function withFinding(findings: RowFindings, finding: Finding): RowFindings {
  if (findings === undefined) return finding;
  if (Array.isArray(findings)) {
    findings.push(finding);
    return findings;
  }
  return [findings, finding];
}

export interface Evaluation {
  rows: EvaluatedRow[];
  findings: Finding[];
  /** The label to show for each step key (stepLabels of the rows). */
  stepNames: Map<string, string>;
  memory: EvaluationMemory;
}

type Report = (entry: CartographieEntry, kind: FindingKind, message: string, row?: EvaluatedRow) => Finding;

function reporter(sheet: string, keys: LabelKeys): Report {
  return (entry, kind, message, row) => ({
    kind,
    sheet,
    cell: entry.answerCell,
    row: entry.row,
    ref: entry.ref,
    rowLabel: rowLabel(entry, row?.question, keys.stepPrefix),
    message,
    critical: row?.critical ?? false,
  });
}

function sameCell(a: CellInput, b: CellInput): boolean {
  return Object.is(a.value, b.value) && !a.error === !b.error && !a.formula === !b.formula && !a.date === !b.date;
}

/** Every cell of the entry but the answer the same. */
function samePlace(a: CartographieEntry, b: CartographieEntry): boolean {
  return (
    a.row === b.row &&
    a.ref === b.ref &&
    a.zone === b.zone &&
    a.step === b.step &&
    a.type === b.type &&
    a.label === b.label &&
    a.to === b.to &&
    a.critical === b.critical &&
    a.comment === b.comment &&
    a.answerCell === b.answerCell
  );
}

/** The same rows in the same places: each row the same object, or one whose entry is in the same place (its answer aside). */
export function samePlaces(a: readonly EvaluatedRow[], b: readonly EvaluatedRow[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i] && !samePlace(a[i].entry, b[i].entry)) return false;
  return true;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** How an entry was read: as it was (the memory's), or anew, as a question or not. */
const KEPT = 0;
const READ_ANEW = 1;
const QUESTION_ANEW = 2;

/** The entries read, by entry as in EvaluationMemory. */
interface Reading {
  answers: NormalisedAnswer[];
  /** Rows and findings of the entries kept; those of the others are made by evaluate. */
  rows: (EvaluatedRow | undefined)[];
  findings: RowFindings[];
  /** KEPT, READ_ANEW or QUESTION_ANEW. */
  how: Uint8Array;
  /** Steps not computerised. */
  off: Set<string>;
  /** Only answers changed: the same entries in the same places, each still a question or still not one. */
  placesKept: boolean;
}

/**
 * The answers of the entries and the steps not computerised: entries unchanged since `previous`
 * as it had them (answer, row, findings), the others read anew, questions or not.
 */
function readAll(entries: readonly CartographieEntry[], keys: LabelKeys, read: (cell: CellInput) => NormalisedAnswer, previous?: EvaluationMemory): Reading {
  const n = entries.length;
  const answers: NormalisedAnswer[] = new Array(n);
  const rows: (EvaluatedRow | undefined)[] = new Array(n);
  const findings: RowFindings[] = new Array(n);
  const how = new Uint8Array(n);
  const off = new Set<string>();
  const before = previous?.entries;
  let placesKept = before !== undefined && before.length === n;
  for (let i = 0; i < n; i += 1) {
    const entry = entries[i];
    const old = before?.[i];
    if (old !== undefined && (old === entry || (samePlace(old, entry) && sameCell(old.answer, entry.answer)))) {
      answers[i] = previous!.answers[i];
      const row = previous!.rows[i];
      rows[i] = row;
      findings[i] = previous!.findings[i];
      if (row !== undefined && row.type === 'Informatisation' && row.effective === 'NON') off.add(row.step);
      continue;
    }
    const answer = read(entry.answer);
    answers[i] = answer;
    const question = isQuestion(entry, answer, keys);
    how[i] = question ? QUESTION_ANEW : READ_ANEW;
    // Steps with at least one Informatisation row answered NON (SPEC §6; any NON wins).
    if (question && answer.kind === 'answer' && answer.answer === 'NON' && keys.type(entry.type) === 'Informatisation') off.add(keys.step(entry.step));
    if (placesKept && !(old !== undefined && samePlace(old, entry) && (previous!.rows[i] === undefined) === !question)) placesKept = false;
  }
  return { answers, rows, findings, how, off, placesKept };
}

/** Whether `label` is seen for the first time; it is then seen. */
function firstSeen(seen: Set<string>, label: string): boolean {
  if (seen.has(label)) return false;
  seen.add(label);
  return true;
}

/** The hint about a label close to a catalogue one, if any. */
function hint(kind: 'Étape' | 'Zone', label: string, row: EvaluatedRow, findings: Finding[], report: Report): void {
  const text = labelHint(kind, label);
  if (text) findings.push(report(row.entry, 'libelle', text, row));
}

/** References in double or naming other cells, labels close to a catalogue one, text under the table: the questions given in sheet order. */
class PlacesReader {
  private readonly questions: Int32Array;
  private count = 0;
  private readonly findings: Finding[] = [];
  private readonly outside: CartographieEntry[] = [];
  private readonly refsSeen: FirstEntries;
  private refsApart = true;
  private previous: CartographieEntry | undefined;
  private readonly stepsSeen = new Set<string>();
  private readonly zonesSeen = new Set<string>();
  // The first label written for each step key is met where its label is first seen (as stepLabels finds it).
  private readonly stepNames = new Map<string, string>();
  private last = 0;

  constructor(
    private readonly entries: readonly CartographieEntry[],
    private readonly report: Report,
  ) {
    this.questions = new Int32Array(entries.length);
    this.refsSeen = new FirstEntries(entries.length, (i) => refKey(entries[i].ref));
  }

  /** An entry that is not a question. */
  skip(entry: CartographieEntry): void {
    if (holdsText(entry)) this.outside.push(entry);
  }

  /** Entry `i`, a question: its row, the catalogue question its Réf. names and its Réf. as rows are matched by it (refKey). */
  add(i: number, row: EvaluatedRow, named: Question | undefined, ref: string): void {
    const { entry } = row;
    const { findings, report } = this;
    this.questions[this.count] = i;
    this.count += 1;
    if (named && named !== row.question) findings.push(report(entry, 'reference', refMessage(entry, row, named), row));
    if (ref === '') this.refsApart = false;
    else {
      const first = this.refsSeen.firstOrAdd(i, ref);
      if (first >= 0) {
        this.refsApart = false;
        findings.push(report(entry, 'reference', `Réf. « ${tidyLabel(entry.ref)} » en double : déjà utilisée ligne ${this.entries[first].row} ; les deux lignes comptent`, row));
      }
    }
    // Consecutive questions mostly show the same zone and step: seen already, no lookup needed.
    const previous = this.previous;
    if (entry.zone !== previous?.zone && firstSeen(this.zonesSeen, entry.zone)) hint('Zone', entry.zone, row, findings, report);
    if (entry.step !== previous?.step && firstSeen(this.stepsSeen, entry.step)) {
      putLabel(this.stepNames, row.step, entry.step);
      hint('Étape', entry.step, row, findings, report);
    }
    if (row.to !== null && firstSeen(this.stepsSeen, entry.to)) {
      putLabel(this.stepNames, row.to, entry.to);
      hint('Étape', entry.to, row, findings, report);
    }
    if (entry.row > this.last) this.last = entry.row;
    this.previous = entry;
  }

  places(): Places {
    const { findings, stepNames, refsApart } = this;
    return { questions: this.questions.subarray(0, this.count), findings, outside: outsideFinding(this.outside, this.last, this.report), stepNames, refsApart };
  }
}

/** The messages of the consistency rule, by step not computerised, then the other one ('' for none), then answer: many rows share one. */
type IncoherenceMessages = Map<string, Map<string, Partial<Record<Answer, string>>>>;

function incoherenceMessage(answer: Answer, step: string, other: string | null, stepNames: Map<string, string>, messages: IncoherenceMessages): string {
  let byOther = messages.get(step);
  if (byOther === undefined) messages.set(step, (byOther = new Map()));
  let byAnswer = byOther.get(other ?? '');
  if (byAnswer === undefined) byOther.set(other ?? '', (byAnswer = {}));
  let message = byAnswer[answer];
  if (message === undefined) {
    const name = (s: string) => `« ${stepNames.get(s) ?? s} »`;
    const subject = other === null ? `l'étape ${name(step)} n'est pas informatisée` : `les étapes ${name(step)} et ${name(other)} ne sont pas informatisées`;
    message = `Réponse ${answer} incohérente : ${subject} (Informatisation = NON) ; comptée comme NON`;
    byAnswer[answer] = message;
  }
  return message;
}

/** The message of the consistency rule for an incoherent row: the step or steps not computerised it depends on. */
function incoherence(row: EvaluatedRow, off: Set<string>, stepNames: Map<string, string>, messages: IncoherenceMessages): string {
  const answer = row.answer!;
  if (!off.has(row.step)) return incoherenceMessage(answer, row.to!, null, stepNames, messages);
  const other = row.type === 'Interopérabilité' && row.to !== null && row.to !== row.step && off.has(row.to) ? row.to : null;
  return incoherenceMessage(answer, row.step, other, stepNames, messages);
}

/** The findings of a question's row: its type, its answer, the consistency rule. */
function rowFindings(row: EvaluatedRow, answer: NormalisedAnswer, off: Set<string>, stepNames: Map<string, string>, messages: IncoherenceMessages, report: Report): RowFindings {
  let findings: RowFindings;
  if (row.type === null) findings = report(row.entry, 'invalide', typeMessage(row.entry), row);
  if (answer.kind === 'invalid') findings = withFinding(findings, report(row.entry, 'invalide', answer.reason, row));
  if (row.status === 'empty') findings = withFinding(findings, report(row.entry, 'non-renseigne', 'Réponse non renseignée', row));
  if (row.status === 'incoherent') findings = withFinding(findings, report(row.entry, 'incoherence', incoherence(row, off, stepNames, messages), row));
  return findings;
}

/**
 * Evaluates the cartographie. Given the memory of the evaluation of an earlier version of the same
 * sheet, only what changed is evaluated again; the result is the same as without it.
 */
export function evaluate(cartographie: Cartographie, previous?: EvaluationMemory): Evaluation {
  const { sheet, entries } = cartographie;
  const earlier = previous?.sheet === sheet ? previous : undefined;
  const keys = KEYS;
  const report = reporter(sheet, keys);
  const { answers, rows: entryRows, findings: entryFindings, how, off, placesKept } = readAll(entries, keys, READ, earlier);
  // Rows kept keep their status and findings when the steps not computerised and the places are as before.
  const recheck = !(placesKept && sameSet(off, earlier!.off));
  const reader = placesKept ? undefined : new PlacesReader(entries, report);
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i];
    const kept = entryRows[i];
    const anew = how[i] === QUESTION_ANEW;
    if (kept === undefined && !anew) {
      reader?.skip(entry);
      continue;
    }
    // A question: its row made, or kept and, when the steps not computerised may have changed, put under the rule again.
    let named: Question | undefined;
    let ref = '';
    if (anew || reader !== undefined) {
      ref = refKey(entry.ref);
      named = questionOfRef(ref);
    }
    const row = anew ? evaluatedRow(entry, answers[i], named, keys, off) : recheck ? underRule(kept!, off) : kept!;
    entryRows[i] = row;
    reader?.add(i, row, named, ref);
  }
  const places = reader?.places() ?? earlier!.places;

  const questions = places.questions;
  const rows: EvaluatedRow[] = new Array(questions.length);
  const findings = places.findings.slice();
  const messages: IncoherenceMessages = new Map();
  for (let q = 0; q < questions.length; q += 1) {
    const i = questions[q];
    const row = entryRows[i]!;
    rows[q] = row;
    let own = entryFindings[i];
    if (recheck || how[i] !== KEPT) entryFindings[i] = own = rowFindings(row, answers[i], off, places.stepNames, messages, report);
    if (own === undefined) continue;
    if (Array.isArray(own)) for (let j = 0; j < own.length; j += 1) findings.push(own[j]);
    else findings.push(own);
  }
  if (places.outside) findings.push(places.outside);
  if (places.refsApart) REFS_APART.add(rows);
  return { rows, findings, stepNames: places.stepNames, memory: { sheet, entries, answers, rows: entryRows, findings: entryFindings, places, off } };
}

/** Rows of evaluations whose questions have their Réf. apart (Places.refsApart), so that proposals need not check it again. */
const REFS_APART = new WeakSet<readonly EvaluatedRow[]>();

/** True when `rows` are the rows of an evaluation and no two of them have the same Réf., none blank; false when unknown. */
export function knownRefsApart(rows: readonly EvaluatedRow[]): boolean {
  return REFS_APART.has(rows);
}

/** Text typed under the table (a note, a signature) is not a question: said once, not counted; `last`: the last question's sheet row. */
function outsideFinding(outside: CartographieEntry[], last: number, report: Report): Finding | undefined {
  if (outside.length === 0) return undefined;
  const below = outside.filter((entry) => entry.row > last);
  if (below.length === 0) return undefined;
  const first = below[0];
  const text = [first.ref, first.label, first.step, first.zone, first.comment].map(tidyLabel).find((t) => t !== '') ?? '';
  const others = below.length > 1 ? ` (et ${below.length - 1} autre${below.length > 2 ? 's' : ''} ligne${below.length > 2 ? 's' : ''} en dessous)` : '';
  return report(first, 'hors-cartographie', `Ligne hors cartographie : « ${text} »${others}, sans Type ni Réponse, n'est pas une question ; elle n'entre dans aucun calcul`);
}

/** Label to show for each step key: the catalogue label, else the first label written for it. */
export function stepLabels(rows: readonly EvaluatedRow[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i];
    if (i === 0 || row.step !== rows[i - 1].step) putLabel(labels, row.step, row.entry.step);
    if (row.to !== null) putLabel(labels, row.to, row.entry.to);
  }
  return labels;
}

function putLabel(labels: Map<string, string>, key: string, written: string): void {
  if (!labels.has(key)) labels.set(key, stepById(key)?.label ?? tidyLabel(written));
}

/** Label to show for a zone key: the catalogue label, else the label written. */
export function zoneLabel(key: string, written: string): string {
  return zoneById(key)?.label ?? tidyLabel(written);
}
