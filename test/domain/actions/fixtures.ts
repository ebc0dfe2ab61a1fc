/** Cartographies for the action rules: a clean circuit (everything OUI, software named) with a few answers changed. */
import { analyse } from '../../../src/domain/analyse';
import { templateRows } from '../../../src/domain/catalogue';
import type { ActionProposal, Cartographie } from '../../../src/domain/model';
import { SHEETS } from '../../../src/workbook/sheets';
import { entryOf, FIRST_ROW } from '../../support/cartographie';

export const SOFTWARE = 'Logiciel de test (éditeur fictif)';

/** Answers by reference; null leaves the answer empty. Refs unknown to the template fail loudly. */
export type Overrides = Record<string, string | null>;

export function cleanCartographie(overrides: Overrides = {}, unnamedSoftware: string[] = []): Cartographie {
  const rows = templateRows();
  const known = new Set(rows.map((r) => r.ref));
  for (const ref of [...Object.keys(overrides), ...unnamedSoftware]) {
    if (!known.has(ref)) throw new Error(`Référence absente du modèle : ${ref}`);
  }
  const entries = rows.map((row, i) => {
    const answer = row.ref in overrides ? overrides[row.ref] : 'OUI';
    const comment = row.type === 'Informatisation' && !unnamedSoftware.includes(row.ref) ? SOFTWARE : '';
    return entryOf(row, FIRST_ROW + i, { value: answer }, comment);
  });
  return { sheet: SHEETS.cartographie, entries };
}

export function proposalsOf(cartographie: Cartographie): ActionProposal[] {
  return analyse(cartographie).proposals;
}

export function refsOf(cartographie: Cartographie): string[] {
  return proposalsOf(cartographie).map((p) => p.ref);
}

/** References of the template rows of one type, in template order. */
export function refsOfType(type: string): string[] {
  return templateRows()
    .filter((r) => r.type === type)
    .map((r) => r.ref);
}
