import { templateRows } from '../../src/domain/catalogue';
import { CARTOGRAPHIE_COLUMNS, CARTOGRAPHIE_TABLE, PLAN_COLUMNS, PLAN_STATUSES, PLAN_TABLE, SHEET_ORDER, SHEETS } from '../../src/workbook/sheets';
import { cartographieColumnIndex, planColumnIndex, workbookTemplate, type TemplateSheet } from '../../src/workbook/template';

const sheets = workbookTemplate();
const byKey = Object.fromEntries(sheets.map((sheet) => [sheet.key, sheet])) as Record<TemplateSheet['key'], TemplateSheet>;

function text(sheet: TemplateSheet): string {
  return sheet.cells.map((cell) => cell.value ?? '').join('\n');
}

describe('workbook template', () => {
  it('defines the five sheets in order with their exact names', () => {
    expect(sheets.map((sheet) => sheet.name)).toEqual(SHEET_ORDER.map((key) => SHEETS[key]));
    expect(sheets[0].name).toBe('LISEZ-MOI – NOTICE');
  });

  it('holds the cartographie as one table of the catalogue rows, answers and comments empty', () => {
    const table = byKey.cartographie.table!;
    const rows = templateRows();
    expect(table.name).toBe(CARTOGRAPHIE_TABLE);
    expect(table.headers).toEqual([...Object.values(CARTOGRAPHIE_COLUMNS), 'Réponse lue', 'Réponse retenue']);
    expect(table.rows).toHaveLength(rows.length);
    expect(table.rows[0]).toEqual([rows[0].ref, rows[0].zone, rows[0].step, rows[0].type, rows[0].label, rows[0].to, rows[0].critical, null, null, null, null]);
    // The two computed columns hold one formula per row, on the row's own cells (J and K of each row).
    const firstRow = table.headerRow + 1;
    expect(table.formulaCells).toHaveLength(2 * rows.length);
    expect(table.formulaCells.slice(0, 2).map((cell) => [cell.row, cell.col])).toEqual([
      [firstRow, 9],
      [firstRow, 10],
    ]);
    expect(byKey.cartographie.freezeRows).toBe(table.headerRow + 1);
    expect(byKey.cartographie.columnWidths).toHaveLength(table.headers.length);
  });

  it('offers OUI/NON/NA on Réponse, coloured green, red and grey like Réponse retenue', () => {
    const table = byKey.cartographie.table!;
    const answer = cartographieColumnIndex('answer');
    expect(table.validations).toEqual([expect.objectContaining({ column: answer, values: ['OUI', 'NON', 'NA'] })]);
    expect(table.conditionalFormats.map((rule) => [rule.column, rule.equals, rule.format.fill])).toEqual([
      [answer, 'OUI', '#C6EFCE'],
      [answer, 'NON', '#FFC7CE'],
      [answer, 'NA', '#D9D9D9'],
      [10, 'OUI', '#C6EFCE'],
      [10, 'NON', '#FFC7CE'],
      [10, 'NA', '#D9D9D9'],
    ]);
  });

  it('bands the rows by zone, contiguous, covering every row once', () => {
    const { bands, rows } = byKey.cartographie.table!;
    expect(bands.map((band) => band.label)).toEqual([...new Set(templateRows().map((row) => row.zone))]);
    let next = 0;
    for (const band of bands) {
      expect(band.firstRow).toBe(next);
      next += band.rowCount;
    }
    expect(next).toBe(rows.length);
  });

  it('starts the plan empty, with the status list', () => {
    const table = byKey.plan.table!;
    expect(table.name).toBe(PLAN_TABLE);
    expect(table.headers).toEqual(Object.values(PLAN_COLUMNS));
    expect(table.rows).toEqual([]);
    expect(table.validations).toEqual([expect.objectContaining({ column: planColumnIndex('status'), values: PLAN_STATUSES })]);
  });

  it('explains the legend, the Interopérabilité NA and that nothing leaves the workbook', () => {
    const notice = text(byKey.notice);
    expect(notice).toContain('NA sur une ligne Interopérabilité : les deux étapes sont dans le même logiciel');
    expect(notice).toContain("n'envoie rien à l'extérieur");
    expect(notice).toContain('OUI, NON ou NA');
  });

  it('cites the regulatory references, retention periods and the CAQES item', () => {
    const references = text(byKey.references);
    for (const expected of ['R5212-36 à R5212-42', '2017/745, article 18', '2017/745, article 27', 'Arrêté du 8 septembre 2021', 'Arrêté du 26 janvier 2007', '10 ans, 40 ans', 'item 1.2', 'IUD-IP', 'FICHCOMP']) {
      expect(references).toContain(expected);
    }
  });

  it('never starts a text with a character Excel would take for a formula', () => {
    const texts = sheets.flatMap((sheet) => [...sheet.cells.map((c) => c.value), ...(sheet.table?.rows.flat() ?? []), ...(sheet.table?.headers ?? [])]);
    expect(texts.filter((value) => typeof value === 'string' && /^[=+\-@]/.test(value))).toEqual([]);
  });
});
