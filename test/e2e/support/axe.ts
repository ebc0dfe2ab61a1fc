/** axe-core on a page of the e2e tests. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * A scan run by `axe.run()` in the page itself. The default mode runs the rules frame by frame and
 * merges their results in a new blank page, which took about a second more per scan (twice the scan
 * of the circuit map); what only it adds is the testing of cross-origin frames, and the demo has none.
 */
export function axeOn(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode();
}
