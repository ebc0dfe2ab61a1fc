/**
 * The pane's weight and start-up: gzipped size of the initial JavaScript of the Excel entry
 * (lazy chunks excluded), and the median time from navigation to the first figures of the demo
 * in headless Chromium, each next to a bare Fluent "hello" pane built the same way.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium, offlineContext } from '../e2e/support/browser';
import { serveStatic } from '../e2e/support/static-server';

const ROOT = path.resolve(__dirname, '../..');
const RUNS = 7;
const KiB = 1024;

/** Local scripts a built page loads before anything else (office.js from the CDN is not ours). */
function initialScripts(dist: string, page: string): string[] {
  const html = readFileSync(path.join(dist, page), 'utf8');
  return [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2]).filter((src) => !/^https?:/.test(src));
}

function gzippedSize(dist: string, page: string): { files: number; bytes: number; gzipped: number } {
  const files = initialScripts(dist, page).map((src) => readFileSync(path.join(dist, src.replace(/^\//, ''))));
  return {
    files: files.length,
    bytes: files.reduce((sum, file) => sum + file.length, 0),
    gzipped: files.reduce((sum, file) => sum + gzipSync(file, { level: 9 }).length, 0),
  };
}

/** Milliseconds from navigation start to the first element matching `selector`, recorded in the page. */
async function firstPaintOf(browser: Browser, url: string, selector: string): Promise<number> {
  const { context } = await offlineContext(browser);
  const page = await context.newPage();
  // No named function inside: the script is serialised into the page as written.
  await page.addInitScript((wanted: string) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector(wanted)) return;
      (window as unknown as { firstFigures: number }).firstFigures = performance.now();
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  }, selector);
  await page.goto(url);
  await page.locator(selector).first().waitFor();
  const time = await page.evaluate(() => (window as unknown as { firstFigures: number }).firstFigures);
  await context.close();
  return time;
}

async function medianStart(browser: Browser, url: string, selector: string): Promise<number> {
  await firstPaintOf(browser, url, selector); // warm-up: browser caches, JIT
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await firstPaintOf(browser, url, selector));
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)];
}

export async function runPaneBench(): Promise<void> {
  const dist = mkdtempSync(path.join(tmpdir(), 'pane-bench-'));
  try {
    execFileSync(
      path.join(ROOT, 'node_modules/.bin/webpack'),
      ['--mode', 'production', '--env', 'bench', '--env', `outputPath=${dist}`],
      { cwd: ROOT, stdio: 'ignore' },
    );
    const ours = gzippedSize(dist, 'taskpane.html');
    const hello = gzippedSize(dist, 'hello.html');
    const server = await serveStatic(dist);
    const browser = await launchChromium();
    try {
      const demo = await medianStart(browser, `${server.url}/demo.html`, '[data-testid="rate-rupture"]');
      const bare = await medianStart(browser, `${server.url}/hello.html`, '[data-testid="figures"]');
      const kib = (n: number) => `${(n / KiB).toFixed(1)} KiB`;
      console.log(`JS initial du volet (taskpane, ${ours.files} fichier) : ${kib(ours.bytes)}, ${kib(ours.gzipped)} gzip`);
      console.log(`JS initial d'un volet Fluent minimal (${hello.files} fichier) : ${kib(hello.bytes)}, ${kib(hello.gzipped)} gzip`);
      console.log(`  surcoût du volet : ${kib(ours.gzipped - hello.gzipped)} gzip`);
      console.log(`Navigation → premiers chiffres (démo, médiane de ${RUNS}) : ${demo.toFixed(0)} ms`);
      console.log(`Navigation → premier rendu du volet minimal (médiane de ${RUNS}) : ${bare.toFixed(0)} ms`);
      console.log(`  surcoût : ${(demo - bare).toFixed(0)} ms`);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}
