import type { WorkbookPort } from '../workbook/port';
import { AnalysisSession } from '../workbook/session';
import { afterNextPaint } from './afterFirstPaint';
import { mount } from './mount';
import { Pane } from './Pane';

/**
 * Runs the pane over a workbook: the live session, the pane on screen, then the first analysis.
 * The Synthèse check waits for the first figures to be painted: they are what the user waits for.
 */
export async function startPane(port: WorkbookPort, options: { establishment?: string } = {}): Promise<void> {
  const session = new AnalysisSession(port, options);
  // The pane gives itself its Fluent theme (to switch it for presentation).
  mount(<Pane session={session} port={port} />, { themed: true });
  await session.start({ afterFirstAnalysis: afterNextPaint });
}
