/**
 * Opens .xlsx files with exceljs and says in French why one cannot be read
 * (encrypted, old .xls, not a workbook, damaged) instead of throwing; saves them safely.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { WorkbookProblem } from '../../workbook/port';
import { packageParts, partsLostOnSave } from './package';

/** `lostOnSave`: what the file holds that saving it again with exceljs would drop (French). */
export type OpenResult = { ok: true; workbook: ExcelJS.Workbook; lostOnSave: string[] } | { ok: false; problem: WorkbookProblem };

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Compound File Binary (OLE2): old .xls files, and .xlsx files encrypted with a password. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Name of the stream an encrypted Office file carries, as stored in the OLE directory (UTF-16LE). */
const ENCRYPTION_STREAM = Buffer.from('EncryptionInfo', 'utf16le');

function unreadable(message: string): OpenResult {
  return { ok: false, problem: { code: 'unreadable', message } };
}

/** Why bytes that are not a zip package cannot be a workbook, or null when they look like one. */
function containerProblem(bytes: Buffer): OpenResult | null {
  if (bytes.length === 0) return unreadable('Le fichier est vide.');
  if (bytes.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) {
    if (bytes.includes(ENCRYPTION_STREAM)) {
      return { ok: false, problem: { code: 'protected', message: 'Le classeur est protégé par un mot de passe : enregistrez-le sans mot de passe pour le lire.' } };
    }
    return unreadable("Le fichier est au format Excel 97-2003 (.xls) : enregistrez-le au format .xlsx.");
  }
  if (!bytes.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) {
    return unreadable("Le fichier n'est pas un classeur Excel .xlsx.");
  }
  return null;
}

export async function openWorkbookBuffer(bytes: Buffer): Promise<OpenResult> {
  const problem = containerProblem(bytes);
  if (problem) return problem;
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return unreadable('Le classeur est endommagé ou illisible (archive .xlsx invalide).');
  }
  if (workbook.worksheets.length === 0) return unreadable('Le classeur ne contient aucune feuille.');
  return { ok: true, workbook, lostOnSave: partsLostOnSave(packageParts(bytes)) };
}

export async function openWorkbookFile(path: string): Promise<OpenResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return unreadable('Le fichier est introuvable.');
    if (code === 'EISDIR') return unreadable("C'est un dossier, pas un fichier.");
    return unreadable(`Le fichier ne peut pas être lu (${code ?? 'erreur inconnue'}).`);
  }
  return openWorkbookBuffer(bytes);
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Writes next to the target then renames, so a failed write never leaves half a workbook. */
export async function saveWorkbook(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, await workbookBuffer(workbook));
  await rename(temporary, path);
}
