import { FakeExcel } from '../../support/fake-excel';

describe('fake Excel', () => {
  it('throws PropertyNotLoaded until a property is loaded and synced, and counts syncs', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Feuille', [['a', 1]]);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Feuille').getRange('A1:B1');
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['a', 1]]);
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
    expect(fake.syncCount).toBe(1);
  });

  it('applies queued writes only at sync, in order', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Feuille');
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Feuille').getRange('A1');
      range.values = [['avant']];
      expect(fake.value('Feuille', 'A1')).toBe('');
      range.values = [['après']];
      await context.sync();
    });
    expect(fake.value('Feuille', 'A1')).toBe('après');
  });

  it('flushes commands left at the end of a batch with one more sync, as Excel.run does', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Feuille');
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Feuille').getRange('A1').values = [['x']];
    });
    expect(fake.syncCount).toBe(1);
    expect(fake.value('Feuille', 'A1')).toBe('x');
  });

  it('turns "=…" into a formula unless the cell is formatted as text', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Feuille');
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Feuille');
      sheet.getRange('A1').values = [['=HYPERLINK("http://x","y")']];
      const text = sheet.getRange('A2');
      text.numberFormat = [['@']];
      text.values = [['=HYPERLINK("http://x","y")']];
      sheet.getRange('A3').values = [['-abc']];
      sheet.getRange('A4').values = [['0123']];
      await context.sync();
    });
    expect(fake.cell('Feuille', 'A1')?.formula).toBe('=HYPERLINK("http://x","y")');
    expect(fake.cell('Feuille', 'A2')?.formula).toBeUndefined();
    expect(fake.value('Feuille', 'A2')).toBe('=HYPERLINK("http://x","y")');
    expect(fake.cell('Feuille', 'A3')?.formula).toBe('=-abc');
    expect(fake.value('Feuille', 'A4')).toBe(123);
  });

  it('reads values, value types and formulas as Excel reports them, merged cells included', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Feuille', [['OUI', 'NA', '', 4]]);
    fake.setError('Feuille', 'C1', '#N/A');
    fake.setFormula('Feuille', 'A2', '=A1', 'OUI');
    fake.merge('Feuille', 'B1:B2');
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Feuille').getRange('A1:D2');
      range.load('values,valueTypes,formulas,address');
      await context.sync();
      expect(range.address).toBe('Feuille!A1:D2');
      expect(range.values).toEqual([['OUI', 'NA', '#N/A', 4], ['OUI', '', '', '']]);
      expect(range.valueTypes).toEqual([['String', 'String', 'Error', 'Double'], ['String', 'Empty', 'Empty', 'Empty']]);
      expect(range.formulas).toEqual([['OUI', 'NA', '=NA()', 4], ['=A1', '', '', '']]);
    });
  });

  it('gives null objects for missing items, known after sync', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Présente', [['x']]);
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Absente');
      const used = missing.getUsedRangeOrNullObject(true);
      const present = context.workbook.worksheets.getItemOrNullObject('présente');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  it('fails a sync on a missing item and on an API newer than the host', async () => {
    const fake = new FakeExcel({ apiVersion: 6 });
    fake.addSheet('Feuille');
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Absente').getRange('A1').values = [['x']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Feuille').freezePanes.freezeRows(1);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(fake.isSetSupported('ExcelApi', '1.6')).toBe(true);
    expect(fake.isSetSupported('ExcelApi', '1.7')).toBe(false);
  });

  it('rejects a request above the payload limit without applying it', async () => {
    const fake = new FakeExcel({ payloadLimitBytes: 1000 });
    fake.addSheet('Feuille');
    const block = Array.from({ length: 100 }, (_, i) => [`ligne ${i} assez longue`]);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Feuille').getRange('A1:A100').values = block;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.value('Feuille', 'A1')).toBe('');
  });

  it('reports own writes, user pastes and co-author edits as change events', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Feuille');
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Feuille').onChanged.add(async (args) => {
        seen.push(args);
      });
      await context.sync();
    });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Feuille').getRange('A1').values = [['x']];
      await context.sync();
    });
    await fake.user.paste('Feuille', 'H5', Array.from({ length: 250 }, () => ['OUI', 'commentaire']));
    await fake.coauthor.type('Feuille', 'B2', 'NON');
    await fake.settle();
    // One paste may reach the add-in as several events (here one per 100 rows).
    expect(seen).toEqual([
      expect.objectContaining({ address: 'A1', source: 'Local', triggerSource: 'ThisLocalAddin', changeType: 'RangeEdited' }),
      expect.objectContaining({ address: 'H5:I104', source: 'Local', triggerSource: 'Unknown' }),
      expect.objectContaining({ address: 'H105:I204', source: 'Local', triggerSource: 'Unknown' }),
      expect.objectContaining({ address: 'H205:I254', source: 'Local', triggerSource: 'Unknown' }),
      expect.objectContaining({ address: 'B2', source: 'Remote', triggerSource: 'Unknown' }),
    ]);
  });

  it('leaves triggerSource out of events before ExcelApi 1.14', async () => {
    const fake = new FakeExcel({ apiVersion: 13 });
    fake.addSheet('Feuille');
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Feuille').onChanged.add(async () => undefined);
      await context.sync();
    });
    await fake.user.type('Feuille', 'A1', 'OUI');
    expect(fake.events).toHaveLength(1);
    expect(fake.events[0]).not.toHaveProperty('triggerSource');
  });

  it('moves cells, tables and merges down when the user inserts rows', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Feuille', [['titre'], ['a'], ['b']]);
    fake.merge('Feuille', 'A2:A3');
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Feuille').tables.add('A2:A3', true).name = 'T';
      await context.sync();
    });
    await fake.user.insertRows('Feuille', 2, 2);
    expect(fake.values('Feuille', 'A1:A5')).toEqual([['titre'], [''], [''], ['a'], ['b']]);
    expect(fake.sheet('Feuille').tables[0].box).toEqual({ top: 4, left: 1, bottom: 5, right: 1 });
    expect(fake.sheet('Feuille').merges[0]).toEqual({ top: 4, left: 1, bottom: 5, right: 1 });
  });

  it('keeps table names unique across the workbook and forbids overlaps', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Un', [['h'], ['1']]);
    fake.addSheet('Deux', [['h'], ['1']]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Un').tables.add('A1:A2', true).name = 'Nom';
      await context.sync();
    });
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Deux').tables.add('A1:A2', true).name = 'nom';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem('Un').tables.add('A2:B3', true);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('loads collections through items/…', async () => {
    const fake = new FakeExcel();
    fake.addSheet('A');
    fake.addSheet('B');
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/id');
      await context.sync();
      expect(sheets.items.map((sheet) => sheet.name)).toEqual(['A', 'B']);
      expect(sheets.items[1].id).toBe(fake.sheet('B').id);
    });
  });
});
