/**
 * The Synthèse sheet as a layout (SPEC §7), regenerated whole after each analysis. Rates are
 * numbers formatted '0 %' so formulas and charts can use them; a rate whose denominator is 0 is
 * the text "non évaluable". Every string is plain text, there is no formula.
 */
import { zoneById } from '../domain/catalogue';
import { NOT_EVALUABLE } from '../domain/format';
import type { ActionProposal, Analysis, Answer, ContinuityViewId, Rate, RateSet } from '../domain/model';
import type { CellStyle, ChartSpec, LayoutCell, SheetLayout } from './port';
import { printSetup, sectionBreaks } from './print';
import { SHEETS } from './sheets';

export const PERCENT_FORMAT = '0 %';
/** Row of the "mise à jour" line: the only one that changes when the figures do not. */
export const SYNTHESIS_DATE_ROW = 1;
/** Number of proposed actions listed in the conclusion. */
export const TOP_ACTIONS = 10;
/** Findings listed under « Points à vérifier » (the pane lists them all). */
export const LISTED_FINDINGS = 30;

const VIEW_HEADINGS: [ContinuityViewId, string][] = [
  ['pui', 'À la PUI'],
  ['transitions', 'Aux points de transition'],
  ['blocs', 'Aux blocs opératoires'],
];

const LINK_RATES: [keyof RateSet, string][] = [
  ['interoperabilite', 'Interopérabilité'],
  ['continuite', 'Continuité'],
  ['rupture', 'Points de rupture'],
];

type Value = string | number | null;

const integer = new Intl.NumberFormat('fr-FR');

/** "1 ligne", "12 lignes" (fr-FR digits). */
function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${integer.format(n)} ${n > 1 ? plural : singular}`;
}

function terms(rate: Rate): string {
  return `${integer.format(rate.numerator)} / ${integer.format(rate.denominator)}`;
}

function answerStyle(answer: Answer | null): CellStyle {
  if (answer === 'OUI') return 'good';
  if (answer === 'NON') return 'bad';
  return 'note';
}

/** Appends rows top to bottom. */
class Sheet {
  readonly cells: LayoutCell[] = [];
  row = 0;

  put(col: number, value: Value, style?: CellStyle, numberFormat?: string): void {
    this.cells.push({ row: this.row, col, value, ...(style && { style }), ...(numberFormat && { numberFormat }) });
  }

  rate(col: number, rate: Rate): void {
    if (rate.value === null) this.put(col, NOT_EVALUABLE, 'note');
    else this.put(col, rate.value, 'percent', PERCENT_FORMAT);
  }

  /** One row of values, each in its own column from A. */
  line(values: Value[], style?: CellStyle): void {
    values.forEach((value, col) => this.put(col, value, style));
    this.row++;
  }

  text(value: string, style: CellStyle = 'value'): void {
    this.line([value], style);
  }

  section(title: string): void {
    this.row++;
    this.line([title, ...Array<Value>(COLUMNS - 1).fill(null)], 'section');
  }
}

const COLUMNS = 9;
const COLUMN_WIDTHS = [48, 16, 16, 16, 16, 16, 16, 16, 16];

function heading(sheet: Sheet, analysis: Analysis, establishment: string | undefined, date: Date): void {
  sheet.text('Synthèse de la cartographie des données informatiques du circuit des DMI', 'title');
  const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' }).format(date);
  sheet.text(`Mise à jour du ${when}, calculée à partir de la feuille « ${SHEETS.cartographie} » : ne rien saisir ici, la feuille est régénérée.`, 'note');
  if (establishment) sheet.text(`Établissement : ${establishment}`, 'subtitle');
  const { counts, overall } = analysis.figures;
  sheet.row++;
  sheet.put(0, 'Complétude', 'label');
  sheet.rate(1, overall.completude);
  sheet.put(2, `${integer.format(counts.answered)} / ${count(counts.rows, 'ligne')} renseignée${counts.answered > 1 ? 's' : ''}`, 'value');
  sheet.row++;
}

function overallRates(sheet: Sheet, overall: RateSet): void {
  sheet.section('Indicateurs du circuit');
  const columns: [keyof RateSet, string][] = [
    ['informatisation', 'Informatisation des données'],
    ['etapesInformatisees', 'Étapes informatisées'],
    ...LINK_RATES.map(([key, label]): [keyof RateSet, string] => [key, key === 'rupture' ? 'Points de rupture (CAQES R4 1.2)' : label]),
  ];
  sheet.line(['', ...columns.map(([, label]) => label)], 'header');
  sheet.put(0, 'Circuit complet', 'label');
  columns.forEach(([key], index) => sheet.rate(index + 1, overall[key]));
  sheet.row++;
  sheet.line(['Calcul (numérateur / dénominateur)', ...columns.map(([key]) => terms(overall[key]))], 'note');
  sheet.text('On peut être 100 % informatisé et 0 % interopérable : les deux taux se lisent côte à côte.', 'note');
}

function equipment(sheet: Sheet, analysis: Analysis): void {
  const { equipment: figures, steps } = analysis.figures;
  sheet.section('Évaluer les équipements informatiques et matériels');
  sheet.line(['Étape', 'Zone', 'Logiciel', 'Informatisation', 'Lecteur', 'IUD-ID', 'IUD-IP', 'Dépôts', 'Données informatisées'], 'header');
  for (const step of figures.steps) {
    sheet.put(0, step.label, 'label');
    sheet.put(1, zoneById(step.zone)?.label ?? step.zone, 'value');
    sheet.put(2, step.software, 'value');
    [step.informatisation, step.lecteur, step.iudId, step.iudIp, step.depot].forEach((answer, index) =>
      sheet.put(3 + index, answer ?? '—', answerStyle(answer)),
    );
    const data = steps.find((s) => s.step === step.step);
    if (data) sheet.rate(8, data.informatisation);
    sheet.row++;
  }
  sheet.text('— : non renseigné ou sans objet pour cette étape.', 'note');
  for (const [label, rate] of [
    ['Étapes équipées de lecteurs automatiques de codes (hors étapes NA)', figures.lecteurs],
    ['Dépôts temporaires et/ou permanents gérés', figures.depots],
  ] as const) {
    sheet.put(0, label, 'label');
    sheet.rate(1, rate);
    sheet.put(2, terms(rate), 'note');
    sheet.row++;
  }
}

function continuity(sheet: Sheet, analysis: Analysis): void {
  sheet.section("Évaluer la continuité de l'information");
  for (const [id, title] of VIEW_HEADINGS) {
    const view = analysis.figures.views[id];
    sheet.row++;
    sheet.text(title, 'subtitle');
    sheet.line(['', ...LINK_RATES.map(([, label]) => label)], 'header');
    sheet.put(0, 'Ensemble', 'label');
    LINK_RATES.forEach(([key], index) => sheet.rate(index + 1, view[key as 'interoperabilite' | 'continuite' | 'rupture']));
    sheet.row++;
    if (view.transitions.length === 0) {
      sheet.text("Aucune ligne d'interopérabilité dans ce périmètre.", 'note');
      continue;
    }
    sheet.line(['Transition', ...LINK_RATES.map(([, label]) => label), 'Ruptures', 'Lignes'], 'header');
    for (const t of view.transitions) {
      sheet.put(0, `${t.fromLabel} → ${t.toLabel}`, 'value');
      LINK_RATES.forEach(([key], index) => sheet.rate(index + 1, t[key as 'interoperabilite' | 'continuite' | 'rupture']));
      sheet.put(4, t.ruptures, t.ruptures > 0 ? 'bad' : 'value');
      sheet.put(5, t.rows, 'value');
      sheet.row++;
    }
  }
}

const ZONE_RATES: [keyof RateSet, string][] = [
  ['completude', 'Complétude'],
  ['informatisation', 'Informatisation des données'],
  ...LINK_RATES,
];

/** Rates by zone, and beside them the block the chart reads (blank where a rate is non évaluable, so no bar reads as 0 %). */
function zones(sheet: Sheet, analysis: Analysis): ChartSpec | undefined {
  const figures = analysis.figures.zones;
  sheet.section('Taux par zone du circuit');
  const tableRow = sheet.row;
  sheet.line(['Zone', ...ZONE_RATES.map(([, label]) => label)], 'header');
  for (const zone of figures) {
    sheet.put(0, zone.label, 'label');
    ZONE_RATES.forEach(([key], index) => sheet.rate(index + 1, zone[key]));
    sheet.row++;
  }
  if (figures.length === 0) return undefined;
  sheet.row++;
  sheet.text('Données du graphique (cellule vide = non évaluable)', 'note');
  const series: [keyof RateSet, string][] = [
    ['informatisation', 'Informatisation des données'],
    ['interoperabilite', 'Interopérabilité'],
  ];
  sheet.line(['Zone', ...series.map(([, label]) => label)], 'header');
  const firstRow = sheet.row;
  for (const zone of figures) {
    sheet.put(0, zone.label, 'label');
    series.forEach(([key], index) => sheet.put(index + 1, zone[key].value, 'percent', PERCENT_FORMAT));
    sheet.row++;
  }
  return {
    title: 'Informatisation et interopérabilité par zone',
    firstRow,
    rowCount: figures.length,
    categoryCol: 0,
    series: series.map(([, name], index) => ({ name, col: index + 1 })),
    anchor: { row: tableRow, col: ZONE_RATES.length + 2 },
  };
}

function findings(sheet: Sheet, analysis: Analysis): void {
  const listed = analysis.findings.filter((f) => f.kind !== 'non-renseigne');
  if (listed.length === 0) return;
  sheet.section('Points à vérifier dans la cartographie');
  sheet.line(['Constat', 'Cellule', 'Réf.'], 'header');
  for (const finding of listed.slice(0, LISTED_FINDINGS)) {
    sheet.line([finding.message, finding.cell, finding.ref], finding.kind === 'invalide' ? 'warning' : 'value');
  }
  if (listed.length > LISTED_FINDINGS) sheet.text(`… et ${count(listed.length - LISTED_FINDINGS, 'autre point', 'autres points')} : voir le volet du complément.`, 'note');
}

/** Highest priority first, then circuit order. */
export function topActions(proposals: ActionProposal[], limit = TOP_ACTIONS): ActionProposal[] {
  return [...proposals].sort((a, b) => a.priority - b.priority || a.order - b.order).slice(0, limit);
}

function conclusion(sheet: Sheet, analysis: Analysis): void {
  const { counts } = analysis.figures;
  sheet.section('Conclusion et priorisation des actions');
  sheet.text(`${count(counts.criticalGaps, 'donnée critique absente', 'données critiques absentes')} (réponse NON sur une ligne critique).`, counts.criticalGaps > 0 ? 'warning' : 'value');
  sheet.text(
    `${count(counts.incoherent, 'ligne incohérente comptée', 'lignes incohérentes comptées')} comme NON (point de rupture) dans les taux.`,
    counts.incoherent > 0 ? 'warning' : 'value',
  );
  sheet.text(`${count(counts.invalid, 'saisie invalide comptée', 'saisies invalides comptées')} comme non renseignée${counts.invalid > 1 ? 's' : ''}.`, counts.invalid > 0 ? 'warning' : 'value');
  const actions = topActions(analysis.proposals);
  sheet.row++;
  if (actions.length === 0) {
    sheet.text('Aucune action proposée à ce stade.', 'note');
    return;
  }
  sheet.text(`Actions prioritaires (${actions.length} sur ${analysis.proposals.length}) :`, 'label');
  sheet.line(['Action proposée', 'Priorité', 'Zone / étape', 'Acteurs', 'Constat'], 'header');
  for (const action of actions) sheet.line([action.action, action.priority, action.scope, action.actors, action.finding], 'value');
  sheet.text(`Plan complet et suivi : feuille « ${SHEETS.plan} ».`, 'note');
}

export function synthesisLayout(analysis: Analysis, options: { establishment?: string; date?: Date } = {}): SheetLayout {
  const sheet = new Sheet();
  heading(sheet, analysis, options.establishment, options.date ?? new Date());
  overallRates(sheet, analysis.figures.overall);
  equipment(sheet, analysis);
  continuity(sheet, analysis);
  const chart = zones(sheet, analysis);
  findings(sheet, analysis);
  conclusion(sheet, analysis);
  const print = printSetup(COLUMN_WIDTHS, { establishment: options.establishment, breaksBefore: sectionBreaks(sheet.cells) });
  return { sheet: SHEETS.synthesis, cells: sheet.cells, columnWidths: COLUMN_WIDTHS, ...(chart && { chart }), print };
}
