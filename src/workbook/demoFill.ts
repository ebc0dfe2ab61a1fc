/** Which cells the demo fill writes: the answer and comment cells of each demo row, found by reference. */
import type { DemoAnswer, ReadResult } from './port';
import { cartographieColumns, locateCartographie } from './locate';
import { cellAddress, type Grid } from './grid';

export interface CellWrite {
  address: string;
  value: string;
}

const LISTED_REFS = 5;

export function demoWrites(grid: Grid, answers: DemoAnswer[], tableHeaderRow?: number): ReadResult<CellWrite[]> {
  const cartographie = locateCartographie(grid, tableHeaderRow);
  if (!cartographie.ok) return cartographie;
  const columns = cartographieColumns(grid, tableHeaderRow);
  if (!columns.ok) return columns;
  const rows = new Map(cartographie.value.entries.map((entry) => [entry.ref, entry.row]));
  const missing = answers.filter((answer) => !rows.has(answer.ref)).map((answer) => answer.ref);
  if (missing.length > 0) {
    const listed = missing.slice(0, LISTED_REFS).join(', ') + (missing.length > LISTED_REFS ? `… (${missing.length} au total)` : '');
    return {
      ok: false,
      problems: [
        {
          code: 'unsupported',
          sheet: grid.sheet,
          message: `La cartographie ne contient pas les lignes de référence ${listed} : initialisez un classeur neuf avant de charger la démonstration.`,
        },
      ],
    };
  }
  const { answer, comment } = columns.value.columns;
  return {
    ok: true,
    value: answers.flatMap((demo) => {
      const row = rows.get(demo.ref) as number;
      const writes: CellWrite[] = [{ address: cellAddress(row, answer as number), value: demo.answer }];
      if (demo.comment !== undefined && comment !== undefined) writes.push({ address: cellAddress(row, comment), value: demo.comment });
      return writes;
    }),
  };
}
