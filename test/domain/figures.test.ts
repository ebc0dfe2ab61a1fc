import { analyse } from '../../src/domain/analyse';
import { templateRows } from '../../src/domain/catalogue';
import type { Figures, Rate } from '../../src/domain/model';
import { cartographieFromAnswers, cartographieOf, randomCartographie } from '../support/cartographie';

const r = (numerator: number, denominator: number): Rate => ({ numerator, denominator, value: denominator === 0 ? null : numerator / denominator });
const rowsOfStep = (label: string) => templateRows().filter((row) => row.step === label).length;

describe('figures of a partly answered template (values computed by hand)', () => {
  const answers: Record<string, string> = {
    'PUI-DEL-INF': 'OUI',
    'BLOC-REC-INF': 'NON',
    'BLOC-POS-INF': 'NA',
    'PUI-DEL-LOT': 'OUI',
    'PUI-DEL-DEN': 'NON',
    'PUI-DEL-IUDIP': 'NA',
    'BLOC-REC-LOT': 'OUI', // incoherent: reception-bloc not computerised → NON
    'IO-DEL-RBO-DEN': 'OUI', // incoherent → NON
    'IO-DEL-RBO-LOT': 'NON',
    'IO-DEL-RBO-IUDID': 'NA', // incoherent → NON
    'IO-REC-DEL-DEN': 'NA',
    'IO-REC-DEL-LOT': 'OUI',
    'PUI-DEL-LEC': 'OUI',
    'BLOC-REC-LEC': 'NON',
    'BLOC-POS-LEC': 'OUI', // step NA: left out of the readers rate
    'PUI-DEP-DEP': 'OUI',
    'BLOC-CSO-DEP': 'NON',
  };
  const total = templateRows().length;
  const figures = analyse(cartographieFromAnswers(answers)).figures;
  const answered = Object.keys(answers).length;

  it('gives the overall rates on effective answers', () => {
    expect(figures.overall).toEqual({
      completude: r(answered, total),
      informatisation: r(1, 3),
      etapesInformatisees: r(1, 2),
      interoperabilite: r(1, 4),
      continuite: r(2, 5),
      rupture: r(3, 5),
    });
    // Critical: PUI-DEL-DEN NON and BLOC-REC-LOT (incoherent) among the Donnée rows; the three
    // délivrance → réception au bloc rows among the transmissions. No non-critical row is NON.
    expect(figures.counts).toEqual({
      rows: total,
      answered,
      empty: total - answered,
      invalid: 0,
      incoherent: 3,
      missingTraceabilityData: 2,
      sanitaryRuptures: 3,
      cityGaps: 0,
      financialGaps: 0,
    });
  });

  it('gives zone and step rates, Interopérabilité rows counting for their source step', () => {
    const pui = figures.zones.find((z) => z.zone === 'pui');
    expect(pui).toMatchObject({ label: 'CIRCUIT A LA PUI', informatisation: r(1, 2), etapesInformatisees: r(1, 1), interoperabilite: r(1, 4), rupture: r(3, 5) });
    const bloc = figures.zones.find((z) => z.zone === 'bloc');
    expect(bloc).toMatchObject({ informatisation: r(0, 1), etapesInformatisees: r(0, 1), interoperabilite: r(0, 0), continuite: r(0, 0) });
    const delivrance = figures.steps.find((s) => s.step === 'delivrance');
    expect(delivrance).toMatchObject({ zone: 'pui', completude: r(8, rowsOfStep('Délivrance au service utilisateur')), interoperabilite: r(0, 3) });
    expect(figures.zones.map((z) => z.zone)).toEqual(['fournisseurs', 'pui', 'bloc', 'patient', 'financier', 'ville']);
    expect(figures.steps).toHaveLength(16);
  });

  it('gives transitions and the three continuity views', () => {
    const link = figures.transitions.find((t) => t.from === 'delivrance' && t.to === 'reception-bloc');
    expect(link).toMatchObject({ crossZone: true, ruptures: 3, interoperabilite: r(0, 3), continuite: r(0, 3), rupture: r(3, 3), rows: 5 });
    expect(figures.views.pui).toMatchObject({ label: 'À la PUI', interoperabilite: r(1, 1), continuite: r(2, 2), rupture: r(0, 2) });
    expect(figures.views.pui.transitions.map((t) => `${t.from}>${t.to}`)).toEqual([
      'reception-livraison>reception-unitaire',
      'reception-unitaire>delivrance',
      'depots>delivrance',
    ]);
    expect(figures.views.transitions).toMatchObject({ interoperabilite: r(0, 3), continuite: r(0, 3), rupture: r(3, 3) });
    expect(figures.views.blocs).toMatchObject({ interoperabilite: r(0, 0), continuite: r(0, 0), rupture: r(0, 0) });
    expect(figures.views.blocs.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['reception-bloc>pose', 'pose>consommation']);
  });

  it('gives the equipment figures', () => {
    expect(figures.equipment.lecteurs).toEqual(r(1, 2));
    expect(figures.equipment.depots).toEqual(r(1, 2));
    expect(figures.equipment.steps.find((s) => s.step === 'delivrance')).toMatchObject({
      informatisation: 'OUI', lecteur: 'OUI', iudId: null, iudIp: 'NA', depot: null,
    });
  });
});

describe('figures of rows outside the catalogue (values computed by hand)', () => {
  const figures = analyse(
    cartographieOf([
      { step: 'Stérilisation', zone: 'CIRCUIT A LA PUI', type: 'Informatisation', answer: 'OUI', comment: ' Stéril X ' },
      { step: 'Stérilisation', zone: 'CIRCUIT A LA PUI', type: 'Donnée', label: 'Lot', answer: 'OUI' },
      { step: 'STÉRILISATION', zone: 'circuit a la pui', type: 'DONNÉE', label: 'Péremption', answer: 'non' },
      { step: 'Stérilisation', zone: 'CIRCUIT A LA PUI', type: 'Interopérabilité', label: 'Lot', to: 'DÉLIVRANCE AU SERVICE UTILISATEUR', answer: 'OUI' },
      { step: 'Stérilisation', zone: 'CIRCUIT A LA PUI', type: 'Interopérabilité', label: 'Lot', to: 'Salle de réveil', answer: 'N/A' },
      { step: 'Délivrance au service utilisateur', zone: 'CIRCUIT A LA PUI', type: 'Informatisation', answer: 'NON' },
      { step: 'Salle de réveil', zone: 'Bloc X', type: 'Informatisation', answer: 'OUI' },
      { step: 'Stérilisation', zone: 'CIRCUIT A LA PUI', type: 'Autre', answer: 'OUI' },
    ]),
  ).figures;

  it('counts them by their own columns', () => {
    expect(figures.overall).toEqual({
      completude: r(7, 8),
      informatisation: r(1, 2),
      etapesInformatisees: r(2, 3),
      interoperabilite: r(0, 1),
      continuite: r(1, 2),
      rupture: r(1, 2),
    });
    expect(figures.counts).toMatchObject({ invalid: 1, incoherent: 1 });
  });

  it('places unknown steps and zones after the catalogue ones, with their labels', () => {
    expect(figures.steps.slice(16).map((s) => [s.step, s.label, s.zone])).toEqual([
      ['~stérilisation', 'Stérilisation', 'pui'],
      ['~salle de réveil', 'Salle de réveil', '~bloc x'],
    ]);
    expect(figures.zones.slice(6).map((z) => [z.zone, z.label])).toEqual([['~bloc x', 'Bloc X']]);
    expect(figures.equipment.steps.find((s) => s.step === '~stérilisation')?.software).toBe('Stéril X');
  });

  it('places each transition in the right continuity view', () => {
    const inPui = figures.views.pui.transitions.find((t) => t.from === '~stérilisation');
    expect(inPui).toMatchObject({ to: 'delivrance', crossZone: false, ruptures: 1, interoperabilite: r(0, 1) });
    const crossing = figures.views.transitions.transitions.find((t) => t.from === '~stérilisation');
    expect(crossing).toMatchObject({ to: '~salle de réveil', toLabel: 'Salle de réveil', crossZone: true, continuite: r(1, 1) });
  });
});

describe('a workbook read alone gives the same figures', () => {
  const rates = (f: Figures) => ({ overall: f.overall, zones: f.zones, steps: f.steps, transitions: f.transitions, views: f.views, counts: f.counts });

  it('without references, and with every label of the Élément évalué column rewritten', () => {
    const cartographie = randomCartographie(7);
    const alone = {
      ...cartographie,
      entries: cartographie.entries.map((e) => ({ ...e, ref: '', label: `${e.label} (libellé local)` })),
    };
    expect(analyse(alone).rows.every((row) => row.question === undefined)).toBe(true);
    expect(rates(analyse(alone).figures)).toEqual(rates(analyse(cartographie).figures));
  });
});

describe('documented choices of the figures (values computed by hand)', () => {
  const PUI = 'CIRCUIT A LA PUI';

  it("reads a step's equipment from all its rows, NON before OUI before NA, whatever their order", () => {
    const rows = [
      { zone: PUI, step: 'Stérilisation', type: 'Informatisation', answer: 'OUI', comment: 'Stéril X' },
      { zone: PUI, step: 'Stérilisation', type: 'Lecteur', answer: 'NA' },
      { zone: PUI, step: 'Stérilisation', type: 'Lecteur', answer: 'OUI' },
      { zone: PUI, step: 'Stérilisation', type: 'Dépôt', answer: 'OUI' },
      { zone: PUI, step: 'Stérilisation', type: 'Dépôt', answer: 'NON' },
      { zone: PUI, step: 'Lavage', type: 'Informatisation', answer: 'NA' },
      { zone: PUI, step: 'Lavage', type: 'Lecteur', answer: 'OUI' },
      { zone: PUI, step: 'Lavage', type: 'Dépôt', answer: '' },
    ];
    for (const order of [rows, [...rows].reverse()]) {
      const { equipment } = analyse(cartographieOf(order)).figures;
      expect(equipment.steps.find((s) => s.step === '~stérilisation')).toMatchObject({ informatisation: 'OUI', lecteur: 'OUI', depot: 'NON', software: 'Stéril X' });
      expect(equipment.steps.find((s) => s.step === '~lavage')).toMatchObject({ informatisation: 'NA', lecteur: 'OUI', depot: null });
      // Stérilisation only: Lavage's Informatisation is NA. Dépôts: Stérilisation answered NON.
      expect(equipment.lecteurs).toEqual(r(1, 1));
      expect(equipment.depots).toEqual(r(0, 1));
    }
  });

  it('counts a transition towards a step with no Informatisation row as a point de transition', () => {
    const figures = analyse(
      cartographieOf([
        { zone: PUI, step: 'Stérilisation', type: 'Informatisation', answer: 'OUI' },
        { zone: PUI, step: 'Stérilisation', type: 'Interopérabilité', label: 'Lot', to: 'Lavage', answer: 'NON' },
        { zone: PUI, step: 'Lavage', type: 'Lecteur', answer: 'OUI' },
        { zone: PUI, step: 'Stérilisation', type: 'Interopérabilité', label: 'Lot', to: 'Tri', answer: 'OUI' },
        { zone: PUI, step: 'Tri', type: 'Informatisation', answer: 'OUI' },
      ]),
    ).figures;
    // Lavage has rows but no Informatisation row: its zone is unknown, so a point de transition.
    expect(figures.views.transitions).toMatchObject({ rupture: r(1, 1), interoperabilite: r(0, 1) });
    expect(figures.views.transitions.transitions.map((t) => t.to)).toEqual(['~lavage']);
    // Tri shows the same zone on its Informatisation row: inside the PUI.
    expect(figures.views.pui).toMatchObject({ rupture: r(0, 1), interoperabilite: r(1, 1) });
    expect(figures.transitions.find((t) => t.to === '~tri')?.crossZone).toBe(false);
  });
});
