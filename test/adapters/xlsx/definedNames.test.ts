/**
 * The plan's print area and repeated header rows in a saved file: exceljs 4.4 writes the sheet
 * name « Analyse et plan d'action » unquoted in defined names; the saved package quotes it
 * (an apostrophe doubled inside '…', as Excel writes it) and reads back.
 */
import { XlsxWorkbookPort } from '../../../src/adapters/xlsx/port';
import { mendDefinedNames } from '../../../src/adapters/xlsx/definedNames';
import { mergePlan } from '../../../src/domain/actions/merge';
import { analyse } from '../../../src/domain/analyse';
import { demoAnswers } from '../../../src/domain/demo';
import { SHEETS } from '../../../src/workbook/sheets';
import { FILE_WORK_MS } from '../../cli/runCli';
import { packagePart } from './unzip';

jest.setTimeout(FILE_WORK_MS);

describe('defined names of a saved workbook', () => {
  it('quote the plan sheet’s name in its print area and title rows, and read back', async () => {
    const port = new XlsxWorkbookPort();
    await port.initialise();
    expect((await port.fillDemo(demoAnswers())).ok).toBe(true);
    const read = await port.readCartographie();
    if (!read.ok) throw new Error('cartographie illisible');
    expect((await port.writePlan(mergePlan([], analyse(read.value).proposals).rows)).ok).toBe(true);
    const bytes = await port.toBuffer();

    const workbookXml = await packagePart(bytes, 'xl/workbook.xml');
    const planNames = [...workbookXml.matchAll(/<definedName name="(_xlnm\.[A-Za-z_]+)"[^>]*>([^<]*plan[^<]*)<\/definedName>/g)].map((m) => [m[1], m[2]]);
    expect(planNames).toEqual([
      ['_xlnm.Print_Area', expect.stringMatching(/^&apos;Analyse et plan d&apos;&apos;action&apos;!\$A\$1:\$M\$\d+$/)],
      ['_xlnm.Print_Titles', '&apos;Analyse et plan d&apos;&apos;action&apos;!$4:$4'],
    ]);

    const reopened = await XlsxWorkbookPort.fromBuffer(bytes);
    if (!reopened.ok) throw new Error(reopened.problem.message);
    const plan = reopened.port.workbook.getWorksheet(SHEETS.plan);
    expect(plan?.pageSetup.printTitlesRow).toBe('4:4');
    expect(plan?.pageSetup.printArea).toMatch(/^A1:M\d+$/);
  });

  it('are mended when a package written by exceljs elsewhere is opened', async () => {
    const port = new XlsxWorkbookPort();
    await port.initialise();
    expect((await port.writePlan([])).ok).toBe(true);
    const raw = Buffer.from(await port.workbook.xlsx.writeBuffer());
    expect(await packagePart(raw, 'xl/workbook.xml')).toContain('&apos;Analyse et plan d&apos;action&apos;!$4:$4');
    const reopened = await XlsxWorkbookPort.fromBuffer(raw);
    if (!reopened.ok) throw new Error(reopened.problem.message);
    expect(reopened.port.workbook.getWorksheet(SHEETS.plan)?.pageSetup.printTitlesRow).toBe('4:4');
  });

  it('leave a package without such a name as it is, byte for byte', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(mendDefinedNames(bytes, ['Synthèse', 'Références'])).toBe(bytes);
  });
});
