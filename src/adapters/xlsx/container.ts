/**
 * What a file is before it is parsed: read it (bounded), recognise what is not an .xlsx
 * (encrypted, old .xls, text), and say in French, with what to do, why it cannot be used.
 * No exceljs here: the fast reading path and the consolidation workers use this module.
 */
import { readFile } from 'node:fs/promises';
import type { WorkbookProblem } from '../../workbook/port';
import { LIMIT_TEXT, ZipLimitError } from './zip';

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Compound File Binary (OLE2): old .xls files, and .xlsx files encrypted with a password. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Name of the stream an encrypted Office file carries, as stored in the OLE directory (UTF-16LE). */
const ENCRYPTION_STREAM = Buffer.from('EncryptionInfo', 'utf16le');
/** Largest file read at all. */
export const FILE_LIMIT = 100 * 1024 * 1024;

export function unreadableProblem(message: string): WorkbookProblem {
  return { code: 'unreadable', message };
}

/** Why bytes that are not a zip package cannot be a workbook, or null when they look like one. */
export function containerProblem(bytes: Buffer): WorkbookProblem | null {
  if (bytes.length === 0) return unreadableProblem('Le fichier est vide.');
  if (bytes.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) {
    if (bytes.includes(ENCRYPTION_STREAM)) {
      return { code: 'protected', message: 'Le classeur est protégé par un mot de passe : enregistrez-le sans mot de passe pour le lire.' };
    }
    return unreadableProblem('Le fichier est au format Excel 97-2003 (.xls) : enregistrez-le au format .xlsx.');
  }
  if (!bytes.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) {
    return unreadableProblem("Le fichier n'est pas un classeur Excel .xlsx : enregistrez-le au format .xlsx.");
  }
  return null;
}

/** A failure while inflating a package, in French. */
export function zipProblem(error: unknown): WorkbookProblem {
  if (error instanceof ZipLimitError) {
    return unreadableProblem(
      `Le classeur est anormalement volumineux une fois décompressé (${error.message}, limite ${LIMIT_TEXT}) : ouvrez-le dans Excel, supprimez les feuilles ou les cellules inutiles, enregistrez-le puis recommencez.`,
    );
  }
  return unreadableProblem('Le classeur est endommagé ou illisible (archive .xlsx invalide).');
}

/** A file system error a user can cause, in French with what to do. */
export function fileErrorMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'Le fichier ou son dossier est introuvable : vérifiez le chemin.';
    case 'EISDIR':
      return "C'est un dossier, pas un fichier.";
    case 'ENOTDIR':
      return "Une partie du chemin n'est pas un dossier : vérifiez le chemin.";
    case 'EACCES':
    case 'EPERM':
      return 'Accès refusé : vérifiez les droits sur le fichier et son dossier, ou travaillez sur une copie.';
    case 'EROFS':
      return "Le disque est en lecture seule : enregistrez ailleurs.";
    case 'ENOSPC':
      return "Le disque est plein : libérez de la place puis recommencez.";
    case 'EBUSY':
      return "Le fichier est utilisé par un autre programme : fermez-le (Excel, LibreOffice) puis recommencez.";
    default:
      return `Le fichier ne peut pas être lu ni écrit (${code ?? (error as Error).message}).`;
  }
}

/** The file's bytes, or why they cannot be read. */
export async function readWorkbookBytes(path: string): Promise<{ ok: true; bytes: Buffer } | { ok: false; problem: WorkbookProblem }> {
  try {
    const bytes = await readFile(path);
    if (bytes.length > FILE_LIMIT) {
      return { ok: false, problem: unreadableProblem(`Le fichier dépasse ${FILE_LIMIT / 1024 / 1024} Mio : ce n'est pas une cartographie ordinaire ; supprimez ce qui l'alourdit puis recommencez.`) };
    }
    return { ok: true, bytes };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, problem: unreadableProblem('Le fichier est introuvable.') };
    return { ok: false, problem: unreadableProblem(fileErrorMessage(error)) };
  }
}

