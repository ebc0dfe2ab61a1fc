import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { packageParts, partsLostOnSave } from '../../../src/adapters/xlsx/package';
import { openWorkbookBuffer } from '../../../src/adapters/xlsx/files';
import { FILE_WORK_MS } from '../../cli/runCli';

jest.setTimeout(FILE_WORK_MS);

/** A real workbook with extra parts added to its package (what Excel writes for charts, macros…). */
async function workbookWithParts(parts: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Feuille').getCell('A1').value = 'OUI';
  const zip = await JSZip.loadAsync(Buffer.from(await workbook.xlsx.writeBuffer()));
  for (const part of parts) zip.file(part, '<?xml version="1.0"?><x/>');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('package parts', () => {
  it('lists the parts of an .xlsx package from its central directory', async () => {
    const parts = packageParts(await workbookWithParts(['xl/charts/chart1.xml']));
    expect(parts).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/charts/chart1.xml']));
    expect(packageParts(Buffer.from('pas une archive'))).toEqual([]);
  });

  it('names what exceljs would drop when saving', async () => {
    expect(partsLostOnSave(['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/styles.xml'])).toEqual([]);
    expect(partsLostOnSave(['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/vbaProject.bin'])).toEqual(['des graphiques', 'des macros']);
    const opened = await openWorkbookBuffer(await workbookWithParts(['xl/pivotTables/pivotTable1.xml']));
    expect(opened.ok && opened.lostOnSave).toEqual(['des tableaux croisés dynamiques']);
  });
});
