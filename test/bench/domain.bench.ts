/**
 * Time to analyse a cartographie (evaluation, figures, action proposals): the real catalogue
 * answered as the demo establishment, 10,000 rows, one answer changed on 10,000 rows, and the cost
 * per row from 1,000 to 100,000 rows to show it stays linear, with its two halves (assessment:
 * evaluation and figures; proposals) and the garbage collections it causes. The engine is timed as
 * it ships, bundled (shippedEngine.ts).
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { demoAnswers } from '../../src/domain/demo';
import type { Analysis, Cartographie } from '../../src/domain/model';
import { cartographieFromAnswers, randomCartographie } from '../support/cartographie';
import { shippedEngine } from './shippedEngine';

const { analyse, Analyser, assess, proposeActions } = shippedEngine();

const SYNTHETIC_ROWS = 10_000;
const SIZES = [1_000, 3_000, 10_000, 30_000, 100_000];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Warm-up before timing: at least this many analyses and this long, so that small sheets are timed optimised too. */
const WARM_UP_RUNS = 3;
const WARM_UP_MS = 200;

/**
 * Median wall time of `runs` analyses, after a warm-up, and their median CPU time (the process's
 * own time, which a busy machine inflates less); `next` gives the cartographie of each run.
 */
function time(
  next: (run: number) => Cartographie,
  runs: number,
  analyseOne: (cartographie: Cartographie) => Analysis = analyse,
): { median: number; min: number; max: number; cpu: number; proposals: number; runs: number; timedFrom: number } {
  const warmUp = performance.now();
  for (let i = 1; i <= WARM_UP_RUNS || performance.now() - warmUp < WARM_UP_MS; i += 1) analyseOne(next(-i));
  const timedFrom = performance.now();
  const times: number[] = [];
  const cpu: number[] = [];
  let proposals = 0;
  for (let i = 0; i < runs; i += 1) {
    const cartographie = next(i);
    const used = process.cpuUsage();
    const start = performance.now();
    proposals = analyseOne(cartographie).proposals.length;
    times.push(performance.now() - start);
    const { user, system } = process.cpuUsage(used);
    cpu.push((user + system) / 1000);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), cpu: median(cpu), proposals, runs, timedFrom };
}

function print(name: string, rows: number, runs: number, t: ReturnType<typeof time>, target: string): void {
  console.log(
    `analyse ${name}: ${rows} lignes, ${t.proposals} actions proposées, médiane ${t.median.toFixed(3)} ms ` +
      `(min ${t.min.toFixed(3)}, max ${t.max.toFixed(3)}, CPU ${t.cpu.toFixed(3)} ms, ${runs} exécutions ; cible ${target})`,
  );
}

/** The same cartographie with the answer of one row (a different one at each run) turned around. */
function oneAnswerChanged(base: Cartographie, run: number): Cartographie {
  const index = Math.abs(run * 7919 + 13) % base.entries.length;
  const entries = base.entries.slice();
  const entry = entries[index];
  entries[index] = { ...entry, answer: { value: entry.answer.value === 'OUI' ? 'NON' : 'OUI' } };
  return { ...base, entries };
}

export async function runDomainBench(): Promise<void> {
  const demo = cartographieFromAnswers(Object.fromEntries(demoAnswers().map((a) => [a.ref, a.answer])));
  // Enough runs that the median holds on a busy machine: a run costs well under a millisecond here.
  print('établissement de démonstration', demo.entries.length, 1000, time(() => demo, 1000), '< 0,5 ms');
  const template = demo.entries.length;
  const synthetic = randomCartographie(1, SYNTHETIC_ROWS - template);
  print('cartographie synthétique', SYNTHETIC_ROWS, 60, time(() => synthetic, 60), '< 20 ms');
  // The pane analyses the sheet again after each edit with one Analyser, which keeps what did not change.
  const analyser = new Analyser();
  analyser.analyse(synthetic);
  print('une réponse modifiée sur 10 000 lignes', SYNTHETIC_ROWS, 30, time((run) => oneAnswerChanged(synthetic, run), 30, (c) => analyser.analyse(c)), '< 5 ms');

  console.log('coût par ligne (linéarité) :');
  for (const size of SIZES) {
    const cartographie = randomCartographie(size, size - template);
    const runs = size >= 100_000 ? 5 : 10;
    const halves = { assess: [] as number[], propose: [] as number[] };
    const collections = await countCollections(() => time(() => cartographie, runs, (c) => analyseInHalves(c, halves)));
    const t = collections.result;
    // The warm-up's halves are left out.
    halves.assess.splice(0, halves.assess.length - runs);
    halves.propose.splice(0, halves.propose.length - runs);
    const perRow = (ms: number) => ((ms * 1000) / size).toFixed(3);
    console.log(
      `  ${String(size).padStart(7)} lignes : médiane ${t.median.toFixed(2)} ms, ${perRow(t.median)} µs par ligne (CPU ${perRow(t.cpu)} µs par ligne) ; ` +
        `évaluation et chiffres ${median(halves.assess).toFixed(2)} ms, propositions ${median(halves.propose).toFixed(2)} ms ; ` +
        `par analyse ${collections.minor} GC mineurs et ${collections.major} majeurs, ${collections.ms.toFixed(2)} ms`,
    );
  }
}

/** analyse, as its two halves timed apart: the assessment (what the pane shows first), then the proposals. */
function analyseInHalves(cartographie: Cartographie, halves: { assess: number[]; propose: number[] }): Analysis {
  const start = performance.now();
  const assessment = assess(cartographie);
  const assessed = performance.now();
  const proposals = proposeActions(assessment.rows, assessment.figures);
  halves.assess.push(assessed - start);
  halves.propose.push(performance.now() - assessed);
  return { cartographie, rows: assessment.rows, findings: assessment.findings, figures: assessment.figures, proposals };
}

/** The garbage collections of the runs `run` times (those after its warm-up), per run. */
async function countCollections<T extends { runs: number; timedFrom: number }>(run: () => T): Promise<{ result: T; minor: string; major: string; ms: number }> {
  const all: { kind: number; duration: number; startTime: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) all.push({ kind: (entry as unknown as { detail: { kind: number } }).detail.kind, duration: entry.duration, startTime: entry.startTime });
  });
  observer.observe({ entryTypes: ['gc'] });
  const result = run();
  // GC entries are delivered on a later turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  const MINOR = 1; // NODE_PERFORMANCE_GC_MINOR
  const entries = all.filter((e) => e.startTime >= result.timedFrom);
  const per = (n: number) => (n / result.runs).toFixed(1);
  const minor = entries.filter((e) => e.kind === MINOR).length;
  return { result, minor: per(minor), major: per(entries.length - minor), ms: entries.reduce((sum, e) => sum + e.duration, 0) / result.runs };
}
if (require.main === module) void runDomainBench();
