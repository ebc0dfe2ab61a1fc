import type { WorkbookPort } from '../workbook/port';
import { AnalysisSession } from '../workbook/session';
import { mount } from './mount';
import { Pane } from './Pane';

/** Runs the pane over a workbook: the live session, the pane on screen, then the first analysis. */
export async function startPane(port: WorkbookPort, options: { establishment?: string } = {}): Promise<void> {
  const session = new AnalysisSession(port, options);
  mount(<Pane session={session} port={port} />);
  await session.start();
}
