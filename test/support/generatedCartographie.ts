/**
 * Generated cartographies (fast-check) for the formula-vs-engine agreement tests, in two parts:
 * a structure (which steps, rows moved, types in other cases, destinations changed, rows inserted,
 * at new steps too, Zone, Étape or Vers l'étape cells merged over runs of equal values: blank but
 * the first, as Excel reads them) and the answers typed in it (every accepted spelling, invalid answers, formulas,
 * errors, whole zones NA). Several answer sets share one structure, so one spreadsheet can hold the
 * Synthèse written for the structure and recalculate it for each set of answers, as Excel does.
 *
 * Rows are kept within what the engine and the formulas define alike today: at most one
 * Informatisation, Lecteur and Dépôt row per step, every question with a Type or an answer.
 */
import fc from 'fast-check';
import { analyse } from '../../src/domain/analyse';
import { ANSWER_SPELLINGS } from '../../src/domain/answers';
import { templateRows, type TemplateRow } from '../../src/domain/catalogue';
import type { CellInput } from '../../src/domain/model';
import { toExcel } from '../../src/workbook/formula';
import type { Grid } from '../../src/workbook/grid';
import { locateCartographie } from '../../src/workbook/locate';
import type { LayoutCell, SheetLayout } from '../../src/workbook/port';
import { CARTOGRAPHIE_COLUMNS, SHEETS } from '../../src/workbook/sheets';
import { synthesisLayout } from '../../src/workbook/synthesisLayout';
import { TABLE_HEADER_ROW } from '../../src/workbook/template';

export const TEMPLATE = templateRows();
/** [step, zone] in circuit order. */
export const STEPS = [...new Map(TEMPLATE.map((row) => [row.step, row.zone])).entries()];
export const KEYS = Object.keys(CARTOGRAPHIE_COLUMNS) as (keyof typeof CARTOGRAPHIE_COLUMNS)[];
/** 0-based row of the cartographie's header. */
export const HEADER = TABLE_HEADER_ROW;
/** Rows a generated cartographie can insert. */
const MAX_INSERTED = 3;
/**
 * Columns whose runs of equal cells may be merged. Not Type: a row without Type nor answer is
 * not a question for the formulas, an invalid one for the engine (a known difference).
 */
const MERGEABLE: ('zone' | 'step' | 'to')[] = ['zone', 'step', 'to'];

/** An answer cell as typed; `formula` marks a formula (written "=…" for a spreadsheet). */
export type Typed = { value: string | number | boolean | null; formula?: string; error?: boolean };

export type SheetCell = string | number | boolean | null;
export type SheetRows = SheetCell[][];

const cased = (text: string) => fc.constantFrom(text, text.toLowerCase(), text.toUpperCase());
const padding = fc.constantFrom('', '', ' ', '  ', '\u00A0', '\t');

const validAnswer: fc.Arbitrary<Typed> = fc
  .tuple(padding, fc.constantFrom(...ANSWER_SPELLINGS.map(([spelling]) => spelling)).chain(cased), padding)
  .map(([before, word, after]) => ({ value: before + word + after }));
const otherAnswer: fc.Arbitrary<Typed> = fc.constantFrom<Typed>(
  { value: null },
  { value: '   ' },
  { value: 'OUI ?' },
  { value: 'à vérifier' },
  { value: 'peut-être' },
  { value: 'Oui.' },
  { value: 'N*' },
  { value: 'n?a' },
  { value: '~NA' },
  { value: 42 },
  { value: true },
  { value: '#N/A', formula: '=NA()', error: true },
  { value: 'OUI', formula: '="OUI"' },
);
export const answer = fc.oneof({ weight: 5, arbitrary: validAnswer }, { weight: 2, arbitrary: otherAnswer });

type Mutation = { kind: 'type'; value: string } | { kind: 'move'; step: number } | { kind: 'to'; step: number | null };

const mutation: fc.Arbitrary<Mutation | null> = fc.option(
  fc.oneof(
    fc.record({ kind: fc.constant('type' as const), value: fc.oneof(fc.constant('Autre'), fc.constant('DONNÉE'), fc.constant('interopérabilité')) }),
    fc.record({ kind: fc.constant('move' as const), step: fc.nat(STEPS.length - 1) }),
    fc.record({ kind: fc.constant('to' as const), step: fc.option(fc.nat(STEPS.length - 1)) }),
  ),
  { freq: 8 },
);

/** What the user laid out: kept steps, changed rows, inserted rows (their answers are typed later). */
export const structure = fc.record({
  steps: fc.uniqueArray(fc.nat(STEPS.length - 1), { minLength: 1, maxLength: 3 }),
  mutations: fc.array(mutation, { minLength: TEMPLATE.length, maxLength: TEMPLATE.length }),
  inserted: fc.array(
    fc.record({
      at: fc.nat(TEMPLATE.length),
      step: fc.oneof(fc.nat(STEPS.length - 1), fc.constant(-1)),
      type: fc.constantFrom('Donnée', 'Interopérabilité'),
      to: fc.nat(STEPS.length - 1),
    }),
    { maxLength: MAX_INSERTED },
  ),
  merged: fc.subarray(MERGEABLE),
});

/** What the user typed: one answer per template row and per inserted row, maybe a whole zone NA. */
export const answers = fc.record({
  template: fc.array(answer, { minLength: TEMPLATE.length, maxLength: TEMPLATE.length }),
  inserted: fc.array(answer, { minLength: MAX_INSERTED, maxLength: MAX_INSERTED }),
  zoneNa: fc.option(fc.constantFrom(...new Set(TEMPLATE.map((row) => row.zone)))),
});

export type Structure = typeof structure extends fc.Arbitrary<infer T> ? T : never;
export type Answers = typeof answers extends fc.Arbitrary<infer T> ? T : never;

export type Row = TemplateRow & { answer: Typed };

function mutate(row: TemplateRow, change: Mutation | null, n: number): TemplateRow {
  if (!change) return row;
  if (change.kind === 'type' && change.value === 'Autre') return { ...row, ref: '', type: 'Autre' as TemplateRow['type'] };
  if (change.kind === 'type' && row.type.toLowerCase() === change.value.toLowerCase()) return { ...row, ref: '', type: change.value as TemplateRow['type'] };
  if (change.kind === 'move' && (row.type === 'Donnée' || row.type === 'Interopérabilité')) {
    const [step, zone] = STEPS[change.step];
    return { ...row, ref: '', step: step.toUpperCase(), zone, label: `Ligne déplacée ${n}` };
  }
  if (change.kind === 'to' && row.type === 'Interopérabilité') return { ...row, ref: '', to: change.step === null ? '' : STEPS[change.step][0].toLowerCase() };
  return row;
}

/** The cartographie's rows, top to bottom: the same rows for every answer set of a structure. */
export function build(shape: Structure, typed: Answers): Row[] {
  const kept = new Set(shape.steps.map((step) => STEPS[step][0]));
  const rows: Row[] = TEMPLATE.map((row, i) => ({ ...mutate(row, shape.mutations[i], i), answer: typed.template[i] })).filter((_, i) => kept.has(TEMPLATE[i].step));
  shape.inserted.forEach((extra, n) => {
    const [step, zone] = extra.step < 0 ? [`Étape maison ${n % 2}`, STEPS[n % STEPS.length][1]] : STEPS[extra.step];
    const to = extra.type === 'Interopérabilité' ? STEPS[extra.to][0] : '';
    rows.splice(Math.min(extra.at, rows.length), 0, { ref: '', zone, step, type: extra.type as TemplateRow['type'], label: `Ligne insérée ${n}`, to, critical: '', answer: typed.inserted[n] });
  });
  if (typed.zoneNa) for (const row of rows) if (row.zone === typed.zoneNa) row.answer = { value: 'NA' };
  for (const key of shape.merged) {
    for (let i = rows.length - 1; i > 0; i--) if (rows[i][key] !== '' && rows[i][key] === rows[i - 1][key]) rows[i] = { ...rows[i], [key]: '' };
  }
  return rows;
}

function cellInput(typed: Typed): CellInput {
  return { value: typed.value, ...(typed.formula && { formula: true }), ...(typed.error && { error: true }) };
}

/** An answer as a spreadsheet takes it: its formula, or its value. */
export function typedContent(typed: Typed): SheetCell {
  return typed.formula ?? typed.value;
}

/** What a row shows in column `key` (the answer as typed, no comment). */
export function rowContent(row: Row, key: (typeof KEYS)[number]): SheetCell {
  return key === 'answer' ? typedContent(row.answer) : key === 'comment' ? null : row[key] || null;
}

/** The engine's grid and a spreadsheet's cells for the cartographie rows (header on row HEADER). */
export function sheets(rows: Row[], name: string = SHEETS.cartographie): { grid: Grid; sheet: SheetRows } {
  const header = KEYS.map((key) => CARTOGRAPHIE_COLUMNS[key]);
  const gridRows: CellInput[][] = [...Array.from({ length: HEADER }, () => []), header.map((value) => ({ value }))];
  const sheet: SheetRows = [...Array.from({ length: HEADER }, () => []), [...header]];
  for (const row of rows) {
    gridRows.push(KEYS.map((key) => (key === 'answer' ? cellInput(row.answer) : { value: rowContent(row, key) })));
    sheet.push(KEYS.map((key) => rowContent(row, key)));
  }
  return { grid: { sheet: name, top: 1, left: 1, rows: gridRows }, sheet };
}

/** Writes layout cells into a sheet's rows: formulas in English syntax, other cells as values. */
export function place(sheet: SheetRows, cells: LayoutCell[]): void {
  for (const cell of cells) {
    while (sheet.length <= cell.row) sheet.push([]);
    const line = sheet[cell.row];
    while (line.length <= cell.col) line.push(null);
    line[cell.col] = cell.formula ? toExcel(cell.formula) : cell.value;
  }
}

/**
 * The Synthèse the add-in writes for these rows (computed columns in `layout.cartographie`), each
 * formula cell carrying the engine's value. Ranges end 2 rows below the last question (the add-in
 * leaves more): the same formulas, less for a spreadsheet to scan.
 */
export function layoutOf(rows: Row[], sheet: string = SHEETS.cartographie): SheetLayout {
  const { grid } = sheets(rows, sheet);
  const read = locateCartographie(grid, HEADER + 1);
  if (!read.ok) throw new Error('unreadable');
  const area = { ...read.value.area, lastRow: HEADER + 1 + rows.length + 2 };
  return synthesisLayout(analyse(read.value), { area, date: new Date(0) });
}
