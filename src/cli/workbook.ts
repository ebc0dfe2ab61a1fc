/** Opens one workbook and analyses its cartographie, or says in French why it cannot. */
import { analyse } from '../domain/analyse';
import type { Analysis } from '../domain/model';
import { XlsxWorkbookPort } from '../adapters/xlsx/port';
import { readGrid } from '../adapters/xlsx/cells';
import type { Grid } from '../workbook/grid';
import type { WorkbookProblem } from '../workbook/port';
import type { SheetKey } from '../workbook/sheets';
import { establishmentOf, type Establishment } from './consolidation/identity';

export interface LoadedWorkbook {
  port: XlsxWorkbookPort;
  analysis: Analysis;
  establishment: Establishment;
}

export type LoadResult = { ok: true; value: LoadedWorkbook } | { ok: false; reason: string };

export function describeProblems(problems: WorkbookProblem[]): string {
  return problems.map((problem) => problem.message).join(' ; ');
}

/** Sheets where the establishment's name, FINESS and date are looked for, in this order. */
const IDENTITY_SHEETS: SheetKey[] = ['notice', 'synthesis'];

function identityGrids(port: XlsxWorkbookPort): Grid[] {
  return IDENTITY_SHEETS.flatMap((key) => {
    const sheet = port.worksheet(key);
    return sheet.ok ? [readGrid(sheet.value)] : [];
  });
}

export async function loadWorkbook(file: string): Promise<LoadResult> {
  const opened = await XlsxWorkbookPort.open(file);
  if (!opened.ok) return { ok: false, reason: opened.problem.message };
  const { port } = opened;
  const cartographie = await port.readCartographie();
  if (!cartographie.ok) {
    return { ok: false, reason: `Mise en page non reconnue : ${describeProblems(cartographie.problems)}.` };
  }
  if (cartographie.value.entries.length === 0) {
    return { ok: false, reason: `La feuille « ${cartographie.value.sheet} » ne contient aucune ligne de question.` };
  }
  return { ok: true, value: { port, analysis: analyse(cartographie.value), establishment: establishmentOf(identityGrids(port), file) } };
}
