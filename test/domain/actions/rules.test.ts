import fc from 'fast-check';
import { analyse } from '../../../src/domain/analyse';
import { proposeActions } from '../../../src/domain/actions/rules';
import { ACTION_TEMPLATES } from '../../../src/domain/actions/templates';
import { CATALOGUE } from '../../../src/domain/catalogue';
import { demoAnswers } from '../../../src/domain/demo';
import { cartographieFromAnswers, cartographieOf, prng, randomCartographie } from '../../support/cartographie';
import { cleanCartographie, proposalsOf, refsOf, refsOfType, type Overrides } from './fixtures';

/**
 * For each template: the smallest change to a clean circuit that reveals its gap, and the
 * reference of the proposal it must produce.
 */
const CASES: Record<string, { gap: Overrides; ref?: string }> = {
  'INFO-PUI-RECEPTION': { gap: { 'PUI-REC-INF': 'NON' } },
  'INFO-BLOC-POSE': { gap: { 'BLOC-POS-INF': 'NON' } },
  'INFO-DOSSIER-PATIENT': { gap: { 'PAT-DOS-INF': 'NON' } },
  'DONNEE-CRITIQUE': { gap: { 'PUI-REC-LOT': 'NON' }, ref: 'DONNEE-CRITIQUE@reception-unitaire' },
  'RUPTURE-PUI-BLOC': { gap: { 'IO-DEL-RBO-LOT': 'NON' } },
  'RUPTURE-BLOC-DPI': { gap: { 'IO-POS-DOS-LOT': 'NON' } },
  'RUPTURE-SANITAIRE': { gap: { 'IO-REC-DEL-LOT': 'NON' }, ref: 'RUPTURE-SANITAIRE@reception-unitaire>delivrance' },
  'IUD-RECEPTION-POSE': { gap: { 'BLOC-POS-IUDID': 'NON' } },
  'DOC-PATIENT': { gap: { 'PAT-DOC-CAR': 'NON' } },
  'RAPPEL-LOT': { gap: { 'PAT-RAP-INF': 'NON' } },
  'NON-RENSEIGNE-CRITIQUE': { gap: { 'PUI-REC-LOT': null } },
  INCOHERENCE: { gap: { 'PUI-REC-INF': 'NON' } },
  'INFO-BLOC-RECEPTION': { gap: { 'BLOC-REC-INF': 'NON' } },
  'INFO-REFERENCEMENT': { gap: { 'FOU-REF-INF': 'NON' } },
  'IUD-REFERENTIEL': { gap: { 'FOU-REF-IUDID': 'NON' } },
  'IUD-DEPLOIEMENT': { gap: { 'BLOC-CSO-IUDID': 'NON' } },
  'PEREMPTION-RECEPTION': { gap: { 'PUI-REC-PER': 'NON' } },
  'LECTEUR-PUI-BLOC': { gap: { 'PUI-REC-LEC': 'NON' } },
  'LECTEUR-SANS-IUD': { gap: { 'BLOC-CSO-IUDIP': 'NON' }, ref: 'LECTEUR-SANS-IUD@consommation' },
  DEPOTS: { gap: { 'PUI-DEP-DEP': 'NON' } },
  'RUPTURE-GEF-PUI': { gap: { 'IO-RCL-REC-LOT': 'NON' } },
  'RUPTURE-CONSOMMATION': { gap: { 'IO-CSO-DEP-DEN': 'NON' } },
  'FLUX-PMSI': { gap: { 'BLOC-POS-FIC': 'NON' } },
  'INFO-FINANCIER': { gap: { 'FOU-CMD-INF': 'NON' } },
  'DONNEE-GESTION': { gap: { 'FOU-CMD-DEN': 'NON' } },
  'EDI-FOURNISSEURS': { gap: { 'IO-LIV-RCL-LOT': 'NON' } },
  'RUPTURE-PMSI-FACTURATION': { gap: { 'IO-PMS-FAC-FIC': 'NON' } },
  'VILLE-DMP': { gap: { 'VIL-DMP-INF': 'NON' } },
  'SAISIE-INVALIDE': { gap: { 'PUI-REC-LOT': 'peut-être' } },
  'PEREMPTION-STOCKS': { gap: { 'BLOC-REC-PER': 'NON' } },
};

/** Proposals a clean circuit still receives: the retention check of computerised sanitary data. */
const CLEAN_REFS = ['CONSERVATION'];

describe('proposeActions on a clean circuit', () => {
  it('proposes only the retention check', () => {
    expect(refsOf(cleanCartographie())).toEqual(CLEAN_REFS);
  });
});

describe.each(Object.entries(CASES))('template %s', (key, { gap, ref = key }) => {
  it('fires on its minimal gap and not without it', () => {
    expect(refsOf(cleanCartographie())).not.toContain(ref);
    const proposals = proposalsOf(cleanCartographie(gap));
    const proposal = proposals.find((p) => p.ref === ref);
    expect(proposal).toBeDefined();
    expect(proposal!.templateKey).toBe(key);
    expect(proposal!.finding).not.toMatch(/[{}]/);
  });
});

describe('templates whose gap is not a single answer', () => {
  it('CONSERVATION disappears when no sanitary step is computerised', () => {
    const none = { 'PUI-REC-INF': 'NON', 'PUI-DEL-INF': 'NON', 'BLOC-POS-INF': 'NON', 'PAT-DOS-INF': 'NON', 'PAT-RAP-INF': 'NA' };
    expect(refsOf(cleanCartographie(none))).not.toContain('CONSERVATION');
    expect(refsOf(cleanCartographie({ ...none, 'PAT-RAP-INF': 'OUI' }))).toContain('CONSERVATION');
  });

  it('LOGICIEL-NON-NOMME fires when a computerised step names no software', () => {
    const proposal = proposalsOf(cleanCartographie({}, ['PUI-DEL-INF'])).find((p) => p.ref === 'LOGICIEL-NON-NOMME');
    expect(proposal?.finding).toContain('« Délivrance au service utilisateur »');
    expect(refsOf(cleanCartographie({ 'PUI-DEL-INF': 'NON' }, ['PUI-DEL-INF']))).not.toContain('LOGICIEL-NON-NOMME');
  });

  it('APPEL-OFFRES fires from a rupture rate of 20 %', () => {
    const interop = refsOfType('Interopérabilité');
    const needed = Math.ceil(interop.length * 0.2);
    const ruptures = (n: number) => Object.fromEntries(interop.slice(0, n).map((ref) => [ref, 'NON']));
    expect(refsOf(cleanCartographie(ruptures(needed - 1)))).not.toContain('APPEL-OFFRES');
    const proposal = proposalsOf(cleanCartographie(ruptures(needed))).find((p) => p.ref === 'APPEL-OFFRES');
    expect(proposal?.finding).toMatch(/Taux de points de rupture de \d+\u202f%/);
  });

  it('COMPLETUDE fires below 80 % of answered rows', () => {
    const all = cleanCartographie().entries.map((e) => e.ref);
    const allowed = Math.floor(all.length * 0.2);
    const empty = (n: number) => Object.fromEntries(all.slice(0, n).map((ref) => [ref, null]));
    expect(refsOf(cleanCartographie(empty(allowed)))).not.toContain('COMPLETUDE');
    const proposal = proposalsOf(cleanCartographie(empty(allowed + 1))).find((p) => p.ref === 'COMPLETUDE');
    expect(proposal?.finding).toContain(`${allowed + 1} ligne(s) sans réponse`);
  });

  it('every template has a case', () => {
    const covered = [...Object.keys(CASES), 'CONSERVATION', 'LOGICIEL-NON-NOMME', 'APPEL-OFFRES', 'COMPLETUDE'];
    expect(covered.sort()).toEqual(ACTION_TEMPLATES.map((t) => t.key).sort());
  });
});

describe('steps without software', () => {
  /** Templates that never say what to do about one step's software. */
  const TRANSVERSAL = ['INCOHERENCE', 'CONSERVATION', 'APPEL-OFFRES', 'NON-RENSEIGNE-CRITIQUE'];

  it.each(CATALOGUE.steps.map((s) => [s.id, s.label]))('%s: a missing software is always the object of an action', (id, label) => {
    const ref = CATALOGUE.questions.find((q) => q.step === id && q.type === 'Informatisation')!.ref;
    const proposals = proposalsOf(cleanCartographie({ [ref]: 'NON' })).filter((p) => !TRANSVERSAL.includes(p.templateKey));
    expect(proposals.some((p) => p.finding.includes(`« ${label} »`) || p.finding.includes(ref))).toBe(true);
  });

  it('leave the fields of a step without software to the computerisation action', () => {
    const refs = refsOf(cleanCartographie({ 'PUI-REC-INF': 'NON', 'PUI-REC-LOT': 'NON', 'PUI-REC-LEC': 'NON' }));
    expect(refs).toContain('INFO-PUI-RECEPTION');
    expect(refs).not.toContain('DONNEE-CRITIQUE@reception-unitaire');
    expect(refs).not.toContain('LECTEUR-PUI-BLOC');
  });
});

describe('findings and scope', () => {
  it('name the steps, data and rows concerned', () => {
    const proposal = proposalsOf(cleanCartographie({ 'PUI-REC-LOT': 'NON', 'PUI-REC-FAB': 'NON' })).find(
      (p) => p.templateKey === 'DONNEE-CRITIQUE',
    )!;
    expect(proposal.finding).toBe(
      "Champs réglementaires absents à l'étape « Réception unitaire, entrée en stock » : « N° de lot ou de série » et « Fabricant ou mandataire » (réf. PUI-REC-LOT, PUI-REC-FAB).",
    );
    expect(proposal.scope).toBe('CIRCUIT A LA PUI / Réception unitaire, entrée en stock');
    expect(proposal.priority).toBe(1);
  });

  it('give one proposal per step for per-step templates, with a stable reference', () => {
    const refs = refsOf(cleanCartographie({ 'PUI-REC-LOT': 'NON', 'BLOC-POS-LOT': 'NON', 'BLOC-POS-MED': 'NON' }));
    expect(refs.filter((r) => r.startsWith('DONNEE-CRITIQUE'))).toEqual(['DONNEE-CRITIQUE@reception-unitaire', 'DONNEE-CRITIQUE@pose']);
  });

  it('name transitions by their catalogue label', () => {
    const proposal = proposalsOf(cleanCartographie({ 'IO-DEL-RBO-LOT': 'NON' })).find((p) => p.ref === 'RUPTURE-PUI-BLOC')!;
    expect(proposal.scope).toBe('Délivrance PUI → réception au bloc');
    expect(proposal.finding).toContain('« N° de lot ou de série »');
    expect(proposal.finding).toContain('IO-DEL-RBO-LOT');
  });

  it('list at most eight references and count the others', () => {
    const empty = Object.fromEntries(refsOfType('Donnée').map((ref) => [ref, null]));
    const proposal = proposalsOf(cleanCartographie(empty)).find((p) => p.ref === 'NON-RENSEIGNE-CRITIQUE')!;
    const listed = /\(réf\. ([^)]*) et (\d+) autres\)/.exec(proposal.finding);
    expect(listed).not.toBeNull();
    expect(listed![1].split(', ')).toHaveLength(8);
  });

  it('list and count a reference once when rows share it, a row without Réf. by its sheet row', () => {
    const invalid = { type: 'Donnée', answer: 'peut-être' };
    const cartographie = cartographieOf([
      { ...invalid, ref: 'X-1' },
      { ...invalid, ref: 'X-1 ' },
      { ...invalid, ref: 'ligne 5' },
      { ...invalid, ref: '' },
      ...Array.from({ length: 8 }, (_, i) => ({ ...invalid, ref: `Y-${i}` })),
    ]);
    const proposal = proposalsOf(cartographie).find((p) => p.templateKey === 'SAISIE-INVALIDE')!;
    // Rows 2 and 3 share X-1; row 5, without Réf., reads « ligne 5 » like row 4's Réf.
    expect(proposal.finding).toContain('(réf. X-1, ligne 5, Y-0, Y-1, Y-2, Y-3, Y-4, Y-5 et 2 autres)');
  });
});

describe('effective answers', () => {
  it('count an interoperability OUI from a step without software as a rupture', () => {
    const cartographie = cleanCartographie({ 'PUI-DEL-INF': 'NON' });
    expect(analyse(cartographie).rows.find((r) => r.entry.ref === 'IO-DEL-RBO-LOT')?.status).toBe('incoherent');
    expect(refsOf(cartographie)).toEqual(expect.arrayContaining(['RUPTURE-PUI-BLOC', 'INCOHERENCE']));
  });

  it('never treat NA as a gap', () => {
    const na = Object.fromEntries(refsOfType('Interopérabilité').map((ref) => [ref, 'NA']));
    expect(refsOf(cleanCartographie(na))).toEqual(CLEAN_REFS);
  });

  it('read rows unknown to the catalogue through their own cells', () => {
    const cartographie = cartographieOf([
      { ref: 'X-1', zone: 'CIRCUIT A LA PUI', step: 'Préparation des kits', type: 'Lecteur', label: 'Douchette ?', answer: 'NON' },
      { ref: 'X-2', zone: 'CIRCUIT A LA PUI', step: 'Préparation des kits', type: 'Informatisation', label: 'Logiciel ?', answer: 'OUI' },
    ]);
    const proposals = proposalsOf(cartographie);
    const reader = proposals.find((p) => p.ref === 'LECTEUR-PUI-BLOC');
    expect(reader?.finding).toContain('« Préparation des kits »');
    expect(proposals.map((p) => p.ref)).toContain('LOGICIEL-NON-NOMME');
  });
});

describe('the demo establishment', () => {
  const answers = Object.fromEntries(demoAnswers().map((a) => [a.ref, a.answer]));
  const proposals = analyse(cartographieFromAnswers(answers)).proposals;

  it('receives priority 1 actions on its sanitary ruptures', () => {
    expect(proposals.filter((p) => p.priority === 1).length).toBeGreaterThan(0);
    expect(proposals.map((p) => p.templateKey)).toEqual(expect.arrayContaining(['RUPTURE-PUI-BLOC', 'RUPTURE-BLOC-DPI']));
  });
});

describe('proposeActions properties', () => {
  it('is deterministic, sorted by priority then circuit order, with unique references', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 5 }), (seed, extra) => {
        const { rows, figures, proposals } = analyse(randomCartographie(seed, extra));
        expect(proposeActions(rows, figures)).toEqual(proposals);
        expect(new Set(proposals.map((p) => p.ref)).size).toBe(proposals.length);
        for (let i = 1; i < proposals.length; i++) {
          const [a, b] = [proposals[i - 1], proposals[i]];
          expect(a.priority < b.priority || (a.priority === b.priority && a.order <= b.order)).toBe(true);
        }
        for (const p of proposals) expect(`${p.finding}${p.scope}`).not.toMatch(/[{}]|undefined/);
      }),
      { numRuns: 60 },
    );
  });

  it('gives a template the same reference whatever else is answered', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (seed) => {
        const random = randomCartographie(seed);
        const entries = random.entries.map((e) => (e.ref === 'PUI-REC-LOT' ? { ...e, answer: { value: 'NON' } } : e));
        const pui = entries.find((e) => e.ref === 'PUI-REC-INF')!;
        pui.answer = { value: 'OUI' };
        expect(refsOf({ ...random, entries })).toContain('DONNEE-CRITIQUE@reception-unitaire');
      }),
      { numRuns: 30 },
    );
  });

  it('orders rows by where they are in the sheet, whatever their order in the list', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed, extra, order) => {
        const { rows, figures, proposals } = analyse(randomCartographie(seed, extra));
        // The same rows (same sheet rows), listed in another order: circuit order sorts them again.
        const random = prng(order);
        const shuffled = rows.slice();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        expect(proposeActions(shuffled, figures)).toEqual(proposals);
      }),
      { numRuns: 40 },
    );
  });
});
