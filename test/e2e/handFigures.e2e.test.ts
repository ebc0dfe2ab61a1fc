/**
 * The built demo in Chromium, over the hand-counted cartographie (test/support/handCartographie.ts):
 * pasted over the demo's cartographie as a user would, its figures counted by hand must show.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { MemoryWorkbookPort } from '../../src/adapters/memory/port';
import { parseAddress } from '../../src/workbook/grid';
import { SHEETS } from '../../src/workbook/sheets';
import { HAND_FIGURES, handRowWrites, shownRate } from '../support/handCartographie';
import { launchChromium, offlineContext, pageErrors } from './support/browser';
import { gotoCell, openDemo, openPaneTab, pane } from './support/demo';
import { serveStatic, type StaticServer } from './support/static-server';

const DIST = path.resolve(__dirname, '../../dist');

// A browser started and a page built on a machine whose cores may be busy.
jest.setTimeout(300_000);

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([serveStatic(DIST), launchChromium()]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

/** The hand rows as one tab-separated block over the cartographie's data rows, and its top-left cell. */
function handBlock(): { topLeft: string; text: string } {
  const writes = handRowWrites(MemoryWorkbookPort.fromTemplate().workbook.grid(SHEETS.cartographie));
  const cells = writes.map(({ address, value }) => ({ ...parseAddress(address), value: value ?? '' }));
  const top = Math.min(...cells.map((c) => c.row));
  const left = Math.min(...cells.map((c) => c.column));
  const lines: string[][] = [];
  for (const { row, column, value } of cells) {
    lines[row - top] ??= [];
    lines[row - top][column - left] = value;
  }
  // The columns of the template's cartographie are side by side: the block has no hole.
  const width = Math.max(...lines.map((line) => line.length));
  for (const line of lines) for (let c = 0; c < width; c++) if (line[c] === undefined) throw new Error('colonnes non contiguës');
  const topLeft = writes.find((w) => parseAddress(w.address).row === top && parseAddress(w.address).column === left)!.address;
  return { topLeft, text: lines.map((line) => line.join('\t')).join('\r\n') };
}

it('shows the hand figures once the hand cartographie is pasted over the demo', async () => {
  let aborted: string[];
  ({ context, aborted } = await offlineContext(browser));
  page = await context.newPage();
  const consoleErrors = pageErrors(page);
  await openDemo(page, server.url);
  const { topLeft, text } = handBlock();
  await gotoCell(page, topLeft);
  await page.evaluate(
    ([clipboard]) => {
      const data = new DataTransfer();
      data.setData('text/plain', clipboard);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [text],
  );

  const { overall, views } = HAND_FIGURES;
  await pane(page).getByRole('heading', { name: `Complétude : ${shownRate(overall.completude)}` }).waitFor();
  for (const key of ['informatisation', 'interoperabilite', 'continuite', 'rupture'] as const) {
    const tile = await pane(page).getByTestId(`rate-${key}`).textContent();
    expect(tile).toContain(shownRate(overall[key]));
    expect(tile).toContain(`${overall[key][0]} / ${overall[key][1]}`);
  }
  expect(await pane(page).getByTestId('view-transitions').locator('td').last().textContent()).toBe(shownRate(views.transitions.rupture));

  await openPaneTab(page, 'Contrôles');
  for (const group of ['Saisies invalides', 'Incohérences']) {
    const list = pane(page).getByRole('list', { name: group });
    await list.waitFor();
    expect(await list.getByRole('button').count()).toBe(1);
  }
  expect(consoleErrors).toEqual([]);
  expect(aborted).toEqual([]);
});
