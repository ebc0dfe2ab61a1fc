/** `analyse FICHIER.xlsx`: figures and findings of one workbook; `--ecrire` writes the Synthèse and the plan. */
import { AnalysisSession } from '../../workbook/session';
import { CliError, EXIT } from '../errors';
import type { CliIo } from '../io';
import { analysisJson, analysisText } from '../report';
import { ReadOnlyError } from '../../adapters/xlsx/safeWrite';
import { XlsxWorkbookPort } from '../../adapters/xlsx/port';
import { readGrid } from '../../adapters/xlsx/cells';
import { readCampaignBytes } from '../../adapters/xlsx/campaignFile';
import { fileErrorMessage, readWorkbookBytes } from '../../adapters/xlsx/container';
import type { PreviousCampaign } from '../../workbook/campaignInfo';
import { cellText, type Grid } from '../../workbook/grid';
import { headerMatches } from '../../workbook/names';
import { IDENTITY_LABELS, identityBlock } from '../../workbook/template';
import { writeCells } from '../../adapters/xlsx/layout';
import { establishmentOf } from '../consolidation/identity';
import type { SheetKey } from '../../workbook/sheets';
import { ficheSheetMessage } from '../../workbook/ficheSheet';
import type { FicheSheetReport } from '../../workbook/port';
import { analysed, describeProblems, readWorkbook, type AnalysedWorkbook, type Loaded } from '../workbook';

export interface AnalyseOptions {
  json?: boolean;
  ecrire?: boolean;
  fiche?: boolean;
  strict?: boolean;
  /** Last year's workbook: the Synthèse (and the fiche sheet) written show the evolution since it. */
  precedent?: string;
}

export interface WriteReport {
  added: number;
  kept: number;
  marked: number;
  total: number;
  /** The fiche de synthèse sheet written (--fiche). */
  fiche?: FicheSheetReport;
}

/** Regenerates the Synthèse and merges the plan through the same session the add-in uses. */
export async function writeResults(session: AnalysisSession, withFiche = false): Promise<WriteReport> {
  const synthesis = await session.regenerateSynthesis();
  const state = session.getState();
  if (state.status !== 'ready') throw new CliError(`Analyse impossible : ${state.error ?? describeProblems(state.problems)}`);
  if (!synthesis.ok) throw new CliError(`Synthèse non écrite : ${describeProblems(synthesis.problems)}`);
  const plan = await session.updatePlan();
  if (!plan.ok) throw new CliError(`Plan d'action non écrit : ${describeProblems(plan.problems)}`);
  const { added, kept, marked, total } = plan;
  if (!withFiche) return { added, kept, marked, total };
  const fiche = await session.writeFicheSheet();
  if (!fiche.ok) throw new CliError(`Fiche de synthèse non écrite : ${describeProblems(fiche.problems)}`);
  return { added, kept, marked, total, fiche: fiche.value };
}

interface LoadedWorkbook extends AnalysedWorkbook {
  port: XlsxWorkbookPort;
}

/** Sheets where the establishment's name, FINESS and date are looked for, in this order. */
const IDENTITY_SHEETS: SheetKey[] = ['notice', 'synthesis'];

function identityGrids(port: XlsxWorkbookPort): Grid[] {
  return IDENTITY_SHEETS.flatMap((key) => {
    const sheet = port.worksheet(key);
    return sheet.ok ? [readGrid(sheet.value)] : [];
  });
}

/** Loads the whole workbook with exceljs, to write into it (analyse --ecrire). */
async function loadWorkbook(file: string): Promise<Loaded<LoadedWorkbook>> {
  const opened = await XlsxWorkbookPort.open(file);
  if (!opened.ok) return { ok: false, reason: opened.problem.message };
  const { port } = opened;
  const result = analysed(await port.readCartographie(), identityGrids(port), file);
  return result.ok ? { ok: true, value: { ...result.value, port } } : result;
}

async function save(port: XlsxWorkbookPort, file: string): Promise<void> {
  try {
    await port.save(file);
  } catch (error) {
    throw new CliError(`Impossible d'enregistrer ${file} : ${error instanceof ReadOnlyError ? error.message : fileErrorMessage(error)} Le fichier n'a pas été modifié.`);
  }
}

/** Loads the whole workbook, refusing before any work when saving it would lose something. */
async function loadForWriting(file: string): Promise<LoadedWorkbook> {
  const loaded = await loadWorkbook(file);
  if (!loaded.ok) throw new CliError(`Impossible d'analyser ${file} : ${loaded.reason}`);
  const { lostOnSave } = loaded.value.port;
  if (lostOnSave.length > 0) {
    throw new CliError(
      `--ecrire refusé : ${file} contient ${lostOnSave.join(', ')}, que l'écriture en ligne de commande ne sait pas conserver. Mettez la Synthèse et le plan à jour avec le complément dans Excel, ou travaillez sur une copie sans ces éléments.`,
    );
  }
  return loaded.value;
}

type IdentityField = keyof typeof IDENTITY_LABELS;

/** Where a label of the notice's identity block is (0-based grid row and column), if present. */
function labelCell(grid: Grid, label: string): { row: number; col: number } | undefined {
  for (const [row, cells] of grid.rows.entries()) {
    const col = cells.findIndex((cell) => cellText(cell) !== '' && headerMatches(cellText(cell), [label]));
    if (col >= 0) return { row, col };
  }
  return undefined;
}

/**
 * Older workbooks carry the name, FINESS or date in the Synthèse, which --ecrire regenerates:
 * what the notice does not already say is copied into its identity block (added when absent) first.
 */
function keepIdentity(port: XlsxWorkbookPort): void {
  const notice = port.worksheet('notice');
  const synthesis = port.worksheet('synthesis');
  if (!notice.ok || !synthesis.ok) return;
  const noticeGrid = readGrid(notice.value);
  const inNotice = establishmentOf([noticeGrid], '');
  const inSynthesis = establishmentOf([readGrid(synthesis.value)], '');
  const moved: Partial<Record<IdentityField, string>> = {};
  if (inSynthesis.name && !inNotice.name) moved.name = inSynthesis.name;
  if (inSynthesis.finess && !inNotice.finess) moved.finess = inSynthesis.finess;
  if (inSynthesis.date && !inNotice.date) moved.campaign = inSynthesis.date;
  if (Object.keys(moved).length === 0) return;
  let grid = noticeGrid;
  if (!labelCell(grid, IDENTITY_LABELS.name)) {
    writeCells(notice.value, identityBlock(grid.rows.length + 1));
    grid = readGrid(notice.value);
  }
  for (const [field, value] of Object.entries(moved) as [IdentityField, string][]) {
    const at = labelCell(grid, IDENTITY_LABELS[field]);
    if (at) notice.value.getCell(grid.top + at.row + 1, grid.left + at.col).value = value;
  }
}

/** Last year's workbook, read as the task pane reads the file picked to compare with. */
async function readPrevious(file: string): Promise<PreviousCampaign> {
  const read = await readWorkbookBytes(file);
  if (!read.ok) throw new CliError(`Impossible de lire ${file} : ${read.problem.message}`);
  const previous = readCampaignBytes(read.bytes, file);
  if (!previous.ok) throw new CliError(previous.message);
  return previous.value;
}

async function writeInto(file: string, withFiche: boolean, precedent?: string): Promise<{ loaded: AnalysedWorkbook; written: WriteReport }> {
  const previous = precedent === undefined ? undefined : await readPrevious(precedent);
  const loaded = await loadForWriting(file);
  const { port, establishment } = loaded;
  keepIdentity(port);
  const known = establishment.source === 'classeur' ? establishment.name : undefined;
  const session = new AnalysisSession(port, { establishment: known });
  // As in the pane once a previous campaign is picked: the Synthèse and the fiche gain the evolution.
  if (previous) await session.compareWith(previous);
  const written = await writeResults(session, withFiche);
  await save(port, file);
  return { loaded, written };
}

async function readOnly(file: string): Promise<AnalysedWorkbook> {
  const read = await readWorkbook(file);
  if (!read.ok) throw new CliError(`Impossible d'analyser ${file} : ${read.reason}`);
  return read.value;
}

export async function analyseCommand(file: string, options: AnalyseOptions, io: CliIo): Promise<number> {
  let written: WriteReport | undefined;
  let loaded: AnalysedWorkbook;
  if (options.fiche && !options.ecrire) throw new CliError('--fiche écrit dans le classeur : ajoutez --ecrire.');
  if (options.precedent !== undefined && !options.ecrire) throw new CliError('--precedent écrit l’évolution dans le classeur : ajoutez --ecrire (ou utilisez « comparer »).');
  if (options.ecrire) ({ loaded, written } = await writeInto(file, options.fiche === true, options.precedent));
  else loaded = await readOnly(file);
  const { analysis, establishment } = loaded;

  if (options.json) {
    io.out(`${JSON.stringify({ ...analysisJson(file, analysis, establishment), ...(written && { ecriture: written }) }, null, 2)}\n`);
  } else {
    io.out(`${analysisText(file, analysis, establishment)}\n`);
    if (written) {
      io.out(
        `\nSynthèse régénérée et plan d'action mis à jour dans ${file} : ${written.added} action(s) ajoutée(s), ${written.kept} conservée(s), ${written.marked} marquée(s) « constat disparu » (${written.total} ligne(s) au total).\n`,
      );
      if (written.fiche) io.out(`${ficheSheetMessage(written.fiche)}\n`);
      if (options.precedent !== undefined) io.out(`Évolution depuis ${options.precedent} écrite dans la Synthèse${written.fiche ? ' et la fiche' : ''}.\n`);
    }
  }
  const flagged = analysis.findings.filter((finding) => finding.kind === 'invalide' || finding.kind === 'incoherence');
  if (options.strict && flagged.length > 0) {
    io.err(`Mode strict : ${flagged.length} saisie(s) invalide(s) ou incohérente(s) à corriger.\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}
