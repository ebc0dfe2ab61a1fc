/**
 * Text the add-in writes stays text in Excel: a string written to `values` in a cell of General
 * format is parsed as typed, so "=Clinique" becomes a formula and "- DxCare" a #NAME? error
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member).
 * Every fixture here starts with one of those characters, so that each check can fail.
 */
import { mergePlan } from '../../../src/domain/actions/merge';
import { templateRows } from '../../../src/domain/catalogue';
import { WriteBatch } from '../../../src/adapters/office/batch';
import { detectCapabilities } from '../../../src/adapters/office/capabilities';
import { renderTemplate } from '../../../src/adapters/office/template';
import type { SheetLayout } from '../../../src/workbook/port';
import { SHEETS } from '../../../src/workbook/sheets';
import { templateSheet } from '../../../src/workbook/template';
import { FakeExcel } from '../../support/fake-excel';
import { planRow } from '../../support/plan';
import { CARTO, initialisedWorkbook } from './helpers';

const RISKY = ['=Clinique "test"', '- DxCare', '+33 1 23 45 67 89', '@hopital.fr'];

describe('text written by the Office adapter stays text', () => {
  it('in the demo fill: answers and comments', async () => {
    const { fake, port } = await initialisedWorkbook();
    const refs = templateRows().slice(0, RISKY.length).map((row) => row.ref);
    const answers = refs.map((ref, i) => ({ ref, answer: RISKY[(i + 1) % RISKY.length], comment: RISKY[i] }));
    expect(await port.fillDemo(answers)).toEqual({ ok: true, value: undefined });
    const read = await port.readCartographie();
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    // No answer or comment became a formula (the computed columns right of the table are formulas by design).
    const typed = read.value.entries.flatMap((entry) => [entry.answerCell, entry.answerCell.replace(/^H/, 'I')]);
    expect(fake.formulaCells(CARTO).filter((cell) => typed.includes(cell))).toEqual([]);
    const byRef = new Map(read.value.entries.map((entry) => [entry.ref, entry]));
    answers.forEach((demo) => {
      expect(byRef.get(demo.ref)?.answer).toEqual({ value: demo.answer });
      expect(byRef.get(demo.ref)?.comment).toBe(demo.comment);
    });
  });

  it('in the Synthèse: establishment, labels and software names', async () => {
    const { fake, port } = await initialisedWorkbook();
    const layout: SheetLayout = {
      sheet: SHEETS.synthesis,
      columnWidths: [30, 12],
      cells: RISKY.flatMap((text, row) => [
        { row, col: 0, value: text, style: 'label' as const },
        { row, col: 1, value: row / 10, numberFormat: '0 %' },
      ]),
    };
    expect((await port.writeSynthesis(layout)).ok).toBe(true);
    expect(fake.formulaCells(SHEETS.synthesis)).toEqual([]);
    expect(fake.values(SHEETS.synthesis, `A1:B${RISKY.length}`)).toEqual(RISKY.map((text, row) => [text, row / 10]));
  });

  it("in the plan d'action: every text column of a row", async () => {
    const { fake, port } = await initialisedWorkbook();
    const rows = RISKY.map((text, i) =>
      planRow(`R${i}`, { axis: text, scope: text, finding: text, action: `${text} action`, actors: text, indicator: text, pilot: text, status: text, comment: text }),
    );
    expect(await port.writePlan(mergePlan([], []).rows.concat(rows))).toEqual({ ok: true, value: undefined });
    expect(fake.formulaCells(SHEETS.plan)).toEqual([]);
    const read = await port.readPlan();
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    for (const [i, text] of RISKY.entries()) {
      expect(read.value.find((row) => row.ref === `R${i}`)).toMatchObject({ finding: text, action: `${text} action`, pilot: text, comment: text });
    }
  });

  it('in a template sheet: texts and table rows', async () => {
    const fake = new FakeExcel();
    const base = templateSheet('references');
    const template = {
      ...base,
      name: 'Essai',
      cells: RISKY.map((value, row) => ({ row, col: 0, value })),
      table: base.table && { ...base.table, name: 'TableEssai', headerRow: 10, rows: [RISKY.slice(0, base.table.headers.length).concat(Array(Math.max(0, base.table.headers.length - RISKY.length)).fill(''))] },
    };
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.add('Essai');
      const batch = new WriteBatch(context, 4 * 1024 * 1024);
      await renderTemplate(batch, sheet, template, true, detectCapabilities(fake.isSetSupported).features);
      await batch.flush();
    });
    expect(fake.formulaCells('Essai')).toEqual([]);
    expect(fake.values('Essai', `A1:A${RISKY.length}`)).toEqual(RISKY.map((text) => [text]));
  });
});
