/** The five RESOMEDIT sheets (SPEC §3) and the headers of the tables the add-in owns. */

export const SHEETS = {
  notice: 'LISEZ-MOI – NOTICE',
  references: 'Références',
  cartographie: 'Cartographie données info DMI',
  synthesis: 'Synthèse',
  plan: "Analyse et plan d'action",
} as const;

export type SheetKey = keyof typeof SHEETS;

/** Sheets in workbook order. */
export const SHEET_ORDER: SheetKey[] = ['notice', 'references', 'cartographie', 'synthesis', 'plan'];

export const CARTOGRAPHIE_TABLE = 'CartographieDMI';
export const PLAN_TABLE = 'PlanActionDMI';

/** Cartographie columns, keyed by what they hold; the label is the visible header (SPEC §5). */
export const CARTOGRAPHIE_COLUMNS = {
  ref: 'Réf.',
  zone: 'Zone',
  step: 'Étape',
  type: 'Type',
  label: 'Élément évalué',
  to: "Vers l'étape",
  critical: 'Critique',
  answer: 'Réponse',
  comment: 'Commentaire / logiciel',
} as const;

export type CartographieColumn = keyof typeof CARTOGRAPHIE_COLUMNS;

/** Plan d'action columns (SPEC §8). Pilote, Échéance, Statut and Commentaire belong to the user. */
export const PLAN_COLUMNS = {
  number: 'N°',
  priority: 'Priorité',
  axis: 'Axe',
  scope: 'Zone / étape',
  finding: 'Constat',
  action: 'Action proposée',
  actors: 'Acteurs',
  indicator: 'Indicateur de suivi',
  pilot: 'Pilote',
  dueDate: 'Échéance',
  status: 'Statut',
  comment: 'Commentaire',
  ref: 'Référence',
} as const;

export type PlanColumn = keyof typeof PLAN_COLUMNS;

export const USER_PLAN_COLUMNS: PlanColumn[] = ['pilot', 'dueDate', 'status', 'comment'];

export const PLAN_STATUSES = ['À lancer', 'En cours', 'Réalisé', 'Abandonné'] as const;
