/** What the e2e tests need to know about the demo page, and how they drive it. */
import type { Page } from 'playwright-core';
import { MemoryWorkbookPort } from '../../../src/adapters/memory/port';
import { analyse } from '../../../src/domain/analyse';
import { demoAnswers } from '../../../src/domain/demo';
import type { Analysis, Cartographie } from '../../../src/domain/model';
import { parseAddress } from '../../../src/workbook/grid';

/** The demo workbook as the page builds it, read back in Node: cell addresses and the expected analysis. */
export async function demoFacts(): Promise<{ cartographie: Cartographie; analysis: Analysis }> {
  const port = MemoryWorkbookPort.fromTemplate();
  const filled = await port.fillDemo(demoAnswers());
  if (!filled.ok) throw new Error(filled.problems.map((p) => p.message).join(' '));
  const read = await port.readCartographie();
  if (!read.ok) throw new Error(read.problems.map((p) => p.message).join(' '));
  return { cartographie: read.value, analysis: analyse(read.value) };
}

/** The same cartographie with some answers replaced, by answer cell. */
export function withAnswers(cartographie: Cartographie, answers: Record<string, string>): Cartographie {
  return {
    ...cartographie,
    entries: cartographie.entries.map((entry) => (entry.answerCell in answers ? { ...entry, answer: { value: answers[entry.answerCell] } } : entry)),
  };
}

export const pane = (page: Page) => page.getByRole('complementary', { name: 'Volet du complément' });

export async function openDemo(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/demo.html`);
  await pane(page).getByTestId('rate-rupture').waitFor();
}

export async function openPaneTab(page: Page, name: string): Promise<void> {
  await pane(page).getByRole('tab', { name, exact: false }).click();
}

/** Goes to a cell through the Name Box, as in Excel. */
export async function gotoCell(page: Page, address: string): Promise<void> {
  const box = page.getByRole('textbox', { name: /Zone Nom/ });
  await box.fill(address);
  await box.press('Enter');
  await page.getByTestId('selected-cell').getByText(`Cellule ${address}`).waitFor();
}

/** The grid cell at an A1 address (the first grid column holds row numbers). */
export function gridCell(page: Page, address: string) {
  const { row, column } = parseAddress(address);
  return page.locator(`[role="row"][aria-rowindex="${row + 1}"] [role="gridcell"][aria-colindex="${column + 1}"]`);
}

/** Types into the selected cell as a user does: Enter opens the editor, Enter commits. */
export async function typeInSelectedCell(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
}

export async function recomputations(page: Page): Promise<number> {
  return Number(await pane(page).locator('[data-recomputations]').getAttribute('data-recomputations'));
}
