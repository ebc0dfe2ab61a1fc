/** `init FICHIER.xlsx`: creates the RESOMEDIT workbook from the template, optionally with the demo establishment. */
import { XlsxWorkbookPort } from '../../adapters/xlsx/port';
import { DEMO_ESTABLISHMENT, demoAnswers } from '../../domain/demo';
import { AnalysisSession } from '../../workbook/session';
import { CliError, EXIT } from '../errors';
import type { CliIo } from '../io';
import { refuseOverwrite, requireXlsx } from '../paths';
import { describeProblems } from '../workbook';
import { writeResults } from './analyse';

export interface InitOptions {
  demo?: boolean;
  force?: boolean;
}

export async function initCommand(file: string, options: InitOptions, io: CliIo): Promise<number> {
  requireXlsx(file, 'Le fichier à créer');
  await refuseOverwrite(file, options.force);
  const port = new XlsxWorkbookPort();
  const report = await port.initialise();
  if (options.demo) {
    const filled = await port.fillDemo(demoAnswers());
    if (!filled.ok) throw new CliError(`Démonstration impossible : ${describeProblems(filled.problems)}`);
    const session = new AnalysisSession(port, { establishment: DEMO_ESTABLISHMENT.name });
    const plan = await writeResults(session);
    io.out(`Établissement de démonstration (fictif) : ${DEMO_ESTABLISHMENT.name}\n`);
    io.out(`Synthèse calculée ; plan d'action : ${plan.total} action(s) proposée(s).\n`);
  } else {
    // The Synthèse is written with its formulas: it follows the answers in Excel or LibreOffice, without the add-in.
    const synthesis = await new AnalysisSession(port).regenerateSynthesis();
    if (!synthesis.ok) throw new CliError(`Synthèse non écrite : ${describeProblems(synthesis.problems)}`);
  }
  try {
    await port.save(file);
  } catch (error) {
    throw new CliError(`Impossible d'écrire ${file} : ${(error as Error).message}`);
  }
  io.out(`Classeur créé : ${file}\nFeuilles : ${report.created.map((name) => `« ${name} »`).join(', ')}\n`);
  return EXIT.ok;
}
