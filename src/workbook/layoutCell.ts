/** The cells of the sheets the add-in generates, as every adapter writes them. */
import type { Formula } from './formula';

/** Presentation roles of layout cells; each adapter maps them to real formats. */
export type CellStyle =
  | 'title'
  | 'subtitle'
  | 'section'
  | 'header'
  | 'label'
  | 'value'
  | 'percent'
  | 'note'
  /** A note on one line, running over the empty cells at its right (notes above a table). */
  | 'caption'
  | 'warning'
  | 'good'
  | 'bad';

/**
 * One cell of a generated sheet. Rows and columns are 0-based. Strings are always written as text.
 * A cell with a formula holds it in `formula`, and in `value` the result the domain engine computes
 * for it (the cached result of .xlsx files).
 */
export interface LayoutCell {
  row: number;
  col: number;
  value: string | number | null;
  formula?: Formula;
  style?: CellStyle;
  /** Excel number format, e.g. '0 %' for rates. */
  numberFormat?: string;
}
