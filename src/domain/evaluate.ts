/**
 * Evaluation of the cartographie rows (SPEC §6): answers normalised, rows matched with the
 * catalogue, consistency rules applied, and every problem reported as a located French finding.
 * Rows unknown to the catalogue still count, through their own Étape / Type / Vers l'étape cells.
 */
import { normaliseAnswer, type NormalisedAnswer } from './answers';
import { parseQuestionType, questionByKey, questionByRef, questionKey, stepById, stepByLabel, zoneByLabel } from './catalogue';
import type { Answer, Cartographie, CartographieEntry, EvaluatedRow, Finding, FindingKind, Question } from './model';
import { normaliseLabel, tidyLabel } from './text';

export interface Evaluation {
  rows: EvaluatedRow[];
  findings: Finding[];
}

const TYPE_LIST = 'Informatisation, Donnée, Lecteur, Dépôt ou Interopérabilité';

/** Step key of a label: the catalogue id when the label is a catalogue step, else the normalised label. */
export function stepKey(label: string): string {
  return stepByLabel(label)?.id ?? normaliseLabel(label);
}

function zoneKey(label: string, step: string): string {
  return stepById(step)?.zone ?? zoneByLabel(label)?.id ?? normaliseLabel(label);
}

function isBlank(entry: CartographieEntry, answer: NormalisedAnswer): boolean {
  const cells = [entry.ref, entry.zone, entry.step, entry.type, entry.label, entry.comment];
  return answer.kind === 'empty' && cells.every((c) => tidyLabel(c) === '');
}

function matchQuestion(entry: CartographieEntry, step: string): Question | undefined {
  const byRef = questionByRef(entry.ref);
  if (byRef) return byRef;
  const type = parseQuestionType(entry.type);
  if (!type) return undefined;
  const to = tidyLabel(entry.to) === '' ? '' : stepKey(entry.to);
  return questionByKey(questionKey(step, type, entry.label, to));
}

function classify(entry: CartographieEntry): Omit<EvaluatedRow, 'answer' | 'status' | 'effective'> {
  const ownStep = stepKey(entry.step);
  const question = matchQuestion(entry, ownStep);
  if (question) {
    return {
      entry,
      question,
      type: question.type,
      zone: question.zone,
      step: question.step,
      to: question.to ?? null,
      datum: question.datum,
      critical: question.critical,
    };
  }
  const type = parseQuestionType(entry.type);
  const to = type === 'Interopérabilité' && tidyLabel(entry.to) !== '' ? stepKey(entry.to) : null;
  return {
    entry,
    type,
    zone: zoneKey(entry.zone, ownStep),
    step: ownStep,
    to,
    critical: normaliseLabel(entry.critical) === 'oui',
  };
}

export function rowLabel(entry: CartographieEntry, question?: Question): string {
  const step = tidyLabel(entry.step) || (question ? (stepById(question.step)?.label ?? '') : '');
  const label = tidyLabel(entry.label) || (question?.label ?? '');
  return `${step} – ${label}`;
}

export function evaluate(cartographie: Cartographie): Evaluation {
  const findings: Finding[] = [];
  const report = (row: EvaluatedRow, kind: FindingKind, message: string): void => {
    findings.push({
      kind,
      sheet: cartographie.sheet,
      cell: row.entry.answerCell,
      row: row.entry.row,
      ref: row.entry.ref,
      rowLabel: rowLabel(row.entry, row.question),
      message,
      critical: row.critical,
    });
  };

  const rows: EvaluatedRow[] = [];
  const problems: string[][] = [];
  const unanswered: boolean[] = [];
  for (const entry of cartographie.entries) {
    const parsed = normaliseAnswer(entry.answer);
    if (isBlank(entry, parsed)) continue;
    const base = classify(entry);
    const messages: string[] = [];
    if (!base.type) messages.push(`Type « ${tidyLabel(entry.type)} » inconnu : attendu ${TYPE_LIST}`);
    if (parsed.kind === 'invalid') messages.push(parsed.reason);
    const answer = parsed.kind === 'answer' ? parsed.answer : null;
    const status = messages.length > 0 ? 'invalid' : answer === null ? 'empty' : 'ok';
    rows.push({ ...base, answer, status, effective: status === 'ok' ? answer : null });
    problems.push(messages);
    unanswered.push(parsed.kind === 'empty');
  }

  const computerised = informatisationByStep(rows);
  const stepNames = stepLabels(rows);
  rows.forEach((row, i) => {
    for (const message of problems[i]) report(row, 'invalide', message);
    if (unanswered[i]) report(row, 'non-renseigne', 'Réponse non renseignée');
    const off = offSteps(row, computerised);
    if (off.length === 0) return;
    const named = off.map((s) => `« ${stepNames.get(s) ?? s} »`);
    const subject = named.length === 1 ? `l'étape ${named[0]} n'est pas informatisée` : `les étapes ${named.join(' et ')} ne sont pas informatisées`;
    row.status = 'incoherent';
    row.effective = 'NON';
    report(row, 'incoherence', `Réponse ${row.answer} incohérente : ${subject} (Informatisation = NON) ; comptée comme NON`);
  });
  return { rows, findings };
}

/** Informatisation answer of each step: its first valid Informatisation row. */
function informatisationByStep(rows: EvaluatedRow[]): Map<string, Answer> {
  const byStep = new Map<string, Answer>();
  for (const row of rows) {
    if (row.type === 'Informatisation' && row.effective && !byStep.has(row.step)) byStep.set(row.step, row.effective);
  }
  return byStep;
}

/** Steps, among those a row depends on, whose Informatisation is NON (SPEC §6 consistency rule). */
function offSteps(row: EvaluatedRow, computerised: Map<string, Answer>): string[] {
  if (row.status !== 'ok') return [];
  if (row.type === 'Donnée' && row.answer === 'OUI') return computerised.get(row.step) === 'NON' ? [row.step] : [];
  if (row.type === 'Interopérabilité' && (row.answer === 'OUI' || row.answer === 'NA')) {
    return [row.step, row.to].filter((s): s is string => s !== null && computerised.get(s) === 'NON');
  }
  return [];
}

/** Label to show for each step key: the catalogue label, else the first label written for it. */
export function stepLabels(rows: EvaluatedRow[]): Map<string, string> {
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
