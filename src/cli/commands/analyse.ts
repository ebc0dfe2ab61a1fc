/** `analyse FICHIER.xlsx`: figures and findings of one workbook; `--ecrire` writes the Synthèse and the plan. */
import type { XlsxWorkbookPort } from '../../adapters/xlsx/port';
import { AnalysisSession } from '../../workbook/session';
import { CliError, EXIT } from '../errors';
import type { CliIo } from '../io';
import { analysisJson, analysisText } from '../report';
import { describeProblems, loadWorkbook } from '../workbook';

export interface AnalyseOptions {
  json?: boolean;
  ecrire?: boolean;
  strict?: boolean;
}

export interface WriteReport {
  added: number;
  kept: number;
  marked: number;
  total: number;
}

/** Regenerates the Synthèse and merges the plan through the same session the add-in uses. */
export async function writeResults(session: AnalysisSession): Promise<WriteReport> {
  await session.refresh();
  const state = session.getState();
  if (state.status !== 'ready') throw new CliError(`Analyse impossible : ${state.error ?? describeProblems(state.problems)}`);
  if (state.problems.length > 0) throw new CliError(`Synthèse non écrite : ${describeProblems(state.problems)}`);
  const plan = await session.updatePlan();
  if (!plan.ok) throw new CliError(`Plan d'action non écrit : ${describeProblems(plan.problems)}`);
  return plan;
}

async function save(port: XlsxWorkbookPort, file: string): Promise<void> {
  try {
    await port.save(file);
  } catch (error) {
    throw new CliError(`Impossible d'enregistrer ${file} : ${(error as Error).message}`);
  }
}

export async function analyseCommand(file: string, options: AnalyseOptions, io: CliIo): Promise<number> {
  const loaded = await loadWorkbook(file);
  if (!loaded.ok) throw new CliError(`Impossible d'analyser ${file} : ${loaded.reason}`);
  const { port, analysis, establishment } = loaded.value;

  let written: WriteReport | undefined;
  if (options.ecrire && port.lostOnSave.length > 0) {
    throw new CliError(
      `--ecrire refusé : ${file} contient ${port.lostOnSave.join(', ')}, que l'écriture en ligne de commande ne sait pas conserver. Mettez la Synthèse et le plan à jour avec le complément dans Excel, ou travaillez sur une copie sans ces éléments.`,
    );
  }
  if (options.ecrire) {
    const known = establishment.source === 'classeur' ? establishment.name : undefined;
    written = await writeResults(new AnalysisSession(port, { establishment: known }));
    await save(port, file);
  }

  if (options.json) {
    io.out(`${JSON.stringify({ ...analysisJson(file, analysis, establishment), ...(written && { ecriture: written }) }, null, 2)}\n`);
  } else {
    io.out(`${analysisText(file, analysis, establishment)}\n`);
    if (written) {
      io.out(
        `\nSynthèse régénérée et plan d'action mis à jour dans ${file} : ${written.added} action(s) ajoutée(s), ${written.kept} conservée(s), ${written.marked} marquée(s) « constat disparu » (${written.total} ligne(s) au total).\n`,
      );
    }
  }
  const flagged = analysis.findings.filter((finding) => finding.kind === 'invalide' || finding.kind === 'incoherence');
  if (options.strict && flagged.length > 0) {
    io.err(`Mode strict : ${flagged.length} saisie(s) invalide(s) ou incohérente(s) à corriger.\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}
