/**
 * A sheet read through grid() evaluates the add-in's formulas only when their cells are looked at
 * (the cartographie's computed columns hold hundreds of formulas its reading never looks at), with
 * the values Excel would give at the moment of the read: Range.values are read at context.sync()
 * and stay as read afterwards (https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-core-concepts#sync).
 */
import { MemoryWorkbookPort } from '../../../src/adapters/memory/port';
import { FormulaEvaluator } from '../../../src/adapters/memory/formulas';
import { MemoryWorkbook } from '../../../src/adapters/memory/workbook';
import { demoAnswers } from '../../../src/domain/demo';
import type { CellInput } from '../../../src/domain/model';
import { binary, call, cell, num, text } from '../../../src/workbook/formula';
import { SHEETS } from '../../../src/workbook/sheets';

const CARTO = SHEETS.cartographie;

/** Plain copies of a grid's cells, every property looked at. */
function plain(rows: CellInput[][]): CellInput[][] {
  return rows.map((row) => row.map((input) => ({ ...input })));
}

async function demoWorkbook(): Promise<MemoryWorkbook> {
  const port = MemoryWorkbookPort.fromTemplate();
  const filled = await port.fillDemo(demoAnswers());
  if (!filled.ok) throw new Error(filled.problems.map((p) => p.message).join(' '));
  return port.workbook;
}

/** A sheet with A1 = 1 + 1, B1 = A1 * 3 and C1 = 1 / 0 written by the add-in. */
function smallWorkbook(): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  workbook.addSheet('Feuil1');
  workbook.write('Feuil1', [
    { address: 'A1', cell: { value: null, expression: binary('+', num(1), num(1)) } },
    { address: 'B1', cell: { value: null, expression: binary('*', cell(1, 1), num(3)) } },
    { address: 'C1', cell: { value: null, expression: binary('/', num(1), num(0)) } },
    { address: 'D1', cell: { value: 'OUI' } },
  ]);
  return workbook;
}

afterEach(() => jest.restoreAllMocks());

describe('MemoryWorkbook formulas evaluated when looked at', () => {
  it('gives the demo cartographie the same cells as evaluating every formula first', async () => {
    const lazy = await demoWorkbook();
    const eager = await demoWorkbook();
    eager.cells(CARTO); // evaluates every formula of the sheet
    const expected = plain(eager.grid(CARTO).rows);
    expect(expected.flat().filter((input) => input.formula).length).toBeGreaterThan(300);
    expect(plain(lazy.grid(CARTO).rows)).toEqual(expected);
  });

  it('evaluates a formula, and what it refers to, only when its cell is looked at', () => {
    const workbook = smallWorkbook();
    const evaluate = jest.spyOn(FormulaEvaluator.prototype, 'evaluate');
    const [a1, b1, c1, d1] = workbook.grid('Feuil1').rows[0];
    expect(d1).toEqual({ value: 'OUI' });
    expect(evaluate).not.toHaveBeenCalled();
    expect(b1.value).toBe(6);
    expect(evaluate).toHaveBeenCalledTimes(2);
    expect(a1).toEqual({ value: 2, formula: true });
    expect(c1).toEqual({ value: '#DIV/0!', error: true, formula: true });
    expect(evaluate).toHaveBeenCalledTimes(3);
  });

  it('shows the values of the moment of the read, even when looked at after a change', () => {
    const workbook = smallWorkbook();
    workbook.write('Feuil1', [{ address: 'E1', cell: { value: null, expression: call('IF', binary('=', cell(1, 4), text('OUI')), text('lu'), text('autre')) } }]);
    const before = workbook.grid('Feuil1').rows[0][4];
    workbook.setCell('Feuil1', 'D1', 'NON');
    expect(workbook.grid('Feuil1').rows[0][4].value).toBe('autre');
    expect(before).toEqual({ value: 'lu', formula: true });
  });
});
