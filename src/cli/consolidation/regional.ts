/**
 * Regional consolidation, one workbook at a time: each establishment is reduced to a small
 * summary as soon as it is analysed, so memory does not grow with the number of files.
 */
import type { Analysis } from '../../domain/model';
import type { EstablishmentFigures, RegionalEvolution } from '../../domain/regionalEvolution';
import { topActions } from '../../workbook/synthesisLayout';
import { RATE_KEYS, RATE_LABELS, rateValues, type RateKey, type RateValues } from '../report';
import { distribution, type Distribution } from '../../domain/distribution';
import type { Establishment } from './identity';

export interface EstablishmentSummary {
  file: string;
  establishment: Establishment;
  completude: number | null;
  rates: RateValues;
  criticalGaps: number;
  invalid: number;
  /** The three first actions of the plan: "P1 – action (zone / étape)". */
  topActions: string[];
}

export interface UnreadFile {
  file: string;
  reason: string;
}

export interface TransitionRuptures {
  key: string;
  label: string;
  crossZone: boolean;
  /** Establishments that answered at least one row of the transition. */
  evaluated: number;
  /** Establishments with at least one rupture (effective NON) on it. */
  withRupture: number;
  /** withRupture / evaluated (only transitions some establishment evaluated are listed). */
  share: number;
}

export type StatisticKey = 'completude' | RateKey;
export const STATISTIC_KEYS: StatisticKey[] = ['completude', ...RATE_KEYS];
export const STATISTIC_LABELS: Record<StatisticKey, string> = { completude: 'Complétude', ...RATE_LABELS };

export interface RegionalReport {
  establishments: EstablishmentSummary[];
  unread: UnreadFile[];
  statistics: Record<StatisticKey, Distribution>;
  transitions: TransitionRuptures[];
  /** French notes for the reader: files given twice, two files with the same FINESS. */
  warnings: string[];
  /** Against last year's regional workbook, with --precedent. */
  evolution?: RegionalEvolution<StatisticKey>;
}

export const TOP_ACTION_COUNT = 3;

/** What the year-over-year comparison needs of an establishment. */
export function figuresOf(summary: EstablishmentSummary): EstablishmentFigures<StatisticKey> {
  return {
    finess: summary.establishment.finess,
    name: summary.establishment.name,
    rates: { completude: summary.completude, ...summary.rates },
    criticalGaps: summary.criticalGaps,
  };
}

export function summarise(file: string, analysis: Analysis, establishment: Establishment): EstablishmentSummary {
  const { figures } = analysis;
  return {
    file,
    establishment,
    completude: figures.overall.completude.value,
    rates: rateValues(figures.overall),
    // Regulatory gaps only (SPEC §5): comparable between establishments.
    criticalGaps: figures.counts.missingTraceabilityData + figures.counts.sanitaryRuptures,
    invalid: figures.counts.invalid,
    topActions: topActions(analysis.proposals, TOP_ACTION_COUNT).map((action) => `P${action.priority} – ${action.action} (${action.scope})`),
  };
}

/** One transition of one establishment, as the regional count needs it. */
export interface TransitionMark {
  key: string;
  label: string;
  crossZone: boolean;
  withRupture: boolean;
}

/** What the regional workbook keeps of one establishment: small, and plain data (it crosses threads). */
export interface FileDigest {
  summary: EstablishmentSummary;
  /** The transitions the establishment evaluated. */
  transitions: TransitionMark[];
}

export function digest(file: string, analysis: Analysis, establishment: Establishment): FileDigest {
  return {
    summary: summarise(file, analysis, establishment),
    transitions: analysis.figures.transitions
      .filter((transition) => transition.rupture.value !== null)
      .map((transition) => ({
        key: `${transition.from}→${transition.to}`,
        label: `${transition.fromLabel} → ${transition.toLabel}`,
        crossZone: transition.crossZone,
        withRupture: transition.ruptures > 0,
      })),
  };
}

/** Collects establishments and unread files, keeping only what the regional workbook shows. */
export class RegionalAccumulator {
  private readonly establishments: EstablishmentSummary[] = [];
  private readonly unread: UnreadFile[] = [];
  private readonly transitions = new Map<string, Omit<TransitionRuptures, 'share'>>();

  add({ summary, transitions }: FileDigest): void {
    this.establishments.push(summary);
    for (const mark of transitions) {
      const entry = this.transitions.get(mark.key) ?? { key: mark.key, label: mark.label, crossZone: mark.crossZone, evaluated: 0, withRupture: 0 };
      entry.evaluated += 1;
      if (mark.withRupture) entry.withRupture += 1;
      this.transitions.set(mark.key, entry);
    }
  }

  skip(file: string, reason: string): void {
    this.unread.push({ file, reason });
  }

  report(): RegionalReport {
    const values = (key: StatisticKey) => this.establishments.map((es) => (key === 'completude' ? es.completude : es.rates[key]));
    return {
      establishments: [...this.establishments],
      unread: [...this.unread],
      statistics: Object.fromEntries(STATISTIC_KEYS.map((key) => [key, distribution(values(key))])) as Record<StatisticKey, Distribution>,
      transitions: [...this.transitions.values()]
        .map((entry) => ({ ...entry, share: entry.withRupture / entry.evaluated }))
        .sort((a, b) => b.share - a.share || a.label.localeCompare(b.label, 'fr')),
      warnings: [],
    };
  }
}
