/**
 * The task pane on its own page with the in-memory workbook standing in for Excel (filled with the
 * demo establishment): what the pane benchmark opens, without Office.js and without the demo's grid.
 */
import { MemoryWorkbookPort } from '../../src/adapters/memory/port';
import { DEMO_ESTABLISHMENT, demoAnswers } from '../../src/domain/demo';
import { startPane } from '../../src/taskpane/start';

async function main(): Promise<void> {
  performance.mark('memory-workbook-start');
  const port = MemoryWorkbookPort.fromTemplate();
  const filled = await port.fillDemo(demoAnswers());
  if (!filled.ok) throw new Error(filled.problems.map((p) => p.message).join(' '));
  // Excel holds the workbook before the pane opens: the benchmark reports this stand-in's share apart.
  performance.mark('memory-workbook-ready');
  await startPane(port, { establishment: DEMO_ESTABLISHMENT.name });
}

void main();
