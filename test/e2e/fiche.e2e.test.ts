/**
 * The fiche de synthèse dialog in the built demo: taller than the window, so its content scrolls;
 * axe finds no serious violation in it, and a keyboard user reaches the content and scrolls it.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { axeOn } from './support/axe';
import { launchChromium, offlineContext, pageErrors } from './support/browser';
import { openDemo, openPaneTab, pane } from './support/demo';
import { serveStatic, type StaticServer } from './support/static-server';

const DIST = path.resolve(__dirname, '../../dist');
const SCROLLABLE = 'scrollable-region-focusable';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([serveStatic(DIST), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('opens the fiche in a dialog whose scrolling content a keyboard user reaches and scrolls', async () => {
  const { context, aborted } = await offlineContext(browser);
  const page = await context.newPage();
  const errors = pageErrors(page);
  await openDemo(page, server.url);
  await openPaneTab(page, 'Plan d’action');
  await pane(page).getByRole('button', { name: 'Fiche de synthèse (une page)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Fiche de synthèse pour la direction' });
  await dialog.getByRole('article', { name: 'Fiche de synthèse' }).waitFor();

  const results = await axeOn(page).include('[role="dialog"]').exclude('i[data-tabster-dummy]').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  // The rule did run on a region that scrolls (the fiche is taller than the window).
  expect(results.passes.map((rule) => rule.id)).toContain(SCROLLABLE);

  // The content comes just before the dialog's buttons in the tab order; PageDown then scrolls it.
  const content = dialog.getByRole('region', { name: 'Contenu de la fiche de synthèse' });
  await dialog.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' }).focus();
  await page.keyboard.press('Shift+Tab');
  expect(await content.evaluate((element) => element === document.activeElement)).toBe(true);
  expect(await content.evaluate((element) => element.scrollTop)).toBe(0);
  await page.keyboard.press('PageDown');
  await content.evaluate((element) => new Promise((resolve) => (element.scrollTop > 0 ? resolve(null) : element.addEventListener('scroll', resolve, { once: true }))));
  expect(await content.evaluate((element) => element.scrollTop)).toBeGreaterThan(0);

  expect(errors).toEqual([]);
  expect(aborted).toEqual([]);
  await context.close();
});
