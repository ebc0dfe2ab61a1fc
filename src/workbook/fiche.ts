/**
 * The one-page "fiche de synthèse" a pharmacist hands to the direction and the CME, as content:
 * every text already in French and formatted, so each renderer (PDF, pane, sheet) only lays it out.
 */
import type { Comparison } from '../domain/campaign/compare';
import { formatEvolution, spokenEvolution } from '../domain/campaign/format';
import { dateOfSerial } from '../domain/excelDates';
import { formatRate } from '../domain/format';
import { isClosed } from '../domain/planStatus';
import { GAP_COUNTS } from '../domain/gapCounts';
import type { ActionProposal, Analysis, GapCounts, PlanRow, Priority, Rate, RateSet, UserValue } from '../domain/model';

export interface FicheFigure {
  label: string;
  /** "45 %" or "non évaluable". */
  value: string;
  /** The terms, e.g. "18 / 40 lignes". */
  detail: string;
  /** Set on the figure the contract follows (CAQES R4 item 1.2). */
  highlight?: string;
  /** Since the previous campaign, when one is compared: the move, "▲ +4,2 points", and last year's value, "76 %". */
  evolution?: { move: string; before: string };
  /** The same for a screen reader: "en hausse de 4,2 points, une amélioration (76 % l'an dernier)". */
  spokenEvolution?: string;
}

export interface FicheGap {
  label: string;
  count: number;
  reference: string;
}

export interface FicheAction {
  priority: Priority | null;
  action: string;
  scope: string;
  pilot: string;
  dueDate: string;
}

export interface FicheContent {
  title: string;
  establishment: string;
  date: string;
  completude: FicheFigure;
  rates: FicheFigure[];
  gaps: FicheGap[];
  actions: FicheAction[];
  /** Warnings on the reliability of the figures (invalid or incoherent entries). */
  notes: string[];
  /** Since the previous campaign, when one is compared: ruptures closed and appeared, what became of its actions. */
  evolution?: string[];
}

export const FICHE_ACTIONS = 5;
export const CAQES_LABEL = 'indicateur CAQES R4, item 1.2';

const integer = new Intl.NumberFormat('fr-FR');
const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });

function figure(label: string, rate: Rate, unit: string, highlight?: string): FicheFigure {
  return { label, value: formatRate(rate), detail: `${integer.format(rate.numerator)} / ${integer.format(rate.denominator)} ${unit}`, ...(highlight && { highlight }) };
}

/** The figure with its move since the previous campaign, when one is compared. */
function withEvolution(shown: FicheFigure, key: keyof RateSet, comparison: Comparison | undefined): FicheFigure {
  const rate = comparison?.rates.find((evolution) => evolution.key === key);
  if (!rate) return shown;
  const before = formatRate(rate.before);
  return { ...shown, evolution: { move: formatEvolution(rate), before }, spokenEvolution: `${spokenEvolution(rate)} ${lastYear(before)}` };
}

const lastYear = (before: string) => `(${before} l'an dernier)`;

/** A figure's evolution in one line: "▲ +4,2 points (76 % l'an dernier)". */
export function evolutionText({ move, before }: { move: string; before: string }): string {
  return `${move} ${lastYear(before)}`;
}

function plural(n: number, singular: string, several = `${singular}s`): string {
  return `${integer.format(n)} ${n > 1 ? several : singular}`;
}

/** The evolution in three sentences: ruptures closed, ruptures appeared, last year's actions. */
export function evolutionLines(comparison: Comparison): string[] {
  const { closedRuptures, newRuptures, actions } = comparison;
  const transitions = (list: Comparison['closedRuptures']) => (list.length === 0 ? 'aucune' : list.map((t) => `${t.fromLabel} → ${t.toLabel}`).join(' ; '));
  const done = actions.done.length + actions.doneGapStillThere.length;
  return [
    `Ruptures fermées : ${transitions(closedRuptures)}.`,
    `Ruptures apparues : ${transitions(newRuptures)}.`,
    `Actions de la campagne précédente : ${plural(done, 'réalisée')} (dont ${plural(actions.doneGapStillThere.length, 'au constat toujours présent', 'au constat toujours présent')}), ${plural(actions.late.length, 'en retard', 'en retard')}, ${plural(actions.abandoned.length, 'abandonnée')}.`,
  ];
}

/** A plan cell as the user sees it; numbers in the Échéance column are Excel dates. */
function userText(value: UserValue, date = false): string {
  if (value === null) return '';
  if (typeof value === 'number' && date) return longDate.format(dateOfSerial(Math.round(value)));
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  return String(value).trim();
}

/** The five first open actions: the plan's when it has rows (with pilot and deadline), else the proposals. */
function topActions(plan: PlanRow[] | undefined, proposals: ActionProposal[]): FicheAction[] {
  const byRank = <T extends { priority: Priority | null; order: number }>(a: T, b: T): number =>
    (a.priority ?? 9) - (b.priority ?? 9) || a.order - b.order;
  const open = (plan ?? []).filter((row) => !row.obsolete && !isClosed(row.status));
  if (open.length > 0) {
    return [...open].sort(byRank).slice(0, FICHE_ACTIONS).map((row) => ({
      priority: row.priority,
      action: row.action,
      scope: row.scope,
      pilot: userText(row.pilot),
      dueDate: userText(row.dueDate, true),
    }));
  }
  return [...proposals].sort(byRank).slice(0, FICHE_ACTIONS).map((p) => ({ priority: p.priority, action: p.action, scope: p.scope, pilot: '', dueDate: '' }));
}

/** The regulatory gaps only (traceability data, sanitary ruptures): what the direction answers for. */
const REGULATORY: (keyof GapCounts)[] = ['missingTraceabilityData', 'sanitaryRuptures'];

function gaps(analysis: Analysis): FicheGap[] {
  const { counts } = analysis.figures;
  return GAP_COUNTS.filter((gap) => REGULATORY.includes(gap.key)).map((gap) => ({ label: gap.label, count: counts[gap.key], reference: gap.reference }));
}

function notes(analysis: Analysis): string[] {
  const { invalid, incoherent } = analysis.figures.counts;
  const lines: string[] = [];
  if (incoherent > 0) lines.push(`${integer.format(incoherent)} réponse${incoherent > 1 ? 's' : ''} incohérente${incoherent > 1 ? 's' : ''} comptée${incoherent > 1 ? 's' : ''} comme NON.`);
  if (invalid > 0) lines.push(`${integer.format(invalid)} saisie${invalid > 1 ? 's' : ''} invalide${invalid > 1 ? 's' : ''} comptée${invalid > 1 ? 's' : ''} comme non renseignée${invalid > 1 ? 's' : ''}.`);
  return lines;
}

export function ficheContent(input: { analysis: Analysis; plan?: PlanRow[]; establishment: string; date: Date; evolution?: Comparison }): FicheContent {
  const { overall } = input.analysis.figures;
  const shown = (key: keyof RateSet, label: string, unit: string, highlight?: string) => withEvolution(figure(label, overall[key], unit, highlight), key, input.evolution);
  return {
    title: 'Cartographie des données informatiques du circuit des DMI',
    establishment: input.establishment,
    date: longDate.format(input.date),
    completude: shown('completude', 'Complétude', 'lignes renseignées'),
    rates: [
      shown('informatisation', 'Informatisation des données', 'données'),
      shown('interoperabilite', 'Interopérabilité', 'flux'),
      shown('continuite', "Continuité de l'information", 'flux'),
      shown('rupture', 'Points de rupture', 'flux', CAQES_LABEL),
    ],
    gaps: gaps(input.analysis),
    actions: topActions(input.plan, input.analysis.proposals),
    notes: notes(input.analysis),
    ...(input.evolution && { evolution: evolutionLines(input.evolution) }),
  };
}
