/**
 * Every tab of the pane in the built demo, in one mode (tabs.normal / tabs.presentation e2e tests,
 * run side by side): axe finds no serious or critical violation in the pane, the IUD field keeps
 * the scanner's GS, and screenshots go to test-artifacts/screenshots/ for a look. One test per tab,
 * so no single test carries the whole scan on a busy machine.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { gs1CheckDigit } from '../../../src/domain/iud';
import { axeOn } from './axe';
import { launchChromium, offlineContext, pageErrors } from './browser';
import { demoFacts, gotoCell, openDemo, openPaneTab, pane, typeInSelectedCell } from './demo';
import { serveStatic, type StaticServer } from './static-server';

const DIST = path.resolve(__dirname, '../../../dist');
const SHOTS = path.resolve(__dirname, '../../../test-artifacts/screenshots');
const TABS = [
  { name: 'Tableau de bord', file: 'tableau-de-bord' },
  { name: 'Contrôles', file: 'controles' },
  { name: 'Plan d’action', file: 'plan-d-action' },
  { name: 'Classeur', file: 'classeur' },
  { name: 'Test IUD', file: 'test-iud' },
];

/** Axe on the pane only: the demo's grid around it is not the add-in (and is most of the scan's time). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await axeOn(page).include('aside[aria-label="Volet du complément"]').exclude('i[data-tabster-dummy]').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) : ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The demo answers every row: an invalid entry and an emptied row give « Contrôles » something to list. */
async function addFindings(page: Page): Promise<void> {
  const { cartographie } = await demoFacts();
  const [invalid, emptied] = [cartographie.entries[5], cartographie.entries[40]];
  await gotoCell(page, invalid.answerCell);
  await typeInSelectedCell(page, 'peut-être');
  await gotoCell(page, emptied.answerCell);
  await page.keyboard.press('Delete');
  await pane(page).getByText(/1 saisie invalide/).waitFor();
}

/** Something to show on the IUD tab: a scan with a GS after the lot. */
async function fillTab(page: Page, file: string): Promise<void> {
  if (file === 'test-iud') {
    const body = '0340123456789'.slice(0, 13);
    const field = pane(page).getByRole('textbox', { name: 'Code scanné' });
    await field.click();
    await page.keyboard.insertText(`]d201${body}${gs1CheckDigit(body)}17281130` + `10A1B2C3\u001d21SER-77`);
    await page.keyboard.press('Enter');
    await pane(page).getByRole('region', { name: /Résultat : GS1/ }).waitFor();
    expect(await pane(page).getByTestId('iud-raw').textContent()).toContain('10A1B2C3⟨GS⟩21SER-77');
  }
}

export function describePaneTabs(presentation: boolean): void {
  const mode = presentation ? 'presentation' : 'normal';

  describe(`pane tabs in the demo (${mode} mode)`, () => {
    let server: StaticServer;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let aborted: string[];
    const errors: string[] = [];

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      [server, browser] = await Promise.all([serveStatic(DIST), launchChromium()]);
      ({ context, aborted } = await offlineContext(browser, { width: 1400, height: 900 }));
      page = await context.newPage();
      pageErrors(page, errors);
      await openDemo(page, server.url);
      await addFindings(page);
      if (presentation) await pane(page).getByRole('switch', { name: 'Mode présentation' }).click();
    });

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await server?.close();
    });

    for (const tab of TABS) {
      it(`« ${tab.name} » has no serious accessibility violation, and is screenshot`, async () => {
        await openPaneTab(page, tab.name);
        await pane(page).getByRole('tabpanel').waitFor();
        await fillTab(page, tab.file);
        const violations = await seriousViolations(page);
        await page.screenshot({ path: path.join(SHOTS, `${tab.file}-${mode}.png`) });
        await pane(page).screenshot({ path: path.join(SHOTS, `volet-${tab.file}-${mode}.png`) });

        expect(violations).toEqual([]);
        expect(errors).toEqual([]);
        expect(aborted).toEqual([]);
      });
    }
  });
}
