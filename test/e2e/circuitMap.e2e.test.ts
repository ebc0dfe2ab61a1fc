/**
 * The circuit map in the built demo: it follows the answers as one types (a rupture turning
 * green), selects the rows behind a step or a transition, passes axe, and is photographed at
 * task-pane width and in presentation mode (test-artifacts/screenshots/, for a look).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { analyse } from '../../src/domain/analyse';
import type { Analysis, Cartographie } from '../../src/domain/model';
import { circuitOf } from '../../src/views/circuit';
import { layoutCircuit, type LinkState } from '../../src/views/circuitMap';
import { axeOn } from './support/axe';
import { launchChromium, offlineContext } from './support/browser';
import { demoFacts, gotoCell, gridCell, openDemo, pane, withAnswers } from './support/demo';
import { serveStatic, type StaticServer } from './support/static-server';

const DIST = path.resolve(__dirname, '../../dist');
const SHOTS = path.resolve(__dirname, '../../test-artifacts/screenshots');

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let facts: { cartographie: Cartographie; analysis: Analysis };

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser, facts] = await Promise.all([serveStatic(DIST), launchChromium(), demoFacts()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  ({ context } = await offlineContext(browser));
  page = await context.newPage();
  await openDemo(page, server.url);
  // The map follows the first figures, in a chunk of its own.
  await map().waitFor();
});

afterEach(async () => {
  await context.close();
});

function mapOf(analysis: Analysis) {
  return layoutCircuit(circuitOf(analysis), { width: 400, fontSize: 12 });
}

const map = () => pane(page).getByTestId('circuit-map');
const arrow = (key: string) => map().getByTestId(`map-link-${key}`);

/** A NON answer of the demo whose change to OUI makes its transition continuous (green). */
function ruptureThatCanTurnGreen(): { key: string; cell: string; before: LinkState } {
  const before = mapOf(facts.analysis);
  for (const link of before.arrows.filter((a) => a.state === 'rupture' || a.state === 'partielle')) {
    for (const row of link.rows) {
      if (facts.analysis.rows.find((r) => r.entry.answerCell === row.cell)?.answer !== 'NON') continue;
      const after = mapOf(analyse(withAnswers(facts.cartographie, { [row.cell]: 'OUI' })));
      if (after.arrows.find((a) => a.key === link.key)?.state === 'continue') return { key: link.key, cell: row.cell, before: link.state };
    }
  }
  throw new Error('la démonstration n’a pas de rupture qu’une seule réponse OUI répare');
}

async function seriousViolations(): Promise<string[]> {
  const results = await axeOn(page).include('[data-testid="circuit-map"]').analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}) : ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('circuit map in the browser demo', () => {
  it('turns a rupture green as an interoperability answer goes from NON to OUI', async () => {
    const { key, cell, before } = ruptureThatCanTurnGreen();
    await arrow(key).waitFor();
    expect(await arrow(key).getAttribute('data-state')).toBe(before);

    await gotoCell(page, cell);
    expect(await gridCell(page, cell).textContent()).toBe('NON');
    await page.getByRole('button', { name: `Répondre OUI en ${cell}` }).click();

    await map().locator(`[data-testid="map-link-${key}"][data-state="continue"]`).waitFor();
    expect(await arrow(key).getAttribute('aria-label')).toMatch(/continuité/);
  });

  it('is one tab stop; arrow keys move between steps and transitions; Enter and a click select their first row', async () => {
    const expected = mapOf(facts.analysis);
    const [first, second] = expected.focusOrder.slice(0, 2).map((f) => (f.kind === 'node' ? expected.nodes[f.index] : expected.arrows[f.index]));
    expect(await map().locator('[role="button"][tabindex="0"]').count()).toBe(1);

    await gotoCell(page, 'A1');
    await map().locator('[role="button"][tabindex="0"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('selected-cell').getByText(`Cellule ${second.rows[0].cell}`).waitFor();
    expect(await map().locator('[role="button"][tabindex="0"]').getAttribute('aria-label')).toBe(second.description);

    const rupture = expected.arrows.find((a) => a.state === 'rupture');
    if (!rupture) throw new Error('la démonstration n’a pas de liaison en rupture');
    await arrow(rupture.key).locator('circle.map-symbol').click();
    await page.getByTestId('selected-cell').getByText(`Cellule ${rupture.rows[0].cell}`).waitFor();
    expect(first.rows[0].cell).not.toBe(rupture.rows[0].cell);
  });

  it('lists the ruptures for screen readers and passes axe, at pane width and in presentation mode', async () => {
    const expected = mapOf(facts.analysis);
    const ruptures = map().getByRole('list', { name: 'Liaisons en rupture' }).getByRole('listitem');
    expect(await ruptures.allTextContents()).toEqual(expected.ruptures);

    // Tall viewports: the whole map and its legend in each picture.
    await page.setViewportSize({ width: 1280, height: 2400 });
    const narrow = await page.addStyleTag({ content: 'aside[aria-label="Volet du complément"] { inline-size: 340px !important; }' });
    await map().screenshot({ path: path.join(SHOTS, 'carte-volet-340.png') });
    expect(await seriousViolations()).toEqual([]);

    await page.setViewportSize({ width: 1600, height: 2000 });
    await narrow.evaluate((style) => (style as Element).remove());
    await pane(page).getByRole('switch', { name: 'Mode présentation' }).click();
    await pane(page).locator('[data-presentation="true"]').waitFor();
    await page.mouse.move(0, 0);
    await map().screenshot({ path: path.join(SHOTS, 'carte-presentation.png') });
    expect(await seriousViolations()).toEqual([]);
  });
});
