/**
 * The pane's start, next to a bare Fluent "hello" pane built the same way, in one run: the gzipped
 * initial JavaScript (lazy chunks excluded) and its composition by package, and the median time
 * from navigation to the first figures in headless Chromium, on the pane's own page with the
 * in-memory workbook standing in for Excel (memory-pane.html, built from taskpane.html).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, offlineContext } from '../e2e/support/browser';
import { serveStatic } from '../e2e/support/static-server';
import { composition, describeComposition } from './composition';

const ROOT = path.resolve(__dirname, '../..');
// Enough loads that the medians hold on a machine other work keeps busy.
const RUNS = 11;
const CPU_RUNS = 5;
/** Issue targets: the pane at most 1.5× the bare pane, in weight and in time to first figures. */
const TARGET_RATIO = 1.5;

/** Records in the page when the first element matching `selector` appears (window.firstFigures and a mark). */
async function watchFirst(page: Page, selector: string): Promise<void> {
  // No named function inside: the script is serialised into the page as written.
  await page.addInitScript((wanted: string) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(wanted)) return;
      (window as unknown as { firstFigures: number }).firstFigures = performance.now();
      performance.mark('first-figures');
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  }, selector);
}

/**
 * Milliseconds from navigation start to the first element matching `selector`, recorded in the page,
 * and when the page marks it, the time spent filling the in-memory workbook that stands in for Excel.
 */
async function firstPaintOf(browser: Browser, url: string, selector: string): Promise<{ time: number; workbookReady?: number }> {
  const { context } = await offlineContext(browser);
  const page = await context.newPage();
  await watchFirst(page, selector);
  await page.goto(url);
  await page.locator(selector).first().waitFor();
  const time = await page.evaluate(() => (window as unknown as { firstFigures: number }).firstFigures);
  // Filling the in-memory workbook, from the start of the page's code (all modules evaluated) to its end.
  const workbookReady = await page.evaluate(() => {
    const [start, ready] = ['memory-workbook-start', 'memory-workbook-ready'].map((name) => performance.getEntriesByName(name)[0]?.startTime);
    return start === undefined || ready === undefined ? undefined : ready - start;
  });
  await context.close();
  return { time, workbookReady };
}

/** The fields of Chromium's trace events read here. */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  /** Thread (CPU) time of a complete event, in microseconds. */
  tdur?: number;
  args?: { name?: string };
}

/**
 * CPU time of the page's main thread up to the first element matching `selector`: the tasks Chromium
 * ran there, in thread time. Unlike the time to first figures, it hardly moves when other work keeps
 * the machine busy (a loaded machine stretches the longer page's wait the most).
 */
async function mainThreadTimeOf(browser: Browser, url: string, selector: string): Promise<number> {
  const { context } = await offlineContext(browser);
  const page = await context.newPage();
  await watchFirst(page, selector);
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing,toplevel', transferMode: 'ReportEvents' });
  await page.goto(url);
  await page.locator(selector).first().waitFor();
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  const mark = events.find((event) => event.name === 'first-figures');
  const main = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain' && event.pid === mark?.pid);
  if (!mark || !main) throw new Error('Trace sans la marque des premiers chiffres ou sans le fil principal de la page');
  let micros = 0;
  for (const event of events) {
    if (event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.name === 'ThreadControllerImpl::RunTask' && event.ts <= mark.ts) micros += event.tdur ?? 0;
  }
  return micros / 1000;
}

const FIGURES = '[data-testid="rate-rupture"]';
const HELLO = '[data-testid="figures"]';

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

function verdict(ratio: number): string {
  return `${ratio.toFixed(2).replace('.', ',')}× le volet minimal (objectif ≤ ${String(TARGET_RATIO).replace('.', ',')}×)`;
}

export async function runPaneBench(): Promise<void> {
  const dist = mkdtempSync(path.join(tmpdir(), 'pane-bench-'));
  try {
    execFileSync(
      path.join(ROOT, 'node_modules/.bin/webpack'),
      ['--mode', 'production', '--env', 'bench', '--env', `outputPath=${dist}`],
      { cwd: ROOT, stdio: 'ignore' },
    );
    const excel = composition(dist, 'taskpane.html');
    const memory = composition(dist, 'memory-pane.html');
    const hello = composition(dist, 'hello.html');
    const server = await serveStatic(dist);
    const browser = await launchChromium();
    try {
      // Alternate the two pages so a busy machine weighs on both alike.
      const ours: number[] = [];
      const bare: number[] = [];
      const workbookReady: number[] = [];
      await firstPaintOf(browser, `${server.url}/memory-pane.html`, FIGURES); // warm-up: browser caches, JIT
      await firstPaintOf(browser, `${server.url}/hello.html`, HELLO);
      for (let i = 0; i < RUNS; i++) {
        const pane = await firstPaintOf(browser, `${server.url}/memory-pane.html`, FIGURES);
        ours.push(pane.time);
        if (pane.workbookReady !== undefined) workbookReady.push(pane.workbookReady);
        bare.push((await firstPaintOf(browser, `${server.url}/hello.html`, HELLO)).time);
      }
      // Then, traced apart (tracing would weigh on the times above), the main thread's CPU time.
      const oursCpu: number[] = [];
      const bareCpu: number[] = [];
      for (let i = 0; i < CPU_RUNS; i++) {
        oursCpu.push(await mainThreadTimeOf(browser, `${server.url}/memory-pane.html`, FIGURES));
        bareCpu.push(await mainThreadTimeOf(browser, `${server.url}/hello.html`, HELLO));
      }
      const [oursMedian, bareMedian] = [median(ours), median(bare)];
      for (const line of describeComposition('JS initial du volet dans Excel (taskpane.html)', excel)) console.log(line);
      for (const line of describeComposition('JS initial du volet minimal (hello.html)', hello, 6)) console.log(line);
      const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
      console.log(`Poids : volet ${kib(excel.gzipped)} gzip, ${verdict(excel.gzipped / hello.gzipped)}`);
      console.log(`  (page du banc avec le classeur en mémoire : ${kib(memory.gzipped)} gzip)`);
      console.log(`Navigation → premiers chiffres du volet (classeur en mémoire, médiane de ${RUNS}) : ${oursMedian.toFixed(0)} ms`);
      if (workbookReady.length > 0) console.log(`  dont remplissage du classeur en mémoire (ce qu’Excel tient déjà, médiane) : ${median(workbookReady).toFixed(0)} ms`);
      console.log(`Navigation → premier rendu du volet minimal (médiane de ${RUNS}) : ${bareMedian.toFixed(0)} ms`);
      console.log(`Démarrage : ${verdict(oursMedian / bareMedian)}`);
      const [oursCpuMedian, bareCpuMedian] = [median(oursCpu), median(bareCpu)];
      console.log(
        `  temps CPU du fil principal jusqu’aux premiers chiffres (médiane de ${CPU_RUNS}, peu sensible à la charge de la machine) : volet ${oursCpuMedian.toFixed(0)} ms, volet minimal ${bareCpuMedian.toFixed(0)} ms (${(oursCpuMedian / bareCpuMedian).toFixed(2).replace('.', ',')}×)`,
      );
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runPaneBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
