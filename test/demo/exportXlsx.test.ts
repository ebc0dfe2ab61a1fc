/** The demo's .xlsx export: a real workbook the xlsx adapter reads back as the memory held it. */
import ExcelJS from 'exceljs';
import { MemoryWorkbookPort } from '../../src/adapters/memory/port';
import { XlsxWorkbookPort } from '../../src/adapters/xlsx/port';
import { analyse } from '../../src/domain/analyse';
import { demoAnswers } from '../../src/domain/demo';
import { workbookToXlsx } from '../../src/demo/exportXlsx';
import { xlsxBytes } from '../../src/adapters/xlsx/definedNames';
import { packagePart } from '../adapters/xlsx/unzip';
import { FILE_WORK_MS } from '../cli/runCli';

jest.setTimeout(FILE_WORK_MS);
import { AnalysisSession } from '../../src/workbook/session';
import { SHEETS, SHEET_ORDER } from '../../src/workbook/sheets';

async function exported(memory: MemoryWorkbookPort): Promise<{ port: XlsxWorkbookPort; workbook: ExcelJS.Workbook }> {
  const bytes = Buffer.from(await xlsxBytes(await workbookToXlsx(memory.workbook)));
  // The plan's print titles name « Analyse et plan d'action » quoted as Excel requires.
  expect(await packagePart(bytes, 'xl/workbook.xml')).toContain('&apos;Analyse et plan d&apos;&apos;action&apos;!$4:$4');
  const opened = await XlsxWorkbookPort.fromBuffer(bytes);
  if (!opened.ok) throw new Error(opened.problem.message);
  return { port: opened.port, workbook: opened.port.workbook };
}

describe('workbookToXlsx', () => {
  it('exports the five sheets with the answers, the Synthèse and the plan the add-in wrote', async () => {
    const memory = MemoryWorkbookPort.fromTemplate();
    await memory.fillDemo(demoAnswers());
    const session = new AnalysisSession(memory);
    await session.start();
    const plan = await session.updatePlan();
    expect(plan.ok).toBe(true);
    session.stop();

    const { port, workbook } = await exported(memory);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(SHEET_ORDER.map((key) => SHEETS[key]));

    const [before, after] = await Promise.all([memory.readCartographie(), port.readCartographie()]);
    if (!before.ok || !after.ok) throw new Error('cartographie illisible');
    expect(after.value.entries.map((e) => [e.answerCell, e.answer.value, e.comment])).toEqual(
      before.value.entries.map((e) => [e.answerCell, e.answer.value, e.comment]),
    );
    expect(analyse(after.value).figures).toEqual(analyse(before.value).figures);

    const [planBefore, planAfter] = await Promise.all([memory.readPlan(), port.readPlan()]);
    if (!planBefore.ok || !planAfter.ok) throw new Error('plan illisible');
    expect(planAfter.value.map((row) => [row.ref, row.action])).toEqual(planBefore.value.map((row) => [row.ref, row.action]));
    expect(planAfter.value.length).toBeGreaterThan(0);

    // The answer column keeps its drop-down list.
    const first = before.value.entries[0].answerCell;
    expect(workbook.getWorksheet(SHEETS.cartographie)!.getCell(first).dataValidation?.formulae).toEqual(['"OUI,NON,NA"']);
  });

  it('writes the add-in’s text as text, never as a formula, and keeps a formula the user typed', async () => {
    const memory = MemoryWorkbookPort.fromTemplate();
    memory.workbook.write(SHEETS.notice, [{ address: 'B2', cell: { value: '=SOMME(A1:A3)' } }]);
    memory.workbook.setCell(SHEETS.cartographie, 'J2', '=1+1');
    const { workbook } = await exported(memory);
    expect(workbook.getWorksheet(SHEETS.notice)!.getCell('B2').value).toBe('=SOMME(A1:A3)');
    expect(workbook.getWorksheet(SHEETS.cartographie)!.getCell('J2').formula).toBe('1+1');
  });
});
