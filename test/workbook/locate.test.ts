import { templateRows } from '../../src/domain/catalogue';
import { cartographieColumns, findSheetProblem, locateCartographie, resolveSheet } from '../../src/workbook/locate';
import { SHEETS } from '../../src/workbook/sheets';
import { gridOf, type TestCell } from './grids';

const SHEET = SHEETS.cartographie;
const HEADERS = ['Réf.', 'Zone', 'Étape', 'Type', 'Élément évalué', "Vers l'étape", 'Critique', 'Réponse', 'Commentaire / logiciel'];
const [first, second, third] = templateRows();

function row(t: ReturnType<typeof templateRows>[number], answer: TestCell, comment = ''): TestCell[] {
  return [t.ref, t.zone, t.step, t.type, t.label, t.to, t.critical, answer, comment];
}

function read(rows: TestCell[][], top = 1, left = 1) {
  const result = locateCartographie(gridOf(SHEET, rows, top, left));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.value.entries;
}

describe('locateCartographie', () => {
  it('reads the template layout with answer cells addressed from the grid origin', () => {
    const entries = read([['Titre'], [], HEADERS, row(first, 'OUI', 'Logiciel X'), row(second, 'non')], 3, 2);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ row: 6, ref: first.ref, step: first.step, zone: first.zone, comment: 'Logiciel X', answerCell: 'I6' });
    expect(entries[0].answer).toEqual({ value: 'OUI' });
    expect(entries[1]).toMatchObject({ row: 7, answerCell: 'I7' });
  });

  it('finds renamed headers through synonyms and columns in any order, ignoring extra columns', () => {
    const headers = ['Réponse (OUI/NON/NA)', 'Question', 'Autre', 'ETAPE', 'type ', 'Ref', 'Commentaire'];
    const entries = read([headers, ['NA', first.label, 'x', first.step, first.type, first.ref, 'rien']]);
    expect(entries[0]).toMatchObject({ ref: first.ref, label: first.label, step: first.step, type: first.type, comment: 'rien', answerCell: 'A2' });
    expect(entries[0].zone).toBe(first.zone);
  });

  it('derives the zone from the step when the Zone column is missing', () => {
    const entries = read([['Étape', 'Type', 'Élément évalué', 'Réponse'], [third.step, third.type, third.label, 'OUI'], ['Étape inconnue', 'Donnée', 'x', '']]);
    expect(entries[0].zone).toBe(third.zone);
    expect(entries[1].zone).toBe('');
  });

  // Excel's COUNTIFS, hence the Synthèse, see a blank cell (a merged one below its first row too) as blank.
  it('skips blank lines and zone headings, and reads a blank Zone or Étape cell as blank, as the formulas do', () => {
    const entries = read([
      HEADERS,
      [null, 'CIRCUIT A LA PUI'],
      ['R1', null, 'Réception unitaire, entrée en stock', 'Informatisation', 'Étape informatisée ?', '', '', 'OUI'],
      [],
      [null, null, null, null, null, null, null, null, null],
      ['R2', null, null, 'Donnée', 'N° de lot', '', 'OUI', 'NON'],
      ['R3', 'CIRCUIT AU BLOC OPERATOIRE', 'Pose', 'Lecteur', 'Lecteurs ?', '', '', ''],
      ['R4', null, null, 'Donnée', 'Patient', '', 'OUI', ''],
    ]);
    expect(entries.map((e) => [e.ref, e.zone, e.step, e.row])).toEqual([
      ['R1', '', 'Réception unitaire, entrée en stock', 3],
      ['R2', '', '', 6],
      ['R3', 'CIRCUIT AU BLOC OPERATOIRE', 'Pose', 7],
      ['R4', '', '', 8],
    ]);
  });

  it('lists the merged blocks over several rows of Zone, Étape, Type or Vers l\'étape, not others', () => {
    const grid = gridOf(SHEET, [HEADERS, row(first, 'OUI'), row(second, 'NON'), row(third, 'NA')], 1, 1);
    for (let r = 2; r < 4; r++) grid.rows[r][2] = { value: null };
    grid.merged = ['C2:C4', 'B2:B2', 'E3:E4', 'H1:I1'];
    const read = locateCartographie(grid);
    if (!read.ok) throw new Error('unreadable');
    expect(read.value.merged).toEqual([{ range: 'C2:C4', key: 'step', column: 'Étape', top: 2, bottom: 4, value: first.step }]);
    expect(read.value.entries.map((e) => e.step)).toEqual([first.step, '', '']);
  });

  it('hands errors, formulas and dates over untouched for the domain to judge', () => {
    const entries = read([
      HEADERS,
      row(first, { value: '#N/A', error: true }),
      row(second, { value: 'OUI', formula: true }),
      row(third, { value: 45000, date: true }),
    ]);
    expect(entries.map((e) => e.answer)).toEqual([{ value: '#N/A', error: true }, { value: 'OUI', formula: true }, { value: 45000, date: true }]);
  });

  it('keeps a formula-like comment as the text it is', () => {
    const entries = read([HEADERS, row(first, 'OUI', '=HYPERLINK("http://x","y")')]);
    expect(entries[0].comment).toBe('=HYPERLINK("http://x","y")');
  });

  it('reads every row of a long sheet, extra rows included', () => {
    const rows = templateRows();
    const entries = read([HEADERS, ...rows.map((t) => row(t, 'OUI')), ['X-1', 'Zone perso', 'Étape perso', 'Donnée', 'Ajout local', '', '', 'NON']]);
    expect(entries).toHaveLength(rows.length + 1);
    expect(entries[entries.length - 1]).toMatchObject({ ref: 'X-1', zone: 'Zone perso', answer: { value: 'NON' } });
  });

  it('ignores a header line repeated inside the table', () => {
    expect(read([HEADERS, row(first, 'OUI'), HEADERS, row(second, 'NON')]).map((e) => e.ref)).toEqual([first.ref, second.ref]);
  });

  it('uses the table header row when the caller knows it', () => {
    const grid = gridOf(SHEET, [['Étape', 'Type', 'Élément évalué', 'Réponse'], HEADERS, row(first, 'OUI')]);
    const result = locateCartographie(grid, 2);
    expect(result.ok && result.value.entries.map((e) => e.ref)).toEqual([first.ref]);
  });

  it('names each missing required column in French', () => {
    const result = locateCartographie(gridOf(SHEET, [['Réf.', 'Zone', 'Étape', 'Type', 'Élément évalué', 'Commentaire'], ['R1', 'Z', 'E', 'Donnée', 'x', '']]));
    expect(result).toEqual({
      ok: false,
      problems: [{ code: 'column-missing', sheet: SHEET, message: 'colonne « Réponse » introuvable dans la feuille « Cartographie données info DMI »' }],
    });
  });

  it('reports every required column of a sheet with no header at all', () => {
    const result = locateCartographie(gridOf(SHEET, [['bonjour'], []]));
    expect(!result.ok && result.problems.map((p) => p.message)).toEqual([
      'colonne « Étape » introuvable dans la feuille « Cartographie données info DMI »',
      'colonne « Type » introuvable dans la feuille « Cartographie données info DMI »',
      'colonne « Élément évalué » introuvable dans la feuille « Cartographie données info DMI »',
      'colonne « Réponse » introuvable dans la feuille « Cartographie données info DMI »',
    ]);
  });
});

describe('cartographieColumns', () => {
  it('gives 1-based sheet positions of the header and columns', () => {
    const result = cartographieColumns(gridOf(SHEET, [[], HEADERS], 4, 3));
    expect(result.ok && result.value).toEqual({
      headerRow: 5,
      columns: { ref: 3, zone: 4, step: 5, type: 6, label: 7, to: 8, critical: 9, answer: 10, comment: 11 },
    });
  });
});

describe('sheet problems', () => {
  it('finds sheets tolerantly and reports missing ones in French', () => {
    const names = ['lisez-moi - notice', 'Cartographie donnees info DMI'];
    expect(findSheetProblem(names, 'notice')).toBeNull();
    expect(findSheetProblem(names, 'synthesis')).toEqual({ code: 'sheet-missing', sheet: 'Synthèse', message: 'feuille « Synthèse » introuvable' });
    expect(resolveSheet(names, 'cartographie')).toEqual({ ok: true, value: 'Cartographie donnees info DMI' });
  });
});
