/**
 * Workbook layer figures: locating the cartographie in a large grid, laying out the Synthèse,
 * and one live recomputation (read, analyse, Synthèse write) through the in-memory port.
 */
import { MemoryWorkbookPort } from '../../src/adapters/memory/port';
import { analyse } from '../../src/domain/analyse';
import { demoAnswers } from '../../src/domain/demo';
import { templateRows } from '../../src/domain/catalogue';
import type { CellInput } from '../../src/domain/model';
import type { Grid } from '../../src/workbook/grid';
import { locateCartographie } from '../../src/workbook/locate';
import { AnalysisSession } from '../../src/workbook/session';
import { CARTOGRAPHIE_COLUMNS, SHEETS } from '../../src/workbook/sheets';
import { synthesisLayout } from '../../src/workbook/synthesisLayout';
import { TABLE_HEADER_ROW } from '../../src/workbook/template';

const LARGE_ROWS = 10_000;

function timed(runs: number, run: () => unknown): { median: number; min: number; max: number } {
  run();
  const times = Array.from({ length: runs }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)], min: times[0], max: times[runs - 1] };
}

function print(name: string, runs: number, t: { median: number; min: number; max: number }): void {
  console.log(`${name}: médiane ${t.median.toFixed(2)} ms (min ${t.min.toFixed(2)}, max ${t.max.toFixed(2)}, ${runs} exécutions)`);
}

function largeGrid(): Grid {
  const template = templateRows();
  const rows: CellInput[][] = [Object.values(CARTOGRAPHIE_COLUMNS).map((value) => ({ value }))];
  for (let i = 0; i < LARGE_ROWS; i++) {
    const t = template[i % template.length];
    rows.push([t.ref, t.zone, t.step, t.type, t.label, t.to, t.critical, ['OUI', 'NON', 'NA', null][i % 4], ''].map((value) => ({ value })));
  }
  return { sheet: SHEETS.cartographie, top: 1, left: 1, rows };
}

export async function runWorkbookBench(): Promise<void> {
  const grid = largeGrid();
  print(`locateCartographie, ${LARGE_ROWS} lignes`, 15, timed(15, () => locateCartographie(grid)));

  const port = MemoryWorkbookPort.fromTemplate();
  await port.fillDemo(demoAnswers());
  const read = await port.readCartographie();
  if (!read.ok) throw new Error('cartographie illisible');
  const analysis = analyse(read.value);
  print('synthesisLayout, établissement de démonstration', 50, timed(50, () => synthesisLayout(analysis)));

  const session = new AnalysisSession(port, { debounceMs: 0 });
  await session.start();
  const runs = 30;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await session.refresh();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  print('recalcul complet (lecture, analyse, Synthèse) en mémoire, démonstration', runs, { median: times[runs >> 1], min: times[0], max: times[runs - 1] });

  const before = session.getState().recomputations;
  const first = TABLE_HEADER_ROW + 2;
  for (let i = 0; i < 500; i++) port.workbook.setCell(SHEETS.cartographie, `H${first + (i % 100)}`, i % 2 ? 'OUI' : 'NON');
  await new Promise((resolve) => setTimeout(resolve, 50));
  console.log(`500 modifications successives : ${session.getState().recomputations - before} recalcul(s)`);
  session.stop();
}

if (require.main === module) void runWorkbookBench();
