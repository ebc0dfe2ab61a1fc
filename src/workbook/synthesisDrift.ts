/**
 * Does the Synthèse in the workbook still follow the cartographie? It does when it holds, cell for
 * cell, the formulas the add-in would write now and the cartographie has its computed columns.
 * An older file, the original RESOMEDIT workbook (values), a formula the user broke, or a step
 * added since (the lists of steps and transitions moved) all read as drift.
 */
import { toExcel } from './formula';
import type { ReadCell, SheetLayout } from './port';

export interface SynthesisDrift {
  /** Formula cells expected and not found as written. */
  differing: number;
  expected: number;
  answerColumns: boolean;
  /** French sentence for the pane. */
  message: string;
}

/** Formulas compared without spaces and case (Excel may reformat them). */
function canonical(formula: string): string {
  return formula.replace(/\s+/g, '').toUpperCase();
}

export function synthesisDrift(expected: SheetLayout, actual: ReadCell[], answerColumns: boolean): SynthesisDrift | null {
  const found = new Map(actual.map((cell) => [`${cell.row}:${cell.col}`, cell]));
  const formulas = expected.cells.filter((cell) => cell.formula);
  const differing = formulas.filter((cell) => {
    const present = found.get(`${cell.row}:${cell.col}`)?.formula;
    return present === undefined || canonical(present) !== canonical(toExcel(cell.formula!));
  }).length;
  if (differing === 0 && answerColumns) return null;
  const reasons: string[] = [];
  if (actual.length === 0) reasons.push("la feuille « Synthèse » est vide ou absente");
  else if (differing > 0) {
    const values = formulas.filter((cell) => found.get(`${cell.row}:${cell.col}`)?.formula === undefined).length;
    reasons.push(
      values === differing
        ? `${differing} chiffre${differing > 1 ? 's sont des valeurs figées' : ' est une valeur figée'} au lieu de formules`
        : `${differing} formule${differing > 1 ? 's diffèrent' : ' diffère'} de celles qui suivent la cartographie actuelle`,
    );
  }
  if (!answerColumns) reasons.push('la cartographie n’a pas les colonnes « Réponse lue » et « Réponse retenue »');
  return {
    differing,
    expected: formulas.length,
    answerColumns,
    message: `La Synthèse ne suit plus la cartographie : ${reasons.join(' ; ')}. Régénérez-la pour qu’Excel la recalcule à chaque saisie (vos réponses et commentaires ne sont pas modifiés).`,
  };
}
