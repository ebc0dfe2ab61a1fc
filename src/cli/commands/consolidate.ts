/** `consolider DOSSIER|FICHIERS… --sortie REGION.xlsx`: one regional workbook from many establishments' workbooks. */
import { mkdir, readdir, realpath } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { fileErrorMessage } from '../../adapters/xlsx/container';
import { ReadOnlyError } from '../../adapters/xlsx/safeWrite';
import { CliError, EXIT } from '../errors';
import type { CliIo } from '../io';
import { regionalLayouts } from '../consolidation/layouts';
import { figuresOf, RegionalAccumulator, STATISTIC_KEYS, type RegionalReport } from '../consolidation/regional';
import { readPrecedent } from '../consolidation/precedent';
import { regionalEvolution, SITUATION_LABELS, SITUATIONS } from '../../domain/regionalEvolution';
import { isDirectory, refuseOverwrite, requireXlsx } from '../paths';
import { readIsolated } from '../consolidation/isolation';

export interface ConsolidateOptions {
  sortie: string;
  json?: boolean;
  force?: boolean;
  /** Folder where one fiche de synthèse (PDF) per establishment is written, for the advisor's visits. */
  rapports?: string;
  /** Last year's regional workbook, written by consolider: the new one gains the evolution sheets. */
  precedent?: string;
}

/** One fiche per establishment read, named after its workbook; a fiche that cannot be written is a warning. */
async function writeFiches(files: string[], folder: string, force: boolean | undefined): Promise<{ written: string[]; warnings: string[] }> {
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  const warnings: string[] = [];
  const date = new Date();
  const { writeFiche } = await import('./report');
  for (const file of files) {
    const output = join(folder, `${basename(file, extname(file))}.pdf`);
    try {
      await refuseOverwrite(output, force);
      await writeFiche(file, output, date);
      written.push(output);
    } catch (error) {
      warnings.push(`Fiche non écrite pour ${file} : ${error instanceof CliError ? error.message : fileErrorMessage(error)}`);
    }
  }
  return { written, warnings };
}

/** Spreadsheet files a folder may hold; only .xlsx (and .xlsm) can be read, the others are reported. */
const SPREADSHEETS = new Set(['.xlsx', '.xlsm', '.xls', '.ods', '.csv']);
const READABLE = new Set(['.xlsx', '.xlsm']);

/** Excel's lock file beside an open workbook ("~$name.xlsx"), and hidden files: never establishments. */
function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$');
}

export interface InputFiles {
  files: string[];
  /** French notes on inputs given more than once. */
  warnings: string[];
}

/** The real path of a file, or its absolute path when it cannot be resolved (it is then reported unread). */
async function identityOf(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path));
}

/**
 * The files to read: each argument, or a folder's spreadsheets (by name). The same file given
 * twice (another path, a link) is read once; an output that is one of the inputs is refused.
 */
export async function inputFiles(paths: string[], output: string, precedent?: string): Promise<InputFiles> {
  const listed: string[] = [];
  // The file system is asked about every path at once: hundreds of files are given one by one.
  const directories = await Promise.all(paths.map(isDirectory));
  for (const [index, path] of paths.entries()) {
    if (directories[index]) {
      const names = (await readdir(path)).filter((name) => !isIgnoredName(name) && SPREADSHEETS.has(extname(name).toLowerCase()));
      listed.push(...names.sort((a, b) => a.localeCompare(b, 'fr')).map((name) => join(path, name)));
    } else {
      listed.push(path);
    }
  }
  const outputIdentity = await identityOf(output);
  const precedentIdentity = precedent === undefined ? undefined : await identityOf(precedent);
  const seen = new Map<string, string>();
  const files: string[] = [];
  const warnings: string[] = [];
  const identities = await Promise.all(listed.map(identityOf));
  for (const [index, file] of listed.entries()) {
    const identity = identities[index];
    if (identity === outputIdentity) {
      throw new CliError(`Le fichier de sortie ${output} est aussi un des classeurs à consolider (${file}) : choisissez pour --sortie un autre nom ou un autre dossier.`);
    }
    // Last year's regional workbook kept in the same folder as the establishments' workbooks.
    if (identity === precedentIdentity) continue;
    const first = seen.get(identity);
    if (first !== undefined) {
      warnings.push(`${file} est le même fichier que ${first} : il n'est compté qu'une fois.`);
      continue;
    }
    seen.set(identity, file);
    files.push(file);
  }
  return { files, warnings };
}

/** Files that say they are the same establishment (same FINESS), in French. */
function sameFinessWarnings(report: RegionalReport): string[] {
  const byFiness = new Map<string, string[]>();
  for (const es of report.establishments) {
    const finess = es.establishment.finess.replace(/\s/g, '').toUpperCase();
    if (finess !== '') byFiness.set(finess, [...(byFiness.get(finess) ?? []), es.file]);
  }
  return [...byFiness]
    .filter(([, files]) => files.length > 1)
    .map(([finess, files]) => `Même FINESS ${finess} dans ${files.join(', ')} : deux versions du même établissement ? Chaque fichier est compté ; retirez l'ancienne version et relancez la consolidation.`);
}

/**
 * What writing the regional workbook needs. exceljs takes a good part of a second to load: it is
 * loaded while the worker reads the files, on the core the main thread leaves idle meanwhile, and
 * only its workbook class (see exceljsWorkbook.d.ts).
 */
function loadWriter() {
  return Promise.all([
    import('exceljs/lib/doc/workbook'),
    import('../../adapters/xlsx/definedNames'),
    import('../../adapters/xlsx/safeWrite'),
    import('../../adapters/xlsx/layout'),
  ]);
}

async function writeRegionalWorkbook(report: RegionalReport, output: string, writer: ReturnType<typeof loadWriter>): Promise<void> {
  const [{ default: Workbook }, { xlsxBytes }, { writeFileSafely }, { writeLayout }] = await writer;
  const workbook = new Workbook();
  for (const layout of regionalLayouts(report)) {
    // Panes frozen under the header repeated on printed pages, when the sheet has one.
    const header = layout.print?.titleRows?.last;
    const sheet = workbook.addWorksheet(layout.sheet, header === undefined ? {} : { views: [{ state: 'frozen', ySplit: header + 1 }] });
    writeLayout(sheet, layout);
  }
  try {
    // The regional workbook has no table and no original file: its bytes are written as they are.
    await writeFileSafely(output, await xlsxBytes(workbook));
  } catch (error) {
    throw new CliError(`Impossible d'écrire ${output} : ${error instanceof ReadOnlyError ? error.message : fileErrorMessage(error)}`);
  }
}

function progressBar(io: CliIo, total: number): SingleBar | null {
  if (!io.errIsTTY || !io.errStream) return null;
  const bar = new SingleBar({
    stream: io.errStream,
    format: 'Consolidation [{bar}] {value}/{total} fichiers · {fichier}',
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0, { fichier: '' });
  return bar;
}

/**
 * Files read at the same time, each in its own worker. One: on a busy two-core machine a second
 * worker measured slower, took about 1.5 s more processor time on 300 files (each worker compiles
 * its code afresh) and some 35 Mio more memory (the memory budget of the whole command matters more).
 */
const PARALLEL_READS = 1;

export async function consolidate(files: string[], onFile?: (file: string) => void): Promise<RegionalReport> {
  const regional = new RegionalAccumulator();
  const readable: string[] = [];
  for (const file of files) {
    const extension = extname(file).toLowerCase();
    if (READABLE.has(extension)) readable.push(file);
    else regional.skip(file, `Format ${extension || 'sans extension'} non pris en charge : enregistrez le classeur au format .xlsx.`);
  }
  await readIsolated(
    readable,
    (file, outcome) => {
      onFile?.(file);
      if (outcome.ok) regional.add(outcome.digest);
      else regional.skip(file, outcome.reason);
    },
    PARALLEL_READS,
  );
  const report = regional.report();
  return { ...report, warnings: [...report.warnings, ...sameFinessWarnings(report)] };
}

function reportJson(report: RegionalReport, output: string) {
  return {
    sortie: output,
    etablissements: report.establishments,
    statistiques: report.statistics,
    transitions: report.transitions,
    nonLus: report.unread,
    avertissements: report.warnings,
    ...(report.evolution && { evolution: report.evolution }),
  };
}

function textSummary(report: RegionalReport, output: string): string {
  const lines = [`Consolidation écrite dans ${output} : ${report.establishments.length} établissement(s), ${report.unread.length} fichier(s) non lu(s).`];
  if (report.evolution) {
    const { counts } = report.evolution;
    lines.push(`Depuis la campagne précédente : ${SITUATIONS.map((situation) => `${SITUATION_LABELS[situation].replace(/^\p{Lu}(?=\p{Ll})/u, (first) => first.toLowerCase())} ${counts[situation]}`).join(', ')}.`);
  }
  for (const unread of report.unread) lines.push(`  Non lu : ${unread.file} – ${unread.reason}`);
  for (const warning of report.warnings) lines.push(`  Attention : ${warning}`);
  return `${lines.join('\n')}\n`;
}

export async function consolidateCommand(paths: string[], options: ConsolidateOptions, io: CliIo): Promise<number> {
  const output = options.sortie;
  requireXlsx(output, 'Le fichier de sortie');
  await refuseOverwrite(output, options.force);
  if (options.precedent !== undefined && (await identityOf(options.precedent)) === (await identityOf(output))) {
    throw new CliError(`Le classeur précédent ${options.precedent} est aussi le fichier de sortie : choisissez pour --sortie un autre nom (par exemple avec l'année de cette campagne).`);
  }
  // Read first: a wrong --precedent is said before a long consolidation, not after.
  const previous = options.precedent === undefined ? undefined : await readPrecedent(options.precedent);
  const { files, warnings } = await inputFiles(paths, output, options.precedent);
  if (files.length === 0) throw new CliError('Aucun classeur à consolider : indiquez un dossier contenant des fichiers .xlsx, ou des fichiers.');

  const writer = loadWriter();
  const bar = options.json ? null : progressBar(io, files.length);
  let done = 0;
  const consolidated = await consolidate(files, (file) => {
    bar?.update(++done, { fichier: file });
  });
  const report: RegionalReport = { ...consolidated, warnings: [...warnings, ...consolidated.warnings] };
  if (previous) report.evolution = regionalEvolution(previous, report.establishments.map(figuresOf), STATISTIC_KEYS, 'rupture');
  bar?.update(files.length);
  bar?.stop();

  const fiches = options.rapports ? await writeFiches(report.establishments.map((es) => es.file), options.rapports, options.force) : undefined;
  if (fiches) report.warnings.push(...fiches.warnings);
  await writeRegionalWorkbook(report, output, writer);
  if (options.json) io.out(`${JSON.stringify({ ...reportJson(report, output), ...(fiches && { fiches: fiches.written }) }, null, 2)}\n`);
  else {
    io.out(textSummary(report, output));
    if (fiches) io.out(`Fiches de synthèse écrites : ${fiches.written.length} dans ${options.rapports}\n`);
  }
  if (report.establishments.length === 0) {
    io.err('Aucun classeur lisible : la consolidation ne contient que la liste des fichiers non lus.\n');
    return EXIT.usage;
  }
  return EXIT.ok;
}
