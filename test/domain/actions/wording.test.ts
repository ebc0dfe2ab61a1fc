import fc from 'fast-check';
import { fillFinding } from '../../../src/domain/actions/wording';
import { assess } from '../../../src/domain/assess';
import { CATALOGUE, datumById, stepById } from '../../../src/domain/catalogue';
import type { EvaluatedRow } from '../../../src/domain/model';
import { tidyLabel } from '../../../src/domain/text';
import { cartographieOf, prng, randomCartographie } from '../../support/cartographie';

/** The labels of the rows, each found from its own cells, distinct, in order. */
function labels(rows: EvaluatedRow[], label: (r: EvaluatedRow) => string): string {
  return [...new Set(rows.map(label))].map((text) => `« ${text} »`).join('/');
}
const step = (r: EvaluatedRow) => stepById(r.step)?.label ?? (tidyLabel(r.entry.step) || r.step);
const to = (r: EvaluatedRow) => (r.to && stepById(r.to)?.label) || tidyLabel(r.entry.to) || (r.to ?? '');
const datum = (r: EvaluatedRow) => (r.datum && datumById(r.datum)?.label) || tidyLabel(r.entry.label);
const transition = (r: EvaluatedRow) => CATALOGUE.transitions.find((t) => t.from === r.step && t.to === r.to)?.label ?? `${step(r)} → ${to(r)}`;

/** The finding's lists with one separator, to compare them with the labels above. */
const list = (text: string) => text.replace(/, | et /g, '/');

describe('findings list labels', () => {
  it('name each step, datum and transition as its rows say, whatever rows follow each other', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed, extra, pick) => {
        // Rows of added steps, and catalogue rows relabelled, among the catalogue's.
        const hand = cartographieOf([
          { zone: 'Zone ajoutée', step: 'Stérilisation', type: 'Donnée', label: 'Lot ', answer: 'NON' },
          { zone: 'Zone ajoutée', step: 'stérilisation', type: 'Interopérabilité', label: 'Lot', to: 'Salle de réveil', answer: 'NON' },
        ]).entries;
        const random = randomCartographie(seed, extra);
        const entries = [...random.entries, ...hand.map((e, i) => ({ ...e, row: random.entries.length + 2 + i }))];
        const { rows } = assess({ ...random, entries });
        const next = prng(pick);
        // A sample of rows in place order, as hits are, with runs of one place.
        const sample = rows.filter((r) => r.entry.zone === 'Zone ajoutée' || next() < 0.3).sort((a, b) => a.step.localeCompare(b.step) || (a.to ?? '').localeCompare(b.to ?? ''));
        const finding = fillFinding('{etapes}|{donnees}|{transitions}', sample);
        const [steps, data, transitions] = finding.split('|').map(list);
        expect(steps).toBe(list(labels(sample, step)));
        expect(data).toBe(list(labels(sample, datum)));
        expect(transitions).toBe(list(labels(sample.filter((r) => r.to), transition)));
      }),
      { numRuns: 60 },
    );
  });
});
