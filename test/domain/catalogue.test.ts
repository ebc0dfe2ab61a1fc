import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE, parseQuestionType, questionByRef, questionType, stepById, stepByLabel, stepOfLabel, templateRows, zoneById } from '../../src/domain/catalogue';
import { buildCatalogue } from '../../src/domain/catalogue/build';
import type { Catalogue } from '../../src/domain/model';
import { validateCatalogue } from './validation';

const STEP_IDS = [
  'referencement', 'commande', 'livraison',
  'reception-livraison', 'reception-unitaire', 'depots', 'delivrance',
  'reception-bloc', 'pose', 'consommation',
  'dossier-patient', 'document-patient', 'rappel-lot',
  'pmsi', 'facturation', 'ville',
];
const DATUM_IDS = [
  'denomination', 'lot-serie', 'fabricant', 'delivrance', 'date-pose', 'patient', 'medecin', 'dossier',
  'document-patient', 'lieu-pose', 'carte-implant', 'iud-id', 'iud-ip', 'peremption', 'fichcomp',
];
const TRANSITIONS = [
  'livraison>reception-livraison', 'referencement>reception-unitaire', 'reception-livraison>reception-unitaire',
  'reception-unitaire>delivrance', 'depots>delivrance', 'delivrance>reception-bloc', 'reception-bloc>pose',
  'pose>consommation', 'pose>dossier-patient', 'consommation>depots', 'consommation>commande', 'pose>pmsi',
  'dossier-patient>document-patient', 'pose>rappel-lot', 'pmsi>facturation', 'dossier-patient>ville',
];

const questionsOf = (step: string, type?: string) =>
  CATALOGUE.questions.filter((q) => q.step === step && (type === undefined || q.type === type));

describe('catalogue content', () => {
  it('has the six zones and sixteen steps in circuit order', () => {
    expect(CATALOGUE.zones.map((z) => z.id)).toEqual(['fournisseurs', 'pui', 'bloc', 'patient', 'financier', 'ville']);
    expect(zoneById('patient')?.label).toBe("A L'HOPITAL – DONNEES PATIENTS");
    expect([...CATALOGUE.steps].sort((a, b) => a.order - b.order).map((s) => s.id)).toEqual(STEP_IDS);
    expect(stepById('pose')?.zone).toBe('bloc');
    expect(stepById('nope')).toBeUndefined();
  });

  it('holds every datum of SPEC §5, critical except péremption and FICHCOMP', () => {
    expect(CATALOGUE.data.map((d) => d.id).sort()).toEqual([...DATUM_IDS].sort());
    const notCritical = CATALOGUE.data.filter((d) => !d.critical).map((d) => d.id);
    expect(notCritical.sort()).toEqual(['fichcomp', 'peremption']);
  });

  it('holds exactly the circuit transitions, each with Interopérabilité rows', () => {
    expect(CATALOGUE.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(TRANSITIONS);
    for (const key of TRANSITIONS) {
      const [from, to] = key.split('>');
      expect(questionsOf(from, 'Interopérabilité').filter((q) => q.to === to).length).toBeGreaterThan(0);
    }
  });

  it('asks each datum at least once as a Donnée row, with its regulatory source', () => {
    for (const datum of CATALOGUE.data) {
      const rows = CATALOGUE.questions.filter((q) => q.type === 'Donnée' && q.datum === datum.id);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.source).toBe(datum.source);
    }
  });

  it.each<[string, string[]]>([
    ['denomination', ['reception-livraison', 'reception-unitaire']],
    ['lot-serie', ['reception-livraison', 'reception-unitaire']],
    ['fabricant', ['referencement', 'reception-unitaire']],
    ['delivrance', ['delivrance']],
    ['date-pose', ['pose']],
    ['patient', ['pose']],
    ['medecin', ['pose']],
    ['dossier', ['dossier-patient']],
    ['document-patient', ['document-patient']],
    ['carte-implant', ['document-patient']],
    ['iud-id', ['referencement', 'reception-unitaire', 'pose']],
    ['iud-ip', ['reception-unitaire', 'pose']],
    ['peremption', ['reception-unitaire']],
    ['fichcomp', ['pose', 'pmsi']],
  ])('asks %s where SPEC §5 says it is first captured', (datum, steps) => {
    for (const step of steps) expect(questionsOf(step, 'Donnée').map((q) => q.datum)).toContain(datum);
  });

  it('asks lot/série wherever the device is handled on its way to the patient', () => {
    for (const step of ['reception-unitaire', 'delivrance', 'reception-bloc', 'pose', 'dossier-patient', 'document-patient', 'rappel-lot']) {
      expect(questionsOf(step, 'Donnée').map((q) => q.datum)).toContain('lot-serie');
    }
    for (const step of ['reception-unitaire', 'pose']) {
      expect(questionsOf(step, 'Donnée').map((q) => q.datum)).toEqual(expect.arrayContaining(['iud-id', 'iud-ip']));
    }
  });

  it('has one Informatisation row per step, readers where scanning happens, dépôts at PUI and bloc steps only', () => {
    for (const step of STEP_IDS) expect(questionsOf(step, 'Informatisation')).toHaveLength(1);
    for (const step of ['reception-unitaire', 'delivrance', 'reception-bloc', 'pose']) expect(questionsOf(step, 'Lecteur')).toHaveLength(1);
    const depotZones = new Set(CATALOGUE.questions.filter((q) => q.type === 'Dépôt').map((q) => q.zone));
    expect([...depotZones].sort()).toEqual(['bloc', 'pui']);
    expect(questionsOf('depots', 'Dépôt')).toHaveLength(1);
  });

  it('has unique, readable references and 130 to 220 rows', () => {
    const refs = CATALOGUE.questions.map((q) => q.ref);
    expect(new Set(refs).size).toBe(refs.length);
    for (const ref of refs) expect(ref).toMatch(/^[A-Z]+(-[A-Z0-9]+)+$/);
    expect(refs.length).toBeGreaterThanOrEqual(130);
    expect(refs.length).toBeLessThanOrEqual(220);
  });

  it('flags as critical a regulatory datum at a sanitary step, never at a financial or city-side one (SPEC §5)', () => {
    const critical = (ref: string) => questionByRef(ref)?.critical;
    // R5212-38 at the PUI, R5212-39 at the pose, R5212-40 in the dossier, R5212-42 / MDR art. 18 on the document.
    for (const ref of ['PUI-REC-LOT', 'PUI-REC-FAB', 'PUI-DEL-DLV', 'BLOC-POS-PAT', 'BLOC-POS-MED', 'PAT-DOS-DOS', 'PAT-DOC-CAR', 'PAT-DOC-MED', 'PAT-RAP-LOT']) {
      expect([ref, critical(ref)]).toEqual([ref, true]);
    }
    // MDR art. 27 and the 2021 arrêté: IUD at the sanitary steps.
    for (const ref of ['PUI-REC-IUDID', 'PUI-DEL-IUDIP', 'BLOC-REC-IUDID', 'BLOC-POS-IUDIP', 'PAT-DOS-IUDID']) expect([ref, critical(ref)]).toEqual([ref, true]);
    // The same data on financial, référentiel or city-side rows, and non-regulatory data anywhere.
    for (const ref of ['FOU-CMD-DEN', 'FOU-LIV-LOT', 'PUI-RCL-LOT', 'BLOC-CSO-LOT', 'FIN-PMSI-PAT', 'FIN-FAC-LOT', 'FOU-REF-IUDID', 'VIL-DMP-LOT', 'PUI-REC-PER', 'BLOC-POS-FIC']) {
      expect([ref, critical(ref)]).toEqual([ref, false]);
    }
    for (const step of ['commande', 'livraison', 'reception-livraison', 'consommation', 'pmsi', 'facturation', 'ville', 'referencement']) {
      expect(CATALOGUE.questions.filter((q) => q.step === step && q.critical).map((q) => q.ref)).toEqual([]);
    }
  });

  it('flags a transmission as critical only between two sanitary steps', () => {
    const critical = (from: string, to: string) => new Set(CATALOGUE.questions.filter((q) => q.step === from && q.to === to).map((q) => q.critical));
    for (const [from, to] of [['delivrance', 'reception-bloc'], ['reception-bloc', 'pose'], ['pose', 'dossier-patient'], ['pose', 'rappel-lot'], ['dossier-patient', 'document-patient']]) {
      expect([from, to, [...critical(from, to)]]).toEqual([from, to, [true]]);
    }
    for (const [from, to] of [['pose', 'pmsi'], ['pose', 'consommation'], ['dossier-patient', 'ville'], ['reception-livraison', 'reception-unitaire'], ['consommation', 'depots']]) {
      expect([from, to, [...critical(from, to)]]).toEqual([from, to, [false]]);
    }
  });
});

describe('catalogue against the law (additions keep the published references)', () => {
  const published = readFileSync(join(__dirname, 'fixtures', 'published-refs.txt'), 'utf8').split('\n').filter(Boolean);

  it('keeps every published reference, at the same step, type and datum', () => {
    expect(published).toHaveLength(177);
    const refs = new Set(CATALOGUE.questions.map((q) => q.ref));
    expect(published.filter((ref) => !refs.has(ref))).toEqual([]);
  });

  it.each<[string, string, string, string | undefined]>([
    ['PAT-DOC-MED', 'document-patient', 'Donnée', 'R5212-39 CSP'],
    ['PAT-DOC-LIE', 'document-patient', 'Donnée', 'R5212-42 CSP'],
    ['PAT-DOS-FAB', 'dossier-patient', 'Donnée', 'R5212-38 CSP'],
    ['IO-POS-DOS-FAB', 'pose', 'Interopérabilité', 'R5212-38 CSP'],
    ['BLOC-CSO-IUDIP', 'consommation', 'Donnée', 'MDR 2017/745 art. 27 ; arrêté du 8 septembre 2021'],
    ['IO-DOS-VIL-IUDIP', 'dossier-patient', 'Interopérabilité', 'MDR 2017/745 art. 27 ; arrêté du 8 septembre 2021'],
    ['VIL-DMP-IUDIP', 'ville', 'Donnée', 'MDR 2017/745 art. 27 ; arrêté du 8 septembre 2021'],
    ['BLOC-POS-DEP', 'pose', 'Dépôt', undefined],
  ])('asks %s (new)', (ref, step, type, source) => {
    expect(published).not.toContain(ref);
    expect(questionByRef(ref)).toMatchObject({ step, type, ...(source ? { source } : {}) });
  });

  it("names the patient's identity on the carte d'implant item (MDR art. 18)", () => {
    expect(questionByRef('PAT-DOC-CAR')?.label).toMatch(/identité du patient/);
  });
});

describe('templateRows', () => {
  const rows = templateRows();

  it('writes labels, not ids, with the destination step label on Interopérabilité rows only', () => {
    const row = rows.find((r) => r.ref === 'IO-DEL-RBO-LOT');
    expect(row).toEqual({
      ref: 'IO-DEL-RBO-LOT',
      zone: 'CIRCUIT A LA PUI',
      step: 'Délivrance au service utilisateur',
      type: 'Interopérabilité',
      label: 'Transmission électronique : N° de lot ou de série',
      to: 'Réception au bloc, stock de proximité',
      critical: 'OUI',
    });
    for (const r of rows) expect(r.to === '').toBe(r.type !== 'Interopérabilité');
    expect(rows.find((r) => r.ref === 'PUI-REC-PER')?.critical).toBe('');
  });

  it('lists rows in circuit order, each step starting with its Informatisation row', () => {
    const order = rows.map((r) => stepByLabel(r.step)?.order ?? -1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const step of CATALOGUE.steps) {
      expect(rows.find((r) => r.step === step.label)?.type).toBe('Informatisation');
    }
  });

  it('returns fresh copies', () => {
    rows[0].label = 'modifié';
    expect(templateRows()[0].label).not.toBe('modifié');
  });
});

describe('label lookups', () => {
  it('group by the label as COUNTIFS compares it: case aside, accents and spaces count', () => {
    expect(stepOfLabel('DÉLIVRANCE AU SERVICE UTILISATEUR')?.id).toBe('delivrance');
    expect(stepOfLabel('Delivrance au service utilisateur')).toBeUndefined();
    expect(stepOfLabel('Délivrance au service utilisateur ')).toBeUndefined();
    expect(questionType('DONNÉE')).toBe('Donnée');
    expect(questionType('Donnee')).toBeNull();
    expect(questionType('Données')).toBeNull();
  });

  it('find steps and types whatever the case, accents, spaces and apostrophes, for hints', () => {
    expect(stepByLabel('  document REMIS au patient,   carte d’implant ')?.id).toBe('document-patient');
    expect(stepByLabel('Delivrance au service utilisateur')?.id).toBe('delivrance');
    expect(parseQuestionType(' interoperabilite ')).toBe('Interopérabilité');
    expect(parseQuestionType('DONNEE')).toBe('Donnée');
    expect(parseQuestionType('Données')).toBe('Donnée');
    expect(parseQuestionType('Lecteurs ')).toBe('Lecteur');
    expect(parseQuestionType('Dépôts')).toBe('Dépôt');
    expect(parseQuestionType('Autre')).toBeNull();
  });
});

describe('validateCatalogue', () => {
  const broken = (change: (c: Catalogue) => void): Catalogue => {
    const c = structuredClone(buildCatalogue());
    change(c);
    return c;
  };

  it('accepts the built catalogue', () => {
    expect(validateCatalogue(buildCatalogue()).questions).toHaveLength(CATALOGUE.questions.length);
  });

  it.each<[string, (c: Catalogue) => void, RegExp]>([
    ['duplicate reference', (c) => c.questions.push({ ...c.questions[0] }), /référence en double : FOU-REF-INF/],
    ['unknown step', (c) => (c.questions[3].step = 'sterilisation'), /étape inconnue sterilisation/],
    ['unknown datum', (c) => (c.questions[1].datum = 'couleur'), /donnée inconnue couleur/],
    ['unknown zone', (c) => ((c.steps[0] as { zone: string }).zone = 'labo'), /steps\.0\.zone/],
    ['Interopérabilité without destination', (c) => delete c.questions.find((q) => q.type === 'Interopérabilité')!.to, /sans étape de destination/],
    ['destination outside the transitions', (c) => (c.questions.find((q) => q.type === 'Interopérabilité')!.to = 'ville'), /n'est pas une transition/],
    ['wrong critical flag', (c) => (c.questions.find((q) => q.ref === 'PUI-REC-LOT')!.critical = false), /drapeau critique/],
    ['critical flag on a financial step', (c) => (c.questions.find((q) => q.ref === 'FOU-CMD-DEN')!.critical = true), /drapeau critique/],
    ['second Informatisation row', (c) => c.questions.push({ ...c.questions[0], ref: 'FOU-REF-INF2', label: 'Autre' }), /2 lignes Informatisation/],
    ['transition without rows', (c) => (c.questions = c.questions.filter((q) => q.to !== 'ville')), /dossier-patient>ville : aucune ligne/],
  ])('rejects a %s with a clear message', (_name, change, message) => {
    expect(() => validateCatalogue(broken(change))).toThrow(message);
  });
});

describe('lookups made on first use', () => {
  type CatalogueModule = typeof import('../../src/domain/catalogue');
  /** The catalogue module loaded afresh, nothing made yet, with `first` called on it before anything else. */
  function freshAfter(first: (c: CatalogueModule) => unknown): CatalogueModule {
    let loaded: CatalogueModule | undefined;
    jest.isolateModules(() => {
      loaded = jest.requireActual<CatalogueModule>('../../src/domain/catalogue');
    });
    first(loaded!);
    return loaded!;
  }
  const firsts: [string, (c: CatalogueModule) => unknown][] = [
    ['questionByRef', (c) => c.questionByRef('REF-INF')],
    ['questionsOfLabel', (c) => c.questionsOfLabel('Pose du DMI')],
    ['stepByLabel', (c) => c.stepByLabel('pose du dmi')],
    ['parseQuestionType', (c) => c.parseQuestionType('Données')],
    ['templateRows', (c) => c.templateRows()],
  ];

  it('the questions of the catalogue are one list, the same at every read', () => {
    const fresh = freshAfter(() => undefined);
    expect(fresh.CATALOGUE.questions).toBe(fresh.CATALOGUE.questions);
    expect(buildCatalogue().questions).toEqual(CATALOGUE.questions);
  });

  it.each(firsts)('every lookup answers the same whichever is used first (here %s)', (_, first) => {
    const fresh = freshAfter(first);
    for (const q of CATALOGUE.questions) {
      expect(fresh.questionByRef(q.ref.toLowerCase())).toEqual(q);
      expect(fresh.questionOfRef(q.ref)).toEqual(q);
      expect(fresh.questionsOfLabel(` ${q.label.toUpperCase()} `)).toEqual(CATALOGUE.questions.filter((other) => other.label === q.label));
    }
    for (const s of CATALOGUE.steps) expect(fresh.stepByLabel(s.label.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))?.id).toBe(s.id);
    for (const z of CATALOGUE.zones) expect(fresh.zoneByLabel(z.label.toLowerCase())?.id).toBe(z.id);
    expect(fresh.parseQuestionType('interoperabilites')).toBe('Interopérabilité');
    expect(fresh.templateRows()).toEqual(templateRows());
    expect(fresh.questionsOfLabel('Pose du DMI (ligne ajoutée 3)')).toBeUndefined();
  });
});
