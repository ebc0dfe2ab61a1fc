/** Office.js failures as French workbook problems. */
import type { WorkbookProblem } from '../../workbook/port';

/** The `code` of an OfficeExtension.Error, or undefined for anything else. */
export function officeErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Too much for one request: 5 MB of payload, or more than five million cells read at once. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded' || code === 'RangeExceedsLimit';
}

export function isItemNotFound(error: unknown): boolean {
  return officeErrorCode(error) === 'ItemNotFound';
}

/** What went wrong while the add-in read or wrote `sheet`, in French, for the user. */
export function officeProblem(error: unknown, sheet?: string): WorkbookProblem {
  const where = sheet ? ` (feuille « ${sheet} »)` : '';
  switch (officeErrorCode(error)) {
    case 'InvalidOperationInCellEditMode':
      return { code: 'unreadable', sheet, retry: true, message: `Une cellule est en cours de saisie${where} : validez-la (Entrée) ou annulez-la (Échap).` };
    case 'AccessDenied':
      return { code: 'protected', sheet, message: `La feuille est protégée${where} : ôtez la protection pour que le complément puisse y écrire.` };
    case 'ItemNotFound':
      return { code: 'sheet-missing', sheet, message: `Une feuille ou un tableau a été supprimé ou renommé pendant l'opération${where} : réessayez.` };
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
    case 'RangeExceedsLimit':
      return { code: 'unsupported', sheet, message: `Trop de données en une fois pour Excel${where}.` };
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return { code: 'unreadable', sheet, message: `Excel a refusé l'opération${where} : ${detail}` };
    }
  }
}

/** A sheet the add-in must write is protected: said before anything is sent. */
export function protectedProblem(sheet: string, what: string): WorkbookProblem {
  return { code: 'protected', sheet, message: `La feuille « ${sheet} » est protégée : le complément ne peut pas y écrire ${what}. Rien n'a été modifié.` };
}
