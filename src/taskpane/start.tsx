import type { WorkbookPort } from '../workbook/port';
import { AnalysisSession } from '../workbook/session';
import { mount } from './mount';
import { Pane } from './Pane';

/** Resolves once the browser has painted what React rendered so far (a frame, then the task after it). */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Runs the pane over a workbook: the live session, the pane on screen, then the first analysis.
 * The Synthèse check waits for the first figures to be painted: they are what the user waits for.
 */
export async function startPane(port: WorkbookPort, options: { establishment?: string } = {}): Promise<void> {
  const session = new AnalysisSession(port, options);
  mount(<Pane session={session} port={port} />);
  await session.start({ afterFirstAnalysis: afterNextPaint });
}
