import ExcelJS from 'exceljs';
import { readGrid } from '../../../src/adapters/xlsx/cells';
import { readWorkbookContent } from '../../../src/adapters/xlsx/packageReader';
import { decodeXml, parseDateStyles, parseSharedStrings, SheetReader } from '../../../src/adapters/xlsx/sheetXml';
import { SHEETS } from '../../../src/workbook/sheets';
import { FILE_WORK_MS } from '../../cli/runCli';

jest.setTimeout(FILE_WORK_MS);

describe('SpreadsheetML pieces', () => {
  it('decodes entities and OOXML escapes', () => {
    expect(decodeXml('a &amp; b &lt;c&gt; &#233;&#x2014; _x000D_')).toBe('a & b <c> é— \r');
  });

  it('joins rich text runs and leaves phonetic guides out', () => {
    expect(parseSharedStrings('<sst><si><t>OUI</t></si><si><r><t>N</t></r><r><t xml:space="preserve">ON </t></r><rPh><t>x</t></rPh></si><si/></sst>')).toEqual(['OUI', 'NON ', '']);
  });

  it('knows which cell styles show dates, built-in or custom', () => {
    const styles =
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0 &quot;jours&quot;"/></numFmts>' +
      '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="9"/></cellXfs></styleSheet>';
    expect([...parseDateStyles(styles)]).toEqual([1, 2]);
  });

  it('streams rows split anywhere across chunks (inside a UTF-8 character too), and blanks merged cells but the top-left one', () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Zone réf &amp; &#233;</t></is></c><c r="C1"><v>3</v></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="b"><v>1</v></c></row><row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="e"><v>#N/A</v></c><c r="D3" t="str"><f>IF(A1="é","Zône","")</f><v>Zône</v></c></row>' +
      '</sheetData><mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells></worksheet>';
    const bytes = Buffer.from(xml, 'utf8');
    for (const size of [1, 7, 64, bytes.length]) {
      const reader = new SheetReader({ sharedStrings: ['PUI'], dateStyles: new Set() });
      for (let at = 0; at < bytes.length; at += size) reader.push(bytes.subarray(at, at + size));
      expect(reader.grid('F').rows).toEqual([
        [{ value: 'Zone réf & é' }, { value: null }, { value: 3 }],
        [{ value: 'PUI' }, { value: true }],
        [{ value: null }, { value: '#N/A', error: true }, { value: null }, { value: 'Zône', formula: true }],
      ]);
      expect(reader.grid('F').merged).toEqual(['A2:A3']);
    }
  });
});

describe('the streaming reader and exceljs read the same cartographie', () => {
  it('gives the same entries for text, numbers, dates, formulas, errors, rich text, hyperlinks and merged zones', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet(SHEETS.notice).getCell('A1').value = 'Notice';
    const sheet = workbook.addWorksheet(SHEETS.cartographie);
    sheet.addRow(['Réf.', 'Zone', 'Étape', 'Type', 'Élément évalué', "Vers l'étape", 'Critique', 'Réponse', 'Commentaire / logiciel']);
    const answers: ExcelJS.CellValue[] = [
      'OUI',
      ' non ',
      42,
      new Date(Date.UTC(2025, 0, 15)),
      { formula: 'IF(1,"OUI","NON")', result: 'OUI' },
      { error: '#N/A' } as ExcelJS.CellErrorValue,
      { richText: [{ text: 'O' }, { text: 'UI', font: { bold: true } }] },
      { text: 'NA', hyperlink: 'https://example.org' },
      true,
      null,
    ];
    answers.forEach((answer, index) => {
      const row = sheet.addRow([`R${index}`, index < 5 ? 'Zone A' : null, 'Réception', 'Donnée', `Question ${index} & <suite>`, null, 'NON', null, 'logiciel « X »']);
      row.getCell(8).value = answer;
    });
    sheet.mergeCells('B2:B6');
    sheet.getCell('XFD1048576').value = 'isolée';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

    const content = readWorkbookContent(bytes);
    if (!content.ok) throw new Error(content.problem.message);
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const viaExceljs = readGrid(reread.getWorksheet(SHEETS.cartographie) as ExcelJS.Worksheet);
    const { locateCartographie } = await import('../../../src/workbook/locate');
    const expected = locateCartographie(viaExceljs);
    expect(content.value.cartographie).toEqual(expected);
    // The merged Zone block is read blank below its first row and listed, by both readers.
    expect(expected.ok && expected.value.merged).toEqual([{ range: 'B2:B6', key: 'zone', column: 'Zone', top: 2, bottom: 6, value: 'Zone A' }]);
    expect(expected.ok && expected.value.entries.slice(0, 2).map((entry) => entry.zone)).toEqual(['Zone A', '']);
    expect(content.value.identity.map((grid) => grid.sheet)).toEqual([SHEETS.notice]);
  });
});
