import { analyse } from '../../src/domain/analyse';
import { CATALOGUE } from '../../src/domain/catalogue';
import { DEMO_ESTABLISHMENT, demoAnswers } from '../../src/domain/demo';
import { cartographieFromAnswers } from '../support/cartographie';

const answers = demoAnswers();
const byRef = new Map(answers.map((a) => [a.ref, a]));
const analysis = analyse(cartographieFromAnswers(Object.fromEntries(answers.map((a) => [a.ref, a.answer]))));
const linkAnswers = (from: string, to: string) =>
  CATALOGUE.questions.filter((q) => q.step === from && q.to === to).map((q) => byRef.get(q.ref)?.answer);

describe('demo establishment', () => {
  it('is clearly fictitious', () => {
    expect(DEMO_ESTABLISHMENT.name).toMatch(/fictif/);
    expect(DEMO_ESTABLISHMENT.finess).toBe('000000000');
    const software = CATALOGUE.questions.filter((q) => q.type === 'Informatisation' && byRef.get(q.ref)?.answer === 'OUI');
    for (const q of software) expect(byRef.get(q.ref)?.comment).toMatch(/fictif/);
  });

  it('comments a transition once, on its first row', () => {
    const comments = CATALOGUE.questions.filter((q) => q.step === 'delivrance' && q.to === 'reception-bloc').map((q) => byRef.get(q.ref)?.comment);
    expect(comments[0]).toBe('Bon de délivrance papier');
    expect(comments.slice(1).every((c) => c === undefined)).toBe(true);
  });

  it('answers every row of the catalogue, deterministically, with valid and coherent answers', () => {
    expect(answers.map((a) => a.ref)).toEqual(CATALOGUE.questions.map((q) => q.ref));
    expect(demoAnswers()).toEqual(answers);
    expect(analysis.figures.counts).toMatchObject({ answered: CATALOGUE.questions.length, invalid: 0, incoherent: 0, empty: 0 });
    expect(analysis.findings).toEqual([]);
    expect(answers.filter((a) => a.answer === 'NA').length).toBeGreaterThan(0);
  });

  it('shows the typical gaps: ruptures PUI → bloc and bloc → DPI, no IUD-IP at pose, a bloc partly computerised', () => {
    expect(new Set(linkAnswers('delivrance', 'reception-bloc'))).toEqual(new Set(['NON']));
    expect(new Set(linkAnswers('pose', 'dossier-patient'))).toEqual(new Set(['NON']));
    expect(byRef.get('BLOC-POS-IUDIP')?.answer).toBe('NON');
    expect(byRef.get('BLOC-REC-INF')?.answer).toBe('NON');
    expect(byRef.get('BLOC-POS-INF')?.answer).toBe('OUI');
    const pui = analysis.figures.zones.find((z) => z.zone === 'pui');
    expect(pui?.etapesInformatisees.value).toBe(1);
    expect(analysis.figures.views.transitions.rupture.value).toBeGreaterThan(0.5);
  });

  it('makes several action rules fire', () => {
    const keys = new Set(analysis.proposals.map((p) => p.templateKey));
    expect(keys.size).toBeGreaterThanOrEqual(5);
    expect(analysis.proposals.some((p) => p.priority === 1)).toBe(true);
  });
});
