/** The sheets of the regional workbook (with the evolution sheets after --precedent), as layouts the xlsx adapter writes. */
import type { SheetLayout } from '../../workbook/port';
import { RATE_KEYS } from '../report';
import { evolutionLayouts } from './evolutionLayouts';
import { STATISTIC_KEYS, STATISTIC_LABELS, type RegionalReport } from './regional';
import { Table } from './table';

export const REGIONAL_SHEETS = {
  establishments: 'Établissements',
  statistics: 'Statistiques régionales',
  transitions: 'Ruptures par transition',
  unread: 'Fichiers non lus',
} as const;

/** Header of the Établissements sheet; `consolider --precedent` reads last year's by these labels. */
export const ESTABLISHMENT_COLUMNS = {
  file: 'Fichier',
  name: 'Établissement',
  finess: 'FINESS',
  criticalGaps: 'Écarts critiques',
} as const;
const ESTABLISHMENT_HEADERS = [
  ESTABLISHMENT_COLUMNS.file,
  ESTABLISHMENT_COLUMNS.name,
  ESTABLISHMENT_COLUMNS.finess,
  'Date',
  'Nom lu dans',
  ...STATISTIC_KEYS.map((key) => STATISTIC_LABELS[key]),
  ESTABLISHMENT_COLUMNS.criticalGaps,
  'Saisies invalides',
  'Action 1',
  'Action 2',
  'Action 3',
];

function establishmentsSheet(report: RegionalReport): SheetLayout {
  const table = new Table(
    'Établissements consolidés',
    [
      'Un établissement par classeur lu. Nom, FINESS et date sont lus dans la notice ou la Synthèse (« Établissement : … ») ;',
      'à défaut, le nom est celui du fichier.',
    ],
  );
  table.line(ESTABLISHMENT_HEADERS, 'header');
  const rates = new Set([5, 6, 7, 8, 9]);
  for (const es of report.establishments) {
    const actions = [0, 1, 2].map((index) => es.topActions[index] ?? null);
    table.rateLine(
      [es.file, es.establishment.name, es.establishment.finess, es.establishment.date, es.establishment.source, es.completude, ...RATE_KEYS.map((key) => es.rates[key]), es.criticalGaps, es.invalid, ...actions],
      rates,
    );
  }
  return table.layout(REGIONAL_SHEETS.establishments, [30, 40, 12, 12, 14, 12, 14, 14, 12, 14, 10, 10, 50, 50, 50]);
}

function statisticsSheet(report: RegionalReport): SheetLayout {
  const table = new Table(
    'Statistiques régionales',
    [
      `${report.establishments.length} établissement(s) consolidé(s), ${report.unread.length} fichier(s) non lu(s).`,
      'Les taux « non évaluable » sont exclus : la colonne « Établissements évalués »',
      "dit sur combien d'établissements porte chaque ligne.",
    ],
  );
  table.line(['Indicateur', 'Établissements évalués', 'Minimum', '1er quartile', 'Médiane', '3e quartile', 'Maximum'], 'header');
  for (const key of STATISTIC_KEYS) {
    const d = report.statistics[key];
    table.rateLine([STATISTIC_LABELS[key], d.count, d.min, d.q1, d.median, d.q3, d.max], new Set([2, 3, 4, 5, 6]));
  }
  return table.layout(REGIONAL_SHEETS.statistics, [30, 14, 12, 12, 12, 12, 12]);
}

function transitionsSheet(report: RegionalReport): SheetLayout {
  const table = new Table(
    'Ruptures par transition',
    [
      "Nombre d'établissements ayant au moins un point de rupture (réponse NON effective) sur chaque transition,",
      "parmi ceux qui l'ont renseignée ; les plus fréquentes d'abord.",
    ],
  );
  table.line(['Transition', 'Entre deux zones', 'Établissements évalués', 'Établissements avec rupture', 'Part des établissements'], 'header');
  for (const t of report.transitions) table.rateLine([t.label, t.crossZone ? 'OUI' : 'NON', t.evaluated, t.withRupture, t.share], new Set([4]));
  return table.layout(REGIONAL_SHEETS.transitions, [70, 14, 16, 18, 16]);
}

function unreadSheet(report: RegionalReport): SheetLayout {
  const table = new Table('Fichiers non lus', ['Fichiers ignorés par la consolidation, avec la raison. Corrigez-les puis relancez la consolidation.']);
  table.line(['Fichier', 'Raison'], 'header');
  for (const unread of report.unread) table.line([unread.file, unread.reason]);
  if (report.unread.length === 0) table.line(['Aucun : tous les fichiers ont été lus.', null], 'note');
  for (const warning of report.warnings) table.line(['Attention', warning]);
  return table.layout(REGIONAL_SHEETS.unread, [40, 100]);
}

export function regionalLayouts(report: RegionalReport): SheetLayout[] {
  const evolution = report.evolution ? evolutionLayouts(report.evolution) : [];
  return [establishmentsSheet(report), statisticsSheet(report), ...evolution, transitionsSheet(report), unreadSheet(report)];
}
