import { MemoryWorkbook, type WorkbookEvent } from '../../../src/adapters/memory/workbook';
import { binary, num } from '../../../src/workbook/formula';

function workbookWithSheet(): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  workbook.addSheet('Feuil1');
  return workbook;
}

describe('MemoryWorkbook', () => {
  it('turns text typed with "=" into an unevaluated formula, =NA() into the #N/A error', () => {
    const workbook = workbookWithSheet();
    workbook.setCell('Feuil1', 'A1', '=NA()');
    workbook.setCell('Feuil1', 'A2', '=SOMME(B1:B3)');
    workbook.setCell('Feuil1', 'A3', 'NA');
    const [na, sum, text] = workbook.grid('Feuil1').rows.map((row) => row[0]);
    expect(na).toEqual({ value: '#N/A', error: true, formula: true });
    expect(sum).toEqual({ value: null, formula: true });
    expect(text).toEqual({ value: 'NA' });
  });

  it('stores what the add-in writes as given: "=…", "+…", "-…", "@…" stay text', () => {
    const workbook = workbookWithSheet();
    const texts = ['=HYPERLINK("http://x","y")', '+33 1 23', '-5 %', '@dsi'];
    workbook.write('Feuil1', texts.map((value, i) => ({ address: `B${i + 1}`, cell: { value } })));
    expect(workbook.grid('Feuil1').rows.map((row) => row[1])).toEqual(texts.map((value) => ({ value })));
  });

  it('fires one user event for a paste with its whole range, and tags add-in writes', () => {
    const workbook = workbookWithSheet();
    const events: WorkbookEvent[] = [];
    workbook.subscribe((event) => events.push(event));
    workbook.paste('Feuil1', 'C3', [
      ['OUI', 'NON'],
      ['NA', null],
      ['x', 'y'],
    ]);
    workbook.write('Feuil1', [{ address: 'A1', cell: { value: 1 } }, { address: 'B2', cell: { value: 2 } }]);
    expect(events).toEqual([
      { kind: 'change', sheet: 'Feuil1', address: 'C3:D5', source: 'user' },
      { kind: 'change', sheet: 'Feuil1', address: 'A1:B2', source: 'addin' },
    ]);
  });

  it('keeps formats when the user types over a cell, and reads a number under a date format as a date', () => {
    const workbook = workbookWithSheet();
    workbook.write('Feuil1', [{ address: 'A1', cell: { value: null, numberFormat: 'dd/mm/yyyy', style: 'value' } }]);
    workbook.setCell('Feuil1', 'A1', 46022);
    expect(workbook.getCell('Feuil1', 'a1')).toEqual({ value: 46022, numberFormat: 'dd/mm/yyyy', style: 'value' });
    expect(workbook.grid('Feuil1').rows[0][0]).toEqual({ value: 46022, date: true });
  });

  it('keeps only the formats of an add-in formula cell written over, by the add-in or the user', () => {
    const workbook = workbookWithSheet();
    const expression = binary('+', num(1), num(1));
    workbook.write('Feuil1', [{ address: 'A1', cell: { value: null, expression, style: 'value', fill: '#DDEBF7', wrap: true } }]);
    workbook.write('Feuil1', [{ address: 'A1', cell: { value: 'OUI' } }]);
    expect(workbook.getCell('Feuil1', 'A1')).toEqual({ value: 'OUI', style: 'value', fill: '#DDEBF7', wrap: true });
    workbook.write('Feuil1', [{ address: 'A1', cell: { value: null, expression } }]);
    workbook.setCell('Feuil1', 'A1', 'NON');
    expect(workbook.getCell('Feuil1', 'A1')).toEqual({ value: 'NON', style: 'value', fill: '#DDEBF7', wrap: true });
  });

  it('finds sheets tolerantly, renames and removes them with their tables', () => {
    const workbook = workbookWithSheet();
    workbook.addSheet('Synthèse', 'Feuil1');
    expect(workbook.sheetNames()).toEqual(['Synthèse', 'Feuil1']);
    expect(workbook.sheet('SYNTHESE')?.name).toBe('Synthèse');
    workbook.setTable('T1', 'Feuil1', 'A1:B2');
    workbook.renameSheet('feuil1', 'Données');
    expect(workbook.table('t1')).toEqual({ name: 'T1', sheet: 'Données', range: 'A1:B2' });
    workbook.removeSheet('Données');
    expect(workbook.tableNames()).toEqual([]);
    expect(() => workbook.setCell('Données', 'A1', 1)).toThrow('feuille « Données » introuvable');
  });

  it('round-trips through JSON without sharing state', () => {
    const workbook = workbookWithSheet();
    workbook.setCell('Feuil1', 'B2', '=NA()');
    workbook.select('Feuil1', 'B2');
    const copy = MemoryWorkbook.fromJSON(JSON.parse(JSON.stringify(workbook.toJSON())));
    expect(copy.toJSON()).toEqual(workbook.toJSON());
    copy.setCell('Feuil1', 'B2', 'OUI');
    expect(workbook.getCell('Feuil1', 'B2')?.error).toBe('#N/A');
    expect(copy.getSelection()).toEqual({ sheet: 'Feuil1', cell: 'B2' });
  });

  it('clears a range only', () => {
    const workbook = workbookWithSheet();
    workbook.paste('Feuil1', 'A1', [[1, 2, 3], [4, 5, 6]]);
    workbook.clear('Feuil1', 'B1:C1');
    expect(workbook.grid('Feuil1').rows.map((row) => row.map((c) => c.value))).toEqual([[1, null, null], [4, 5, 6]]);
  });
});
