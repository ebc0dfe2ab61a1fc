/**
 * What bytes are before they are parsed: recognise what is not an .xlsx (encrypted, old .xls,
 * text) and say in French, with what to do, why it cannot be used. No Node.js API: the task pane
 * reads a picked file with it.
 */
import type { WorkbookProblem } from '../../workbook/port';
import { LIMIT_TEXT, ZipLimitError } from './zip';

const ZIP_SIGNATURE = Uint8Array.of(0x50, 0x4b, 0x03, 0x04);
/** Compound File Binary (OLE2): old .xls files, and .xlsx files encrypted with a password. */
const OLE_SIGNATURE = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
/** Name of the stream an encrypted Office file carries, as stored in the OLE directory (UTF-16LE). */
const ENCRYPTION_STREAM = Uint8Array.from([...'EncryptionInfo'].flatMap((letter) => [letter.charCodeAt(0), 0]));

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

function contains(bytes: Uint8Array, pattern: Uint8Array): boolean {
  for (let at = bytes.indexOf(pattern[0]); at >= 0 && at + pattern.length <= bytes.length; at = bytes.indexOf(pattern[0], at + 1)) {
    if (pattern.every((byte, index) => bytes[at + index] === byte)) return true;
  }
  return false;
}

/** Largest file read at all. */
export const FILE_LIMIT = 100 * 1024 * 1024;

export function unreadableProblem(message: string): WorkbookProblem {
  return { code: 'unreadable', message };
}

/** Why bytes that are not a zip package cannot be a workbook, or null when they look like one. */
export function containerProblem(bytes: Uint8Array): WorkbookProblem | null {
  if (bytes.length === 0) return unreadableProblem('Le fichier est vide.');
  if (startsWith(bytes, OLE_SIGNATURE)) {
    if (contains(bytes, ENCRYPTION_STREAM)) {
      return { code: 'protected', message: 'Le classeur est protégé par un mot de passe : enregistrez-le sans mot de passe pour le lire.' };
    }
    return unreadableProblem('Le fichier est au format Excel 97-2003 (.xls) : enregistrez-le au format .xlsx.');
  }
  if (!startsWith(bytes, ZIP_SIGNATURE)) {
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
