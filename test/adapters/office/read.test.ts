import { templateRows } from '../../../src/domain/catalogue';
import { mergedAddresses } from '../../../src/adapters/office/read';
import { SHEETS } from '../../../src/workbook/sheets';
import { FakeExcel } from '../../support/fake-excel';
import { CARTO, columnOf, handMadeCartographie, initialisedWorkbook, portOver } from './helpers';

const ROWS = templateRows().length;

describe('OfficeWorkbookPort reading the cartographie', () => {
  it('reads a cartographie created by initialise in one sync, every template row located', async () => {
    const { fake, port } = await initialisedWorkbook();
    await port.readCartographie(); // learns the sheet id
    const before = fake.syncCount;
    const read = await port.readCartographie();
    expect(fake.syncCount - before).toBe(1);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.value.sheet).toBe(CARTO);
    expect(read.value.entries.map((entry) => entry.ref)).toEqual(templateRows().map((row) => row.ref));
    expect(read.value.entries[0].answerCell).toBe(`H${5}`);
  });

  it('finds a renamed sheet by tolerant name, then follows it by id even after another rename', async () => {
    const fake = new FakeExcel();
    handMadeCartographie(fake);
    fake.user.renameSheet(CARTO, ' cartographie DONNEES info dmi');
    const port = portOver(fake);
    const first = await port.readCartographie();
    expect(first.ok).toBe(true);
    expect(fake.syncCount).toBe(2);
    fake.user.renameSheet(' cartographie DONNEES info dmi', 'Ma carto');
    const second = await port.readCartographie();
    expect(fake.syncCount).toBe(3);
    expect(second.ok && second.value.sheet).toBe('Ma carto');
  });

  it('reads moved columns, renamed headers, an offset header and inserted rows', async () => {
    const fake = new FakeExcel();
    const columns = ['answer', 'ref', 'label', 'type', 'step', 'zone', 'comment', 'critical', 'to'];
    handMadeCartographie(fake, { headerRow: 3, columns, headers: { answer: 'Réponse (OUI/NON/NA)', label: 'Question', comment: 'Commentaires' } });
    const answer = columnOf(columns, 'answer');
    fake.seed(CARTO, `${answer}4`, [['oui'], ['NON']]);
    await fake.user.insertRows(CARTO, 5, 2);
    const read = await portOver(fake).readCartographie();
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.value.entries).toHaveLength(ROWS);
    expect(read.value.entries[0]).toMatchObject({ row: 4, answerCell: 'A4', answer: { value: 'oui' } });
    expect(read.value.entries[1]).toMatchObject({ row: 7, answerCell: 'A7', answer: { value: 'NON' } });
  });

  it('keeps #N/A errors, formulas and the text NA apart', async () => {
    const fake = new FakeExcel();
    handMadeCartographie(fake);
    fake.seed(CARTO, 'H2', [['NA']]);
    fake.setError(CARTO, 'H3', '#N/A', '=RECHERCHEV(A3;X:Y;2;0)');
    fake.setFormula(CARTO, 'H4', '=SI(1;"OUI";"NON")', 'OUI');
    fake.seed(CARTO, 'H5', [[42]]);
    const read = await portOver(fake).readCartographie();
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const answers = read.value.entries.slice(0, 4).map((entry) => entry.answer);
    expect(answers).toEqual([{ value: 'NA' }, { value: '#N/A', error: true, formula: true }, { value: 'OUI', formula: true }, { value: 42 }]);
  });

  it('reads a text that looks like a formula as text, not as a formula', async () => {
    const fake = new FakeExcel();
    handMadeCartographie(fake);
    const comment = fake.cell(CARTO, 'I2') ?? fake.sheet(CARTO).cells.set('2,9', { value: '', numberFormat: '@', font: {} }).get('2,9')!;
    comment.numberFormat = '@';
    fake.seed(CARTO, 'I2', [['=HYPERLINK("http://x","y")']]);
    const read = await portOver(fake).readCartographie();
    expect(read.ok && read.value.entries[0].comment).toBe('=HYPERLINK("http://x","y")');
    expect(fake.formulaCells(CARTO)).toEqual([]);
  });

  it('reads a merged Zone block as Excel does, blank below its first row, and lists it (ExcelApi 1.13)', async () => {
    const fake = new FakeExcel();
    handMadeCartographie(fake);
    // A merged block keeps its value in the first cell only, as Excel does.
    const last = 1 + templateRows().filter((row) => row.zone === templateRows()[0].zone).length;
    fake.seed(CARTO, 'B3', Array.from({ length: last - 2 }, () => ['']));
    fake.merge(CARTO, `B2:B${last}`);
    const read = await portOver(fake).readCartographie();
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.value.entries.slice(0, last - 1).map((entry) => entry.zone)).toEqual([templateRows()[0].zone, ...Array(last - 2).fill('')]);
    expect(read.value.merged).toEqual([{ range: `B2:B${last}`, key: 'zone', column: 'Zone', top: 2, bottom: last, value: templateRows()[0].zone }]);

    // Before ExcelApi 1.13 the merge cannot be seen: the rows read the same, unreported.
    const old = new FakeExcel({ apiVersion: 12 });
    handMadeCartographie(old);
    old.seed(CARTO, 'B3', Array.from({ length: last - 2 }, () => ['']));
    old.merge(CARTO, `B2:B${last}`);
    const oldRead = await portOver(old).readCartographie();
    expect(oldRead.ok && oldRead.value.entries[1].zone).toBe('');
    expect(oldRead.ok && oldRead.value.merged).toBeUndefined();
  });

  it('takes the local addresses out of a RangeAreas address, whatever the sheet names', () => {
    expect(mergedAddresses("'Carto, 2025'!$B$2:$B$9, Feuil1!C3, 'L''été'!D4:E5")).toEqual(['B2:B9', 'C3', 'D4:E5']);
  });

  it('reports a missing sheet in French and writes nothing', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Feuil1', [['rien']]);
    const port = portOver(fake);
    const read = await port.readCartographie();
    expect(read).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'sheet-missing', sheet: CARTO, message: expect.stringContaining('introuvable') })] });
    const filled = await port.fillDemo([{ ref: 'X', answer: 'OUI' }]);
    expect(filled.ok).toBe(false);
    const plan = await port.readPlan();
    expect(plan.ok).toBe(false);
    expect(fake.model.sheets.map((sheet) => sheet.name)).toEqual(['Feuil1']);
    expect(fake.values('Feuil1', 'A1:B2')).toEqual([['rien', ''], ['', '']]);
  });

  it('names the missing column when a required header is gone', async () => {
    const fake = new FakeExcel();
    handMadeCartographie(fake, { headers: { answer: 'Avis' } });
    const read = await portOver(fake).readCartographie();
    expect(read).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'column-missing', message: expect.stringContaining('Réponse') })] });
  });

  it('turns an Excel refusal (cell being edited, before ExcelApi 1.11) into a French problem worth retrying', async () => {
    const fake = new FakeExcel({ apiVersion: 10 });
    handMadeCartographie(fake);
    fake.user.startEditing();
    const read = await portOver(fake).readCartographie();
    expect(read).toEqual({ ok: false, problems: [expect.objectContaining({ retry: true, message: expect.stringContaining('en cours de saisie') })] });
  });

  it('reads a 5,000-row cartographie in one sync under the 5 MB limit', async () => {
    const fake = new FakeExcel();
    handMadeCartographie(fake);
    const extra = Array.from({ length: 5000 - ROWS }, (_, i) => [
      `X${i}`, 'CIRCUIT AU BLOC OPERATOIRE', 'Pose', 'Donnée', `Question ajoutée n° ${i} sur la traçabilité`, '', '', 'OUI', `Commentaire assez long pour la ligne ${i}, logiciel de bloc`,
    ]);
    fake.seed(CARTO, `A${ROWS + 2}`, extra);
    const port = portOver(fake);
    const read = await port.readCartographie();
    expect(read.ok && read.value.entries.length).toBe(5000);
    expect(fake.syncCount).toBe(1);
    const response = fake.responseBytes[0];
    console.log(`5 000 lignes : réponse de ${(response / 1024 / 1024).toFixed(2)} Mo en une synchronisation`);
    expect(response).toBeLessThan(5 * 1024 * 1024);
  });

  it('reads by row slices when the response would exceed the limit', async () => {
    const fake = new FakeExcel({ payloadLimitBytes: 60_000 });
    handMadeCartographie(fake);
    const read = await portOver(fake).readCartographie();
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.value.entries.map((entry) => entry.ref)).toEqual(templateRows().map((row) => row.ref));
    // The whole read was refused, then slices were halved until each fitted (a refused sync rejects).
    expect(fake.responseBytes[0]).toBeGreaterThan(60_000);
    expect(fake.syncCount).toBeGreaterThan(3);
  });

  it('tells whether any answer is filled', async () => {
    const { fake, port } = await initialisedWorkbook();
    expect(await port.hasAnswers()).toBe(false);
    fake.seed(SHEETS.cartographie, 'H9', [['non']]);
    expect(await port.hasAnswers()).toBe(true);
  });
});
