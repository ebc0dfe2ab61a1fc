/**
 * The Synthèse's formulas give exactly the engine's figures: every formula the add-in writes (the
 * Synthèse and the computed columns of the cartographie) is evaluated by HyperFormula, an
 * independent spreadsheet engine, and by the in-memory workbook's interpreter, and compared with
 * the value the engine computed for that cell.
 */
import { MemoryWorkbookPort } from '../../src/adapters/memory/port';
import { analyse } from '../../src/domain/analyse';
import { demoAnswers } from '../../src/domain/demo';
import type { SheetLayout } from '../../src/workbook/port';
import { SHEETS } from '../../src/workbook/sheets';
import { synthesisLayout } from '../../src/workbook/synthesisLayout';
import { buildOracle, disagreements, oracleValue, sheetsOf } from '../support/formulaOracle';

/** Reads, analyses and writes the Synthèse; returns the layout written. */
async function regenerate(port: MemoryWorkbookPort): Promise<SheetLayout> {
  const read = await port.readCartographie();
  if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('; '));
  const layout = synthesisLayout(analyse(read.value), { area: read.value.area, date: new Date(0) });
  const written = await port.writeSynthesis(layout);
  if (!written.ok) throw new Error('write failed');
  return layout;
}

/** Disagreements between the engine and HyperFormula, then the in-memory interpreter, over every formula cell. */
function check(port: MemoryWorkbookPort, layout: SheetLayout) {
  const hf = buildOracle(sheetsOf(port.workbook));
  const groups = [
    { sheet: SHEETS.synthesis, cells: layout.cells },
    { sheet: layout.cartographie?.sheet ?? '', cells: layout.cartographie?.cells ?? [] },
  ];
  const oracle = groups.flatMap(({ sheet, cells }) => disagreements((cell) => oracleValue(hf, sheet, cell.row, cell.col), cells));
  const memory = groups.flatMap(({ sheet, cells }) =>
    disagreements((cell) => {
      const shown = port.workbook.getCell(sheet, `${String.fromCharCode(65 + cell.col)}${cell.row + 1}`);
      return shown?.error ?? shown?.value ?? null;
    }, cells),
  );
  hf.destroy();
  return { oracle, memory, formulas: groups.reduce((n, g) => n + g.cells.filter((c) => c.formula).length, 0) };
}

describe('Synthèse formulas on the template', () => {
  it('agree with the engine on the demo establishment', async () => {
    const port = MemoryWorkbookPort.fromTemplate();
    await port.fillDemo(demoAnswers());
    const layout = await regenerate(port);
    const result = check(port, layout);
    expect(result.formulas).toBeGreaterThan(500);
    expect(result.oracle.slice(0, 5)).toEqual([]);
    expect(result.memory.slice(0, 5)).toEqual([]);
  });
});
