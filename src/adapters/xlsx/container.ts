/**
 * Reading a workbook file (bounded), and file system errors said in French with what to do.
 * No exceljs here: the fast reading path and the consolidation workers use this module.
 */
import { readFileSync } from 'node:fs';
import type { WorkbookProblem } from '../../workbook/port';
import { FILE_LIMIT, unreadableProblem } from './containerProblems';

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
    // Read at once: a workbook of a few hundred Kio costs less than the promises around an asynchronous read (a consolidation reads hundreds).
    const bytes = readFileSync(path);
    if (bytes.length > FILE_LIMIT) {
      return { ok: false, problem: unreadableProblem(`Le fichier dépasse ${FILE_LIMIT / 1024 / 1024} Mio : ce n'est pas une cartographie ordinaire ; supprimez ce qui l'alourdit puis recommencez.`) };
    }
    return { ok: true, bytes };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, problem: unreadableProblem('Le fichier est introuvable.') };
    return { ok: false, problem: unreadableProblem(fileErrorMessage(error)) };
  }
}

