/** Every tab of the pane in the built demo, presentation mode (support/paneTabs.ts). */
import { describePaneTabs } from './support/paneTabs';

describePaneTabs(true);
