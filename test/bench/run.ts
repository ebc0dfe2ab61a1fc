/** `npm run bench`: runs every benchmark in turn and prints its figures. */
import { runDomainBench } from './domain.bench';
import { runFormulasBench } from './formulas.bench';
import { runConsolidationBench } from './consolidation.bench';
import { runWorkbookBench } from './workbook.bench';
import { runPaneBench } from './pane.bench';

const benches: [string, () => Promise<void>][] = [
  ['domaine', runDomainBench],
  ['formules de la Synthèse', runFormulasBench],
  ['classeur', runWorkbookBench],
  ['consolidation', runConsolidationBench],
  ['volet', runPaneBench],
];

async function main(): Promise<void> {
  for (const [name, run] of benches) {
    console.log(`== ${name} ==`);
    await run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
