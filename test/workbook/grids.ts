/** Builds Grids for tests: plain values, or CellInput objects for errors, formulas and dates. */
import type { CellInput } from '../../src/domain/model';
import type { Grid } from '../../src/workbook/grid';

export type TestCell = string | number | boolean | null | CellInput;

export function gridOf(sheet: string, rows: TestCell[][], top = 1, left = 1): Grid {
  return {
    sheet,
    top,
    left,
    rows: rows.map((row) => row.map((cell) => (cell !== null && typeof cell === 'object' ? cell : { value: cell }))),
  };
}
