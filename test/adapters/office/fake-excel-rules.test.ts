/**
 * The real-Excel behaviours the fake enforces, each checked against the fake itself, with the
 * Office.js page or issue it comes from. The adapter's side is in excel-behaviours.test.ts.
 */
import { FakeExcel } from '../../support/fake-excel';

async function write(fake: FakeExcel, options: Excel.RunOptions, syncs: number): Promise<void> {
  await fake.run(options, async (context) => {
    for (let index = 0; index < syncs; index++) {
      context.workbook.worksheets.getItem('Feuille').getRange(`A${index + 1}`).values = [['x']];
      await context.sync();
    }
  });
}

describe('fake Excel: real-Excel rules', () => {
  // https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-20-requirement-set
  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities
  it('clears the undo stack on an add-in write before ExcelApi 1.20; from 1.20 a step per sync, or per run with mergeUndoGroup', async () => {
    const old = new FakeExcel({ apiVersion: 19 });
    old.addSheet('Feuille');
    await old.user.type('Feuille', 'B1', 'OUI');
    expect(old.undoStack).toHaveLength(1);
    await old.run(async (context) => {
      context.workbook.worksheets.getItem('Feuille').getRange('A1').load('values');
      await context.sync();
    });
    expect(old.undoStack).toHaveLength(1); // a read keeps it
    await write(old, { mergeUndoGroup: true }, 1);
    expect(old.undoStack).toEqual([]);

    const recent = new FakeExcel({ apiVersion: 20 });
    recent.addSheet('Feuille');
    await recent.user.type('Feuille', 'B1', 'OUI');
    await write(recent, {}, 3);
    expect(recent.undoStack).toHaveLength(4);
    await write(recent, { mergeUndoGroup: true }, 3);
    expect(recent.undoStack).toHaveLength(5);
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.runoptions (delayForCellEdit, ExcelApi 1.11)
  it('fails a batch while a cell is edited, unless it asked to wait for the edit to end (ExcelApi 1.11)', async () => {
    const fake = new FakeExcel({ apiVersion: 11 });
    fake.addSheet('Feuille');
    fake.user.startEditing();
    await expect(write(fake, {}, 1)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    let done = false;
    const waiting = write(fake, { delayForCellEdit: true }, 1).then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(done).toBe(false);
    fake.user.stopEditing();
    await waiting;
    expect(fake.value('Feuille', 'A1')).toBe('x');

    const old = new FakeExcel({ apiVersion: 10 });
    old.addSheet('Feuille');
    old.user.startEditing();
    await expect(write(old, { delayForCellEdit: true }, 1)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  });

  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets (getItem: ItemNotFound)
  it('fails with ItemNotFound on a sheet renamed or deleted since it was looked up, children included', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Synthèse');
    fake.user.renameSheet('Synthèse', 'Ma synthèse');
    await expect(
      fake.run(async (context) => {
        const chart = context.workbook.worksheets.getItem('Synthèse').charts.getItemOrNullObject('G');
        chart.load('name');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    const id = fake.sheet('Ma synthèse').id;
    fake.user.deleteSheet('Ma synthèse');
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem(id).tables.load('items/name');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  // https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
  it('refuses to read more than five million cells at once (RangeExceedsLimit), whatever their size', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Feuille');
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Feuille').getRange('A1:XFD306').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulaslocal-member
  it('stores formulas in English and shows them in French through formulasLocal', async () => {
    const fake = new FakeExcel({ locale: 'fr-FR' });
    fake.addSheet('Feuille');
    const english = '=IFERROR(SUMPRODUCT((TRIM(A1:A9)="OUI")*1)/COUNTIFS(B1:B9,"<>NA",C1:C9,"Zone, 1"),IF(AND(ISFORMULA(D1),NOT(ISERROR(D1))),VLOOKUP(E1,F:G,2,FALSE),SUM(0.5,OR(TRUE))))';
    const french = '=SIERREUR(SOMMEPROD((SUPPRESPACE(A1:A9)="OUI")*1)/NB.SI.ENS(B1:B9;"<>NA";C1:C9;"Zone, 1");SI(ET(ESTFORMULE(D1);NOT(ESTERREUR(D1)));RECHERCHEV(E1;F:G;2;FAUX);SOMME(0,5;OU(VRAI))))';
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Feuille').getRange('A10:B10');
      range.formulas = [[english, 'texte']];
      await context.sync();
      range.load('formulas,formulasLocal');
      await context.sync();
      expect(range.formulas).toEqual([[english, 'texte']]);
      expect(range.formulasLocal).toEqual([[french, 'texte']]);
      context.workbook.worksheets.getItem('Feuille').getRange('A11').formulasLocal = [[french]];
      await context.sync();
    });
    expect(fake.cell('Feuille', 'A11')?.formula).toBe(english);
  });

  // https://github.com/OfficeDev/office-js/issues/3888, /4066, /420
  it('fires no onChanged for a drop-down pick in the hosts concerned, but a selection change when the user moves on', async () => {
    const fake = new FakeExcel({ pickFiresChange: false });
    fake.addSheet('Feuille');
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Feuille');
      sheet.onChanged.add(async () => undefined);
      sheet.onSelectionChanged.add(async () => undefined);
      await context.sync();
    });
    await fake.user.pick('Feuille', 'H5', 'OUI');
    expect(fake.value('Feuille', 'H5')).toBe('OUI');
    expect(fake.events).toEqual([]);
    await fake.user.select('Feuille', 'H6');
    expect(fake.events).toEqual([expect.objectContaining({ type: 'WorksheetSelectionChanged', address: 'H6' })]);
  });

  // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler
  it('removes an event handler only inside Excel.run(handler.context, …)', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Feuille');
    const result = await fake.run(async (context) => {
      const handler = context.workbook.worksheets.getItem('Feuille').onChanged.add(async () => undefined);
      await context.sync();
      return handler;
    });
    result.remove();
    await expect(result.context.sync()).rejects.toMatchObject({ code: 'InvalidRequestContext' });
    await fake.run(result.context as Excel.RequestContext, async (context) => {
      result.remove();
      await context.sync();
    });
    expect(fake.sheet('Feuille').handlers.size).toBe(0);
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1)
  it('guesses a chart source whose first cell is text as a series name, until setValues binds it', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Feuille', [['non évaluable'], [0.5], [0.25]]);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Feuille');
      const chart = sheet.charts.add('BarClustered', sheet.getRange('A1:A3'), 'Columns');
      chart.name = 'G';
      await context.sync();
    });
    expect(fake.sheet('Feuille').charts[0].series).toEqual([{ name: 'non évaluable', values: 'Feuille!A2:A3' }]);
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Feuille');
      sheet.charts.getItem('G').series.getItemAt(0).setValues(sheet.getRange('A1:A3'));
      await context.sync();
    });
    expect(fake.sheet('Feuille').charts[0].series[0].values).toBe('Feuille!A1:A3');
  });

  // https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection
  it('loads each sheet protection with the sheets, and refuses writes to a protected sheet', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Libre');
    fake.addSheet('Protégée').protected = true;
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/protection/protected');
      await context.sync();
      expect(sheets.items.map((sheet) => [sheet.name, sheet.protection.protected])).toEqual([['Libre', false], ['Protégée', true]]);
    });
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Protégée').getRange('A1').values = [['x']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});
