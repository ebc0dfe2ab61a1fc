/** Cartographies for tests and benchmarks, built on the template rows. */
import { templateRows, type TemplateRow } from '../../src/domain/catalogue';
import type { Cartographie, CartographieEntry, CellInput } from '../../src/domain/model';
import { SHEETS } from '../../src/workbook/sheets';

/** The template's first data row (row 1 holds the headers); answers sit in column H. */
export const FIRST_ROW = 2;
export const ANSWER_COLUMN = 'H';

export function entryOf(row: TemplateRow, sheetRow: number, answer: CellInput, comment = ''): CartographieEntry {
  return { row: sheetRow, ...row, answer, comment, answerCell: `${ANSWER_COLUMN}${sheetRow}` };
}

/** The template with the given answers (by reference); other rows are left empty. */
export function cartographieFromAnswers(answers: Record<string, string>): Cartographie {
  const entries = templateRows().map((row, i) => entryOf(row, FIRST_ROW + i, { value: answers[row.ref] ?? null }));
  return { sheet: SHEETS.cartographie, entries };
}

/** Deterministic pseudo-random generator (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CELLS: CellInput[] = [
  { value: 'OUI' },
  { value: 'NON' },
  { value: 'NA' },
  { value: 'oui ' },
  { value: 'n/a' },
  { value: null },
  { value: 'peut-être' },
  { value: 42 },
  { value: '#N/A', error: true },
];
/** Cumulative weights of CELLS: mostly valid answers, some empty, a few invalid. */
const WEIGHTS = [0.3, 0.55, 0.7, 0.75, 0.8, 0.92, 0.95, 0.975, 1];

function randomCell(random: () => number): CellInput {
  const x = random();
  return CELLS[WEIGHTS.findIndex((w) => x < w)];
}

/**
 * The template with random answers, followed by `extraRows` rows unknown to the catalogue
 * (copies of random template rows under a new reference and label), counted through their own columns.
 */
export function randomCartographie(seed: number, extraRows = 0): Cartographie {
  const random = prng(seed);
  const template = templateRows();
  const entries = template.map((row, i) => entryOf(row, FIRST_ROW + i, randomCell(random)));
  for (let n = 1; n <= extraRows; n += 1) {
    const model = template[Math.floor(random() * template.length)];
    const row = { ...model, ref: `EXT-${n}`, label: `${model.label} (ligne ajoutée ${n})` };
    entries.push(entryOf(row, FIRST_ROW + template.length + n - 1, randomCell(random)));
  }
  return { sheet: SHEETS.cartographie, entries };
}

/** A row written by hand: any cell may be left out; the answer may be plain text. */
export type HandRow = Partial<Omit<CartographieEntry, 'answer' | 'row' | 'answerCell'>> & { answer?: string | CellInput };

/** A cartographie of hand-written rows (rows 2, 3, … of the sheet). */
export function cartographieOf(rows: HandRow[]): Cartographie {
  const entries = rows.map((row, i): CartographieEntry => {
    const answer = typeof row.answer === 'object' ? row.answer : { value: row.answer ?? null };
    const blank = { ref: '', zone: '', step: '', type: '', label: '', to: '', critical: '', comment: '' };
    return { ...blank, ...row, row: FIRST_ROW + i, answer, answerCell: `${ANSWER_COLUMN}${FIRST_ROW + i}` };
  });
  return { sheet: SHEETS.cartographie, entries };
}
