/**
 * The Synthèse sheet as a layout (SPEC §7). Every figure is a native formula (COUNTIFS over the
 * « Réponse retenue » column of the cartographie, see answerColumns.ts), so Excel and LibreOffice
 * recalculate it without the add-in; each formula cell also carries the engine's result. Rates
 * are numbers formatted '0 %'; a rate whose denominator is 0 is the text "non évaluable". The
 * findings and the top actions are lists, written as text when the Synthèse is generated.
 */
import type { Comparison } from '../domain/campaign/compare';
import { CATALOGUE, zoneById } from '../domain/catalogue';
import { GAP_COUNTS } from '../domain/gapCounts';
import { NOT_EVALUABLE } from '../domain/format';
import type { ActionProposal, Analysis, Answer, ContinuityViewId, GapCounts, QuestionType, Rate, RateSet } from '../domain/model';
import { answerColumnCells, areaColumn, KEPT, type AreaColumn, type CartographieArea } from './answerColumns';
import { binary, call, cell, column, countIfs, equalsCriterion, escapeWildcards, num, ratio, sum, text, type Formula, type RangeReference } from './formula';
import type { CellStyle, ChartSpec, LayoutCell, SheetLayout } from './port';
import { printSetup, sectionBreaks } from './print';
import { layoutRowHeights } from './rowHeights';
import { SHEETS } from './sheets';
import { templateArea } from './template';

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

function termsText(rate: Rate): string {
  return `${integer.format(rate.numerator)} / ${integer.format(rate.denominator)}`;
}

/** Numerator and denominator of a rate, as formulas. */
interface Terms {
  numerator: Formula;
  denominator: Formula;
}

/** Rows a figure counts: the union of disjoint sets of rows, each given by visible labels (Zone, Étape…). */
type Scope = [AreaColumn, string][][];

const EVERYWHERE: Scope = [[]];

/**
 * The counts behind every figure, as COUNTIFS over the cartographie's columns (labels compared
 * as Excel compares them, wildcards escaped). Undefined when the sheet lacks a column a count
 * needs (e.g. no Zone column): that figure is then written as a value.
 */
class Counts {
  constructor(private readonly area: CartographieArea) {}

  /** Rows of `scope` (of `type` when given) whose « Réponse retenue » matches `kept` ("?*": every question). */
  count(scope: Scope, kept: string, type?: QuestionType): Formula | undefined {
    const terms: Formula[] = [];
    for (const labels of scope) {
      const pairs: [RangeReference, Formula][] = [];
      for (const [key, label] of labels) {
        const range = areaColumn(this.area, key);
        if (!range) return undefined;
        pairs.push([range, equalsCriterion(label)]);
      }
      if (type) pairs.push([areaColumn(this.area, 'type') as RangeReference, text(type)]);
      pairs.push([areaColumn(this.area, 'kept') as RangeReference, text(kept)]);
      terms.push(countIfs(pairs));
    }
    return sum(terms);
  }

  /** Sum of several counts, undefined when one is. */
  total(scope: Scope, kept: string[], type?: QuestionType): Formula | undefined {
    const parts = kept.map((value) => this.count(scope, value, type));
    return parts.every((part) => part !== undefined) ? sum(parts as Formula[]) : undefined;
  }

  terms(key: keyof RateSet, scope: Scope): Terms | undefined {
    const make = (numerator: Formula | undefined, denominator: Formula | undefined) => (numerator && denominator ? { numerator, denominator } : undefined);
    switch (key) {
      case 'completude':
        return make(this.total(scope, ['OUI', 'NON', 'NA']), this.count(scope, '?*'));
      case 'informatisation':
        return make(this.count(scope, 'OUI', 'Donnée'), this.total(scope, ['OUI', 'NON'], 'Donnée'));
      case 'etapesInformatisees':
        return make(this.count(scope, 'OUI', 'Informatisation'), this.total(scope, ['OUI', 'NON'], 'Informatisation'));
      case 'interoperabilite':
        return make(this.count(scope, 'OUI', 'Interopérabilité'), this.total(scope, ['OUI', 'NON'], 'Interopérabilité'));
      case 'continuite':
        return make(this.total(scope, ['OUI', 'NA'], 'Interopérabilité'), this.total(scope, ['OUI', 'NON', 'NA'], 'Interopérabilité'));
      case 'rupture':
        return make(this.count(scope, 'NON', 'Interopérabilité'), this.total(scope, ['OUI', 'NON', 'NA'], 'Interopérabilité'));
    }
  }

  /** COUNTIFS over whole columns with fixed criteria (conclusion counts); a string is a criterion as written. */
  where(pairs: [AreaColumn, string | Formula][]): Formula | undefined {
    const ranges = pairs.map(([key]) => areaColumn(this.area, key));
    if (ranges.some((range) => range === undefined)) return undefined;
    return countIfs(pairs.map(([, criterion], index) => [ranges[index] as RangeReference, typeof criterion === 'string' ? text(criterion) : criterion]));
  }

  /** Sum of several `where` counts, undefined when one is. */
  whereAny(list: [AreaColumn, string | Formula][][]): Formula | undefined {
    const parts = list.map((pairs) => this.where(pairs));
    return parts.every((part) => part !== undefined) ? sum(parts as Formula[]) : undefined;
  }
}

/** One answer for a step (Informatisation, Lecteur…): NON when a row reads NON, else OUI, else NA, else "—". */
function stepAnswer(counts: Counts, scope: Scope, type: QuestionType): Formula | undefined {
  const [non, oui, na] = (['NON', 'OUI', 'NA'] as const).map((kept) => counts.count(scope, kept, type));
  if (!non || !oui || !na) return undefined;
  const has = (count: Formula) => binary('>', count, num(0));
  return call('IF', has(non), text('NON'), call('IF', has(oui), text('OUI'), call('IF', has(na), text('NA'), text('—'))));
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
  /** Where each overall rate was written (0-based), for the « Évolution » section to refer to. */
  readonly overall: Partial<Record<keyof RateSet, { row: number; col: number }>> = {};

  put(col: number, value: Value, style?: CellStyle, numberFormat?: string, formula?: Formula): void {
    this.cells.push({ row: this.row, col, value, ...(formula && { formula }), ...(style && { style }), ...(numberFormat && { numberFormat }) });
  }

  /** A rate: its formula when the counts can be written as one, with the engine's value. */
  rate(col: number, rate: Rate, terms?: Terms): void {
    const formula = terms && ratio(terms.numerator, terms.denominator, text(NOT_EVALUABLE));
    if (rate.value === null) this.put(col, NOT_EVALUABLE, formula ? 'percent' : 'note', formula && PERCENT_FORMAT, formula);
    else this.put(col, rate.value, 'percent', PERCENT_FORMAT, formula);
  }

  /** "3 / 4": the terms of a rate, as a formula when there is one. */
  terms(col: number, rate: Rate, terms: Terms | undefined, style: CellStyle = 'note'): void {
    const formula = terms && binary('&', binary('&', terms.numerator, text(' / ')), terms.denominator);
    this.put(col, formula ? `${rate.numerator} / ${rate.denominator}` : termsText(rate), style, undefined, formula);
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

function heading(sheet: Sheet, analysis: Analysis, counts: Counts, establishment: string | undefined, date: Date): void {
  sheet.text('Synthèse de la cartographie des données informatiques du circuit des DMI', 'title');
  const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' }).format(date);
  sheet.text(
    `Générée le ${when}. Les chiffres sont des formules sur la colonne « Réponse retenue » de la feuille « ${analysis.cartographie.sheet || SHEETS.cartographie} » : ils se recalculent à chaque saisie. Ne rien saisir ici.`,
    'note',
  );
  if (establishment) sheet.text(`Établissement : ${establishment}`, 'subtitle');
  const { overall } = analysis.figures;
  const terms = counts.terms('completude', EVERYWHERE);
  sheet.row++;
  sheet.put(0, 'Complétude', 'label');
  sheet.rate(1, overall.completude, terms);
  sheet.overall.completude = { row: sheet.row, col: 1 };
  const shown = terms && binary('&', binary('&', binary('&', terms.numerator, text(' / ')), terms.denominator), text(' lignes renseignées'));
  sheet.put(2, `${overall.completude.numerator} / ${overall.completude.denominator} lignes renseignées`, 'value', undefined, shown);
  sheet.row++;
}

function overallRates(sheet: Sheet, overall: RateSet, counts: Counts): void {
  sheet.section('Indicateurs du circuit');
  const columns: [keyof RateSet, string][] = [
    ['informatisation', 'Informatisation des données'],
    ['etapesInformatisees', 'Étapes informatisées'],
    ...LINK_RATES.map(([key, label]): [keyof RateSet, string] => [key, key === 'rupture' ? 'Points de rupture (CAQES R4 1.2)' : label]),
  ];
  sheet.line(['', ...columns.map(([, label]) => label)], 'header');
  sheet.put(0, 'Circuit complet', 'label');
  columns.forEach(([key], index) => {
    sheet.rate(index + 1, overall[key], counts.terms(key, EVERYWHERE));
    sheet.overall[key] = { row: sheet.row, col: index + 1 };
  });
  sheet.row++;
  sheet.put(0, 'Calcul (numérateur / dénominateur)', 'note');
  columns.forEach(([key], index) => sheet.terms(index + 1, overall[key], counts.terms(key, EVERYWHERE)));
  sheet.row++;
  sheet.text('On peut être 100 % informatisé et 0 % interopérable : les deux taux se lisent côte à côte.', 'note');
}

/**
 * The label of the catalogue's IUD question (one Donnée label per datum). The engine knows a row's
 * datum by that label at any step (a row moved, a blank Étape), so the formula counts it at every step.
 */
function iudLabel(datum: 'iud-id' | 'iud-ip'): string | undefined {
  return CATALOGUE.questions.find((q) => q.type === 'Donnée' && q.datum === datum)?.label;
}

const EQUIPMENT_COLUMNS = { informatisation: 3, lecteur: 4, iudId: 5, iudIp: 6, depot: 7 } as const;

function equipment(sheet: Sheet, analysis: Analysis, counts: Counts): void {
  const { equipment: figures, steps } = analysis.figures;
  sheet.section('Évaluer les équipements informatiques et matériels');
  sheet.line(['Étape', 'Zone', 'Logiciel', 'Informatisation', 'Lecteur', 'IUD-ID', 'IUD-IP', 'Dépôts', 'Données informatisées'], 'header');
  const firstRow = sheet.row + 1;
  for (const step of figures.steps) {
    const scope: Scope = [[['step', step.label]]];
    const iud = (datum: 'iud-id' | 'iud-ip'): Formula | undefined => {
      const label = iudLabel(datum);
      return label === undefined ? text('—') : stepAnswer(counts, [[['step', step.label], ['label', label]]], 'Donnée');
    };
    const answers: [Answer | null, Formula | undefined][] = [
      [step.informatisation, stepAnswer(counts, scope, 'Informatisation')],
      [step.lecteur, stepAnswer(counts, scope, 'Lecteur')],
      [step.iudId, iud('iud-id')],
      [step.iudIp, iud('iud-ip')],
      [step.depot, stepAnswer(counts, scope, 'Dépôt')],
    ];
    sheet.put(0, step.label, 'label');
    sheet.put(1, zoneById(step.zone)?.label ?? step.zone, 'value');
    sheet.put(2, step.software, 'value');
    answers.forEach(([answer, formula], index) => sheet.put(3 + index, answer ?? '—', answerStyle(answer), undefined, formula));
    const data = steps.find((s) => s.step === step.step);
    if (data) sheet.rate(8, data.informatisation, counts.terms('informatisation', scope));
    sheet.row++;
  }
  const lastRow = sheet.row;
  sheet.text('— : non renseigné ou sans objet pour cette étape.', 'note');
  // The two rates count the table above, in this sheet.
  const own = (col: number) => column(col + 1, firstRow, Math.max(firstRow, lastRow));
  const answered = (col: number, value: string, pairs: [RangeReference, Formula][] = []) => countIfs([...pairs, [own(col), text(value)]]);
  const notNa: [RangeReference, Formula][] = [[own(EQUIPMENT_COLUMNS.informatisation), text('<>NA')]];
  const readers = { numerator: answered(EQUIPMENT_COLUMNS.lecteur, 'OUI', notNa), denominator: sum([answered(EQUIPMENT_COLUMNS.lecteur, 'OUI', notNa), answered(EQUIPMENT_COLUMNS.lecteur, 'NON', notNa)]) };
  const depots = { numerator: answered(EQUIPMENT_COLUMNS.depot, 'OUI'), denominator: sum([answered(EQUIPMENT_COLUMNS.depot, 'OUI'), answered(EQUIPMENT_COLUMNS.depot, 'NON')]) };
  const hasTable = figures.steps.length > 0;
  for (const [label, rate, terms] of [
    ['Étapes équipées de lecteurs automatiques de codes (hors étapes NA)', figures.lecteurs, readers],
    ['Dépôts temporaires et/ou permanents gérés', figures.depots, depots],
  ] as const) {
    sheet.put(0, label, 'label');
    sheet.rate(1, rate, hasTable ? terms : undefined);
    sheet.terms(2, rate, hasTable ? terms : undefined);
    sheet.row++;
  }
}

function linkScope(t: { fromLabel: string; toLabel: string }): [AreaColumn, string][] {
  return [
    ['step', t.fromLabel],
    ['to', t.toLabel],
  ];
}

function continuity(sheet: Sheet, analysis: Analysis, counts: Counts): void {
  sheet.section("Évaluer la continuité de l'information");
  for (const [id, title] of VIEW_HEADINGS) {
    const view = analysis.figures.views[id];
    // A transition whose rows count in several views: only its rows of the zones this view counts.
    const scope: Scope = view.transitions.flatMap((t) => {
      const zones = view.zonesCounted?.find((z) => z.from === t.from && z.to === t.to)?.zones;
      return zones ? zones.map((zone): [AreaColumn, string][] => [...linkScope(t), ['zone', zone]]) : [linkScope(t)];
    });
    sheet.row++;
    sheet.text(title, 'subtitle');
    sheet.line(['', ...LINK_RATES.map(([, label]) => label)], 'header');
    sheet.put(0, 'Ensemble', 'label');
    LINK_RATES.forEach(([key], index) => sheet.rate(index + 1, view[key as 'interoperabilite' | 'continuite' | 'rupture'], counts.terms(key, scope)));
    sheet.row++;
    if (view.transitions.length === 0) {
      sheet.text("Aucune ligne d'interopérabilité dans ce périmètre.", 'note');
      continue;
    }
    sheet.line(['Transition', ...LINK_RATES.map(([, label]) => label), 'Ruptures', 'Lignes'], 'header');
    for (const t of view.transitions) {
      const own: Scope = [linkScope(t)];
      sheet.put(0, `${t.fromLabel} → ${t.toLabel}`, 'value');
      LINK_RATES.forEach(([key], index) => sheet.rate(index + 1, t[key as 'interoperabilite' | 'continuite' | 'rupture'], counts.terms(key, own)));
      sheet.put(4, t.ruptures, t.ruptures > 0 ? 'bad' : 'value', undefined, counts.count(own, 'NON', 'Interopérabilité'));
      sheet.put(5, t.rows, 'value', undefined, counts.count(own, '?*', 'Interopérabilité'));
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
function zones(sheet: Sheet, analysis: Analysis, counts: Counts): ChartSpec | undefined {
  const figures = analysis.figures.zones;
  sheet.section('Taux par zone du circuit');
  const tableRow = sheet.row;
  sheet.line(['Zone', ...ZONE_RATES.map(([, label]) => label)], 'header');
  for (const zone of figures) {
    sheet.put(0, zone.label, 'label');
    ZONE_RATES.forEach(([key], index) => sheet.rate(index + 1, zone[key], counts.terms(key, [[['zone', zone.label]]])));
    sheet.row++;
  }
  if (figures.length === 0) return undefined;
  sheet.row++;
  sheet.text('Données du graphique (#N/A = non évaluable : aucune barre plutôt que 0 %)', 'note');
  const series: [keyof RateSet, string][] = [
    ['informatisation', 'Informatisation des données'],
    ['interoperabilite', 'Interopérabilité'],
  ];
  sheet.line(['Zone', ...series.map(([, label]) => label)], 'header');
  const firstRow = sheet.row;
  for (const zone of figures) {
    sheet.put(0, zone.label, 'label');
    series.forEach(([key], index) => {
      const terms = counts.terms(key, [[['zone', zone.label]]]);
      sheet.put(index + 1, zone[key].value, 'percent', PERCENT_FORMAT, terms && ratio(terms.numerator, terms.denominator, call('NA')));
    });
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

/**
 * The gap counts of SPEC §5 as COUNTIFS, mirroring figures.ts: Donnée or Interopérabilité rows whose
 * « Réponse retenue » is NON, critical (Critique OUI) or not; city-side when their Zone is the city
 * zone or, for a flow, when its destination shows that zone on its Informatisation row (the
 * destinations known when the Synthèse is generated).
 */
function gapFormulas(analysis: Analysis, counts: Counts): Record<keyof GapCounts, Formula | undefined> {
  const city = zoneById('ville')?.label ?? '';
  const gap = (type: QuestionType, ...pairs: [AreaColumn, string | Formula][]): [AreaColumn, string | Formula][] => [['type', type], ['kept', 'NON'], ...pairs];
  const notCritical: [AreaColumn, string] = ['critical', '<>OUI'];
  const inCity: [AreaColumn, Formula] = ['zone', equalsCriterion(city)];
  const outsideCity: [AreaColumn, Formula] = ['zone', text(`<>${escapeWildcards(city)}`)];
  const cityDestinations = [...new Set(analysis.rows.filter((row) => row.type === 'Informatisation' && row.zone === 'ville').map((row) => row.entry.step))];
  const cityGaps = counts.whereAny([
    gap('Donnée', notCritical, inCity),
    gap('Interopérabilité', notCritical, inCity),
    ...cityDestinations.map((step) => gap('Interopérabilité', notCritical, outsideCity, ['to', equalsCriterion(step)])),
  ]);
  const nonCritical = counts.whereAny([gap('Donnée', notCritical), gap('Interopérabilité', notCritical)]);
  return {
    missingTraceabilityData: counts.where(gap('Donnée', ['critical', 'OUI'])),
    sanitaryRuptures: counts.where(gap('Interopérabilité', ['critical', 'OUI'])),
    cityGaps,
    financialGaps: nonCritical && cityGaps && binary('-', nonCritical, cityGaps),
  };
}

/** "n singular" / "n plural" as a formula over a count. */
function countSentence(counted: Formula, singular: string, plural: string, after: string): Formula {
  return binary('&', binary('&', counted, call('IF', binary('>', counted, num(1)), text(` ${plural}`), text(` ${singular}`))), text(after));
}

function conclusion(sheet: Sheet, analysis: Analysis, counts: Counts): void {
  const figures = analysis.figures.counts;
  sheet.section('Conclusion et priorisation des actions');
  const gaps = gapFormulas(analysis, counts);
  for (const gap of GAP_COUNTS) {
    const formula = gaps[gap.key];
    const after = ` (${gap.rule} ; ${gap.reference}).`;
    const n = figures[gap.key];
    sheet.put(0, `${gap.label} : ${n}${after}`, n > 0 ? 'warning' : 'value', undefined, formula && binary('&', binary('&', text(`${gap.label} : `), formula), text(after)));
    sheet.row++;
  }
  const sentences: [number, Formula | undefined, string, string, string][] = [
    [figures.incoherent, counts.where([['kept', 'NON'], ['read', '<>NON']]), 'ligne incohérente comptée', 'lignes incohérentes comptées', ' comme NON (point de rupture) dans les taux.'],
    [figures.invalid, counts.where([['kept', KEPT.invalid]]), 'saisie invalide comptée', 'saisies invalides comptées', ' comme non renseignée(s).'],
  ];
  for (const [n, counted, singular, plural, after] of sentences) {
    sheet.put(0, `${count(n, singular, plural)}${after}`, n > 0 ? 'warning' : 'value', undefined, counted && countSentence(counted, singular, plural, after));
    sheet.row++;
  }
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

/**
 * « Évolution », last, so the sections above keep their places (the drift check compares them):
 * last year's rates as values, written by the explicit command, beside formulas that follow this
 * year's rates above, and the difference in points as a formula.
 */
function evolution(sheet: Sheet, comparison: Comparison): void {
  sheet.section('Évolution depuis la campagne précédente');
  sheet.text("Valeurs de l'an dernier figées à la régénération de la Synthèse ; « Cette année » et l'écart sont des formules.", 'note');
  sheet.line(['Indicateur', "L'an dernier", 'Cette année', 'Écart (points)'], 'header');
  for (const rate of comparison.rates) {
    const at = sheet.overall[rate.key];
    sheet.put(0, rate.label, 'label');
    sheet.rate(1, rate.before);
    const current = at && cell(at.row + 1, at.col + 1);
    const difference = binary('*', binary('-', cell(sheet.row + 1, 3), cell(sheet.row + 1, 2)), num(100));
    if (rate.after.value === null) sheet.put(2, NOT_EVALUABLE, 'note', undefined, current);
    else sheet.put(2, rate.after.value, 'percent', PERCENT_FORMAT, current);
    const good = rate.improved === null ? 'value' : rate.improved ? 'good' : 'bad';
    const points = rate.points === null ? NOT_COMPARABLE : (rate.after.value! - rate.before.value!) * 100;
    sheet.put(3, points, rate.points === null ? 'note' : good, POINTS_FORMAT, call('IFERROR', difference, text(NOT_COMPARABLE)));
    sheet.row++;
  }
  const transitions = (list: Comparison['closedRuptures']) => (list.length === 0 ? 'aucune' : list.map((t) => `${t.fromLabel} → ${t.toLabel}`).join(' ; '));
  sheet.text(`Ruptures fermées : ${transitions(comparison.closedRuptures)}.`);
  sheet.text(`Ruptures apparues : ${transitions(comparison.newRuptures)}.`, comparison.newRuptures.length > 0 ? 'warning' : 'value');
  const { actions } = comparison;
  sheet.text(
    `Actions de la campagne précédente : ${count(actions.done.length + actions.doneGapStillThere.length, 'réalisée')}, ${count(actions.late.length, 'en retard', 'en retard')}, ${count(actions.abandoned.length, 'abandonnée')}, ${count(actions.open.length, 'en cours ou à lancer', 'en cours ou à lancer')}.`,
  );
  for (const row of actions.doneGapStillThere) sheet.text(`Action réalisée, constat toujours présent : ${row.action} (${row.scope}).`, 'warning');
  for (const note of comparison.notCompared) sheet.text(`Non comparé : ${note}`, 'note');
}

const NOT_COMPARABLE = 'non comparable';
/** Points with their sign, one decimal. */
const POINTS_FORMAT = '+0.0;-0.0;0';

export interface SynthesisOptions {
  establishment?: string;
  date?: Date;
  /** This campaign against the previous one: adds the « Évolution » section. */
  evolution?: Comparison;
  /** Where the cartographie stands (as read); the template's layout when absent. */
  area?: CartographieArea;
}

/** The last row holding a question (the header's row + 1 when there is none). */
function lastQuestionRow(analysis: Analysis, area: CartographieArea): number {
  const rows = analysis.cartographie.entries.map((entry) => entry.row);
  return Math.max(area.headerRow + 1, ...rows);
}

export function synthesisLayout(analysis: Analysis, options: SynthesisOptions = {}): SheetLayout {
  const area = options.area ?? templateArea(analysis.cartographie.sheet || SHEETS.cartographie, Math.max(0, ...analysis.cartographie.entries.map((entry) => entry.row)));
  const counts = new Counts(area);
  const sheet = new Sheet();
  heading(sheet, analysis, counts, options.establishment, options.date ?? new Date());
  overallRates(sheet, analysis.figures.overall, counts);
  equipment(sheet, analysis, counts);
  continuity(sheet, analysis, counts);
  const chart = zones(sheet, analysis, counts);
  findings(sheet, analysis);
  conclusion(sheet, analysis, counts);
  if (options.evolution) evolution(sheet, options.evolution);
  return {
    sheet: SHEETS.synthesis,
    cells: sheet.cells,
    columnWidths: COLUMN_WIDTHS,
    ...(chart && { chart }),
    cartographie: { sheet: area.sheet, cells: answerColumnCells(area, lastQuestionRow(analysis, area), analysis) },
    print: printSetup(COLUMN_WIDTHS, {
      establishment: options.establishment,
      breaksBefore: sectionBreaks(sheet.cells, COLUMN_WIDTHS, layoutRowHeights({ cells: sheet.cells, columnWidths: COLUMN_WIDTHS })),
    }),
  };
}
