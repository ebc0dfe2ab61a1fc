/** The browser demo: no Office, an in-memory workbook preloaded with the fictitious establishment. */
import { MemoryWorkbookPort } from '../adapters/memory/port';
import { MemoryWorkbook } from '../adapters/memory/workbook';
import { DEMO_ESTABLISHMENT, demoAnswers } from '../domain/demo';
import { mount } from '../taskpane/mount';
import { AnalysisSession } from '../workbook/session';
import { DemoPage } from './DemoPage';

async function main(): Promise<void> {
  const workbook = new MemoryWorkbook();
  const port = new MemoryWorkbookPort(workbook);
  await port.initialise();
  const filled = await port.fillDemo(demoAnswers());
  if (!filled.ok) throw new Error(filled.problems.map((p) => p.message).join(' '));
  const session = new AnalysisSession(port, { establishment: DEMO_ESTABLISHMENT.name });
  mount(<DemoPage workbook={workbook} port={port} session={session} />);
  // The workbook is created here: its Synthèse gets its formulas, as « Initialiser » does in Excel.
  await session.regenerateSynthesis();
  await session.start();
}

main().catch((error: unknown) => {
  document.body.textContent = `La démonstration n’a pas pu démarrer : ${error instanceof Error ? error.message : String(error)}`;
  throw error;
});
