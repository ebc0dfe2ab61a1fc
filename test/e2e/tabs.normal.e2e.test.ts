/** Every tab of the pane in the built demo, normal mode (support/paneTabs.ts). */
import { describePaneTabs } from './support/paneTabs';

describePaneTabs(false);
