/**
 * The production task pane with the real office.js (from @microsoft/office-js, served by a local
 * static server in place of Microsoft's CDN, nothing fetched from the internet), opened outside
 * Office in Chromium: it must start to the French "open this pane in Excel" message, with no
 * console error.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, offlineContext, pageErrors } from './support/browser';
import { serveStatic, type StaticServer } from './support/static-server';

const DIST = path.resolve(__dirname, '../../dist');
const OFFICE_JS = path.resolve(__dirname, '../../node_modules/@microsoft/office-js/dist');
/** Where taskpane.html loads office.js from in production. */
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';

let pane: StaticServer;
let officeJs: StaticServer;
let browser: Browser;

beforeAll(async () => {
  [pane, officeJs, browser] = await Promise.all([serveStatic(DIST), serveStatic(OFFICE_JS), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([pane?.close(), officeJs?.close()]);
});

it('boots outside Office to the French « open it in Excel » state, with the real office.js and no console error', async () => {
  const { context, aborted } = await offlineContext(browser);
  const served: string[] = [];
  // Registered last, so it runs before the catch-all that aborts non-local requests.
  await context.route(`${CDN}**`, async (route) => {
    const file = route.request().url().slice(CDN.length);
    served.push(file);
    const response = await route.fetch({ url: `${officeJs.url}/${file}` });
    await route.fulfill({ response });
  });
  const page = await context.newPage();
  const errors = pageErrors(page);
  await page.goto(`${pane.url}/taskpane.html`);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toMatch(/Ce complément fonctionne dans Excel : ouvrez-le depuis un classeur Excel/);
  // office.js and the table of host files it loads next, both from the package.
  expect(served).toEqual(expect.arrayContaining(['office.js', 'o15apptofilemappingtable.js']));
  expect(errors).toEqual([]);
  expect(aborted).toEqual([]);
  await context.close();
});
