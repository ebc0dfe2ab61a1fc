/**
 * Opens .xlsx files with exceljs and says in French why one cannot be read (encrypted, old .xls,
 * OpenDocument, a plain zip, damaged, too large once decompressed) instead of throwing; saves
 * them safely.
 */
import ExcelJS from 'exceljs';
import type { WorkbookProblem } from '../../workbook/port';
import { carryParts } from './carry';
import { mendDefinedNames, xlsxBytes } from './definedNames';
import { packageKindProblem, packageParts, partsLostOnSave } from './package';
import { writeFileSafely } from './safeWrite';
import { prepareTablesForSave } from './tables';
import { checkPackageSize, zipEntries } from './zip';
import { readWorkbookBytes } from './container';
import { containerProblem, unreadableProblem, zipProblem } from './containerProblems';

/**
 * `lostOnSave`: what the file holds that saving it again with exceljs would drop (French);
 * `original`: the file's bytes, whose parts exceljs ignores but which are carried into the saved file.
 */
export type OpenResult = { ok: true; workbook: ExcelJS.Workbook; lostOnSave: string[]; original: Buffer } | { ok: false; problem: WorkbookProblem };

function unreadable(message: string): OpenResult {
  return { ok: false, problem: unreadableProblem(message) };
}

export async function openWorkbookBuffer(bytes: Buffer): Promise<OpenResult> {
  const problem = containerProblem(bytes);
  if (problem) return { ok: false, problem };
  const entries = zipEntries(bytes);
  if (entries.length === 0) return unreadable('Le classeur est endommagé ou illisible (archive .xlsx invalide).');
  const kind = packageKindProblem(entries, bytes);
  if (kind) return unreadable(kind);
  try {
    checkPackageSize(bytes, entries);
  } catch (error) {
    return { ok: false, problem: zipProblem(error) };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer.
    const mended = mendDefinedNames(bytes);
    await workbook.xlsx.load((mended === bytes ? bytes : Buffer.from(mended)) as unknown as ExcelJS.Buffer);
  } catch {
    return unreadable('Le classeur est endommagé ou illisible (archive .xlsx invalide).');
  }
  if (workbook.worksheets.length === 0) return unreadable('Le classeur ne contient aucune feuille.');
  return { ok: true, workbook, lostOnSave: partsLostOnSave(packageParts(bytes)), original: bytes };
}

export async function openWorkbookFile(path: string): Promise<OpenResult> {
  const read = await readWorkbookBytes(path);
  return read.ok ? openWorkbookBuffer(read.bytes) : read;
}

/** The workbook as .xlsx bytes; parts of `original` exceljs does not know are carried across. */
export async function workbookBuffer(workbook: ExcelJS.Workbook, original?: Buffer): Promise<Buffer> {
  prepareTablesForSave(workbook);
  const written = Buffer.from(await xlsxBytes(workbook));
  return original ? carryParts(original, written) : written;
}

/** Saves through writeFileSafely: the file is either the old one or the new one, never half of each. */
export async function saveWorkbook(workbook: ExcelJS.Workbook, path: string, original?: Buffer): Promise<void> {
  await writeFileSafely(path, await workbookBuffer(workbook, original));
}
