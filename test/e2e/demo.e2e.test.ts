/**
 * The built demo (dist/) in Debian's Chromium: live figures, controls, selection, plan, paste.
 * Every request leaving 127.0.0.1 is aborted; a console error fails the test.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { XlsxWorkbookPort } from '../../src/adapters/xlsx/port';
import { analyse, formatRate } from '../../src/domain/analyse';
import type { Analysis, Cartographie } from '../../src/domain/model';
import { DEFAULT_DEBOUNCE_MS } from '../../src/workbook/session';
import { SHEETS, SHEET_ORDER } from '../../src/workbook/sheets';
import { launchChromium, offlineContext, pageErrors } from './support/browser';
import { demoFacts, gotoCell, gridCell, openDemo, openPaneTab, pane, recomputations, typeInSelectedCell, withAnswers } from './support/demo';
import { serveStatic, type StaticServer } from './support/static-server';

const DIST = path.resolve(__dirname, '../../dist');

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let aborted: string[];
let consoleErrors: string[];
let facts: { cartographie: Cartographie; analysis: Analysis };

beforeAll(async () => {
  [server, browser, facts] = await Promise.all([serveStatic(DIST), launchChromium(), demoFacts()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  ({ context, aborted } = await offlineContext(browser));
  page = await context.newPage();
  consoleErrors = pageErrors(page);
  await openDemo(page, server.url);
});

afterEach(async () => {
  await context.close();
  expect(consoleErrors).toEqual([]);
  expect(aborted).toEqual([]);
});

function ruptureTile() {
  return pane(page).getByTestId('rate-rupture');
}

/** An Interopérabilité row the demo answers OUI (counted OUI: its steps are computerised). */
function interoperableRow() {
  const row = facts.analysis.rows.find((r) => r.type === 'Interopérabilité' && r.answer === 'OUI' && r.effective === 'OUI');
  if (!row) throw new Error('la démonstration n’a pas de liaison interopérable');
  return row.entry;
}

/** An interoperable row whose answer NON changes the rupture count of `analysis` (of `cartographie`). */
function ruptureChangingEdit(cartographie: Cartographie, analysis: Analysis) {
  for (const row of analysis.rows.filter((r) => r.type === 'Interopérabilité' && r.effective === 'OUI')) {
    const edited = analyse(withAnswers(cartographie, { [row.entry.answerCell]: 'NON' })).figures.overall.rupture;
    if (edited.numerator !== analysis.figures.overall.rupture.numerator) return { entry: row.entry, edited };
  }
  throw new Error('aucune liaison dont la réponse NON change le taux de rupture');
}

describe('browser demo', () => {
  it('opens with the demo establishment analysed, figures equal to the domain’s', async () => {
    const { overall } = facts.analysis.figures;
    await expect(ruptureTile().textContent()).resolves.toContain(formatRate(overall.rupture));
    await expect(pane(page).getByTestId('rate-informatisation').textContent()).resolves.toContain(formatRate(overall.informatisation));
    expect(await page.getByRole('tab', { name: SHEETS.cartographie }).getAttribute('aria-selected')).toBe('true');
  });

  it('updates the rupture rate live when an answer goes from OUI to NON', async () => {
    const entry = interoperableRow();
    const expected = analyse(withAnswers(facts.cartographie, { [entry.answerCell]: 'NON' })).figures.overall.rupture;
    expect(expected.numerator).toBe(facts.analysis.figures.overall.rupture.numerator + 1);

    await gotoCell(page, entry.answerCell);
    expect(await gridCell(page, entry.answerCell).textContent()).toBe('OUI');
    await page.getByRole('button', { name: `Répondre NON en ${entry.answerCell}` }).click();

    await ruptureTile().getByText(`${expected.numerator} / ${expected.denominator} liaisons`).waitFor();
    expect(await ruptureTile().textContent()).toContain(formatRate(expected));
    expect(await gridCell(page, entry.answerCell).textContent()).toBe('NON');
  });

  it('lists « peut-être » as an invalid entry with its cell, and selects that cell in the grid on click', async () => {
    const entry = interoperableRow();
    await gotoCell(page, entry.answerCell);
    await typeInSelectedCell(page, 'peut-être');
    expect(await gridCell(page, entry.answerCell).textContent()).toBe('peut-être');

    await openPaneTab(page, 'Contrôles');
    const invalid = pane(page).getByRole('list', { name: 'Saisies invalides' }).getByRole('button');
    await invalid.first().waitFor();
    expect(await invalid.count()).toBe(1);
    const text = await invalid.textContent();
    expect(text).toContain(entry.answerCell);
    expect(text).toContain(entry.label);

    // Move elsewhere first, so the selection below can only come from the pane.
    await gotoCell(page, 'A1');
    await invalid.click();
    await page.getByTestId('selected-cell').getByText(`Cellule ${entry.answerCell}`).waitFor();
    expect(await gridCell(page, entry.answerCell).getAttribute('aria-selected')).toBe('true');
  });

  it('writes the plan d’action and shows its rows in the plan sheet', async () => {
    const proposals = facts.analysis.proposals;
    await openPaneTab(page, 'Plan d’action');
    await pane(page).getByRole('button', { name: /Mettre à jour la feuille/ }).click();
    const report = pane(page).getByText(/ajoutée/);
    await report.waitFor();
    expect(await report.textContent()).toContain(`${proposals.length} ajoutée`);

    await page.getByRole('tab', { name: SHEETS.plan }).click();
    const grid = page.getByRole('grid', { name: `Feuille « ${SHEETS.plan} »` });
    await grid.waitFor();
    for (const proposal of proposals.filter((p) => p.priority === 1).slice(0, 3)) {
      await grid.getByRole('gridcell', { name: proposal.action, exact: true }).first().waitFor();
    }
    expect(proposals.length).toBeGreaterThan(0);
  });

  it('takes a pasted block of answers as one change, with one recomputation', async () => {
    const rows = facts.cartographie.entries.slice(0, 4);
    const top = rows[0].answerCell;
    // The page's clock is driven from here: every timer the paste leaves behind is run on demand.
    await page.clock.install();
    await page.reload();
    await pane(page).getByTestId('rate-rupture').waitFor();
    await gotoCell(page, top);
    await page.clock.pauseAt(Date.now() + 1000);
    const before = await recomputations(page);
    await page.evaluate(
      ([text]) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      ['NON\r\nNON\r\nNA\r\noui\r\n'],
    );
    await page.clock.runFor(DEFAULT_DEBOUNCE_MS);
    await pane(page).locator(`[data-recomputations="${before + 1}"]`).waitFor();
    expect(await gridCell(page, rows[3].answerCell).textContent()).toBe('oui');
    expect(await gridCell(page, rows[2].answerCell).textContent()).toBe('NA');

    const pasted = withAnswers(facts.cartographie, {
      [rows[0].answerCell]: 'NON',
      [rows[1].answerCell]: 'NON',
      [rows[2].answerCell]: 'NA',
      [rows[3].answerCell]: 'oui',
    });
    const expected = analyse(pasted);
    const heading = pane(page).getByRole('heading', { name: /^Complétude/ });
    expect(await heading.textContent()).toBe(`Complétude : ${formatRate(expected.figures.overall.completude)}`);
    expect(await ruptureTile().textContent()).toContain(formatRate(expected.figures.overall.rupture));

    // Settled, counted rather than waited for: a minute of the page's time runs every timer the paste
    // left (a late second change and the debounced recomputation it schedules). A recomputation so
    // started may still be running; the session runs one at a time, so the known edit below is
    // recomputed after it, and its figures come with the count before + 2 only if the paste caused
    // no other recomputation (one more and the count reads before + 3).
    await page.clock.runFor(60_000);
    await page.clock.resume();
    const { entry, edited } = ruptureChangingEdit(pasted, expected);
    await gotoCell(page, entry.answerCell);
    await page.getByRole('button', { name: `Répondre NON en ${entry.answerCell}` }).click();
    await ruptureTile().getByText(`${edited.numerator} / ${edited.denominator} liaisons`).waitFor();
    expect(await recomputations(page)).toBe(before + 2);
  });

  it('downloads the workbook as a real .xlsx holding the edited answer', async () => {
    const entry = interoperableRow();
    await gotoCell(page, entry.answerCell);
    await page.getByRole('button', { name: `Répondre NA en ${entry.answerCell}` }).click();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le classeur (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toBe('cartographie-dmi-demonstration.xlsx');
    const opened = await XlsxWorkbookPort.open(await download.path());
    if (!opened.ok) throw new Error(opened.problem.message);
    expect(opened.port.workbook.worksheets.map((sheet) => sheet.name)).toEqual(SHEET_ORDER.map((key) => SHEETS[key]));
    const read = await opened.port.readCartographie();
    if (!read.ok) throw new Error(read.problems[0].message);
    expect(read.value.entries.find((e) => e.answerCell === entry.answerCell)?.answer.value).toBe('NA');
    expect(read.value.entries).toHaveLength(facts.cartographie.entries.length);
  });
});
