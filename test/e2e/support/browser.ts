/** Debian's Chromium driven by playwright-core, cut off from everything but the loopback. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
}

function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/** A context that aborts every request leaving the machine; `aborted` lists them. */
export async function offlineContext(browser: Browser, viewport = { width: 1280, height: 860 }): Promise<{ context: BrowserContext; aborted: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'fr-FR', acceptDownloads: true });
  const aborted: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    aborted.push(url);
    return route.abort();
  });
  return { context, aborted };
}

/** The errors the page logs to its console or throws, collected from now on. */
export function pageErrors(page: Page, errors: string[] = []): string[] {
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
