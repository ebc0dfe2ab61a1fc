/** The pane says when the workbook's Synthèse no longer follows the cartographie, and regenerating fixes it. */
import { MemoryWorkbookPort } from '../../src/adapters/memory/port';
import { analyse } from '../../src/domain/analyse';
import { demoAnswers } from '../../src/domain/demo';
import { cellAddress } from '../../src/workbook/grid';
import { AnalysisSession } from '../../src/workbook/session';
import { SHEETS } from '../../src/workbook/sheets';
import { synthesisDrift } from '../../src/workbook/synthesisDrift';
import { synthesisLayout } from '../../src/workbook/synthesisLayout';

async function demoPort(): Promise<MemoryWorkbookPort> {
  const port = MemoryWorkbookPort.fromTemplate();
  await port.fillDemo(demoAnswers());
  return port;
}

async function expectedLayout(port: MemoryWorkbookPort) {
  const read = await port.readCartographie();
  if (!read.ok) throw new Error('unreadable');
  return { layout: synthesisLayout(analyse(read.value), { area: read.value.area }), read: read.value };
}

describe('synthesisDrift', () => {
  it('finds nothing once the add-in has written the Synthèse', async () => {
    const port = await demoPort();
    const { layout, read } = await expectedLayout(port);
    await port.writeSynthesis(layout);
    const held = await port.readSynthesis();
    expect(held.ok && synthesisDrift(layout, held.value, read.answerColumns)).toBeNull();
  });

  it('reports a Synthèse of frozen values (an older file), in French', async () => {
    const port = await demoPort();
    const { layout, read } = await expectedLayout(port);
    // What older versions wrote: the same cells as values, without formulas.
    await port.writeSynthesis({ ...layout, cells: layout.cells.map(({ formula: _formula, ...cell }) => cell) });
    const held = await port.readSynthesis();
    const drift = held.ok ? synthesisDrift(layout, held.value, read.answerColumns) : null;
    const formulas = layout.cells.filter((cell) => cell.formula).length;
    expect(drift?.differing).toBe(formulas);
    expect(drift?.message).toContain(`${formulas} chiffres sont des valeurs figées`);
  });

  it('reports one formula the user broke', async () => {
    const port = await demoPort();
    const { layout, read } = await expectedLayout(port);
    await port.writeSynthesis(layout);
    const target = layout.cells.find((cell) => cell.formula)!;
    port.workbook.setCell(SHEETS.synthesis, cellAddress(target.row + 1, target.col + 1), '=1+1');
    const held = await port.readSynthesis();
    const drift = held.ok ? synthesisDrift(layout, held.value, read.answerColumns) : null;
    expect(drift?.differing).toBe(1);
    expect(drift?.message).toContain('1 formule diffère');
  });

  it('reports a cartographie without the computed columns', async () => {
    const port = await demoPort();
    port.workbook.clear(SHEETS.cartographie, 'J1:K400');
    const { layout, read } = await expectedLayout(port);
    expect(read.answerColumns).toBe(false);
    // The columns are placed right of the table again, where they were.
    expect([read.area.columns.read, read.area.columns.kept]).toEqual([10, 11]);
    const held = await port.readSynthesis();
    expect(held.ok && synthesisDrift(layout, held.value, read.answerColumns)?.message).toContain('« Réponse lue » et « Réponse retenue »');
  });
});

describe('AnalysisSession and the Synthèse drift', () => {
  it('says nothing after regenerating, and the regenerated Synthèse recalculates without the add-in', async () => {
    const port = await demoPort();
    const session = new AnalysisSession(port, { debounceMs: 1 });
    await session.regenerateSynthesis();
    expect(session.getState().drift).toBeNull();
    session.stop();
    // Without the session: an answer erased changes the Complétude formula's result (B4).
    expect(port.workbook.getCell(SHEETS.synthesis, 'A4')?.value).toBe('Complétude');
    const before = port.workbook.getCell(SHEETS.synthesis, 'B4')?.value;
    const read = await port.readCartographie();
    if (!read.ok) throw new Error('unreadable');
    const answered = read.value.entries.find((entry) => entry.answer.value !== null)!;
    port.workbook.setCell(SHEETS.cartographie, answered.answerCell, '');
    const after = port.workbook.getCell(SHEETS.synthesis, 'B4')?.value;
    expect(typeof before).toBe('number');
    expect(after).toBeLessThan(before as number);
  });
});
