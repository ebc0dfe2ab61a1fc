/**
 * The fiche de synthèse as a print-ready sheet, for the user to export to PDF with Excel itself:
 * one A4 page upright, the same content as the PDF of the command line, in values (a snapshot,
 * dated in its page header and under its title). The circuit map becomes its text: the steps
 * without software and the transitions in rupture. Compared with a previous campaign, it gains the
 * evolution of each rate and the ruptures and actions since. One layout, rendered by the three adapters.
 * Excel scales the page to fit; the texts are kept short so that the scale stays readable.
 */
import type { Analysis } from '../domain/model';
import { findSheet, sameLabel } from './names';
import type { FicheContent } from './fiche';
import type { FicheSheetReport, LayoutCell, SheetLayout } from './port';
import { printSetup } from './print';

export const FICHE_SHEET = 'Fiche de synthèse';
/** First cell of the sheet the add-in writes: a sheet of that name without it is the user's, never replaced. */
export const FICHE_SHEET_MARK = 'FICHE DE SYNTHÈSE';

/** Action, Zone / étape, Pilote, Échéance: as wide as an upright A4 page holds, so that few texts wrap. */
const COLUMN_WIDTHS = [50, 22, 16, 12];

/** Names that may hold an earlier fiche: « Fiche de synthèse » and « Fiche de synthèse (n) », spelt tolerantly. */
export function ficheSheetCandidates(names: readonly string[]): string[] {
  return names.filter((name) => sameLabel(name.replace(/\s*\(\d+\)\s*$/, ''), FICHE_SHEET));
}

/** Where the fiche goes: its own earlier sheet (replaced), else the first free « Fiche de synthèse (n) ». */
export function ficheSheetTarget(names: readonly string[], firstCell: (name: string) => unknown): { name: string; replaces: boolean } {
  for (let n = 1; ; n++) {
    const wanted = n === 1 ? FICHE_SHEET : `${FICHE_SHEET} (${n})`;
    const found = findSheet(names, wanted);
    if (found === undefined) return { name: wanted, replaces: false };
    if (typeof firstCell(found) === 'string' && sameLabel(firstCell(found) as string, FICHE_SHEET_MARK)) return { name: found, replaces: true };
  }
}

/** What was written, in French, for the pane and the command line. */
export function ficheSheetMessage({ sheet, replaced }: FicheSheetReport): string {
  if (replaced) return `Fiche de synthèse du jour écrite dans la feuille « ${sheet} », à la place de la précédente (une page A4).`;
  const beside = sheet === FICHE_SHEET ? '' : ` ; la feuille « ${FICHE_SHEET} » existante, qui n'est pas une fiche du complément, est laissée telle quelle`;
  return `Fiche de synthèse écrite dans la feuille « ${sheet} » (une page A4)${beside}.`;
}

const integer = new Intl.NumberFormat('fr-FR');
/** Longest « Zone / étape » shown: an action over many steps names them in the plan. */
const SCOPE_CHARS = 70;

function shortened(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function ficheSheetLayout(content: FicheContent, analysis: Analysis, sheet = FICHE_SHEET): SheetLayout {
  const cells: LayoutCell[] = [];
  let row = 0;
  /** One row of cells from column A; null leaves a cell empty. */
  const line = (...values: ([string | number, LayoutCell['style']] | null)[]) => {
    values.forEach((cell, col) => {
      if (cell) cells.push({ row, col, value: cell[0], ...(cell[1] && { style: cell[1] }) });
    });
    row += 1;
  };
  const section = (title: string) => {
    row += 1;
    line([title, 'section']);
  };
  const header = (...titles: string[]) => line(...titles.map((title): [string, LayoutCell['style']] => [title, 'header']));

  line([FICHE_SHEET_MARK, 'title']);
  line([content.title, 'subtitle']);
  line([content.establishment, 'label']);
  line([`Fiche établie le ${content.date} : ses valeurs ne suivent pas les saisies faites depuis.`, 'note']);

  section('Indicateurs');
  header('Indicateur', 'Valeur', 'Détail');
  const all = [content.completude, ...content.rates];
  for (const figure of all) line([figure.label, 'label'], [figure.value, figure.highlight ? 'bad' : 'value'], [figure.detail, 'value']);
  for (const figure of all.filter((f) => f.highlight)) line([`En rouge : ${figure.label.toLowerCase()}, ${figure.highlight}.`, 'note']);
  line(['On peut être 100 % informatisé et 0 % interopérable : les taux se lisent côte à côte.', 'note']);

  if (content.evolution) {
    section('Depuis la campagne précédente');
    header('Indicateur', 'Évolution', "L'an dernier");
    for (const { label, evolution } of all) if (evolution) line([label, 'label'], [evolution.move, 'value'], [evolution.before, 'value']);
    for (const text of content.evolution) line([text, 'value']);
  }

  section('Écarts réglementaires');
  for (const gap of content.gaps) {
    line([gap.label, 'label'], [gap.count, gap.count > 0 ? 'bad' : 'good']);
    line([gap.reference, 'note']);
  }

  section('Carte du circuit');
  const { figures } = analysis;
  const labels = new Map(figures.steps.map((step) => [step.step, step.label]));
  const paper = figures.equipment.steps.filter((step) => step.informatisation === 'NON').map((step) => labels.get(step.step) ?? step.step);
  line([paper.length === 0 ? 'Toutes les étapes renseignées sont informatisées.' : `Étapes sans logiciel (papier) : ${paper.join(' ; ')}.`, 'value']);
  const broken = figures.transitions.filter((t) => t.ruptures > 0);
  if (broken.length === 0) line(['Aucune transition en rupture.', 'value']);
  else {
    header(`Transitions en rupture (${integer.format(broken.length)})`, 'NON / lignes');
    for (const t of broken) line([`${t.fromLabel} → ${t.toLabel}`, 'value'], [`${integer.format(t.ruptures)} / ${integer.format(t.rows)}`, 'value']);
  }

  section(`Les ${content.actions.length} actions prioritaires`);
  if (content.actions.length === 0) line(['Aucune action proposée à ce stade.', 'note']);
  else {
    header('Action', 'Zone / étape', 'Pilote', 'Échéance');
    for (const action of content.actions) {
      line(
        [action.priority === null ? action.action : `P${action.priority} · ${action.action}`, 'value'],
        [shortened(action.scope, SCOPE_CHARS), 'value'],
        [action.pilot || '—', 'value'],
        [action.dueDate || '—', 'value'],
      );
    }
  }
  for (const note of content.notes) line([note, 'note']);

  const print = printSetup(COLUMN_WIDTHS, { establishment: content.establishment });
  return {
    sheet,
    cells,
    columnWidths: COLUMN_WIDTHS,
    // The date of the snapshot, not the day it is printed.
    print: { ...print, landscape: false, onePage: true, header: { ...print.header, right: `Fiche du ${content.date}` } },
  };
}
