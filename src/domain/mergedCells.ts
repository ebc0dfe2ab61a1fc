/**
 * Merged cells in the cartographie's Zone, Étape, Type or Vers l'étape columns. Excel keeps a merged
 * block's value in its first cell only: its COUNTIFS, hence the Synthèse, see the rows below as
 * blank, and so does the engine, so that both give the same figures. The user is told where, and
 * how to make every row count where it reads.
 */
import { rowLabel } from './evaluate';
import type { Cartographie, Finding, MergedCells } from './model';

/**
 * One finding per merged block over question rows, on the first row it blanks, before the
 * engine's findings; a Réf. naming the step shown above a merged Étape is not reported again.
 */
export function withMergedCells(cartographie: Cartographie, engineFindings: Finding[]): Finding[] {
  if (cartographie.merged === undefined || cartographie.merged.length === 0) return engineFindings;
  const blankSteps = (cartographie.merged ?? []).filter((block) => block.key === 'step' && block.value !== '');
  return [...mergedCellFindings(cartographie), ...engineFindings.filter((finding) => finding.kind !== 'reference' || !underBlankStep(blankSteps, finding.row))];
}

function underBlankStep(blankSteps: readonly MergedCells[], row: number): boolean {
  return blankSteps.some((block) => row > block.top && row <= block.bottom);
}

function mergedCellFindings(cartographie: Cartographie): Finding[] {
  const findings: Finding[] = [];
  for (const block of cartographie.merged ?? []) {
    const blanked = cartographie.entries.filter((entry) => entry.row > block.top && entry.row <= block.bottom);
    if (blanked.length === 0 || block.value === '') continue;
    const [first] = blanked;
    const many = blanked.length > 1;
    const below = many ? `les ${blanked.length} questions en dessous ont` : 'la question en dessous a';
    findings.push({
      kind: 'fusion',
      sheet: cartographie.sheet,
      cell: block.range,
      row: first.row,
      ref: first.ref,
      rowLabel: rowLabel(block.key === 'step' ? { ...first, step: block.value } : first),
      critical: false,
      message:
        `Cellules fusionnées ${block.range} (colonne « ${block.column} ») : Excel ne lit « ${block.value} » qu'en ligne ${block.top} ; ` +
        `pour les formules de la Synthèse comme pour le complément, ${below} une cellule « ${block.column} » vide ` +
        `et ne ${many ? 'comptent' : 'compte'} pas sous « ${block.value} ». ` +
        'Défusionnez ces cellules et recopiez la valeur sur chaque ligne.',
    });
  }
  return findings;
}
