/** Year over year: two small hand-made campaigns whose evolution is computed by hand below. */
import { analyse } from '../../../src/domain/analyse';
import { compareCampaigns, type Campaign } from '../../../src/domain/campaign/compare';
import { serialOfDate } from '../../../src/domain/excelDates';
import { statusIs } from '../../../src/domain/planStatus';
import type { PlanRow } from '../../../src/domain/model';
import { cartographieOf, type HandRow } from '../../support/cartographie';
import { planRow } from '../../support/plan';

const PUI = 'CIRCUIT A LA PUI';
const BLOC = 'CIRCUIT AU BLOC OPERATOIRE';

/** Two steps, each computerised; one datum each; two flows from the PUI to the bloc, one flow bloc → bloc. */
function year(answers: { lot: string; pose: string; flowLot: string; flowIud: string; flowBloc: string }, extra: HandRow[] = []): HandRow[] {
  return [
    { ref: 'A-INF', zone: PUI, step: 'Délivrance', type: 'Informatisation', answer: 'OUI' },
    { ref: 'A-LOT', zone: PUI, step: 'Délivrance', type: 'Donnée', label: 'Lot', answer: answers.lot },
    { ref: 'B-INF', zone: BLOC, step: 'Pose', type: 'Informatisation', answer: 'OUI' },
    { ref: 'B-POSE', zone: BLOC, step: 'Pose', type: 'Donnée', label: 'Date de pose', answer: answers.pose },
    { ref: 'AB-LOT', zone: PUI, step: 'Délivrance', type: 'Interopérabilité', to: 'Pose', label: 'Lot', answer: answers.flowLot },
    { ref: 'AB-IUD', zone: PUI, step: 'Délivrance', type: 'Interopérabilité', to: 'Pose', label: 'IUD', answer: answers.flowIud },
    { ref: 'BB-LOT', zone: BLOC, step: 'Pose', type: 'Interopérabilité', to: 'Stock bloc', label: 'Lot', answer: answers.flowBloc },
    ...extra,
  ];
}

const plan2025: PlanRow[] = [
  planRow('P-DONE', { status: 'Réalisé' }),
  planRow('P-LATE', { dueDate: 46_000 }), // 9 December 2025
  planRow('P-LATER', { dueDate: 46_500, status: 'En cours' }), // 23 April 2027
  planRow('P-DROP', { status: ' abandonne ' }),
];

function campaign(rows: HandRow[], plan: PlanRow[]): Campaign {
  return { analysis: analyse(cartographieOf(rows)), plan };
}

describe('compareCampaigns', () => {
  // 2025: data Lot NON, Date de pose OUI → informatisation 1/2 = 50 %; flows: NON, NON, NA → interop 0/2 = 0 %, continuité 1/3, rupture 2/3.
  const before = campaign(year({ lot: 'NON', pose: 'OUI', flowLot: 'NON', flowIud: 'NON', flowBloc: 'NA' }), plan2025);
  // 2026: Lot OUI → 2/2 = 100 %; flows OUI, OUI, NA, and a new flow Pose → DMP answered NON.
  const newStep: HandRow = { ref: 'N-DMP', zone: 'DONNEES DU PATIENT EN DEHORS DE L\'HOPITAL', step: 'Pose', type: 'Interopérabilité', to: 'DMP', label: 'CRO', answer: 'NON' };
  const after = campaign(year({ lot: 'OUI', pose: 'OUI', flowLot: 'OUI', flowIud: 'OUI', flowBloc: 'NA' }, [newStep]), [planRow('P-DONE', { status: 'Réalisé' })]);
  const comparison = compareCampaigns(before, after, new Date(Date.UTC(2026, 10, 27)));
  const rate = (key: string) => comparison.rates.find((r) => r.key === key)!;

  it('gives each rate its evolution in points, and says whether it is an improvement', () => {
    expect(rate('informatisation')).toMatchObject({ points: 50, direction: 'hausse', improved: true });
    // Interopérabilité 0/2 = 0 % → 2/3 (OUI, OUI over OUI, OUI, NON) = 66.7 %: +66.7 points.
    expect(rate('interoperabilite')).toMatchObject({ points: 66.7, direction: 'hausse', improved: true });
    // Rupture 2/3 → 1/4 (the new NON over OUI, OUI, NA, NON): 66.7 % → 25 %: −41.7 points, an improvement.
    expect(rate('rupture')).toMatchObject({ points: -41.7, direction: 'baisse', improved: true });
    expect(rate('completude')).toMatchObject({ points: 0, direction: 'stable', improved: null });
  });

  it('lists the transitions whose rupture was closed, and none that appeared', () => {
    expect(comparison.closedRuptures).toEqual([{ fromLabel: 'Délivrance', toLabel: 'Pose', rupturesBefore: 2, rupturesAfter: 0 }]);
    expect(comparison.newRuptures).toEqual([]);
  });

  it('says what it could not compare: the new question and the new transition', () => {
    expect(comparison.notCompared).toEqual([
      '1 question(s) nouvelle(s) cette année (Réf. N-DMP) : sans équivalent l\'an dernier.',
      'Transitions nouvelles cette année : Pose → DMP.',
    ]);
  });

  it("sorts last year's actions: done, late, abandoned, open", () => {
    const refs = (rows: PlanRow[]) => rows.map((row) => row.ref);
    expect(refs(comparison.actions.done)).toEqual(['P-DONE']);
    expect(refs(comparison.actions.late)).toEqual(['P-LATE']);
    expect(refs(comparison.actions.abandoned)).toEqual(['P-DROP']);
    expect(refs(comparison.actions.open)).toEqual(['P-LATER']);
    expect(comparison.actions.doneGapStillThere).toEqual([]);
  });

  it('flags an action marked done whose gap the rules still find', () => {
    const gapRef = after.analysis.proposals[0]?.ref;
    expect(gapRef).toBeDefined();
    const claimed = compareCampaigns({ ...before, plan: [planRow(gapRef!, { status: 'Réalisé' })] }, after, new Date());
    expect(claimed.actions.doneGapStillThere.map((row) => row.ref)).toEqual([gapRef]);
    expect(claimed.actions.done).toEqual([]);
  });

  it('a rupture that appears is listed; a transition left unanswered is not "closed"', () => {
    const worse = campaign(year({ lot: 'NON', pose: 'OUI', flowLot: 'NON', flowIud: 'NON', flowBloc: 'NON' }), []);
    expect(compareCampaigns(before, worse, new Date()).newRuptures).toEqual([{ fromLabel: 'Pose', toLabel: 'Stock bloc', rupturesBefore: 0, rupturesAfter: 1 }]);
    const unanswered = campaign(year({ lot: 'NON', pose: 'OUI', flowLot: '', flowIud: '', flowBloc: 'NA' }), []);
    expect(compareCampaigns(before, unanswered, new Date()).closedRuptures).toEqual([]);
  });

  it('reads statuses and dates as typed', () => {
    expect(statusIs('réalisé', 'Réalisé')).toBe(true);
    expect(statusIs('REALISE ', 'Réalisé')).toBe(true);
    expect(statusIs('En cours', 'Réalisé')).toBe(false);
    expect(serialOfDate(new Date(Date.UTC(2026, 5, 30)))).toBe(46_203);
  });
});
