import { ACTION_TEMPLATES } from '../../src/domain/actions/templates';
import type { PlanRow } from '../../src/domain/model';
import { OBSOLETE_MARKER, planArea, planLayout, readFinding, readPlanGrid } from '../../src/workbook/planSheet';
import { PLAN_COLUMNS, SHEETS } from '../../src/workbook/sheets';
import { planRow as proposed } from '../support/plan';
import { gridOf, type TestCell } from './grids';

const HEADERS = Object.values(PLAN_COLUMNS);
const [RULE_A, RULE_B] = ACTION_TEMPLATES.map((t) => t.key);

function gridFromLayout(rows: PlanRow[], above: TestCell[][] = [['Titre'], [], []]) {
  const layout = planLayout(rows);
  return gridOf(SHEETS.plan, [...above, layout.headers, ...layout.values]);
}

function read(grid: ReturnType<typeof gridOf>, isRuleRef?: (ref: string) => boolean): PlanRow[] {
  const result = readPlanGrid(grid, isRuleRef);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.value;
}

describe('planLayout', () => {
  it('renumbers N°, writes the priority as a number and marks obsolete rows in the Constat', () => {
    const layout = planLayout([proposed('A', { priority: 2 }), proposed('B', { obsolete: true })]);
    expect(layout.headers).toEqual(HEADERS);
    expect(layout.values.map((v) => v[0])).toEqual([1, 2]);
    expect(layout.values[0][1]).toBe(2);
    expect(layout.values[1][4]).toBe(`${OBSOLETE_MARKER} Constat B`);
    expect(layout.values[0][12]).toBe('A');
    expect(layout.numberFormats[HEADERS.indexOf('Échéance')]).toBe('dd/mm/yyyy');
  });
});

describe('readPlanGrid', () => {
  it('round-trips rows, keeping user values exactly (text, numbers, date serials, booleans)', () => {
    const rows = [
      proposed(RULE_A, { pilot: 'Dr Martin', dueDate: 46022, status: 'En cours', comment: '=HYPERLINK("http://x","y")' }),
      proposed(RULE_B, { obsolete: true, priority: 3, pilot: 42, comment: true }),
      proposed('', { origin: 'manual', priority: null, finding: 'Ajout local', action: 'Former les IBODE' }),
      proposed('MOI-1', { origin: 'manual', finding: 'Référence saisie à la main' }),
    ];
    const back = read(gridFromLayout(rows));
    expect(back).toEqual(rows.map((row, order) => ({ ...row, order })));
  });

  it('reads the obsolete marker back however its case and spaces were retouched', () => {
    expect(readFinding('  [constat disparu a la  derniere analyse]   Pas de lecteur')).toEqual({ finding: 'Pas de lecteur', obsolete: true });
    expect(readFinding('[Autre chose] texte')).toEqual({ finding: '[Autre chose] texte', obsolete: false });
    expect(readFinding('Texte sans marque')).toEqual({ finding: 'Texte sans marque', obsolete: false });
  });

  it('classes rows by reference: rule references are proposed, others manual', () => {
    const rows = [proposed(RULE_A), proposed(`${RULE_B}@pose`), proposed('MOI-1'), proposed('')];
    expect(read(gridFromLayout(rows)).map((r) => r.origin)).toEqual(['proposed', 'proposed', 'manual', 'manual']);
    expect(read(gridFromLayout(rows), (ref) => ref.startsWith('MOI')).map((r) => r.origin)).toEqual(['manual', 'manual', 'proposed', 'manual']);
  });

  it('finds moved and renamed columns, skips blank lines and reads P2 as priority 2', () => {
    const grid = gridOf(SHEETS.plan, [
      ['Référence', 'Constat', 'Action', 'Responsable', 'Prio', 'Statut'],
      [RULE_A, 'C1', 'A1', 'Mme X', 'P2', 'Réalisé'],
      [null, null, null, null, null, null],
      ['', 'C2', 'A2', '', 'urgent', ''],
    ]);
    expect(read(grid).map((r) => [r.ref, r.finding, r.pilot, r.priority, r.status, r.origin])).toEqual([
      [RULE_A, 'C1', 'Mme X', 2, 'Réalisé', 'proposed'],
      ['', 'C2', null, null, null, 'manual'],
    ]);
  });

  it('reports the missing reference column in French', () => {
    const result = readPlanGrid(gridOf(SHEETS.plan, [['N°', 'Constat', 'Action proposée']]));
    expect(result).toEqual({
      ok: false,
      problems: [{ code: 'column-missing', sheet: SHEETS.plan, message: "colonne « Référence » introuvable dans la feuille « Analyse et plan d'action »" }],
    });
  });
});

describe('planArea', () => {
  it('locates the table and the extent of its rows for rewriting', () => {
    const grid = gridOf(SHEETS.plan, [['Titre'], [], [null, ...HEADERS], [null, 1, 1], [], [null, 2, 2, 'x'], []], 1, 1);
    expect(planArea(grid)).toEqual({ ok: true, value: { headerRow: 3, firstColumn: 2, columnCount: HEADERS.length, rowCount: 3 } });
  });
});
