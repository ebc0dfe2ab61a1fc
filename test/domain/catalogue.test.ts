import { CATALOGUE, parseQuestionType, stepById, stepByLabel, templateRows, validateCatalogue, zoneById } from '../../src/domain/catalogue';
import { buildCatalogue } from '../../src/domain/catalogue/build';
import type { Catalogue } from '../../src/domain/model';

const STEP_IDS = [
  'referencement', 'commande', 'livraison',
  'reception-livraison', 'reception-unitaire', 'depots', 'delivrance',
  'reception-bloc', 'pose', 'consommation',
  'dossier-patient', 'document-patient', 'rappel-lot',
  'pmsi', 'facturation', 'ville',
];
const DATUM_IDS = [
  'denomination', 'lot-serie', 'fabricant', 'delivrance', 'date-pose', 'patient', 'medecin', 'dossier',
  'document-patient', 'carte-implant', 'iud-id', 'iud-ip', 'peremption', 'fichcomp',
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

  it('flags exactly the Donnée and Interopérabilité rows that carry a critical datum', () => {
    const criticalData = new Set(CATALOGUE.data.filter((d) => d.critical).map((d) => d.id));
    for (const q of CATALOGUE.questions) {
      const expected = (q.type === 'Donnée' || q.type === 'Interopérabilité') && criticalData.has(q.datum ?? '');
      expect({ ref: q.ref, critical: q.critical }).toEqual({ ref: q.ref, critical: expected });
    }
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
  it('find steps and types whatever the case, accents, spaces and apostrophes', () => {
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
    ['wrong critical flag', (c) => (c.questions.find((q) => q.datum === 'lot-serie')!.critical = false), /drapeau critique/],
    ['second Informatisation row', (c) => c.questions.push({ ...c.questions[0], ref: 'FOU-REF-INF2', label: 'Autre' }), /2 lignes Informatisation/],
    ['transition without rows', (c) => (c.questions = c.questions.filter((q) => q.to !== 'ville')), /dossier-patient>ville : aucune ligne/],
  ])('rejects a %s with a clear message', (_name, change, message) => {
    expect(() => validateCatalogue(broken(change))).toThrow(message);
  });
});
