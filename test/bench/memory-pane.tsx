/**
 * The task pane on its own page with the in-memory workbook standing in for Excel (filled with the
 * demo establishment): what the pane benchmark opens, without Office.js and without the demo's grid.
 */
import { MemoryWorkbookPort } from '../../src/adapters/memory/port';
import { DEMO_ESTABLISHMENT, demoAnswers } from '../../src/domain/demo';
import { startPane } from '../../src/taskpane/start';

async function main(): Promise<void> {
  const port = MemoryWorkbookPort.fromTemplate();
  const filled = await port.fillDemo(demoAnswers());
  if (!filled.ok) throw new Error(filled.problems.map((p) => p.message).join(' '));
  await startPane(port, { establishment: DEMO_ESTABLISHMENT.name });
}

void main();
