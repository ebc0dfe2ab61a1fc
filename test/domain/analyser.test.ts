import fc from 'fast-check';
import { analyse, Analyser } from '../../src/domain/analyse';
import type { Cartographie, CartographieEntry, CellInput } from '../../src/domain/model';
import { randomCartographie } from '../support/cartographie';
import { expectEqual } from '../support/equal';

type Field = 'ref' | 'zone' | 'step' | 'type' | 'label' | 'to' | 'critical' | 'comment';

/** One edit of the sheet, as a user makes them between two analyses. */
type Edit =
  | { kind: 'answer'; at: number; cell: CellInput }
  | { kind: 'cell'; at: number; field: Field; text: string }
  | { kind: 'insert'; at: number }
  | { kind: 'remove'; at: number }
  /** The sheet read again: equal entries, new objects (what a workbook read gives). */
  | { kind: 'reread' }
  | { kind: 'sheet'; name: string };

const ANSWERS: CellInput[] = [{ value: 'OUI' }, { value: 'NON' }, { value: 'NA' }, { value: null }, { value: 'peut-être' }, { value: 3 }, { value: '#N/A', error: true }];
const TEXTS: Record<Field, string[]> = {
  ref: ['', 'PUI-DEL-INF', 'EXT-1', 'io-del-rbo-lot '],
  zone: ['CIRCUIT A LA PUI', 'Circuit à la PUI', 'Zone ajoutée'],
  step: ['Pose du DMI (ou échec de pose et motif)', 'Stérilisation', 'Délivrance au service utilisateur', ''],
  type: ['Informatisation', 'Donnée', 'Interopérabilité', 'Lecteur', '', 'Données'],
  label: ['Lot', 'N° de lot ou de série', 'Note'],
  to: ['', 'Réception au bloc, stock de proximité', 'Étape ajoutée'],
  critical: ['', 'OUI', 'non'],
  comment: ['', 'Logiciel X'],
};
const FIELDS = Object.keys(TEXTS) as Field[];

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('answer' as const), at: fc.nat(), cell: fc.constantFrom(...ANSWERS) }) },
  {
    weight: 3,
    arbitrary: fc
      .record({ at: fc.nat(), field: fc.constantFrom(...FIELDS), pick: fc.nat() })
      .map(({ at, field, pick }): Edit => ({ kind: 'cell', at, field, text: TEXTS[field][pick % TEXTS[field].length] })),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reread' as const }) },
  { weight: 1, arbitrary: fc.constantFrom('Cartographie', 'Autre feuille').map((name): Edit => ({ kind: 'sheet', name })) },
);

/** Row numbers and answer cells follow the entries' places, as in a sheet. */
function renumbered(entries: CartographieEntry[]): CartographieEntry[] {
  return entries.map((e, i) => (e.row === i + 2 ? e : { ...e, row: i + 2, answerCell: `H${i + 2}` }));
}

function applied(cartographie: Cartographie, e: Edit): Cartographie {
  const entries = cartographie.entries.slice();
  const at = entries.length === 0 ? 0 : e.kind === 'reread' || e.kind === 'sheet' ? 0 : e.at % entries.length;
  switch (e.kind) {
    case 'answer':
      if (entries.length > 0) entries[at] = { ...entries[at], answer: e.cell };
      return { ...cartographie, entries };
    case 'cell':
      if (entries.length > 0) entries[at] = { ...entries[at], [e.field]: e.text };
      return { ...cartographie, entries };
    case 'insert':
      entries.splice(at, 0, { ...(entries[at] ?? cartographie.entries[0]), ref: `NOUVELLE-${entries.length}` });
      return { ...cartographie, entries: renumbered(entries) };
    case 'remove':
      entries.splice(at, 1);
      return { ...cartographie, entries: renumbered(entries) };
    case 'reread':
      return { ...cartographie, entries: entries.map((entry) => ({ ...entry, answer: { ...entry.answer } })) };
    case 'sheet':
      return { ...cartographie, sheet: e.name };
  }
}

describe('Analyser: successive versions of one sheet', () => {
  it('analyses each version exactly as a whole analysis does, whatever was edited in between', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 40 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (seed, extra, edits) => {
        const analyser = new Analyser();
        let cartographie = randomCartographie(seed, extra);
        expectEqual(analyser.analyse(cartographie), analyse(cartographie));
        for (const e of edits) {
          cartographie = applied(cartographie, e);
          expectEqual(analyser.analyse(cartographie), analyse(cartographie));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('leaves each earlier analysis as it was: the figures of the next versions are counted apart from them', () => {
    const analyser = new Analyser();
    let cartographie = randomCartographie(11, 120);
    const versions: Cartographie[] = [cartographie];
    const results = [analyser.analyse(cartographie)];
    for (let i = 0; i < 20; i += 1) {
      const at = (i * 37) % cartographie.entries.length;
      cartographie = applied(cartographie, { kind: 'answer', at, cell: ANSWERS[i % ANSWERS.length] });
      versions.push(cartographie);
      results.push(analyser.analyse(cartographie));
    }
    versions.forEach((version, i) => expectEqual(results[i], analyse(version)));
  });

  it('keeps the rows, findings and proposal wordings an answer change leaves alone', () => {
    const cartographie = randomCartographie(7, 300);
    const analyser = new Analyser();
    const before = analyser.analyse(cartographie);
    // A Lecteur row changed: no consistency rule reads it, so every other row stays as it was.
    const at = cartographie.entries.findIndex((e) => e.type === 'Lecteur' && e.answer.value !== 'NON');
    const entries = cartographie.entries.slice();
    entries[at] = { ...entries[at], answer: { value: 'NON' } };
    const after = analyser.analyse({ ...cartographie, entries });
    expectEqual(after, analyse({ ...cartographie, entries }));
    const changed = after.rows.filter((row, i) => row !== before.rows[i]);
    expect(changed.map((row) => row.entry.row)).toEqual([entries[at].row]);
    const rewritten = after.proposals.filter((p) => !before.proposals.some((q) => q.finding === p.finding));
    expect(rewritten.length).toBeLessThan(after.proposals.length);
  });
});
