/** What a cell of the in-memory workbook shows, and how typed text becomes a cell value, as in French Excel. */
import type { MemoryCell, Scalar } from '../adapters/memory/workbook';

const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 10 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
/** The Synthèse's differences in points, format '+0.0;-0.0;0'. */
const points = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });

export function displayValue(cell: MemoryCell | undefined): string {
  if (!cell) return '';
  if (cell.formula !== undefined && cell.value === null) return cell.formula;
  const { value } = cell;
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (typeof value === 'number') {
    if (cell.numberFormat?.includes('%')) return percent.format(value);
    return cell.numberFormat?.startsWith('+0.0') ? points.format(value) : number.format(value);
  }
  return value;
}

/** Typed text → value: numbers (decimal comma accepted) become numbers, an empty entry clears the cell. */
export function typedValue(text: string): Scalar {
  if (text.trim() === '') return null;
  if (/^-?\d+(,\d+)?$/.test(text.trim())) return Number(text.trim().replace(',', '.'));
  return text;
}
