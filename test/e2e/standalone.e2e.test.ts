/**
 * The built demo as a presenter gets it: dist/demo.html opened from disk, every asset addressed
 * beside it and no request leaving the page; and on a narrow screen, the grid and the pane stacked.
 * A screenshot of the narrow page goes to test-artifacts/screenshots/ for a look.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, pageErrors } from './support/browser';
import { openPaneTab, pane } from './support/demo';

const DIST = path.resolve(__dirname, '../../dist');
const FOLDER = `${pathToFileURL(DIST).href}/`;
const DEMO = `${FOLDER}demo.html`;
const SHOTS = path.resolve(__dirname, '../../test-artifacts/screenshots');
const NARROW = { width: 480, height: 900 };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let requests: string[];
let errors: string[];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function openFromDisk(viewport: { width: number; height: number }): Promise<void> {
  context = await browser.newContext({ viewport, locale: 'fr-FR' });
  page = await context.newPage();
  requests = [];
  page.on('request', (request) => requests.push(request.url()));
  errors = pageErrors(page);
  await page.goto(DEMO);
  await pane(page).getByTestId('rate-rupture').waitFor();
}

afterEach(async () => {
  await context?.close();
});

describe('the built demo, opened from disk', () => {
  it('shows the figures and loads a tab on demand, with no request leaving the folder', async () => {
    await openFromDisk({ width: 1280, height: 860 });
    await openPaneTab(page, 'Test IUD');
    await pane(page).getByRole('textbox', { name: 'Code scanné' }).waitFor();

    expect(requests.length).toBeGreaterThan(1);
    expect(requests.filter((url) => !url.startsWith(FOLDER))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('stacks the grid and the pane at a narrow width, nothing overlapping or wider than the screen', async () => {
    await openFromDisk(NARROW);
    const workbook = await page.getByRole('main').boundingBox();
    const aside = await pane(page).boundingBox();
    const toolbar = await page.getByRole('toolbar', { name: 'Édition du classeur' }).boundingBox();
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.screenshot({ path: path.join(SHOTS, 'demo-etroite.png'), fullPage: true });

    expect(workbook && aside && toolbar).toBeTruthy();
    expect(aside!.y).toBeGreaterThanOrEqual(workbook!.y + workbook!.height - 1);
    expect(aside!.width).toBeGreaterThan(NARROW.width * 0.9);
    expect(toolbar!.x + toolbar!.width).toBeLessThanOrEqual(NARROW.width);
    expect(pageWidth).toBeLessThanOrEqual(NARROW.width);
    expect(errors).toEqual([]);
  });
});
