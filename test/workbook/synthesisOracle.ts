/**
 * Generated cartographies evaluated by HyperFormula (an independent spreadsheet engine): every
 * formula the add-in writes (Synthèse and computed columns) gives the engine's value for that cell,
 * on FORMULA_ORACLE_RUNS cartographies (1,000 in CI). See generatedCartographie.ts for what is
 * generated.
 *
 * As in Excel, the Synthèse is written once for a structure of the cartographie, then the answers
 * are retyped ANSWER_SETS times and the spreadsheet recalculates what was written; each time every
 * formula must give what the engine computes for the new answers.
 *
 * The runs are shared between the files synthesisOracle.<part>.test.ts (Jest runs files, not tests,
 * side by side): each part checks its share of the structures, each with its own random seed.
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { toExcel, type Formula } from '../../src/workbook/formula';
import { SHEETS } from '../../src/workbook/sheets';
import { disagreements, oracleThread, type OracleCell } from '../support/formulaOracle';
import { answers, build, HEADER, KEYS, layoutOf, place, sheets, structure, typedContent, type Row, type SheetRows } from '../support/generatedCartographie';

// HyperFormula takes about 0.05 to 0.1 s per cartographie here (in its thread): 1,000 in CI, fewer on a workstation.
const ORACLE_RUNS = Number(process.env.FORMULA_ORACLE_RUNS ?? (process.env.CI ? 1000 : 100));
/** Answer sets typed into one structure (building the spreadsheet costs about ten retypings). */
const ANSWER_SETS = 25;
/** The files synthesisOracle.1.test.ts … synthesisOracle.<PARTS>.test.ts. */
const PARTS = 4;
const PART_FILE = /^synthesisOracle\.(\d+)\.test\.ts$/;

/**
 * One spreadsheet holding the Synthèse written for the first answer set; each answer set is then
 * typed into the answer column and every formula of the Synthèse the engine would write for those
 * answers is looked up where it was written (same formula) and must give the engine's value.
 */
function compareRetyped(rows: Row[][], oracle: ReturnType<typeof oracleThread>) {
  const first = layoutOf(rows[0]);
  const { sheet } = sheets(rows[0]);
  place(sheet, first.cartographie?.cells ?? []);
  const synthesis: SheetRows = [];
  place(synthesis, first.cells);
  // Where each formula was written (a formula written twice gives the same value in both places).
  const written = new Map<string, number>();
  const read: OracleCell[] = [];
  for (const [name, cells] of [[SHEETS.synthesis, first.cells], [SHEETS.cartographie, first.cartographie?.cells ?? []]] as const) {
    for (const cell of cells) if (cell.formula) written.set(`${name}!${toExcel(cell.formula)}`, read.push({ sheet: name, row: cell.row, col: cell.col }) - 1);
  }
  const answerCol = KEYS.indexOf('answer');
  const values = oracle.evaluate({
    sheets: { [SHEETS.cartographie]: sheet, [SHEETS.synthesis]: synthesis },
    // The first answer set is in the sheet as built; each other one is typed over it.
    steps: rows.map((typed, n) => (n === 0 ? [] : typed.map((row, i) => ({ sheet: SHEETS.cartographie, row: HEADER + 1 + i, col: answerCol, content: typedContent(row.answer) })))),
    read,
  });
  const wrong: unknown[] = [];
  rows.forEach((typed, n) => {
    const layout = n === 0 ? first : layoutOf(typed);
    for (const [name, cells] of [[SHEETS.synthesis, layout.cells], [SHEETS.cartographie, layout.cartographie?.cells ?? []]] as const) {
      wrong.push(
        ...disagreements((cell) => {
          const at = written.get(`${name}!${toExcel(cell.formula as Formula)}`);
          return at === undefined ? 'formula not written for the first answer set' : values[n][at];
        }, cells).map(({ cell, expected, got }) => ({ answerSet: n, sheet: name, row: cell.row + 1, col: cell.col + 1, expected, got })),
      );
    }
  });
  return wrong;
}

/** The cartographies part `part` (1 … PARTS) checks: the structures are dealt out in turn. */
function share(part: number): number {
  const structures = Math.ceil(ORACLE_RUNS / ANSWER_SETS);
  let runs = 0;
  for (let s = part - 1; s < structures; s += PARTS) runs += Math.min(ANSWER_SETS, ORACLE_RUNS - s * ANSWER_SETS);
  return runs;
}

export function agreeOnGeneratedCartographies(part: number): void {
  const runs = share(part);

  describe(`Synthèse formulas and engine, evaluated by HyperFormula (part ${part} of ${PARTS})`, () => {
    const oracle = oracleThread();
    afterAll(() => oracle.close());

    it('are checked by one file per part, the parts together checking every cartographie', () => {
      const parts = readdirSync(__dirname).flatMap((file) => PART_FILE.exec(file)?.[1] ?? []);
      expect(parts.map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: PARTS }, (_, i) => i + 1));
      expect(Array.from({ length: PARTS }, (_, i) => share(i + 1)).reduce((a, b) => a + b)).toBe(ORACLE_RUNS);
    });

    it(`agree on ${runs} of the ${ORACLE_RUNS} generated cartographies, the Synthèse written once per structure`, () => {
      let checked = 0;
      fc.assert(
        fc.property(structure, fc.array(answers, { minLength: ANSWER_SETS, maxLength: ANSWER_SETS }), (shape, typed) => {
          const sets = typed.slice(0, runs - checked).map((set) => build(shape, set));
          expect(compareRetyped(sets, oracle).slice(0, 3)).toEqual([]);
          checked += sets.length;
        }),
        // No shrinking: each try costs seconds; the disagreements and the seed say enough.
        { numRuns: Math.ceil(runs / ANSWER_SETS), endOnFailure: true },
      );
      expect(checked).toBe(runs);
    });
  });
}
