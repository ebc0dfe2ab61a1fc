/**
 * From one campaign to the next in the built demo: last year's .xlsx picked in the pane and read
 * there (no request leaves the machine), the evolution on the dashboard with no serious axe
 * violation; then « Nouvelle campagne » records the year on the notice.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { XlsxWorkbookPort } from '../../src/adapters/xlsx/port';
import { demoAnswers } from '../../src/domain/demo';
import { axeOn } from './support/axe';
import { launchChromium, offlineContext } from './support/browser';
import { openDemo, openPaneTab, pane } from './support/demo';
import { serveStatic, type StaticServer } from './support/static-server';

const DIST = path.resolve(__dirname, '../../dist');

let server: StaticServer;
let browser: Browser;
let lastYear: Buffer;

beforeAll(async () => {
  // Last year: the demo establishment before it computerised anything (every OUI was a NON).
  const port = new XlsxWorkbookPort();
  await port.initialise();
  await port.fillDemo(demoAnswers().map((a) => ({ ...a, answer: a.answer === 'OUI' ? 'NON' : a.answer })));
  [lastYear, server, browser] = await Promise.all([port.toBuffer(), serveStatic(DIST), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('compares with last year’s file read in the pane, then opens the new campaign', async () => {
  const { context, aborted } = await offlineContext(browser);
  const page = await context.newPage();
  await openDemo(page, server.url);
  const volet = pane(page);
  await volet.getByRole('button', { name: 'Comparer avec une campagne précédente…' }).waitFor();
  await volet.locator('input[type="file"]').setInputFiles({ name: 'campagne-2025.xlsx', mimeType: 'application/octet-stream', buffer: lastYear });
  const rupture = volet.getByTestId('evolution-rupture');
  await rupture.waitFor();
  expect(await rupture.textContent()).toMatch(/▼ −[\d,]+ points?en baisse de [\d,]+ points?, une amélioration/);
  const axe = await axeOn(page).include('[data-testid="campaign-comparison"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await openPaneTab(page, 'Classeur');
  await volet.getByRole('button', { name: 'Nouvelle campagne…' }).click();
  await page.getByRole('button', { name: 'Ouvrir la nouvelle campagne' }).click();
  await volet.getByText(/^Campagne \d{4} ouverte\./).waitFor();
  expect(aborted).toEqual([]);
  await context.close();
});
