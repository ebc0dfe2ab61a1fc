/** The two sheets `consolider --precedent` adds: each establishment's evolution, and the region's. */
import { NOT_EVALUABLE } from '../../domain/format';
import type { Distribution } from '../../domain/distribution';
import {
  SITUATION_LABELS,
  SITUATION_THRESHOLD_POINTS,
  SITUATIONS,
  type EstablishmentEvolution,
  type RegionalEvolution,
  type Situation,
} from '../../domain/regionalEvolution';
import type { LayoutCell, SheetLayout } from '../../workbook/port';
import { PERCENT_FORMAT } from '../../workbook/synthesisLayout';
import { STATISTIC_KEYS, STATISTIC_LABELS, type StatisticKey } from './regional';
import { Table, type Value } from './table';

export const EVOLUTION_SHEETS = {
  establishments: 'Évolution par établissement',
  region: 'Évolution régionale',
} as const;

type Cell = Omit<LayoutCell, 'row' | 'col'>;

/** Rates named in the headers of the evolution columns, short enough not to break a word. */
const SHORT_LABELS: Record<StatisticKey, string> = {
  completude: 'complétude',
  informatisation: 'informatisation',
  interoperabilite: 'interopérabilité',
  continuite: 'continuité',
  rupture: 'points de rupture',
};
type Evolution = RegionalEvolution<StatisticKey>;

/** "+5,3 pts", "-2,0 pts", "0,0 pt" in a French Excel. */
const POINTS_FORMAT = '+0.0" pts";-0.0" pts";0.0" pt"';
const COUNT_CHANGE_FORMAT = '+0;-0;0';

const SITUATION_DEFINITIONS: Record<Situation, string> = {
  progres: `Taux de points de rupture (CAQES R4, item 1.2) en baisse d'au moins ${SITUATION_THRESHOLD_POINTS} points.`,
  stable: `Taux de points de rupture qui varie de moins de ${SITUATION_THRESHOLD_POINTS} points, dans un sens ou dans l'autre.`,
  recul: `Taux de points de rupture en hausse d'au moins ${SITUATION_THRESHOLD_POINTS} points.`,
  'non-comparable': "Présent les deux années, mais le taux de points de rupture est non évaluable l'une des deux (aucune transition renseignée).",
  'sans-reponse': "FINESS présent dans le classeur de la campagne précédente, aucun classeur lu cette année.",
  nouveau: 'FINESS absent du classeur de la campagne précédente.',
  'sans-finess': "Classeur sans FINESS (ni dans la notice ni dans le nom du fichier) : il ne peut pas être rapproché de la campagne précédente.",
};

/** How a situation is judged, in two lines of a note. */
export const SITUATION_RULE = [
  'Situation jugée sur le taux de points de rupture (CAQES R4, item 1.2 ; plus bas est mieux) :',
  `en progrès s'il baisse d'au moins ${SITUATION_THRESHOLD_POINTS} points, en recul s'il monte d'au moins ${SITUATION_THRESHOLD_POINTS} points, stable entre les deux.`,
];

function rate(value: number | null, present: boolean): Cell {
  if (!present) return { value: null, style: 'value' };
  return value === null ? { value: NOT_EVALUABLE, style: 'note' } : { value, style: 'percent', numberFormat: PERCENT_FORMAT };
}

function change(value: number | null, numberFormat: string): Cell {
  return value === null ? { value: null, style: 'value' } : { value, style: 'value', numberFormat };
}

function situation(value: Situation): Cell {
  const style = value === 'progres' ? 'good' : value === 'recul' ? 'bad' : 'value';
  return { value: SITUATION_LABELS[value], style };
}

function establishmentRow(es: EstablishmentEvolution<StatisticKey>): Cell[] {
  const plain = (value: Value): Cell => ({ value, style: 'value' });
  return [
    plain(es.finess),
    plain(es.name),
    situation(es.situation),
    rate(es.before?.rates.rupture ?? null, es.before !== null),
    rate(es.after?.rates.rupture ?? null, es.after !== null),
    ...STATISTIC_KEYS.map((key) => change(es.points[key], POINTS_FORMAT)),
    plain(es.before?.criticalGaps ?? null),
    plain(es.after?.criticalGaps ?? null),
    change(es.gapsChange, COUNT_CHANGE_FORMAT),
  ];
}

function establishmentsSheet(evolution: Evolution): SheetLayout {
  const unmatched = evolution.unmatchedBefore > 0 ? [`${evolution.unmatchedBefore} établissement(s) du classeur précédent sans FINESS n'ont pas pu être rapprochés.`] : [];
  const table = new Table('Évolution par établissement depuis la campagne précédente', [
    'Établissements rapprochés par FINESS. Évolutions en points de pourcentage : cette campagne moins la précédente.',
    'Écarts critiques : données de traçabilité manquantes et ruptures sur des flux sanitaires.',
    ...SITUATION_RULE,
    ...unmatched,
  ]);
  table.line(
    [
      'FINESS',
      'Établissement',
      'Situation',
      'Points de rupture, campagne précédente',
      'Points de rupture, cette campagne',
      ...STATISTIC_KEYS.map((key) => `Évolution, ${SHORT_LABELS[key]}`),
      'Écarts critiques, campagne précédente',
      'Écarts critiques, cette campagne',
      'Évolution des écarts critiques',
    ],
    'header',
  );
  for (const es of evolution.establishments) table.styledLine(establishmentRow(es));
  return table.layout(EVOLUTION_SHEETS.establishments, [12, 34, 24, 13, 13, 18, 18, 18, 18, 18, 12, 12, 12]);
}

/** A distribution's columns: evaluated establishments, quartiles and median. */
function quartiles(d: Distribution, format: (value: number | null) => Cell): Cell[] {
  return [{ value: d.count, style: 'value' }, format(d.q1), format(d.median), format(d.q3)];
}

function regionSheet(evolution: Evolution): SheetLayout {
  const table = new Table('Évolution régionale depuis la campagne précédente', [
    ...SITUATION_RULE,
    'Médiane et quartiles sur tous les établissements de chaque campagne (QUARTILE.INC), taux non évaluables exclus.',
  ]);
  table.line(['Situation', 'Établissements', 'Définition'], 'header');
  for (const key of SITUATIONS) table.styledLine([situation(key), { value: evolution.counts[key], style: 'value' }, { value: SITUATION_DEFINITIONS[key], style: 'caption' }]);
  table.skip();
  table.line(
    [
      'Indicateur',
      'Évalués, campagne précédente',
      '1er quartile, précédente',
      'Médiane, précédente',
      '3e quartile, précédente',
      'Évalués, cette campagne',
      '1er quartile, cette campagne',
      'Médiane, cette campagne',
      '3e quartile, cette campagne',
      'Évolution de la médiane',
    ],
    'header',
  );
  for (const { key, before, after } of evolution.distributions) {
    const isRate = key !== 'criticalGaps';
    const format = (value: number | null): Cell => (isRate ? rate(value, true) : { value, style: 'value' });
    const medianChange =
      before.median === null || after.median === null
        ? change(null, '')
        : isRate
          ? change(Math.round((after.median - before.median) * 1000) / 10, POINTS_FORMAT)
          : change(after.median - before.median, '+0.0;-0.0;0.0');
    table.styledLine([
      { value: isRate ? STATISTIC_LABELS[key] : 'Écarts critiques', style: 'label' },
      ...quartiles(before, format),
      ...quartiles(after, format),
      medianChange,
    ]);
  }
  return table.layout(EVOLUTION_SHEETS.region, [30, 14, 13, 13, 13, 14, 13, 13, 13, 14], false);
}

export function evolutionLayouts(evolution: Evolution): SheetLayout[] {
  return [establishmentsSheet(evolution), regionSheet(evolution)];
}
