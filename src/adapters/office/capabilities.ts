/**
 * What this Excel can do, from its ExcelApi requirement sets. The core (reading and writing
 * the RESOMEDIT sheets) needs ExcelApi 1.4, the oldest set with the `*OrNullObject` accessors and
 * `getUsedRangeOrNullObject`; everything newer degrades with a French note. The undo behaviour
 * is detected too: before ExcelApi 1.20 a write by an add-in clears the user's undo history;
 * from 1.20 it is kept, and `mergeUndoGroup` makes each command one undo step
 * (https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-20-requirement-set).
 */
import type { Capabilities, WorkbookProblem } from '../../workbook/port';

/** `Office.context.requirements.isSetSupported`. */
export type RequirementCheck = (name: string, minVersion?: string) => boolean;

export const CORE_API_VERSION = '1.4';

/** Office.js features the adapter uses beyond the core, each with the set that brings it. */
export interface OfficeFeatures {
  /** Worksheet.onChanged with address, changeType and source (1.7). */
  events: boolean;
  /** WorksheetChangedEventArgs.triggerSource (1.14). */
  triggerSource: boolean;
  /** Chart series built from any columns: ChartSeriesCollection.add, setValues, setXAxisValues (1.7). */
  charts: boolean;
  /** Conditional formats on answers and statuses (1.6). */
  conditionalFormats: boolean;
  /** Drop-down lists OUI / NON / NA and plan statuses (1.8). */
  validation: boolean;
  /** Frozen header rows (1.7). */
  freezePanes: boolean;
  /** RunOptions.delayForCellEdit: a batch waits for the user to leave the cell they edit (1.11). */
  delayForCellEdit: boolean;
  /** Writes keep the undo history, and RunOptions.mergeUndoGroup makes a command one undo step (1.20). */
  undoGroups: boolean;
  /** Page setup for printing: worksheet.pageLayout and horizontalPageBreaks (1.9). */
  pageLayout: boolean;
  /** Range.getMergedAreasOrNullObject: merged Zone / Étape cells reported to the user (1.13). */
  mergedAreas: boolean;
}

export interface DetectedCapabilities {
  capabilities: Capabilities;
  features: OfficeFeatures;
  /** Set when even the core is missing: the add-in cannot work in this Excel. */
  problem?: WorkbookProblem;
}

const NOTES: Partial<Record<keyof OfficeFeatures, string>> = {
  events:
    "Cette version d'Excel ne signale pas les modifications aux compléments (ExcelApi 1.7) : cliquez sur « Actualiser » après avoir modifié la cartographie.",
  triggerSource:
    "Cette version d'Excel ne distingue pas les écritures du complément de vos saisies (ExcelApi 1.14) : une saisie faite dans la demi-seconde qui suit une écriture du complément peut demander un clic sur « Actualiser ».",
  charts:
    "Cette version d'Excel ne permet pas de construire le graphique de la Synthèse (ExcelApi 1.7) : les taux y restent écrits en pourcentages, prêts pour un graphique ajouté à la main.",
  conditionalFormats:
    "Cette version d'Excel ne permet pas les mises en forme conditionnelles (ExcelApi 1.6) : les réponses ne seront pas colorées dans les feuilles créées.",
  validation:
    "Cette version d'Excel ne permet pas les listes déroulantes (ExcelApi 1.8) : les réponses OUI / NON / NA se saisissent au clavier ; les saisies invalides restent signalées.",
  freezePanes: "Cette version d'Excel ne permet pas de figer les en-têtes (ExcelApi 1.7) : ils défilent avec les lignes.",
  mergedAreas:
    "Cette version d'Excel ne montre pas les cellules fusionnées aux compléments (ExcelApi 1.13) : une Zone ou une Étape fusionnée sur plusieurs lignes n'est lue que sur sa première ligne, comme par les formules de la Synthèse ; défusionnez-les et recopiez la valeur sur chaque ligne.",
  pageLayout:
    "Cette version d'Excel ne permet pas au complément de préparer l'impression (ExcelApi 1.9) : réglez vous-même la mise en page (A4, orientation, ajustement à une page en largeur, lignes d'en-tête à répéter) avant d'imprimer.",
  undoGroups:
    "Dans cette version d'Excel (avant ExcelApi 1.20), les commandes du complément (initialisation, plan d'action, démonstration, régénération de la Synthèse) vident l'historique d'annulation : Ctrl+Z ne revient pas avant elles. Saisir les réponses, elles, ne le touche pas.",
};

const FEATURE_SETS: Record<keyof OfficeFeatures, string> = {
  events: '1.7',
  triggerSource: '1.14',
  charts: '1.7',
  conditionalFormats: '1.6',
  validation: '1.8',
  freezePanes: '1.7',
  delayForCellEdit: '1.11',
  undoGroups: '1.20',
  pageLayout: '1.9',
  mergedAreas: '1.13',
};

export function detectCapabilities(isSetSupported: RequirementCheck): DetectedCapabilities {
  const supports = (version: string) => isSetSupported('ExcelApi', version);
  const features = Object.fromEntries(
    Object.entries(FEATURE_SETS).map(([feature, version]) => [feature, supports(version)]),
  ) as unknown as OfficeFeatures;
  // Without events, telling own writes apart is moot: only one note is useful.
  const missing = (Object.keys(features) as (keyof OfficeFeatures)[]).filter(
    (feature) => !features[feature] && !(feature === 'triggerSource' && !features.events),
  );
  const notes = missing.flatMap((feature) => NOTES[feature] ?? []);
  const capabilities: Capabilities = {
    host: 'excel',
    charts: features.charts,
    triggerSource: features.triggerSource,
    events: features.events,
    selection: true,
    undo: features.undoGroups ? 'one-step-per-command' : 'cleared-by-writes',
    notes,
  };
  if (supports(CORE_API_VERSION)) return { capabilities, features };
  return {
    capabilities,
    features,
    problem: {
      code: 'unsupported',
      message: `Cette version d'Excel est trop ancienne pour le complément : il lui faut l'ensemble d'API ExcelApi ${CORE_API_VERSION} (Excel 2016 à jour, Excel 2019 ou plus récent, Microsoft 365, Excel sur le web).`,
    },
  };
}
