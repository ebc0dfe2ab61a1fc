/** The four sheets of the regional workbook, as layouts the xlsx adapter writes. */
import { NOT_EVALUABLE } from '../../domain/format';
import type { CellStyle, LayoutCell, SheetLayout } from '../../workbook/port';
import { printSetup } from '../../workbook/print';
import { PERCENT_FORMAT } from '../../workbook/synthesisLayout';
import { RATE_KEYS, RATE_LABELS } from '../report';
import { STATISTIC_KEYS, type RegionalReport, type StatisticKey } from './regional';

export const REGIONAL_SHEETS = {
  establishments: 'Établissements',
  statistics: 'Statistiques régionales',
  transitions: 'Ruptures par transition',
  unread: 'Fichiers non lus',
} as const;

type Value = string | number | null;

const STATISTIC_LABELS: Record<StatisticKey, string> = { completude: 'Complétude', ...RATE_LABELS };

/** Rows appended from the top: a title, a note, then a header row and data rows. */
class Table {
  readonly cells: LayoutCell[] = [];
  private row = 0;

  constructor(title: string, note: string) {
    this.cells.push({ row: 0, col: 0, value: title, style: 'title' }, { row: 1, col: 0, value: note, style: 'note' });
    this.row = 3;
  }

  line(values: Value[], style: CellStyle = 'value'): void {
    values.forEach((value, col) => this.cells.push({ row: this.row, col, value, style }));
    this.row++;
  }

  /** A row where the columns listed in `rates` hold a [0, 1] value, shown "45 %", or "non évaluable". */
  rateLine(values: Value[], rates: Set<number>): void {
    values.forEach((value, col) => {
      if (!rates.has(col)) this.cells.push({ row: this.row, col, value, style: 'value' });
      else if (value === null) this.cells.push({ row: this.row, col, value: NOT_EVALUABLE, style: 'note' });
      else this.cells.push({ row: this.row, col, value, style: 'percent', numberFormat: PERCENT_FORMAT });
    });
    this.row++;
  }

  layout(sheet: string, columnWidths: number[]): SheetLayout {
    // Row 3 (0-based) holds the table's header, repeated on every printed page.
    return { sheet, cells: this.cells, columnWidths, print: printSetup(columnWidths, { titleRows: { first: 3, last: 3 } }) };
  }
}

function establishmentsSheet(report: RegionalReport): SheetLayout {
  const table = new Table(
    'Établissements consolidés',
    "Un établissement par classeur lu. Nom, FINESS et date sont lus dans la notice ou la Synthèse (« Établissement : … ») ; à défaut, le nom est celui du fichier.",
  );
  const headers = ['Fichier', 'Établissement', 'FINESS', 'Date', 'Nom lu dans', 'Complétude', ...RATE_KEYS.map((key) => RATE_LABELS[key]), 'Écarts critiques', 'Saisies invalides', 'Action 1', 'Action 2', 'Action 3'];
  table.line(headers, 'header');
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
    `${report.establishments.length} établissement(s) consolidé(s), ${report.unread.length} fichier(s) non lu(s). Les taux « non évaluable » sont exclus : la colonne « Établissements évalués » dit sur combien d'établissements porte chaque ligne.`,
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
    "Nombre d'établissements ayant au moins un point de rupture (réponse NON effective) sur chaque transition, parmi ceux qui l'ont renseignée ; les plus fréquentes d'abord.",
  );
  table.line(['Transition', 'Entre deux zones', 'Établissements évalués', 'Établissements avec rupture', 'Part des établissements'], 'header');
  for (const t of report.transitions) table.rateLine([t.label, t.crossZone ? 'OUI' : 'NON', t.evaluated, t.withRupture, t.share], new Set([4]));
  return table.layout(REGIONAL_SHEETS.transitions, [70, 14, 16, 18, 16]);
}

function unreadSheet(report: RegionalReport): SheetLayout {
  const table = new Table('Fichiers non lus', 'Fichiers ignorés par la consolidation, avec la raison. Corrigez-les puis relancez la consolidation.');
  table.line(['Fichier', 'Raison'], 'header');
  for (const unread of report.unread) table.line([unread.file, unread.reason]);
  if (report.unread.length === 0) table.line(['Aucun : tous les fichiers ont été lus.', null], 'note');
  for (const warning of report.warnings) table.line(['Attention', warning]);
  return table.layout(REGIONAL_SHEETS.unread, [40, 100]);
}

export function regionalLayouts(report: RegionalReport): SheetLayout[] {
  return [establishmentsSheet(report), statisticsSheet(report), transitionsSheet(report), unreadSheet(report)];
}
