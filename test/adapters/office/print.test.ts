/**
 * Page setup through worksheet.pageLayout (ExcelApi 1.9,
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout), degraded with a French
 * note on older Excel; row heights from the shared estimate.
 */
import { columnLetter } from '../../../src/workbook/grid';
import { mergePlan } from '../../../src/domain/actions/merge';
import { analyse } from '../../../src/domain/analyse';
import { demoAnswers } from '../../../src/domain/demo';
import { templateLastRow } from '../../../src/workbook/print';
import { layoutRowHeights, templateRowHeights } from '../../../src/workbook/rowHeights';
import { SHEETS } from '../../../src/workbook/sheets';
import { synthesisLayout } from '../../../src/workbook/synthesisLayout';
import { templateSheet } from '../../../src/workbook/template';
import { CARTO, initialisedWorkbook } from './helpers';

async function analysedWorkbook(apiVersion?: number) {
  const { fake, port } = await initialisedWorkbook(apiVersion === undefined ? {} : { apiVersion });
  const demo = await port.fillDemo(demoAnswers());
  if (!demo.ok) throw new Error(JSON.stringify(demo.problems));
  const read = await port.readCartographie();
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  const analysis = analyse(read.value);
  const layout = synthesisLayout(analysis, { establishment: 'CH d’Arles & Tarascon' });
  expect((await port.writeSynthesis(layout)).ok).toBe(true);
  expect((await port.writePlan(mergePlan([], analysis.proposals).rows)).ok).toBe(true);
  return { fake, port, layout, proposals: analysis.proposals.length };
}

describe('OfficeWorkbookPort page setup', () => {
  it('sets A4, one page wide, the print area, the repeated header and the header and footer of each sheet', async () => {
    const { fake } = await analysedWorkbook();
    const carto = fake.sheet(CARTO).pageLayout;
    const template = templateSheet('cartographie');
    expect(carto).toMatchObject({ paperSize: 'A4', orientation: 'Landscape', zoom: { horizontalFitToPages: 1 }, printTitleRows: '$4:$4' });
    expect(carto.printArea).toBe(`A1:${columnLetter(template.columnWidths.length)}${templateLastRow(template)}`);
    expect(fake.sheet(SHEETS.synthesis).pageLayout).toMatchObject({ paperSize: 'A4', orientation: 'Landscape' });
    // "&" is a code in headers: the establishment's is doubled; the date is Excel's own field.
    for (const name of Object.values(SHEETS)) {
      expect(fake.sheet(name).pageLayout.headersFooters).toMatchObject({ leftHeader: 'CH d’Arles && Tarascon', rightHeader: 'Imprimé le &D', leftFooter: '&A' });
    }
  });

  it('breaks the Synthèse before each section but the first, and prints the plan down to its last row', async () => {
    const { fake, layout, proposals } = await analysedWorkbook();
    const breaks = layout.print?.breaksBefore ?? [];
    expect(breaks.length).toBeGreaterThan(1);
    expect(fake.sheet(SHEETS.synthesis).pageLayout.pageBreaks).toEqual(breaks.map((row) => `A${row + 1}`));
    expect(fake.sheet(SHEETS.plan).pageLayout).toMatchObject({ orientation: 'Landscape', printArea: `A1:M${4 + proposals}`, printTitleRows: '$4:$4' });
  });

  it('writes the shared row heights: tall rows for wrapped texts, the default elsewhere', async () => {
    const { fake, layout } = await analysedWorkbook();
    const expected = templateRowHeights(templateSheet('cartographie'));
    const tall = [...expected].filter(([, height]) => height > 15);
    expect(tall.length).toBeGreaterThan(10);
    for (const [row, height] of tall) expect([row, fake.sheet(CARTO).heights.get(row + 1)]).toEqual([row, height]);
    for (const [row, height] of layoutRowHeights(layout)) expect([row, fake.sheet(SHEETS.synthesis).heights.get(row + 1)]).toEqual([row, height]);
  });

  it('leaves the page setup to the user below ExcelApi 1.9, with a French note', async () => {
    const { fake, port } = await analysedWorkbook(8);
    expect(port.capabilities.notes).toContainEqual(expect.stringContaining("préparer l'impression"));
    expect(fake.sheet(CARTO).pageLayout).toEqual({ headersFooters: {}, pageBreaks: [] });
    expect(fake.sheet(CARTO).heights.size).toBeGreaterThan(10);
  });
});
