import ExcelJS from 'exceljs';
import { XlsxWorkbookPort } from '../../../src/adapters/xlsx/port';
import { findTable } from '../../../src/adapters/xlsx/tables';
import { templateRows } from '../../../src/domain/catalogue';
import { demoAnswers } from '../../../src/domain/demo';
import { CARTOGRAPHIE_TABLE, PLAN_COLUMNS, PLAN_TABLE, SHEETS } from '../../../src/workbook/sheets';
import { TABLE_HEADER_ROW } from '../../../src/workbook/template';
import { planRow } from '../../support/plan';
import { packagePart } from './unzip';
import { FILE_WORK_MS } from '../../cli/runCli';

jest.setTimeout(FILE_WORK_MS);

async function reopen(port: XlsxWorkbookPort): Promise<XlsxWorkbookPort> {
  const opened = await XlsxWorkbookPort.fromBuffer(await port.toBuffer());
  if (!opened.ok) throw new Error(opened.problem.message);
  return opened.port;
}

function sheetOf(port: XlsxWorkbookPort, name: string): ExcelJS.Worksheet {
  const sheet = port.workbook.getWorksheet(name);
  if (!sheet) throw new Error(`feuille ${name} absente`);
  return sheet;
}

let initialisedFile: Promise<Buffer> | undefined;

/** A workbook initialised and saved: written once per file, opened anew by each test. */
async function initialised(): Promise<XlsxWorkbookPort> {
  initialisedFile ??= (async () => {
    const port = new XlsxWorkbookPort();
    await port.initialise();
    return port.toBuffer();
  })();
  const opened = await XlsxWorkbookPort.fromBuffer(await initialisedFile);
  if (!opened.ok) throw new Error(opened.problem.message);
  return opened.port;
}

const HEADER = TABLE_HEADER_ROW + 1;

describe('XlsxWorkbookPort template', () => {
  it('creates the cartographie as an Excel table with drop-downs, colours and a frozen header', async () => {
    const port = await initialised();
    const sheet = sheetOf(port, SHEETS.cartographie);
    const table = findTable(sheet, CARTOGRAPHIE_TABLE);
    // The two computed columns are part of the table, formulas with their result for an empty cartographie.
    expect(table?.tableRef).toBe(`A${HEADER}:K${HEADER + templateRows().length}`);
    expect(sheet.getCell(HEADER, 11).value).toBe('Réponse retenue');
    expect(sheet.getCell(HEADER + 1, 10).value).toMatchObject({ formula: expect.stringContaining('_xlfn.ISFORMULA(H5)') });
    expect(sheet.getCell(HEADER + 1, 11).value).toMatchObject({ formula: expect.stringContaining('COUNTIFS('), result: 'non renseignée' });
    expect(sheet.getCell(HEADER + 1, 8).dataValidation).toMatchObject({ type: 'list', formulae: ['"OUI,NON,NA"'], showErrorMessage: true });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER });
    expect(sheet.getCell(HEADER, 8).font).toMatchObject({ bold: true });
    expect(sheet.getColumn(5).width).toBe(60);
    const formats = (sheet as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    // Réponse (H) and Réponse retenue (K) are coloured alike.
    expect(formats.map((format) => format.rules[0].formulae[0])).toEqual(['"OUI"', '"NON"', '"NA"', '"OUI"', '"NON"', '"NA"']);
    expect(formats[0].ref.startsWith(`H${HEADER + 1}:H`)).toBe(true);
    expect(formats[3].ref.startsWith(`K${HEADER + 1}:K`)).toBe(true);

    const read = await port.readCartographie();
    expect(read.ok && read.value.entries.map((entry) => entry.ref)).toEqual(templateRows().map((row) => row.ref));
    expect(await port.hasAnswers()).toBe(false);
  });

  it('creates the plan with an empty table row and the Statut drop-down', async () => {
    const port = await initialised();
    const sheet = sheetOf(port, SHEETS.plan);
    expect(findTable(sheet, PLAN_TABLE)?.tableRef).toBe(`A${HEADER}:M${HEADER + 1}`);
    expect(sheet.getCell(HEADER + 1, 11).dataValidation?.formulae).toEqual(['"À lancer,En cours,Réalisé,Abandonné"']);
    expect(await port.readPlan()).toEqual({ ok: true, value: [] });
  });

  it('adds only the missing sheets, in the RESOMEDIT order, and never touches an existing one', async () => {
    const port = new XlsxWorkbookPort();
    const own = port.workbook.addWorksheet('cartographie données info dmi');
    own.getCell('A1').value = 'Mes notes';
    port.workbook.addWorksheet('Autre');
    const report = await port.initialise();
    expect(report.existing).toEqual(['cartographie données info dmi']);
    expect(report.created).toEqual([SHEETS.notice, SHEETS.references, SHEETS.synthesis, SHEETS.plan]);
    expect(port.workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      SHEETS.notice,
      SHEETS.references,
      'cartographie données info dmi',
      SHEETS.synthesis,
      SHEETS.plan,
      'Autre',
    ]);
    expect(own.getCell('A1').value).toBe('Mes notes');
    expect((await port.readCartographie()).ok).toBe(false);
  });

  it('falls back to a header with an autofilter when the table name is already taken', async () => {
    const port = new XlsxWorkbookPort();
    const other = port.workbook.addWorksheet('Ancien plan');
    other.addTable({ name: PLAN_TABLE, ref: 'A1', columns: [{ name: 'X' }], rows: [['y']] });
    await port.initialise();
    const plan = sheetOf(await reopen(port), SHEETS.plan);
    expect(findTable(plan, PLAN_TABLE)).toBeUndefined();
    expect(plan.autoFilter).toBeDefined();
    expect(plan.getCell(HEADER, 1).value).toBe(PLAN_COLUMNS.number);
  });
});

describe('XlsxWorkbookPort reading', () => {
  it('reports a missing cartographie sheet and missing columns in French', async () => {
    const port = new XlsxWorkbookPort();
    port.workbook.addWorksheet('Feuil1');
    const missing = await port.readCartographie();
    expect(missing).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'sheet-missing', sheet: SHEETS.cartographie })] });
    const sheet = port.workbook.addWorksheet(SHEETS.cartographie);
    sheet.addRow(['Étape', 'Type', 'Élément évalué']);
    const columns = await port.readCartographie();
    expect(columns.ok ? [] : columns.problems.map((problem) => problem.message)).toEqual([
      `colonne « Réponse » introuvable dans la feuille « ${SHEETS.cartographie} »`,
    ]);
  });

  it('reads the demo answers and comments after a file round trip', async () => {
    const port = await initialised();
    expect(await port.fillDemo(demoAnswers())).toEqual({ ok: true, value: undefined });
    const reread = await reopen(port);
    expect(await reread.hasAnswers()).toBe(true);
    const read = await reread.readCartographie();
    if (!read.ok) throw new Error('lecture impossible');
    const byRef = new Map(read.value.entries.map((entry) => [entry.ref, entry]));
    for (const demo of demoAnswers()) {
      expect(byRef.get(demo.ref)?.answer.value).toBe(demo.answer);
      if (demo.comment) expect(byRef.get(demo.ref)?.comment).toBe(demo.comment);
    }
  });

  it('refuses the demo on a cartographie that lacks its rows', async () => {
    const port = await initialised();
    const filled = await port.fillDemo([{ ref: 'INCONNUE-1', answer: 'OUI' }]);
    expect(filled.ok ? '' : filled.problems[0].message).toContain('INCONNUE-1');
  });
});

describe('XlsxWorkbookPort writing', () => {
  it('regenerates the Synthèse in place, as text and percent numbers, never formulas', async () => {
    const port = await initialised();
    sheetOf(port, SHEETS.synthesis).getCell('Z99').value = 'reste d’une ancienne version';
    const written = await port.writeSynthesis({
      sheet: SHEETS.synthesis,
      cells: [
        { row: 0, col: 0, value: 'Synthèse', style: 'title' },
        { row: 1, col: 0, value: '=1+1', style: 'value' },
        { row: 1, col: 1, value: '-3 lignes', style: 'note' },
        { row: 2, col: 1, value: 0.45, style: 'percent', numberFormat: '0 %' },
      ],
      columnWidths: [40, 12],
    });
    expect(written.ok).toBe(true);
    const reread = await reopen(port);
    expect(reread.workbook.worksheets.map((sheet) => sheet.name)).toEqual(Object.values(SHEETS));
    const sheet = sheetOf(reread, SHEETS.synthesis);
    expect(sheet.getCell('Z99').value).toBeNull();
    expect(sheet.getCell('A2').value).toBe('=1+1');
    expect(sheet.getCell('A2').formula).toBeUndefined();
    expect(sheet.getCell('B2').value).toBe('-3 lignes');
    expect(sheet.getCell('B3')).toMatchObject({ value: 0.45, numFmt: '0 %' });
    expect(sheet.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(sheet.getColumn(1).width).toBe(40);
    const index = reread.workbook.worksheets.indexOf(sheet) + 1;
    const xml = await packagePart(await reread.toBuffer(), `xl/worksheets/sheet${index}.xml`);
    expect(xml).toContain('<c r="A2"');
    expect(xml).not.toContain('<f>');
  });

  it('rewrites the plan, resizes its table, and moves columns the user added with their row', async () => {
    const port = await initialised();
    expect((await port.writePlan([planRow('R1'), planRow('R2'), planRow('R3')])).ok).toBe(true);
    let reread = await reopen(port);
    let sheet = sheetOf(reread, SHEETS.plan);
    expect(findTable(sheet, PLAN_TABLE)?.tableRef).toBe(`A${HEADER}:M${HEADER + 3}`);
    // The user adds a "Budget" column after the table and fills it for R2.
    sheet.getCell(HEADER, 14).value = 'Budget';
    sheet.getCell(HEADER + 2, 14).value = 15000;
    sheet.getCell(HEADER + 2, 14).numFmt = '# ##0 €';
    const plan = await reread.readPlan();
    if (!plan.ok) throw new Error('plan illisible');
    const [r1, r2, r3] = plan.value;
    expect((await reread.writePlan([planRow('R0'), r3, r2, { ...r1, obsolete: true }])).ok).toBe(true);

    reread = await reopen(reread);
    sheet = sheetOf(reread, SHEETS.plan);
    const refs = [1, 2, 3, 4].map((offset) => sheet.getCell(HEADER + offset, 13).value);
    expect(refs).toEqual(['R0', 'R3', 'R2', 'R1']);
    expect(sheet.getCell(HEADER, 14).value).toBe('Budget');
    expect(sheet.getCell(HEADER + 3, 14)).toMatchObject({ value: 15000, numFmt: '# ##0 €' });
    expect(sheet.getCell(HEADER + 2, 14).value).toBeNull();
    expect(findTable(sheet, PLAN_TABLE)?.tableRef).toBe(`A${HEADER}:N${HEADER + 4}`);
    expect(sheet.getCell(HEADER + 4, 11).dataValidation?.type).toBe('list');
    const read = await reread.readPlan();
    expect(read.ok && read.value.map((row) => [row.ref, row.obsolete])).toEqual([
      ['R0', false],
      ['R3', false],
      ['R2', false],
      ['R1', true],
    ]);
  });

  it('clears the rows a shorter plan no longer uses', async () => {
    const port = await initialised();
    await port.writePlan([planRow('R1'), planRow('R2'), planRow('R3')]);
    await port.writePlan([planRow('R2')]);
    const sheet = sheetOf(await reopen(port), SHEETS.plan);
    expect([1, 2, 3].map((offset) => sheet.getCell(HEADER + offset, 13).value)).toEqual(['R2', null, null]);
    expect(findTable(sheet, PLAN_TABLE)?.tableRef).toBe(`A${HEADER}:M${HEADER + 1}`);
  });

  it('creates the plan sheet when it is missing', async () => {
    const port = new XlsxWorkbookPort();
    expect((await port.writePlan([planRow('R1', { pilot: 'Mme Durand', dueDate: 45730 })])).ok).toBe(true);
    const sheet = sheetOf(await reopen(port), SHEETS.plan);
    expect(sheet.getCell(HEADER + 1, 9).value).toBe('Mme Durand');
    expect(sheet.getCell(HEADER + 1, 10).value).toBeInstanceOf(Date);
  });

  it('selects a cell as the active one of its sheet', async () => {
    const port = await initialised();
    await port.select(SHEETS.cartographie, 'H12');
    const reread = await reopen(port);
    expect(sheetOf(reread, SHEETS.cartographie).views[0]).toMatchObject({ activeCell: 'H12' });
  });
});
