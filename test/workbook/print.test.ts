/** Page breaks between the Synthèse's sections: a section starts a page only when the rest of the page cannot hold it. */
import type { LayoutCell } from '../../src/workbook/port';
import { printScale, sectionBreaks } from '../../src/workbook/print';

/** Sections of `rows` rows each, 30 points a row, headings in column A. */
function sections(...rows: number[]): { cells: LayoutCell[]; heights: Map<number, number> } {
  const cells: LayoutCell[] = [];
  const heights = new Map<number, number>();
  let row = 0;
  for (const count of rows) {
    cells.push({ row, col: 0, value: `Section ${row}`, style: 'section' });
    for (let r = row; r < row + count; r++) {
      heights.set(r, 30);
      if (r > row) cells.push({ row: r, col: 0, value: 'texte' });
    }
    row += count;
  }
  return { cells, heights };
}

// One column of 40 characters prints upright at full size: a page holds (841.89 − 1.35 × 72) × 0.95 ≈ 707 points.
const NARROW = [40];

describe('sectionBreaks', () => {
  it('prints at full size a sheet narrower than the page, scaled down one wider', () => {
    expect(printScale(NARROW, false)).toBe(1);
    // 160 characters: 4 × (40 × 7 + 5) × 0.75 = 855 points on 784.09 printable in landscape.
    expect(printScale([40, 40, 40, 40], true)).toBeCloseTo(784.09 / 855, 3);
  });

  it('keeps short sections together on a page and sends a section to a new page only when it would be cut', () => {
    // 300 + 300 points fit on the first page; the third (300) would be cut: a new page; the fourth (60) follows it.
    const { cells, heights } = sections(10, 10, 10, 2);
    expect(sectionBreaks(cells, NARROW, heights)).toEqual([20]);
  });

  it('starts a section taller than a page at the top of one, and packs the next one after its end', () => {
    // 60, then 900 (does not fit in the 647 left: new page, ends 193 points down the next page), then 300 fits after it.
    const { cells, heights } = sections(2, 30, 10);
    expect(sectionBreaks(cells, NARROW, heights)).toEqual([2]);
  });
});
