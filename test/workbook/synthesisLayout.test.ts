import { analyse } from '../../src/domain/analyse';
import type { ActionProposal, Analysis, ContinuityView, Figures, Rate, RateSet, TransitionFigures } from '../../src/domain/model';
import type { LayoutCell, SheetLayout } from '../../src/workbook/port';
import { PERCENT_FORMAT, SYNTHESIS_DATE_ROW, synthesisLayout, TOP_ACTIONS } from '../../src/workbook/synthesisLayout';
import { randomCartographie } from '../support/cartographie';

const rate = (numerator: number, denominator: number): Rate => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
const NONE = rate(0, 0);

function rates(patch: Partial<RateSet> = {}): RateSet {
  return { completude: NONE, informatisation: NONE, etapesInformatisees: NONE, interoperabilite: NONE, continuite: NONE, rupture: NONE, ...patch };
}

function view(id: ContinuityView['id'], transitions: TransitionFigures[], patch: Partial<ContinuityView> = {}): ContinuityView {
  return { id, label: id, interoperabilite: NONE, continuite: NONE, rupture: NONE, transitions, ...patch };
}

const puiBloc: TransitionFigures = {
  from: 'delivrance',
  to: 'reception-bloc',
  fromLabel: 'Délivrance au service utilisateur',
  toLabel: 'Réception au bloc, stock de proximité',
  crossZone: true,
  interoperabilite: rate(1, 4),
  continuite: rate(1, 4),
  rupture: rate(3, 4),
  ruptures: 3,
  rows: 4,
};

function proposal(ref: string, priority: 1 | 2 | 3 | 4, order: number): ActionProposal {
  return { ref, templateKey: ref, priority, axis: 'Axe', scope: `Périmètre ${ref}`, finding: `Constat ${ref}`, action: `Action ${ref}`, actors: 'DSI', indicator: 'Indicateur', order };
}

/** A hand-built analysis: 3 of 4 data computerised, 1 of 4 links interoperable, no link at the PUI. */
function handAnalysis(): Analysis {
  const figures: Figures = {
    overall: rates({ completude: rate(30, 40), informatisation: rate(3, 4), interoperabilite: rate(1, 4), continuite: rate(1, 4), rupture: rate(3, 4) }),
    zones: [
      { zone: 'pui', label: 'CIRCUIT A LA PUI', ...rates({ completude: rate(10, 10), informatisation: rate(3, 3) }) },
      { zone: 'bloc', label: 'CIRCUIT AU BLOC OPERATOIRE', ...rates({ completude: rate(20, 30), informatisation: rate(0, 1), interoperabilite: rate(1, 4) }) },
    ],
    steps: [{ step: 'pose', label: 'Pose du DMI', zone: 'bloc', ...rates({ informatisation: rate(0, 1) }) }],
    transitions: [puiBloc],
    views: {
      pui: view('pui', []),
      transitions: view('transitions', [puiBloc], { interoperabilite: rate(1, 4), continuite: rate(1, 4), rupture: rate(3, 4) }),
      blocs: view('blocs', []),
    },
    equipment: {
      lecteurs: rate(1, 2),
      depots: NONE,
      steps: [{ step: 'pose', label: 'Pose du DMI', zone: 'bloc', informatisation: 'OUI', lecteur: 'NON', iudId: 'NA', iudIp: null, depot: null, software: 'BlocTrace' }],
    },
    counts: { rows: 40, answered: 30, empty: 8, invalid: 2, incoherent: 2, missingTraceabilityData: 1, sanitaryRuptures: 0, cityGaps: 0, financialGaps: 0 },
  };
  const proposals = [proposal('C', 3, 1), proposal('A', 1, 2), proposal('B', 2, 1), ...Array.from({ length: 10 }, (_, i) => proposal(`Z${i}`, 4, i))];
  return { cartographie: { sheet: 'x', entries: [] }, rows: [], findings: [], figures, proposals };
}

function at(layout: SheetLayout, row: number, col: number): LayoutCell | undefined {
  return layout.cells.find((cell) => cell.row === row && cell.col === col);
}

function find(layout: SheetLayout, value: string, from = 0): LayoutCell {
  const cell = layout.cells.find((c) => c.row >= from && c.value === value);
  if (!cell) throw new Error(`« ${value} » absent de la Synthèse`);
  return cell;
}

/** The cell under the header `header` in the first row below it labelled `label`. */
function under(layout: SheetLayout, header: string, label: string, from = 0): LayoutCell | undefined {
  const head = find(layout, header, from);
  const line = find(layout, label, head.row);
  return at(layout, line.row, head.col);
}

describe('synthesisLayout', () => {
  const date = new Date(2025, 2, 14, 9, 30);
  const layout = synthesisLayout(handAnalysis(), { establishment: 'CH de Valmont', date });

  it('titles the sheet with the date and the establishment', () => {
    expect(layout.sheet).toBe('Synthèse');
    expect(at(layout, 0, 0)?.style).toBe('title');
    expect(String(at(layout, SYNTHESIS_DATE_ROW, 0)?.value)).toContain('14 mars 2025');
    expect(find(layout, 'Établissement : CH de Valmont').style).toBe('subtitle');
  });

  it('shows completeness with its terms', () => {
    const label = find(layout, 'Complétude');
    expect(at(layout, label.row, 1)).toMatchObject({ value: 0.75, numberFormat: PERCENT_FORMAT });
    expect(at(layout, label.row, 2)?.value).toBe('30 / 40 lignes renseignées');
  });

  it('puts informatisation and interopérabilité side by side as numbers, non évaluable as text', () => {
    expect(under(layout, 'Informatisation des données', 'Circuit complet')).toMatchObject({ value: 0.75, numberFormat: '0 %' });
    expect(under(layout, 'Interopérabilité', 'Circuit complet')).toMatchObject({ value: 0.25, numberFormat: '0 %' });
    expect(under(layout, 'Points de rupture (CAQES R4 1.2)', 'Circuit complet')?.value).toBe(0.75);
    expect(under(layout, 'Étapes informatisées', 'Circuit complet')?.value).toBe('non évaluable');
  });

  it('lists the equipment of each step and the lecteurs rate', () => {
    const equipment = find(layout, 'Évaluer les équipements informatiques et matériels');
    expect(under(layout, 'Logiciel', 'Pose du DMI', equipment.row)?.value).toBe('BlocTrace');
    expect(under(layout, 'Lecteur', 'Pose du DMI', equipment.row)).toMatchObject({ value: 'NON', style: 'bad' });
    expect(under(layout, 'IUD-IP', 'Pose du DMI', equipment.row)?.value).toBe('—');
    expect(under(layout, 'Données informatisées', 'Pose du DMI', equipment.row)?.value).toBe(0);
    const lecteurs = find(layout, 'Étapes équipées de lecteurs automatiques de codes (hors étapes NA)');
    expect(at(layout, lecteurs.row, 1)?.value).toBe(0.5);
  });

  it('gives the three continuity views in order, with the transitions concerned', () => {
    const rows = ["Évaluer la continuité de l'information", 'À la PUI', 'Aux points de transition', 'Aux blocs opératoires', 'Conclusion et priorisation des actions'].map(
      (title) => find(layout, title).row,
    );
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
    const transition = find(layout, 'Délivrance au service utilisateur → Réception au bloc, stock de proximité');
    expect(transition.row).toBeGreaterThan(rows[2]);
    expect(transition.row).toBeLessThan(rows[3]);
    expect(at(layout, transition.row, 3)?.value).toBe(0.75);
    expect(at(layout, transition.row, 4)).toMatchObject({ value: 3, style: 'bad' });
    expect(layout.cells.filter((c) => c.value === "Aucune ligne d'interopérabilité dans ce périmètre.")).toHaveLength(2);
  });

  it('points the chart at a block of zone rates where non évaluable is blank, never 0 %', () => {
    const chart = layout.chart!;
    expect(chart.rowCount).toBe(2);
    expect(at(layout, chart.firstRow, chart.categoryCol)?.value).toBe('CIRCUIT A LA PUI');
    const [informatisation, interoperabilite] = chart.series;
    expect(at(layout, chart.firstRow, informatisation.col)?.value).toBe(1);
    expect(at(layout, chart.firstRow, interoperabilite.col)?.value).toBeNull();
    expect(at(layout, chart.firstRow + 1, interoperabilite.col)?.value).toBe(0.25);
    expect(under(layout, 'Interopérabilité', 'CIRCUIT A LA PUI', find(layout, 'Taux par zone du circuit').row)?.value).toBe('non évaluable');
  });

  it('concludes with the incoherent rows counted as NON and the top actions by priority', () => {
    expect(find(layout, '2 lignes incohérentes comptées comme NON (point de rupture) dans les taux.').style).toBe('warning');
    expect(find(layout, 'Données de traçabilité manquantes : 1 (ligne Donnée critique à NON ; R5212-38 à R5212-42 CSP ; MDR 2017/745 art. 18 et 27 ; arrêté du 8 septembre 2021).').style).toBe('warning');
    const header = find(layout, 'Action proposée');
    const listed = layout.cells.filter((c) => c.col === 0 && c.row > header.row && String(c.value).startsWith('Action ')).map((c) => c.value);
    expect(listed).toHaveLength(TOP_ACTIONS);
    expect(listed.slice(0, 4)).toEqual(['Action A', 'Action B', 'Action C', 'Action Z0']);
  });

  it('writes rates only as percent-formatted numbers and no formula', () => {
    for (const cell of layout.cells) {
      if (cell.style === 'percent') expect(cell.numberFormat).toBe(PERCENT_FORMAT);
      if (typeof cell.value === 'string') expect(cell.value.startsWith('=')).toBe(false);
    }
  });
});

describe('synthesisLayout on a real analysis', () => {
  it('carries the overall figures of the analysis', () => {
    const analysis = analyse(randomCartographie(7));
    const layout = synthesisLayout(analysis, { date: new Date(0) });
    const { overall } = analysis.figures;
    const cell = under(layout, 'Interopérabilité', 'Circuit complet');
    expect(cell?.value).toBe(overall.interoperabilite.value ?? 'non évaluable');
    expect(under(layout, 'Informatisation des données', 'Circuit complet')?.value).toBe(overall.informatisation.value ?? 'non évaluable');
    expect(layout.cells.every((c) => Number.isInteger(c.row) && Number.isInteger(c.col) && c.col < layout.columnWidths.length)).toBe(true);
  });
});
