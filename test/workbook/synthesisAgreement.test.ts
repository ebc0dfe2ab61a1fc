/**
 * Generated cartographies: every formula the add-in writes (Synthèse and computed columns) gives
 * the engine's value for that cell, evaluated by the in-memory workbook's interpreter
 * (FORMULA_RUNS cartographies, 1,000 by default), and tricky cases evaluated by HyperFormula (an
 * independent spreadsheet engine). The generated cartographies evaluated by HyperFormula are in
 * synthesisOracle.ts. See generatedCartographie.ts for what is generated.
 */
import fc from 'fast-check';
import { FormulaError, FormulaEvaluator, type CellSource, type Value } from '../../src/adapters/memory/formulas';
import { analyse } from '../../src/domain/analyse';
import { toExcel, type Formula } from '../../src/workbook/formula';
import { columnLetter } from '../../src/workbook/grid';
import { locateCartographie } from '../../src/workbook/locate';
import type { LayoutCell } from '../../src/workbook/port';
import { SHEETS } from '../../src/workbook/sheets';
import { buildOracle, disagreements, oracleValue } from '../support/formulaOracle';
import { answers, build, HEADER, KEYS, layoutOf, place, rowContent, sheets, STEPS, structure, TEMPLATE, type Answers, type Row, type SheetRows, type Structure } from '../support/generatedCartographie';

const RUNS = Number(process.env.FORMULA_RUNS ?? 1000);

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

function analyseRows(rows: Row[]) {
  const read = locateCartographie(sheets(rows).grid, HEADER + 1);
  if (!read.ok) throw new Error('unreadable');
  return analyse(read.value);
}

/** Every formula cell whose evaluated result differs from the engine's value, for one cartographie. */
function compare(rows: Row[], engine: Engine) {
  const layout = layoutOf(rows);
  const computed = layout.cartographie?.cells ?? [];
  if (engine === 'interpreter') {
    const value = interpreterOf(rows, { [SHEETS.cartographie]: computed, [SHEETS.synthesis]: layout.cells });
    return [
      ...disagreements((cell) => value(SHEETS.cartographie, cell), computed),
      ...disagreements((cell) => value(SHEETS.synthesis, cell), layout.cells),
    ];
  }
  const { sheet } = sheets(rows);
  place(sheet, computed);
  const synthesis: SheetRows = [];
  place(synthesis, layout.cells);
  const hf = buildOracle({ [SHEETS.cartographie]: sheet, [SHEETS.synthesis]: synthesis });
  const wrong = [
    ...disagreements((cell) => oracleValue(hf, SHEETS.cartographie, cell.row, cell.col), computed),
    ...disagreements((cell) => oracleValue(hf, SHEETS.synthesis, cell.row, cell.col), layout.cells),
  ];
  hf.destroy();
  return wrong;
}

describe('Synthèse formulas and engine', () => {
  it(`agree on ${RUNS} generated cartographies evaluated by the in-memory workbook`, () => {
    let checked = 0;
    fc.assert(
      fc.property(structure, answers, (shape, typed) => {
        expect(compare(build(shape, typed), 'interpreter').slice(0, 3)).toEqual([]);
        checked++;
      }),
      { numRuns: RUNS },
    );
    expect(checked).toBe(RUNS);
  });
});

describe('Synthèse formulas, tricky cases (HyperFormula)', () => {
  const base = (): Row[] => TEMPLATE.filter((row) => row.step === STEPS[4][0] || row.step === STEPS[6][0]).map((row, i) => ({ ...row, answer: { value: ['OUI', 'NON', 'NA', null][i % 4] } }));

  it('counts a row inserted inside the table as Excel does: ranges grow, the new row gets the computed columns', () => {
    const rows = base();
    const { sheet } = sheets(rows);
    const before = layoutOf(rows);
    place(sheet, before.cartographie?.cells ?? []);
    const synthesis: SheetRows = [];
    place(synthesis, before.cells);
    const hf = buildOracle({ [SHEETS.cartographie]: sheet, [SHEETS.synthesis]: synthesis });

    // Excel: a row inserted in the middle of the table; the table's calculated columns fill it.
    const at = 3;
    const added: Row = { ...rows[at], ref: '', label: 'Ligne insérée', type: 'Donnée', answer: { value: 'non' } };
    const grown = [...rows.slice(0, at), added, ...rows.slice(at)];
    const sheetRow = HEADER + 1 + at; // 0-based index of the inserted row
    const carto = hf.getSheetId(SHEETS.cartographie) as number;
    hf.addRows(carto, [sheetRow, 1]);
    const after = layoutOf(grown);
    const cells = after.cartographie?.cells.filter((cell) => cell.row === sheetRow) ?? [];
    hf.setCellContents({ sheet: carto, row: sheetRow, col: 0 }, [KEYS.map((key) => rowContent(added, key))]);
    for (const cell of cells) hf.setCellContents({ sheet: carto, row: cell.row, col: cell.col }, toExcel(cell.formula as Formula));

    // Nothing regenerated: the Synthèse's formulas, adjusted by the spreadsheet, give the new figures.
    const wrong = disagreements((cell) => oracleValue(hf, SHEETS.synthesis, cell.row, cell.col), after.cells);
    const synthesisId = hf.getSheetId(SHEETS.synthesis) as number;
    const adjusted = after.cells.filter((cell) => cell.formula && hf.getCellFormula({ sheet: synthesisId, row: cell.row, col: cell.col }) !== toExcel(cell.formula));
    hf.destroy();
    expect(wrong).toEqual([]);
    // And regenerating would write exactly the formulas the spreadsheet adjusted.
    expect(adjusted).toEqual([]);
  });

  it('counts incoherent rows as NON and answers in every accepted spelling', () => {
    const rows = base().map((row) => ({ ...row, answer: { value: row.type === 'Informatisation' ? ' non ' : row.type === 'Donnée' ? 'Oui' : '  N/A\u00A0' } }));
    expect(compare(rows, 'hyperformula')).toEqual([]);
  });

  it('leaves a whole zone NA non évaluable', () => {
    const rows = base().map((row) => ({ ...row, answer: { value: 'NA' } }));
    expect(compare(rows, 'hyperformula')).toEqual([]);
  });

  // Excel keeps a merged block's value in its first cell: COUNTIFS see the rows below as blank.
  it('counts the rows under merged Étape cells as blank, as the formulas do, and says where to unmerge', () => {
    const step = STEPS[6][0];
    const firstIndex = base().findIndex((row) => row.step === step);
    const rows = base().map((row, i) => (i > firstIndex && row.step === step ? { ...row, step: '' } : row));
    expect(compare(rows, 'hyperformula')).toEqual([]);

    const { grid } = sheets(rows);
    const column = columnLetter(KEYS.indexOf('step') + 1);
    const top = HEADER + 2 + firstIndex;
    const bottom = HEADER + 1 + rows.length;
    grid.merged = [`${column}${top}:${column}${bottom}`];
    const read = locateCartographie(grid, HEADER + 1);
    if (!read.ok) throw new Error('unreadable');
    const all = analyse(read.value).findings;
    const findings = all.filter((finding) => finding.kind === 'fusion');
    expect(findings).toEqual([
      expect.objectContaining({ sheet: SHEETS.cartographie, cell: `${column}${top}:${column}${bottom}`, row: top + 1, rowLabel: `${step} – ${rows[firstIndex + 1].label}` }),
    ]);
    // Their Réf. names the step shown above: the merge, already reported, is the only cause.
    expect(all.filter((finding) => finding.kind === 'reference' && finding.row > top)).toEqual([]);
    expect(findings[0].message).toBe(
      `Cellules fusionnées ${column}${top}:${column}${bottom} (colonne « Étape ») : Excel ne lit « ${step} » qu'en ligne ${top} ; ` +
        `pour les formules de la Synthèse comme pour le complément, les ${bottom - top} questions en dessous ont une cellule « Étape » vide et ne comptent pas sous « ${step} ». ` +
        'Défusionnez ces cellules et recopiez la valeur sur chaque ligne.',
    );
  });

  // Generated counterexamples: merged cells leave one transition (Étape → Vers l'étape) with rows
  // in several zones, some counted « à la PUI », others « aux points de transition ». A view's
  // « Ensemble » then counts only the rows of the zones it counts, as the engine does.
  it.each([
    ['Étape merged: a blank Étape over rows of two zones', { steps: [0, 4], moved: [44, { kind: 'to', step: 4 }], merged: ['step'] }],
    ['Zone merged: a moved row under a blank Zone', { steps: [7, 8], moved: [80, { kind: 'move', step: 0 }], merged: ['zone'] }],
  ] as const)('counts a transition shared by two views in each view for its own rows only (%s)', (_, { steps, moved, merged }) => {
    const mutations: Structure['mutations'] = TEMPLATE.map(() => null);
    mutations[moved[0]] = moved[1];
    const shape: Structure = { steps: [...steps], mutations, inserted: [], merged: [...merged] };
    const typed: Answers = { template: TEMPLATE.map((_, i) => ({ value: ['OUI', 'NON', 'OUI', 'NA', null][i % 5] })), inserted: [], zoneNa: null };
    const rows = build(shape, typed);
    const views = Object.values(analyseRows(rows).figures.views);
    expect(views.some((view) => view.zonesCounted?.length)).toBe(true);
    expect(compare(rows, 'interpreter')).toEqual([]);
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
