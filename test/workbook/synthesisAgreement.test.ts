/**
 * Generated cartographies: every formula the add-in writes (Synthèse and computed columns) gives
 * the engine's value for that cell, evaluated by HyperFormula (an independent spreadsheet engine,
 * about 2 s per cartographie: FORMULA_ORACLE_RUNS, 10 by default) and by the in-memory workbook's
 * interpreter (FORMULA_RUNS, 1,000 by default). Generated from the template:
 * answers in every accepted spelling and many invalid ones, type cells in other cases or unknown,
 * rows moved to another step, destinations changed, rows inserted (at new steps too), whole zones NA.
 *
 * Rows are kept within what the engine and the formulas define alike today: at most one
 * Informatisation, Lecteur and Dépôt row per step, every question with a Type or an answer.
 */
import fc from 'fast-check';
import { ANSWER_SPELLINGS } from '../../src/domain/answers';
import { analyse } from '../../src/domain/analyse';
import { templateRows, type TemplateRow } from '../../src/domain/catalogue';
import type { CellInput } from '../../src/domain/model';
import { FormulaError, FormulaEvaluator, type CellSource, type Value } from '../../src/adapters/memory/formulas';
import { toExcel, type Formula } from '../../src/workbook/formula';
import type { Grid } from '../../src/workbook/grid';
import { locateCartographie } from '../../src/workbook/locate';
import type { LayoutCell } from '../../src/workbook/port';
import { CARTOGRAPHIE_COLUMNS, SHEETS } from '../../src/workbook/sheets';
import { synthesisLayout } from '../../src/workbook/synthesisLayout';
import { TABLE_HEADER_ROW } from '../../src/workbook/template';
import { buildOracle, disagreements, oracleValue } from '../support/formulaOracle';

const RUNS = Number(process.env.FORMULA_RUNS ?? 1000);
const ORACLE_RUNS = Number(process.env.FORMULA_ORACLE_RUNS ?? 10);

const TEMPLATE = templateRows();
const STEPS = [...new Map(TEMPLATE.map((row) => [row.step, row.zone])).entries()];
const KEYS = Object.keys(CARTOGRAPHIE_COLUMNS) as (keyof typeof CARTOGRAPHIE_COLUMNS)[];

/** An answer cell as typed; `formula` marks a formula (written "=…" for HyperFormula). */
type Typed = { value: string | number | boolean | null; formula?: string; error?: boolean };

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
const answer = fc.oneof({ weight: 5, arbitrary: validAnswer }, { weight: 2, arbitrary: otherAnswer });

type Mutation =
  | { kind: 'type'; value: string }
  | { kind: 'move'; step: number }
  | { kind: 'to'; step: number | null };

const mutation: fc.Arbitrary<Mutation | null> = fc.option(
  fc.oneof(
    fc.record({ kind: fc.constant('type' as const), value: fc.oneof(fc.constant('Autre'), fc.constant('DONNÉE'), fc.constant('interopérabilité')) }),
    fc.record({ kind: fc.constant('move' as const), step: fc.nat(STEPS.length - 1) }),
    fc.record({ kind: fc.constant('to' as const), step: fc.option(fc.nat(STEPS.length - 1)) }),
  ),
  { freq: 8 },
);

const inserted = fc.record({
  at: fc.nat(TEMPLATE.length),
  step: fc.oneof(fc.nat(STEPS.length - 1), fc.constant(-1)),
  type: fc.constantFrom('Donnée', 'Interopérabilité'),
  to: fc.nat(STEPS.length - 1),
  answer,
});

const cartographie = fc.record({
  steps: fc.uniqueArray(fc.nat(STEPS.length - 1), { minLength: 1, maxLength: 3 }),
  rows: fc.array(fc.record({ answer, mutation }), { minLength: TEMPLATE.length, maxLength: TEMPLATE.length }),
  inserted: fc.array(inserted, { maxLength: 3 }),
  zoneNa: fc.option(fc.constantFrom(...new Set(TEMPLATE.map((row) => row.zone)))),
});

type Row = TemplateRow & { answer: Typed };

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

/** The sheet's rows, engine input and HyperFormula input alike. */
type Sample = typeof cartographie extends fc.Arbitrary<infer T> ? T : never;

function build(sample: Sample): Row[] {
  const kept = new Set(sample.steps.map((step) => STEPS[step][0]));
  const rows: Row[] = TEMPLATE.map((row, i) => ({ ...mutate(row, sample.rows[i].mutation, i), answer: sample.rows[i].answer })).filter(
    (_, i) => kept.has(TEMPLATE[i].step),
  );
  sample.inserted.forEach((extra, n) => {
    const [step, zone] = extra.step < 0 ? [`Étape maison ${n % 2}`, STEPS[n % STEPS.length][1]] : STEPS[extra.step];
    const to = extra.type === 'Interopérabilité' ? STEPS[extra.to][0] : '';
    rows.splice(Math.min(extra.at, rows.length), 0, { ref: '', zone, step, type: extra.type as TemplateRow['type'], label: `Ligne insérée ${n}`, to, critical: '', answer: extra.answer });
  });
  if (sample.zoneNa) for (const row of rows) if (row.zone === sample.zoneNa) row.answer = { value: 'NA' };
  return rows;
}

const HEADER = TABLE_HEADER_ROW; // 0-based row of the header

function cellInput(typed: Typed): CellInput {
  return { value: typed.value, ...(typed.formula && { formula: true }), ...(typed.error && { error: true }) };
}

/** The engine's grid and HyperFormula's sheet for the cartographie rows. */
function sheets(rows: Row[]): { grid: Grid; sheet: (string | number | boolean | null)[][] } {
  const header = KEYS.map((key) => CARTOGRAPHIE_COLUMNS[key]);
  const gridRows: CellInput[][] = [...Array.from({ length: HEADER }, () => []), header.map((value) => ({ value }))];
  const sheet: (string | number | boolean | null)[][] = [...Array.from({ length: HEADER }, () => []), [...header]];
  for (const row of rows) {
    gridRows.push(KEYS.map((key) => (key === 'answer' ? cellInput(row.answer) : { value: key === 'comment' ? null : row[key] || null })));
    sheet.push(KEYS.map((key) => (key === 'answer' ? (row.answer.formula ?? row.answer.value) : key === 'comment' ? null : row[key] || null)));
  }
  return { grid: { sheet: SHEETS.cartographie, top: 1, left: 1, rows: gridRows }, sheet };
}

function place(sheet: (string | number | boolean | null)[][], cells: LayoutCell[]): void {
  for (const cell of cells) {
    while (sheet.length <= cell.row) sheet.push([]);
    const line = sheet[cell.row];
    while (line.length <= cell.col) line.push(null);
    line[cell.col] = cell.formula ? toExcel(cell.formula) : cell.value;
  }
}

type Engine = 'hyperformula' | 'interpreter';

/** The in-memory workbook's interpreter over the same cells (user formulas shown as their value). */
function interpreterOf(rows: Row[], cells: Record<string, LayoutCell[]>) {
  const formulas = new Map<string, Formula>();
  for (const [sheet, list] of Object.entries(cells)) for (const cell of list) if (cell.formula) formulas.set(`${sheet}!${cell.row + 1}:${cell.col + 1}`, cell.formula);
  const answerCol = KEYS.indexOf('answer') + 1;
  const results = new Map<string, Value | FormulaError>();
  const source: CellSource = {
    value: (sheet, row, col) => {
      const key = `${sheet}!${row}:${col}`;
      const formula = formulas.get(key);
      if (formula) {
        let result = results.get(key);
        if (result === undefined) {
          result = evaluator.evaluate(formula, sheet);
          results.set(key, result);
        }
        if (result instanceof FormulaError) throw result;
        return result;
      }
      if (sheet !== SHEETS.cartographie || row <= HEADER + 1 || row > HEADER + 1 + rows.length) return null;
      const data = rows[row - HEADER - 2];
      if (col === answerCol) {
        if (data.answer.error) throw new FormulaError(String(data.answer.value));
        return data.answer.value;
      }
      const key2 = KEYS[col - 1];
      return key2 === undefined || key2 === 'answer' || key2 === 'comment' ? null : data[key2] || null;
    },
    isFormula: (sheet, row, col) =>
      formulas.has(`${sheet}!${row}:${col}`) ||
      (sheet === SHEETS.cartographie && col === answerCol && rows[row - HEADER - 2]?.answer.formula !== undefined),
  };
  const evaluator = new FormulaEvaluator(source);
  return (sheet: string, cell: LayoutCell) => {
    try {
      return source.value(sheet, cell.row + 1, cell.col + 1);
    } catch (error) {
      if (error instanceof FormulaError) return error.code;
      throw error;
    }
  };
}

/** Every formula cell whose evaluated result differs from the engine's value, for one cartographie. */
function compare(rows: Row[], engine: Engine) {
  const { grid, sheet } = sheets(rows);
  const read = locateCartographie(grid, HEADER + 1);
  if (!read.ok) throw new Error('unreadable');
  // Ranges end 2 rows below the last question (the add-in leaves more): same formulas, less for HyperFormula to scan.
  const area = { ...read.value.area, lastRow: HEADER + 1 + rows.length + 2 };
  const layout = synthesisLayout(analyse(read.value), { area, date: new Date(0) });
  const computed = layout.cartographie?.cells ?? [];
  if (engine === 'interpreter') {
    const value = interpreterOf(rows, { [SHEETS.cartographie]: computed, [SHEETS.synthesis]: layout.cells });
    return [
      ...disagreements((cell) => value(SHEETS.cartographie, cell), computed),
      ...disagreements((cell) => value(SHEETS.synthesis, cell), layout.cells),
    ];
  }
  place(sheet, computed);
  const synthesis: (string | number | boolean | null)[][] = [];
  place(synthesis, layout.cells);
  const hf = buildOracle({ [SHEETS.cartographie]: sheet, [SHEETS.synthesis]: synthesis });
  const wrong = [
    ...disagreements((cell) => oracleValue(hf, SHEETS.cartographie, cell.row, cell.col), computed),
    ...disagreements((cell) => oracleValue(hf, SHEETS.synthesis, cell.row, cell.col), layout.cells),
  ];
  hf.destroy();
  return wrong;
}

function agreeOn(runs: number, engine: Engine): number {
  let checked = 0;
  fc.assert(
    fc.property(cartographie, (sample) => {
      expect(compare(build(sample), engine).slice(0, 3)).toEqual([]);
      checked++;
    }),
    { numRuns: runs },
  );
  return checked;
}

describe('Synthèse formulas and engine', () => {
  // HyperFormula needs about 2 s per cartographie (thousands of COUNTIFS parsed and evaluated).
  it(`agree on ${ORACLE_RUNS} generated cartographies evaluated by HyperFormula`, () => {
    expect(agreeOn(ORACLE_RUNS, 'hyperformula')).toBe(ORACLE_RUNS);
  });

  it(`agree on ${RUNS} generated cartographies evaluated by the in-memory workbook`, () => {
    expect(agreeOn(RUNS, 'interpreter')).toBe(RUNS);
  });
});

describe('Synthèse formulas, tricky cases (HyperFormula)', () => {
  const base = (): Row[] => TEMPLATE.filter((row) => row.step === STEPS[4][0] || row.step === STEPS[6][0]).map((row, i) => ({ ...row, answer: { value: ['OUI', 'NON', 'NA', null][i % 4] } }));

  it('counts a row inserted inside the table as Excel does: ranges grow, the new row gets the computed columns', () => {
    const rows = base();
    const { grid, sheet } = sheets(rows);
    const read = locateCartographie(grid, HEADER + 1);
    if (!read.ok) throw new Error('unreadable');
    const area = { ...read.value.area, lastRow: HEADER + 1 + rows.length + 2 };
    const before = synthesisLayout(analyse(read.value), { area, date: new Date(0) });
    place(sheet, before.cartographie?.cells ?? []);
    const synthesis: (string | number | boolean | null)[][] = [];
    place(synthesis, before.cells);
    const hf = buildOracle({ [SHEETS.cartographie]: sheet, [SHEETS.synthesis]: synthesis });

    // Excel: a row inserted in the middle of the table; the table's calculated columns fill it.
    const at = 3;
    const added: Row = { ...rows[at], ref: '', label: 'Ligne insérée', type: 'Donnée', answer: { value: 'non' } };
    const grown = [...rows.slice(0, at), added, ...rows.slice(at)];
    const sheetRow = HEADER + 1 + at; // 0-based index of the inserted row
    const carto = hf.getSheetId(SHEETS.cartographie) as number;
    hf.addRows(carto, [sheetRow, 1]);
    const after = compareLayout(grown);
    const cells = after.cartographie?.cells.filter((cell) => cell.row === sheetRow) ?? [];
    hf.setCellContents({ sheet: carto, row: sheetRow, col: 0 }, [KEYS.map((key) => (key === 'answer' ? 'non' : key === 'comment' ? null : added[key] || null))]);
    for (const cell of cells) hf.setCellContents({ sheet: carto, row: cell.row, col: cell.col }, toExcel(cell.formula!));

    // Nothing regenerated: the Synthèse's formulas, adjusted by the spreadsheet, give the new figures.
    const wrong = disagreements((cell) => oracleValue(hf, SHEETS.synthesis, cell.row, cell.col), after.cells);
    const synthesisId = hf.getSheetId(SHEETS.synthesis) as number;
    const adjusted = after.cells.filter((cell) => cell.formula && hf.getCellFormula({ sheet: synthesisId, row: cell.row, col: cell.col }) !== toExcel(cell.formula));
    hf.destroy();
    expect(wrong).toEqual([]);
    // And regenerating would write exactly the formulas the spreadsheet adjusted.
    expect(adjusted).toEqual([]);
  });

  function compareLayout(rows: Row[]) {
    const { grid } = sheets(rows);
    const read = locateCartographie(grid, HEADER + 1);
    if (!read.ok) throw new Error('unreadable');
    return synthesisLayout(analyse(read.value), { area: { ...read.value.area, lastRow: HEADER + 1 + rows.length + 2 }, date: new Date(0) });
  }

  it('counts incoherent rows as NON and answers in every accepted spelling', () => {
    const rows = base().map((row) => ({ ...row, answer: { value: row.type === 'Informatisation' ? ' non ' : row.type === 'Donnée' ? 'Oui' : '  N/A\u00A0' } }));
    expect(compare(rows, 'hyperformula')).toEqual([]);
  });

  it('leaves a whole zone NA non évaluable', () => {
    const rows = base().map((row) => ({ ...row, answer: { value: 'NA' } }));
    expect(compare(rows, 'hyperformula')).toEqual([]);
  });

  // SPEC §5: visible cells govern; the Réf. only identifies the row.
  it('counts a row relabelled to another step (reference kept) where its cells say', () => {
    const rows = base();
    const moved = rows.findIndex((row) => row.type === 'Donnée');
    const [step, zone] = STEPS[6];
    rows[moved] = { ...rows[moved], step, zone, answer: { value: 'OUI' } };
    expect(compare(rows, 'hyperformula')).toEqual([]);
  });
});
