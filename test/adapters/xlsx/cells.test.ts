import ExcelJS from 'exceljs';
import { excelSerial, readGrid, toCellInput } from '../../../src/adapters/xlsx/cells';
import { FILE_WORK_MS } from '../../cli/runCli';

jest.setTimeout(FILE_WORK_MS);

describe('toCellInput', () => {
  it('flags Excel errors, never confusing #N/A with the text NA', () => {
    expect(toCellInput({ error: '#N/A' })).toEqual({ value: '#N/A', error: true });
    expect(toCellInput('NA')).toEqual({ value: 'NA' });
  });

  it('gives a formula its cached result, flagged as a formula', () => {
    expect(toCellInput({ formula: 'IF(A1,"OUI","NON")', result: 'OUI' })).toEqual({ value: 'OUI', formula: true });
    expect(toCellInput({ sharedFormula: 'A2', result: 3 } as ExcelJS.CellSharedFormulaValue)).toEqual({ value: 3, formula: true });
    expect(toCellInput({ formula: 'VLOOKUP(1,A:B,2)', result: { error: '#N/A' } })).toEqual({ value: '#N/A', error: true, formula: true });
    expect(toCellInput({ formula: 'A1' } as ExcelJS.CellFormulaValue)).toEqual({ value: null, formula: true });
  });

  it('reads dates as Excel serial numbers flagged as dates', () => {
    const date = new Date(Date.UTC(2025, 2, 14));
    expect(toCellInput(date)).toEqual({ value: 45730, date: true });
    expect(excelSerial(new Date(Date.UTC(1900, 0, 1)))).toBe(2);
  });

  it('flattens rich text and hyperlinks to their text', () => {
    expect(toCellInput({ richText: [{ text: 'OU' }, { font: { bold: true }, text: 'I' }] })).toEqual({ value: 'OUI' });
    expect(toCellInput({ text: 'Logiciel PUI', hyperlink: 'https://exemple.invalid' })).toEqual({ value: 'Logiciel PUI' });
    expect(toCellInput({ text: { richText: [{ text: 'GEF' }] }, hyperlink: 'https://exemple.invalid' } as unknown as ExcelJS.CellValue)).toEqual({ value: 'GEF' });
    expect(toCellInput(true)).toEqual({ value: true });
    expect(toCellInput(null)).toEqual({ value: null });
  });
});

describe('readGrid', () => {
  it('reads hidden rows, and a merged range only in its top-left cell, after a file round trip', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Feuille');
    sheet.getCell('A1').value = 'Zone';
    sheet.getCell('A2').value = 'PUI';
    sheet.mergeCells('A2:A4');
    sheet.getCell('B3').value = 'masquée';
    sheet.getRow(3).hidden = true;
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(await workbook.xlsx.writeBuffer());
    const grid = readGrid(reread.getWorksheet('Feuille') as ExcelJS.Worksheet);
    expect(grid).toMatchObject({ sheet: 'Feuille', top: 1, left: 1 });
    // Each row holds the cells up to its last existing one.
    expect(grid.rows.map((row) => row.map((cell) => cell.value))).toEqual([['Zone'], ['PUI'], [null, 'masquée'], [null]]);
    expect(grid.merged).toEqual(['A2:A4']);
  });

  it('reads a stray value at XFD1048576 without allocating the sheet: the far column is left out, the rows between share one empty row', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Feuille');
    sheet.getCell('A1').value = 'Réf.';
    sheet.getCell('XFD1048576').value = 'isolée';
    sheet.getCell('B1048575').value = 'loin';
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(await workbook.xlsx.writeBuffer());
    const grid = readGrid(reread.getWorksheet('Feuille') as ExcelJS.Worksheet);
    // The last row holds only the far cell: nothing is read of it.
    expect(grid.rows).toHaveLength(1048575);
    expect(grid.rows[0]).toEqual([{ value: 'Réf.' }]);
    expect(grid.rows[1048574]).toEqual([{ value: null }, { value: 'loin' }]);
    expect(new Set(grid.rows.slice(1, 1048574))).toEqual(new Set([[]]));
  });
});
