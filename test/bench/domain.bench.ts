/** Time to analyse a cartographie (evaluation, figures, action proposals): demo establishment and 10,000 rows. */
import { analyse } from '../../src/domain/analyse';
import { demoAnswers } from '../../src/domain/demo';
import type { Cartographie } from '../../src/domain/model';
import { cartographieFromAnswers, randomCartographie } from '../support/cartographie';

const SYNTHETIC_ROWS = 10_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function measure(name: string, cartographie: Cartographie, runs: number): void {
  analyse(cartographie); // warm-up
  const times: number[] = [];
  let proposals = 0;
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    proposals = analyse(cartographie).proposals.length;
    times.push(performance.now() - start);
  }
  const rows = cartographie.entries.length;
  console.log(
    `analyse ${name}: ${rows} lignes, ${proposals} actions proposées, médiane ${median(times).toFixed(2)} ms ` +
      `(min ${Math.min(...times).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms, ${runs} exécutions)`,
  );
}

export async function runDomainBench(): Promise<void> {
  const demo = cartographieFromAnswers(Object.fromEntries(demoAnswers().map((a) => [a.ref, a.answer])));
  measure('établissement de démonstration', demo, 50);
  const template = demo.entries.length;
  measure('cartographie synthétique', randomCartographie(1, SYNTHETIC_ROWS - template), 15);
}
