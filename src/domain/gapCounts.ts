/** The gaps counted apart (SPEC §5), with the French wording and legal reference every view shows. */
import type { GapCounts } from './model';

export interface GapCountDefinition {
  key: keyof GapCounts;
  /** Plural label, e.g. "données de traçabilité manquantes". */
  label: string;
  /** What a row must show to be counted. */
  rule: string;
  /** The texts that make the gap count. */
  reference: string;
}

export const GAP_COUNTS: readonly GapCountDefinition[] = [
  {
    key: 'missingTraceabilityData',
    label: 'Données de traçabilité manquantes',
    rule: 'ligne Donnée critique à NON',
    reference: 'R5212-38 à R5212-42 CSP ; MDR 2017/745 art. 18 et 27 ; arrêté du 8 septembre 2021',
  },
  {
    key: 'sanitaryRuptures',
    label: 'Ruptures sur des flux sanitaires',
    rule: 'ligne Interopérabilité critique à NON, entre deux étapes de la traçabilité sanitaire',
    reference: 'R5212-38 à R5212-42 CSP ; MDR 2017/745 art. 27 ; arrêté du 8 septembre 2021',
  },
  {
    key: 'cityGaps',
    label: 'Écarts ville-hôpital',
    rule: 'ligne Donnée ou Interopérabilité non critique à NON, côté ville (DMP, lettre de liaison)',
    reference: 'Lettre de liaison (R1112-1-2 CSP), DMP / Mon espace santé',
  },
  {
    key: 'financialGaps',
    label: 'Écarts financiers et de gestion',
    rule: 'autre ligne Donnée ou Interopérabilité non critique à NON',
    reference: 'Hors obligation de traçabilité sanitaire : GEF, PMSI (FICHCOMP), facturation',
  },
];
