/**
 * Reads one workbook and analyses its cartographie, or says in French why it cannot. Only the
 * cartographie and the identity sheets are streamed; exceljs is not loaded (see the consolidation workers).
 */
import { analyse } from '../domain/analyse';
import type { Analysis, Cartographie, PlanRow } from '../domain/model';
import { readWorkbookBytes } from '../adapters/xlsx/container';
import { readWorkbookContent } from '../adapters/xlsx/packageReader';
import type { Grid } from '../workbook/grid';
import type { ReadResult, WorkbookProblem } from '../workbook/port';
import { establishmentOf, type Establishment } from './consolidation/identity';

export interface AnalysedWorkbook {
  analysis: Analysis;
  establishment: Establishment;
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; reason: string };

export function describeProblems(problems: WorkbookProblem[]): string {
  return problems.map((problem) => problem.message).join(' ; ');
}

export function analysed(cartographie: ReadResult<Cartographie>, identity: Grid[], file: string): Loaded<AnalysedWorkbook> {
  if (!cartographie.ok) return { ok: false, reason: `Mise en page non reconnue : ${describeProblems(cartographie.problems)}.` };
  if (cartographie.value.entries.length === 0) {
    return { ok: false, reason: `La feuille « ${cartographie.value.sheet} » ne contient aucune ligne de question.` };
  }
  return { ok: true, value: { analysis: analyse(cartographie.value), establishment: establishmentOf(identity, file) } };
}

function isComplete(establishment: Establishment): boolean {
  return establishment.source === 'classeur' && establishment.finess !== '' && establishment.date !== '';
}

/** Reads and analyses a workbook without loading it whole (analyse, consolider); its plan d'action too `withPlan`. */
export async function readWorkbook(file: string, withPlan = false): Promise<Loaded<AnalysedWorkbook & { plan: PlanRow[] }>> {
  const read = await readWorkbookBytes(file);
  if (!read.ok) return { ok: false, reason: read.problem.message };
  const content = readWorkbookContent(read.bytes, (grids) => isComplete(establishmentOf(grids, '')), withPlan);
  if (!content.ok) return { ok: false, reason: content.problem.message };
  const result = analysed(content.value.cartographie, content.value.identity, file);
  const plan = content.value.plan?.ok ? content.value.plan.value : [];
  return result.ok ? { ok: true, value: { ...result.value, plan } } : result;
}
