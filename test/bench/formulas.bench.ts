/**
 * The Synthèse's figures two ways: the domain engine (analyse) and the Synthèse's own formulas
 * evaluated by a spreadsheet engine (HyperFormula, dev-only oracle), on the demo establishment
 * (177 rows) and on 10,000 rows. HyperFormula needs minutes for 10,000 rows (COUNTIFS per row in
 * « Réponse retenue »): that size runs only with BENCH_FORMULAS_10K=1.
 */
import { HyperFormula } from 'hyperformula';
import { analyse } from '../../src/domain/analyse';
import type { Cartographie, CellInput } from '../../src/domain/model';
import { toExcel } from '../../src/workbook/formula';
import { locateCartographie } from '../../src/workbook/locate';
import type { LayoutCell } from '../../src/workbook/port';
import { CARTOGRAPHIE_COLUMNS, SHEETS } from '../../src/workbook/sheets';
import { synthesisLayout } from '../../src/workbook/synthesisLayout';
import { randomCartographie } from '../support/cartographie';
import { shippedEngine } from './shippedEngine';

type Sheet = (string | number | boolean | null)[][];
const KEYS = Object.keys(CARTOGRAPHIE_COLUMNS) as (keyof typeof CARTOGRAPHIE_COLUMNS)[];

function place(sheet: Sheet, cells: LayoutCell[]): void {
  for (const cell of cells) {
    while (sheet.length <= cell.row) sheet.push([]);
    const line = sheet[cell.row];
    while (line.length <= cell.col) line.push(null);
    line[cell.col] = cell.formula ? toExcel(cell.formula) : cell.value;
  }
}

/** The cartographie sheet (header on row 1, as test/support/cartographie writes it) with the Synthèse's formulas. */
function workbookOf(cartographie: Cartographie): Record<string, Sheet> {
  const rows: CellInput[][] = [KEYS.map((key) => ({ value: CARTOGRAPHIE_COLUMNS[key] })), ...cartographie.entries.map((entry) => KEYS.map((key) => (key === 'answer' ? entry.answer : { value: entry[key] || null })))];
  const read = locateCartographie({ sheet: SHEETS.cartographie, top: 1, left: 1, rows }, 1);
  if (!read.ok) throw new Error('cartographie illisible');
  const layout = synthesisLayout(analyse(read.value), { area: read.value.area });
  const sheet: Sheet = rows.map((row) => row.map((cell) => (cell.error ? '=NA()' : cell.value)));
  place(sheet, layout.cartographie?.cells ?? []);
  const synthesis: Sheet = [];
  place(synthesis, layout.cells);
  return { [SHEETS.cartographie]: sheet, [SHEETS.synthesis]: synthesis };
}

/** Warm-up of the engine before timing it, as in domain.bench.ts: its code is optimised by then. */
const WARM_UP_MS = 200;

/** Median time of the engine as it ships (shippedEngine.ts), after a warm-up. */
function engineMs(cartographie: Cartographie, runs: number): number {
  const { analyse: shipped } = shippedEngine();
  const warmUp = performance.now();
  while (performance.now() - warmUp < WARM_UP_MS) shipped(cartographie);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    shipped(cartographie);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

function measure(name: string, cartographie: Cartographie): void {
  const engine = engineMs(cartographie, 21);
  const sheets = workbookOf(cartographie);
  const start = performance.now();
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', accentSensitive: true });
  const formulas = performance.now() - start;
  const count = hf.getSheetNames().reduce((n, sheet) => n + hf.getSheetFormulas(hf.getSheetId(sheet) as number).flat().filter(Boolean).length, 0);
  hf.destroy();
  console.log(
    `Synthèse ${name} : ${cartographie.entries.length} lignes, moteur ${engine.toFixed(2)} ms, ` +
      `${count} formules évaluées par HyperFormula ${formulas.toFixed(0)} ms, rapport formules / moteur ${(formulas / engine).toFixed(0)}×`,
  );
}

export async function runFormulasBench(): Promise<void> {
  measure('démonstration', randomCartographie(1));
  if (process.env.BENCH_FORMULAS_10K === '1') measure('10 000 lignes', randomCartographie(2, 10_000 - randomCartographie(2).entries.length));
  else console.log('Synthèse 10 000 lignes : évaluation HyperFormula non lancée (plusieurs minutes) ; BENCH_FORMULAS_10K=1 npm run bench pour la mesurer.');
}
