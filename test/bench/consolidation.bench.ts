/**
 * Regional consolidation of 300 establishment workbooks: total time, time per file, and peak
 * memory sampled during the run, for 100 and for 300 files, to show memory does not grow
 * with the number of files (each workbook is summarised and dropped before the next).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { consolidate } from '../../src/cli/commands/consolidate';
import { XlsxWorkbookPort } from '../../src/adapters/xlsx/port';
import { randomCartographie } from '../support/cartographie';
import { fillAnswers } from '../cli/workbooks';

const FILES = 300;
const FIRST_BATCH = 100;
const MiB = 1024 * 1024;

/** A full garbage collection, to measure what the consolidation really retains. */
function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function generate(dir: string): Promise<string[]> {
  const port = new XlsxWorkbookPort();
  await port.initialise();
  const files: string[] = [];
  for (let seed = 1; seed <= FILES; seed++) {
    const file = join(dir, `es-${String(seed).padStart(3, '0')}.xlsx`);
    // Some establishments add rows of their own, so the workbooks differ in size too.
    await fillAnswers(port, randomCartographie(seed, seed % 3 === 0 ? 20 : 0));
    await port.save(file);
    files.push(file);
  }
  return files;
}

interface Peaks {
  rss: number;
  heap: number;
}

/** Runs `task` while sampling memory every 5 ms. */
async function sampled<T>(task: () => Promise<T>): Promise<{ result: T; peaks: Peaks; ms: number }> {
  const peaks: Peaks = { rss: 0, heap: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    peaks.rss = Math.max(peaks.rss, usage.rss);
    peaks.heap = Math.max(peaks.heap, usage.heapUsed);
  };
  const timer = setInterval(sample, 5);
  const start = performance.now();
  try {
    const result = await task();
    sample();
    return { result, peaks, ms: performance.now() - start };
  } finally {
    clearInterval(timer);
  }
}

function mib(bytes: number): string {
  return `${(bytes / MiB).toFixed(0)} Mio`;
}

export async function runConsolidationBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'resomedit-bench-'));
  try {
    const generation = performance.now();
    const files = await generate(dir);
    console.log(`${FILES} classeurs générés en ${((performance.now() - generation) / 1000).toFixed(1)} s`);

    const retained: number[] = [];
    for (const count of [FIRST_BATCH, FILES]) {
      let read = 0;
      collect();
      const run = await sampled(() =>
        consolidate(files.slice(0, count), () => {
          if (count === FILES && read++ % FIRST_BATCH === 0) {
            collect();
            retained.push(process.memoryUsage().heapUsed);
          }
        }),
      );
      const { establishments, unread } = run.result;
      console.log(
        `consolidation de ${count} fichiers : ${(run.ms / 1000).toFixed(2)} s, ${(run.ms / count).toFixed(1)} ms par fichier, ` +
          `${establishments.length} lus, ${unread.length} non lus ; pic RSS ${mib(run.peaks.rss)}, pic tas ${mib(run.peaks.heap)}`,
      );
    }
    collect();
    retained.push(process.memoryUsage().heapUsed);
    console.log(`tas après ramasse-miettes, à 0, 100, 200, 300 fichiers lus : ${retained.map(mib).join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
