/** Priority 1 follows the regulatory counts exactly; the plan reads in circuit order of where the gap is. */
import { templateRows } from '../../../src/domain/catalogue';
import type { ActionProposal } from '../../../src/domain/model';
import { cleanCartographie, proposalsOf } from './fixtures';

const baseline = new Set(proposalsOf(cleanCartographie()).map((p) => p.ref));
const added = (answers: Record<string, string | null>): ActionProposal[] => proposalsOf(cleanCartographie(answers)).filter((p) => !baseline.has(p.ref));
const gapRows = templateRows().filter((row) => row.type === 'Donnée' || row.type === 'Interopérabilité');

describe('priority 1 is the regulatory traceability, exactly', () => {
  it.each(gapRows.filter((row) => row.critical === 'OUI').map((row) => [row.ref]))('%s (critical) answered NON: priority-1 proposals only', (ref) => {
    const proposals = added({ [ref]: 'NON' });
    expect(proposals.length).toBeGreaterThan(0);
    expect(proposals.map((p) => [p.ref, p.priority])).toEqual(proposals.map((p) => [p.ref, 1]));
  });

  it.each(gapRows.filter((row) => row.critical !== 'OUI').map((row) => [row.ref]))('%s (not critical) answered NON: no priority-1 proposal', (ref) => {
    const proposals = added({ [ref]: 'NON' });
    expect(proposals.length).toBeGreaterThan(0);
    expect(proposals.filter((p) => p.priority === 1).map((p) => p.ref)).toEqual([]);
  });

  it('holds for critical rows at a step without software: computerising that step becomes priority 1', () => {
    const proposals = added({ 'BLOC-REC-INF': 'NON', 'BLOC-REC-LOT': 'NON' });
    expect(proposals.find((p) => p.ref === 'INFO-BLOC-RECEPTION')?.priority).toBe(1);
    // Without a regulatory gap there (its rows and flows left unanswered), the template's own priority stays.
    const touching = templateRows().filter((r) => r.type !== 'Informatisation' && [r.step, r.to].includes('Réception au bloc, stock de proximité'));
    const unanswered = Object.fromEntries(touching.map((r) => [r.ref, null]));
    expect(added({ 'BLOC-REC-INF': 'NON', ...unanswered }).find((p) => p.ref === 'INFO-BLOC-RECEPTION')?.priority).toBe(2);
  });
});

describe('circuit order and prerequisites', () => {
  it('places a proposal at the step where its gap is, not the first step its rule could concern', () => {
    // IUD missing at the pose (rank 9) against a critical field missing at the délivrance (rank 7).
    const refs = added({ 'BLOC-POS-IUDID': 'NON', 'PUI-DEL-LOT': 'NON' }).map((p) => p.ref);
    expect(refs.indexOf('DONNEE-CRITIQUE@delivrance')).toBeGreaterThanOrEqual(0);
    expect(refs.indexOf('DONNEE-CRITIQUE@delivrance')).toBeLessThan(refs.indexOf('IUD-RECEPTION-POSE'));
  });

  it('ranks the computerisation of the bloc reception before the interface that needs it, at its priority', () => {
    const proposals = added({ 'BLOC-REC-INF': 'NON', 'IO-DEL-RBO-LOT': 'NON' });
    const refs = proposals.map((p) => p.ref);
    const software = proposals.find((p) => p.ref === 'INFO-BLOC-RECEPTION')!;
    const interface_ = proposals.find((p) => p.ref === 'RUPTURE-PUI-BLOC')!;
    expect(software.priority).toBe(interface_.priority);
    expect(refs.indexOf('INFO-BLOC-RECEPTION')).toBe(refs.indexOf('RUPTURE-PUI-BLOC') - 1);
    expect(software.order).toBeLessThan(interface_.order);
  });

  it('raises a prerequisite of a lower priority to the priority of what depends on it', () => {
    // Orders not computerised (a priority-3 template) while the consumption → réassort flow (priority 2) needs them.
    const proposals = added({ 'FOU-CMD-INF': 'NON', 'IO-CSO-CMD-DEN': 'NON' });
    const refs = proposals.map((p) => p.ref);
    expect(proposals.find((p) => p.ref === 'RUPTURE-CONSOMMATION')?.priority).toBe(2);
    expect(proposals.find((p) => p.ref === 'INFO-FINANCIER')?.priority).toBe(2);
    expect(refs.indexOf('INFO-FINANCIER')).toBeLessThan(refs.indexOf('RUPTURE-CONSOMMATION'));
  });
});
