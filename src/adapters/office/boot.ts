/**
 * Starting the add-in inside Excel: waits for Office.js, checks the host and the core requirement
 * set, and gives the workbook port or a French problem. Never throws, even without Office.js
 * (a browser tab, the demo, tests).
 */
import type { WorkbookProblem } from '../../workbook/port';
import { detectCapabilities } from './capabilities';
import { OfficeWorkbookPort, type OfficePortOptions } from './port';
import { excelRun } from './run';

export type BootResult = { ok: true; port: OfficeWorkbookPort } | { ok: false; problem: WorkbookProblem };

function unsupported(message: string): BootResult {
  return { ok: false, problem: { code: 'unsupported', message } };
}

export async function bootOffice(options: OfficePortOptions = {}): Promise<BootResult> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    return unsupported("Office.js n'est pas chargé : ouvrez ce volet depuis Excel (onglet Accueil, bouton « Cartographie DMI »).");
  }
  try {
    const info = await Office.onReady();
    if (info.host !== Office.HostType.Excel || typeof Excel === 'undefined') {
      return unsupported('Ce complément fonctionne dans Excel : ouvrez-le depuis un classeur Excel.');
    }
    const isSetSupported = (name: string, version?: string) => Office.context.requirements.isSetSupported(name, version);
    const detected = detectCapabilities(isSetSupported);
    if (detected.problem) return { ok: false, problem: detected.problem };
    return { ok: true, port: new OfficeWorkbookPort(excelRun, isSetSupported, options) };
  } catch (error) {
    return unsupported(`Office.js n'a pas pu démarrer : ${error instanceof Error ? error.message : String(error)}`);
  }
}
