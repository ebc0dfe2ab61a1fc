/**
 * The two computed columns that make the counting rule visible in the cartographie itself:
 * « Réponse lue » (the answer as the accepted spellings read it) and « Réponse retenue » (the
 * answer counted in the figures, after the consistency rule, SPEC §6). The Synthèse's COUNTIFS
 * count « Réponse retenue »; each column only reads columns on its left, so nothing is circular.
 */
import { ANSWER_SPELLINGS, normaliseAnswer, SPACE_LIKE } from '../domain/answers';
import { QUESTION_TYPES } from '../domain/catalogue';
import type { Analysis, CartographieEntry, EvaluatedRow, QuestionType } from '../domain/model';
import { array, binary, call, cell, column, countIfs, equalsCellCriterion, literalPattern, num, text, type Formula, type RangeReference } from './formula';
import type { LayoutCell } from './layoutCell';

export const ANSWER_COLUMNS = { read: 'Réponse lue', kept: 'Réponse retenue' } as const;

/** What « Réponse retenue » shows besides OUI, NON and NA. */
export const KEPT = { empty: 'non renseignée', invalid: 'invalide' } as const;

/** Rows below the last question that the formulas still cover, for rows the user adds. */
export const SPARE_ROWS = 200;

/** Where the cartographie stands, 1-based sheet rows and columns; columns absent from the sheet are undefined. */
export interface CartographieArea {
  sheet: string;
  headerRow: number;
  /** Last row the formulas cover (last question + SPARE_ROWS). */
  lastRow: number;
  columns: {
    zone?: number;
    step: number;
    type: number;
    label: number;
    to?: number;
    critical?: number;
    answer: number;
    read: number;
    kept: number;
  };
}

export type AreaColumn = keyof CartographieArea['columns'];

/** The whole column `key` of the cartographie (rows under the header), from another sheet or (sheet omitted) from its own. */
export function areaColumn(area: CartographieArea, key: AreaColumn, fromOtherSheet = true): RangeReference | undefined {
  const col = area.columns[key];
  return col === undefined ? undefined : column(col, area.headerRow + 1, area.lastRow, fromOtherSheet ? area.sheet : undefined);
}

function mustColumn(area: CartographieArea, key: AreaColumn, fromOtherSheet: boolean): RangeReference {
  return areaColumn(area, key, fromOtherSheet) as RangeReference;
}

// Parts every row's formulas share, built once (a template writes hundreds of rows).
const INVALID = text(KEPT.invalid);
const EMPTY = text('');
const SPACE = text(' ');
const SPACE_CHARS = SPACE_LIKE.map((code) => call(code < 128 ? 'CHAR' : 'UNICHAR', num(code)));
const SPELLINGS = array(ANSWER_SPELLINGS.map(([spelling]) => spelling));
const READINGS = ANSWER_SPELLINGS.map(([, read]) => text(read));
const ZERO = num(0);
const INFORMATISATION = text('Informatisation');
const NON = text('NON');

/** The answer cell's text as the domain compares it: no-break spaces and tabs made spaces, then TRIM. */
function trimmedAnswer(answer: Formula): Formula {
  const spaced = SPACE_CHARS.reduce<Formula>((value, char) => call('SUBSTITUTE', value, char, SPACE), answer);
  return call('TRIM', spaced);
}

/** « Réponse lue » of sheet row `row`: OUI, NON, NA, "" (empty) or "invalide" (formula, error, other text). */
export function readFormula(area: CartographieArea, row: number): Formula {
  const answer = cell(row, area.columns.answer);
  const trimmed = trimmedAnswer(answer);
  const position = call('MATCH', literalPattern(trimmed), SPELLINGS, ZERO);
  const lookup = call('CHOOSE', position, ...READINGS);
  return call('IF', call('ISFORMULA', answer), INVALID, call('IFERROR', call('IF', binary('=', trimmed, EMPTY), EMPTY, lookup), INVALID));
}

/** The type names as formula texts, shared by every row. */
const TYPE_TEXTS = new Map<QuestionType, Formula>(QUESTION_TYPES.map((name) => [name, text(name)]));
const OUI = text('OUI');
const NA = text('NA');
const KEPT_EMPTY = text(KEPT.empty);

/** `trimmedType` (TRIM of the type cell) = "Donnée", or one of the types. */
function typeIs(trimmedType: Formula, ...types: QuestionType[]): Formula {
  const tests = types.map((name) => binary('=', trimmedType, TYPE_TEXTS.get(name) as Formula));
  return tests.length === 1 ? tests[0] : call('OR', ...tests);
}

/** The Étape, Type and Réponse lue columns of an area, the same references for all its rows. */
const STEP_COLUMNS = new WeakMap<CartographieArea, [RangeReference, RangeReference, RangeReference]>();

/** COUNTIFS(Étape = the step in `stepCell`, Type = Informatisation, Réponse lue = NON) > 0. */
function stepOff(area: CartographieArea, stepCell: Formula): Formula {
  let columns = STEP_COLUMNS.get(area);
  if (!columns) {
    columns = [mustColumn(area, 'step', false), mustColumn(area, 'type', false), mustColumn(area, 'read', false)];
    STEP_COLUMNS.set(area, columns);
  }
  const [step, type, read] = columns;
  const count = countIfs([
    [step, equalsCellCriterion(stepCell)],
    [type, INFORMATISATION],
    [read, NON],
  ]);
  return binary('>', count, ZERO);
}

/**
 * « Réponse retenue » of sheet row `row`: "" (not a question), "invalide", "non renseignée", or the
 * answer counted. A part used twice in the formula is one shared subtree (a template writes
 * hundreds of these formulas; the text and the result are the same).
 */
export function keptFormula(area: CartographieArea, row: number): Formula {
  const { columns } = area;
  const type = call('TRIM', cell(row, columns.type));
  const read = cell(row, columns.read);
  const step = cell(row, columns.step);
  const isOui = binary('=', read, OUI);
  const isEmpty = binary('=', read, EMPTY);
  const ownStepOff = stepOff(area, step);
  const dataOff = call('AND', typeIs(type, 'Donnée'), isOui, ownStepOff);
  const linkSteps: Formula[] = [ownStepOff];
  if (columns.to !== undefined) {
    const to = cell(row, columns.to);
    linkSteps.push(call('AND', binary('<>', call('TRIM', to), EMPTY), stepOff(area, to)));
  }
  const linkOff = call('AND', typeIs(type, 'Interopérabilité'), call('OR', isOui, binary('=', read, NA)), call('OR', ...linkSteps));
  const counted = call('IF', call('OR', dataOff, linkOff), NON, read);
  return call(
    'IF',
    call('AND', binary('=', type, EMPTY), isEmpty),
    EMPTY,
    call('IF', call('NOT', typeIs(type, ...QUESTION_TYPES)), INVALID, call('IF', binary('=', read, INVALID), INVALID, call('IF', isEmpty, KEPT_EMPTY, counted))),
  );
}

/** What « Réponse lue » shows for an answer cell (the formula's result, computed by the domain). */
export function readValue(entry: CartographieEntry): string {
  const read = normaliseAnswer(entry.answer);
  return read.kind === 'answer' ? read.answer : read.kind === 'empty' ? '' : KEPT.invalid;
}

/** What « Réponse retenue » shows for an analysed row (undefined: not a question). */
export function keptValue(row: EvaluatedRow | undefined): string {
  if (!row) return '';
  if (row.status === 'invalid') return KEPT.invalid;
  return row.effective ?? KEPT.empty;
}

/**
 * The computed columns' cells on the cartographie sheet, 0-based like every layout: headers and
 * one formula per row from under the header to `lastQuestionRow`, with the engine's result as value.
 */
export function answerColumnCells(area: CartographieArea, lastQuestionRow: number, analysis?: Analysis): LayoutCell[] {
  const rows = new Map<number, EvaluatedRow>((analysis?.rows ?? []).map((row) => [row.entry.row, row]));
  const entries = new Map<number, CartographieEntry>((analysis?.cartographie.entries ?? []).map((entry) => [entry.row, entry]));
  const { read, kept } = area.columns;
  const cells: LayoutCell[] = [
    { row: area.headerRow - 1, col: read - 1, value: ANSWER_COLUMNS.read, style: 'header' },
    { row: area.headerRow - 1, col: kept - 1, value: ANSWER_COLUMNS.kept, style: 'header' },
  ];
  for (let row = area.headerRow + 1; row <= lastQuestionRow; row++) {
    const entry = entries.get(row);
    const analysed = rows.get(row);
    cells.push(
      { row: row - 1, col: read - 1, value: entry ? readValue(entry) : '', formula: readFormula(area, row) },
      { row: row - 1, col: kept - 1, value: analysis ? keptValue(analysed) : KEPT.empty, formula: keptFormula(area, row) },
    );
  }
  return cells;
}
