/** `consolider DOSSIER|FICHIERS… --sortie REGION.xlsx`: one regional workbook from many establishments' workbooks. */
import { readdir } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import ExcelJS from 'exceljs';
import { saveWorkbook } from '../../adapters/xlsx/files';
import { writeLayout } from '../../adapters/xlsx/layout';
import { CliError, EXIT } from '../errors';
import type { CliIo } from '../io';
import { regionalLayouts } from '../consolidation/layouts';
import { RegionalAccumulator, type RegionalReport } from '../consolidation/regional';
import { isDirectory, refuseOverwrite, requireXlsx } from '../paths';
import { loadWorkbook } from '../workbook';

export interface ConsolidateOptions {
  sortie: string;
  json?: boolean;
  force?: boolean;
}

/** Spreadsheet files a folder may hold; only .xlsx (and .xlsm) can be read, the others are reported. */
const SPREADSHEETS = new Set(['.xlsx', '.xlsm', '.xls', '.ods', '.csv']);
const READABLE = new Set(['.xlsx', '.xlsm']);

/** The files to read: each argument, or a folder's spreadsheets (by name), the output excluded. */
export async function inputFiles(paths: string[], output: string): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if (await isDirectory(path)) {
      const names = (await readdir(path)).filter((name) => !name.startsWith('.') && SPREADSHEETS.has(extname(name).toLowerCase()));
      files.push(...names.sort((a, b) => a.localeCompare(b, 'fr')).map((name) => join(path, name)));
    } else {
      files.push(path);
    }
  }
  return files.filter((file) => resolve(file) !== resolve(output));
}

async function writeRegionalWorkbook(report: RegionalReport, output: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const layout of regionalLayouts(report)) {
    const sheet = workbook.addWorksheet(layout.sheet, { views: [{ state: 'frozen', ySplit: 4 }] });
    writeLayout(sheet, layout);
  }
  try {
    await saveWorkbook(workbook, output);
  } catch (error) {
    throw new CliError(`Impossible d'écrire ${output} : ${(error as Error).message}`);
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

export async function consolidate(files: string[], onFile?: (file: string) => void): Promise<RegionalReport> {
  const regional = new RegionalAccumulator();
  for (const file of files) {
    onFile?.(file);
    const extension = extname(file).toLowerCase();
    if (!READABLE.has(extension)) {
      regional.skip(file, `Format ${extension || 'sans extension'} non pris en charge : enregistrez le classeur au format .xlsx.`);
      continue;
    }
    const loaded = await loadWorkbook(file);
    if (loaded.ok) regional.add(file, loaded.value.analysis, loaded.value.establishment);
    else regional.skip(file, loaded.reason);
  }
  return regional.report();
}

function reportJson(report: RegionalReport, output: string) {
  return {
    sortie: output,
    etablissements: report.establishments,
    statistiques: report.statistics,
    transitions: report.transitions,
    nonLus: report.unread,
  };
}

function textSummary(report: RegionalReport, output: string): string {
  const lines = [`Consolidation écrite dans ${output} : ${report.establishments.length} établissement(s), ${report.unread.length} fichier(s) non lu(s).`];
  for (const unread of report.unread) lines.push(`  Non lu : ${unread.file} – ${unread.reason}`);
  return `${lines.join('\n')}\n`;
}

export async function consolidateCommand(paths: string[], options: ConsolidateOptions, io: CliIo): Promise<number> {
  const output = options.sortie;
  requireXlsx(output, 'Le fichier de sortie');
  await refuseOverwrite(output, options.force);
  const files = await inputFiles(paths, output);
  if (files.length === 0) throw new CliError('Aucun classeur à consolider : indiquez un dossier contenant des fichiers .xlsx, ou des fichiers.');

  const bar = options.json ? null : progressBar(io, files.length);
  let done = 0;
  const report = await consolidate(files, (file) => {
    bar?.update(done++, { fichier: file });
  });
  bar?.update(files.length);
  bar?.stop();

  await writeRegionalWorkbook(report, output);
  if (options.json) io.out(`${JSON.stringify(reportJson(report, output), null, 2)}\n`);
  else io.out(textSummary(report, output));
  if (report.establishments.length === 0) {
    io.err('Aucun classeur lisible : la consolidation ne contient que la liste des fichiers non lus.\n');
    return EXIT.usage;
  }
  return EXIT.ok;
}
