/**
 * The one definition of the RESOMEDIT workbook the add-in and the command line create:
 * each sheet's text, its table, column widths, list validations and conditional colours,
 * as data. Adapters only render it.
 */
import { ANSWER_SPELLINGS } from '../domain/answers';
import { templateRows } from '../domain/catalogue';
import type { Answer } from '../domain/model';
import { ANSWER_COLUMNS, answerColumnCells, KEPT, SPARE_ROWS, type CartographieArea } from './answerColumns';
import type { CellStyle, LayoutCell } from './layoutCell';
import { printSetup, type PrintSetup } from './print';
import {
  CARTOGRAPHIE_COLUMNS,
  CARTOGRAPHIE_TABLE,
  PLAN_COLUMNS,
  PLAN_STATUSES,
  PLAN_TABLE,
  SHEET_ORDER,
  SHEETS,
  type CartographieColumn,
  type PlanColumn,
  type SheetKey,
} from './sheets';
import { ANSWER_FORMATS, CELL_FORMATS, ZONE_FILLS, type CellFormat } from './styles';

export const ANSWERS: readonly Answer[] = ['OUI', 'NON', 'NA'];

/** A drop-down list on one column of a table (blank allowed). */
export interface ListValidation {
  /** 0-based column within the table. */
  column: number;
  values: readonly string[];
  /** French message shown when the typed value is not in the list. */
  error: string;
}

/** Colours a cell of a table column whose text equals `equals`. */
export interface ConditionalRule {
  column: number;
  equals: string;
  format: CellFormat;
}

/** Consecutive table rows of one zone, coloured alike in the Zone and Étape columns. */
export interface RowBand {
  label: string;
  /** 0-based index of the band's first data row within the table. */
  firstRow: number;
  rowCount: number;
  fill: string;
  /** 0-based table columns the fill applies to. */
  columns: number[];
}

export interface TemplateTable {
  name: string;
  /** 0-based sheet row of the header; the table starts in column A. */
  headerRow: number;
  headers: string[];
  rows: (string | null)[][];
  /** Formula cells inside the table (computed columns), 0-based sheet positions, written after the rows. */
  formulaCells: LayoutCell[];
  /** 0-based table columns whose text wraps. */
  wrapColumns: number[];
  validations: ListValidation[];
  conditionalFormats: ConditionalRule[];
  bands: RowBand[];
}

export interface TemplateSheet {
  key: SheetKey;
  name: string;
  /** Cells outside the table (titles, notes, texts). */
  cells: LayoutCell[];
  /** Widths in Excel character units, from column A. */
  columnWidths: number[];
  table?: TemplateTable;
  /** Rows kept visible when scrolling (0 = none). */
  freezeRows: number;
  /** Page setup; the table's header repeats on every printed page. */
  print: PrintSetup;
}

/** A sheet's content; its page setup is derived from it. */
type SheetContent = Omit<TemplateSheet, 'print'>;

/** 0-based sheet row of the header of both tables: a title and a note sit above it. */
export const TABLE_HEADER_ROW = 3;

function columnIndex<K extends string>(columns: Record<K, string>, key: K): number {
  return (Object.keys(columns) as K[]).indexOf(key);
}

export function cartographieColumnIndex(key: CartographieColumn): number {
  return columnIndex(CARTOGRAPHIE_COLUMNS, key);
}

export function planColumnIndex(key: PlanColumn): number {
  return columnIndex(PLAN_COLUMNS, key);
}

/** Lines of text, one per row from `firstRow`, in column A; a blank line between blocks. */
type TextBlock = { style: CellStyle; text: string } | null;

function textCells(blocks: TextBlock[], firstRow = 0, col = 0): LayoutCell[] {
  const cells: LayoutCell[] = [];
  blocks.forEach((block, index) => {
    if (block) cells.push({ row: firstRow + index, col, value: block.text, style: block.style });
  });
  return cells;
}

const title = (text: string): TextBlock => ({ style: 'title', text });
const subtitle = (text: string): TextBlock => ({ style: 'subtitle', text });
const section = (text: string): TextBlock => ({ style: 'section', text });
const line = (text: string): TextBlock => ({ style: 'value', text });
const note = (text: string): TextBlock => ({ style: 'note', text });

/**
 * The fixed texts above a table: title, explanation, blank line, then the header. The
 * explanation does not wrap: it runs across the table instead of down its narrow first column.
 */
function tableHeading(heading: string, explanation: string): LayoutCell[] {
  return textCells([title(heading), subtitle(explanation)]);
}

function zoneBands(rows: { zone: string }[]): RowBand[] {
  const bands: RowBand[] = [];
  const columns = [cartographieColumnIndex('zone'), cartographieColumnIndex('step')];
  rows.forEach((row, index) => {
    const last = bands[bands.length - 1];
    if (last && last.label === row.zone) last.rowCount++;
    else bands.push({ label: row.zone, firstRow: index, rowCount: 1, fill: ZONE_FILLS[bands.length % ZONE_FILLS.length], columns });
  });
  return bands;
}

/** Where the formulas find the template's cartographie (1-based), its questions ending at `lastQuestionRow`. */
export function templateArea(sheet: string, lastQuestionRow = 0): CartographieArea {
  const headerRow = TABLE_HEADER_ROW + 1;
  const col = (key: CartographieColumn) => cartographieColumnIndex(key) + 1;
  const width = Object.keys(CARTOGRAPHIE_COLUMNS).length;
  return {
    sheet,
    headerRow,
    lastRow: Math.max(lastQuestionRow, headerRow + templateRows().length) + SPARE_ROWS,
    columns: {
      zone: col('zone'),
      step: col('step'),
      type: col('type'),
      label: col('label'),
      to: col('to'),
      critical: col('critical'),
      answer: col('answer'),
      read: width + 1,
      kept: width + 2,
    },
  };
}

function cartographieSheet(): SheetContent {
  const rows = templateRows();
  const keys = Object.keys(CARTOGRAPHIE_COLUMNS) as CartographieColumn[];
  const answerColumn = cartographieColumnIndex('answer');
  const area = templateArea(SHEETS.cartographie);
  const keptColumn = area.columns.kept - 1;
  const computed = [ANSWER_COLUMNS.read, ANSWER_COLUMNS.kept];
  return {
    key: 'cartographie',
    name: SHEETS.cartographie,
    cells: tableHeading(
      'Cartographie des données informatiques du circuit des DMI',
      'Répondez OUI, NON ou NA dans la colonne « Réponse » ; précisez le logiciel ou les cas particuliers dans « Commentaire / logiciel ». Légende : feuille « LISEZ-MOI – NOTICE ».',
    ),
    columnWidths: [17, 24, 32, 16, 60, 32, 10, 11, 45, 12, 15],
    freezeRows: TABLE_HEADER_ROW + 1,
    table: {
      name: CARTOGRAPHIE_TABLE,
      headerRow: TABLE_HEADER_ROW,
      headers: [...keys.map((key) => CARTOGRAPHIE_COLUMNS[key]), ...computed],
      rows: rows.map((row) => [...keys.map((key) => (key === 'answer' || key === 'comment' ? null : row[key])), ...computed.map(() => null)]),
      formulaCells: answerColumnCells(area, area.headerRow + rows.length).filter((cell) => cell.formula !== undefined),
      wrapColumns: (['zone', 'step', 'label', 'to', 'comment'] as const).map(cartographieColumnIndex),
      validations: [{ column: answerColumn, values: ANSWERS, error: 'Répondez OUI, NON ou NA (ou laissez vide).' }],
      conditionalFormats: [answerColumn, keptColumn].flatMap((column) =>
        ANSWERS.map((answer) => ({ column, equals: answer, format: ANSWER_FORMATS[answer] })),
      ),
      bands: zoneBands(rows),
    },
  };
}

function planSheet(): SheetContent {
  const statusColumn = planColumnIndex('status');
  return {
    key: 'plan',
    name: SHEETS.plan,
    cells: tableHeading(
      "Analyse et plan d'action",
      "Actions proposées d'après la cartographie, par priorité puis dans l'ordre du circuit. Les colonnes Pilote, Échéance, Statut et Commentaire vous appartiennent : elles sont conservées à chaque mise à jour du plan, comme les lignes ajoutées à la main.",
    ),
    // Narrow enough to print one page wide at a readable scale; long texts wrap.
    columnWidths: [5, 9, 14, 18, 34, 38, 16, 22, 13, 11, 11, 18, 16],
    freezeRows: TABLE_HEADER_ROW + 1,
    table: {
      name: PLAN_TABLE,
      headerRow: TABLE_HEADER_ROW,
      headers: Object.values(PLAN_COLUMNS),
      rows: [],
      formulaCells: [],
      wrapColumns: (['axis', 'scope', 'finding', 'action', 'actors', 'indicator', 'pilot', 'comment', 'ref'] as const).map(planColumnIndex),
      validations: [{ column: statusColumn, values: PLAN_STATUSES, error: `Choisissez un statut : ${PLAN_STATUSES.join(', ')}.` }],
      conditionalFormats: [
        { column: statusColumn, equals: 'Réalisé', format: CELL_FORMATS.good },
        { column: statusColumn, equals: 'Abandonné', format: ANSWER_FORMATS.NA },
      ],
      bands: [],
    },
  };
}

function synthesisSheet(): SheetContent {
  return {
    key: 'synthesis',
    name: SHEETS.synthesis,
    cells: textCells([
      title('Synthèse'),
      note(
        'Cette feuille est calculée automatiquement à partir de la cartographie par le complément RESOMEDIT DMI : ouvrez le complément pour la remplir. Ne saisissez rien ici, la feuille est régénérée à chaque analyse.',
      ),
    ]),
    columnWidths: [40],
    freezeRows: 0,
  };
}

/**
 * Who fills the workbook, typed once on the notice, which no analysis ever regenerates: each label
 * with its value in the cell below. The regional consolidation reads it there.
 */
export const IDENTITY_LABELS = {
  name: 'Établissement',
  finess: 'N° FINESS',
  campaign: 'Campagne (année ou date)',
} as const;

export const IDENTITY_HEADING = "Identification de l'établissement (à compléter : relue par la consolidation régionale)";

/** The identity block: heading, then each label over its (empty, highlighted) value cell. */
export function identityBlock(firstRow: number): LayoutCell[] {
  const cells: LayoutCell[] = [{ row: firstRow, col: 0, value: IDENTITY_HEADING, style: 'section' }];
  Object.values(IDENTITY_LABELS).forEach((label, index) => {
    cells.push({ row: firstRow + 1 + index * 2, col: 0, value: label, style: 'label' });
    cells.push({ row: firstRow + 2 + index * 2, col: 0, value: null, style: 'warning' });
  });
  return cells;
}

/** Rows the identity block takes on the notice, from its third row. */
const IDENTITY_ROWS = 1 + Object.keys(IDENTITY_LABELS).length * 2 + 1;

function noticeSheet(): SheetContent {
  return {
    key: 'notice',
    name: SHEETS.notice,
    cells: [
      ...textCells([
        title('LISEZ-MOI – NOTICE'),
        subtitle('Cartographie RESOMEDIT des données informatiques du circuit des dispositifs médicaux implantables (DMI)'),
      ]),
      ...identityBlock(3),
      ...noticeText(3 + IDENTITY_ROWS),
    ],
    columnWidths: [100],
    freezeRows: 0,
  };
}

function noticeText(firstRow: number): LayoutCell[] {
  return textCells(
    [
      section('À quoi sert ce classeur'),
      line(
        "Il décrit, étape par étape, comment les données de traçabilité des DMI circulent entre les logiciels de l'établissement : des fournisseurs à la PUI, au bloc opératoire, au dossier patient, aux données financières (PMSI, facturation) et jusqu'à la ville.",
      ),
      line(
        "Il sert l'indicateur R4 du CAQES (objectif 1, item 1.2 : taux de points de rupture de l'informatisation des données aux différentes étapes du circuit du DMI). La première année, l'objectif est de faire remonter les données.",
      ),
      null,
      section('Les cinq feuilles'),
      line(`« ${SHEETS.notice} » : cette notice.`),
      line(`« ${SHEETS.references} » : textes réglementaires, glossaire et légende des réponses.`),
      line(`« ${SHEETS.cartographie} » : la saisie, une ligne par question. Vous seul(e) y écrivez les réponses et les commentaires.`),
      line(`« ${SHEETS.synthesis} » : calculée automatiquement à partir de la cartographie ; elle est régénérée, n'y saisissez rien.`),
      line(
        `« ${SHEETS.plan} » : actions proposées d'après vos réponses. Les colonnes Pilote, Échéance, Statut et Commentaire vous appartiennent.`,
      ),
      null,
      section('Comment remplir la cartographie'),
      line('1. Pour chaque ligne, choisissez OUI, NON ou NA dans la colonne « Réponse ». Laissez vide ce qui n’est pas encore renseigné.'),
      line('2. Sur les lignes « Informatisation », écrivez dans « Commentaire / logiciel » le nom du logiciel et de son éditeur.'),
      line('3. Utilisez les commentaires pour les cas particuliers (un service dont le circuit diffère, un logiciel en cours de déploiement…).'),
      line(
        '4. Une ligne « Critique » = OUI porte une donnée exigée par la réglementation (R5212-38 à R5212-42 du code de la santé publique, règlement (UE) 2017/745 articles 18 et 27).',
      ),
      line(
        '5. Vous pouvez ajouter des lignes, déplacer des colonnes ou retoucher leurs titres : le complément retrouve feuilles et colonnes par leur nom, sans tenir compte des majuscules, des accents ni des espaces.',
      ),
      null,
      section('Légende des réponses'),
      line("OUI : l'étape est informatisée, la donnée existe dans le logiciel, l'équipement est présent ou la donnée est transmise électroniquement à l'étape suivante."),
      line(
        "NON : l'étape n'est pas informatisée ou la donnée n'existe pas. Sur une ligne Interopérabilité, NON = pas d'interopérabilité ou pas d'informatisation : c'est un point de rupture.",
      ),
      line("NA sur une ligne Interopérabilité : les deux étapes sont dans le même logiciel, la continuité de l'information est assurée."),
      line("NA sur les autres lignes : cette étape ou cette donnée n'existe pas dans l'établissement."),
      line('Vide : pas encore renseigné. La ligne compte dans la complétude, jamais dans un taux.'),
      null,
      section('Comment fonctionne le complément'),
      line('Il relit la cartographie à chaque modification et met ses indicateurs à jour sans clic ; un collage de nombreuses cellules ne provoque qu’un seul calcul.'),
      line(
        'Il signale, avec la feuille, la cellule et la ligne concernées, les saisies invalides (autre chose que OUI, NON ou NA, une erreur Excel comme #N/A) et les incohérences (par exemple une interopérabilité OUI depuis une étape non informatisée, comptée comme NON).',
      ),
      line(
        `Il régénère la feuille « ${SHEETS.synthesis} » et propose des actions dans « ${SHEETS.plan} » sans effacer vos colonnes ni vos lignes ajoutées à la main ; une action dont le constat a disparu est conservée et marquée.`,
      ),
      line('Il ne modifie jamais une réponse ni un commentaire saisi dans la cartographie.'),
      line('Un taux dont le dénominateur est nul est affiché « non évaluable » : ni 0 %, ni 100 %.'),
      null,
      section('Confidentialité'),
      line(
        "Toutes les données restent dans ce classeur : le complément fonctionne hors ligne, n'envoie rien à l'extérieur et ne collecte aucune statistique d'usage.",
      ),
    ],
    firstRow,
  );
}

/** Two-column rows (term, explanation) under a section heading. */
function pairs(firstRow: number, heading: string, rows: [string, string][]): LayoutCell[] {
  return [
    { row: firstRow, col: 0, value: heading, style: 'section' },
    { row: firstRow, col: 1, value: null, style: 'section' },
    ...rows.flatMap(([term, text], index): LayoutCell[] => [
      { row: firstRow + 1 + index, col: 0, value: term, style: 'label' },
      { row: firstRow + 1 + index, col: 1, value: text, style: 'value' },
    ]),
  ];
}

const REGULATION: [string, string][] = [
  [
    'Art. R5212-36 à R5212-42 du code de la santé publique',
    "Règles de traçabilité des DMI dans les établissements de santé, de la réception à la PUI jusqu'au patient.",
  ],
  ['Art. R5212-37 CSP', 'Conservation des données de traçabilité pendant 10 ans, 40 ans pour les DMI incorporant une substance dérivée du sang.'],
  [
    'Art. R5212-38 CSP',
    'À la PUI : dénomination et référence du dispositif, numéro de lot ou de série, fabricant ou mandataire, date de délivrance et service utilisateur.',
  ],
  ['Art. R5212-39 CSP', "Dans le service utilisateur : date d'utilisation (pose), identification du patient, médecin utilisateur."],
  ['Art. R5212-40 CSP', "Le dossier patient mentionne le DMI posé, la date de pose et le médecin utilisateur."],
  ['Art. R5212-42 CSP', "Un document mentionnant le DMI posé est remis au patient à l'issue des soins."],
  [
    'Règlement (UE) 2017/745, article 18',
    "Carte d'implant remise au patient : nom du dispositif, numéro de lot ou de série, IUD, modèle, fabricant.",
  ],
  [
    'Règlement (UE) 2017/745, article 27',
    "Identification unique des dispositifs (IUD). Les établissements enregistrent et conservent, de préférence sous forme électronique, l'IUD des dispositifs implantables de classe III qu'ils ont reçus ou fournis.",
  ],
  [
    'Arrêté du 8 septembre 2021',
    "Management de la qualité du circuit des DMI : enregistrement de l'IUD de tous les DMI à chaque étape du circuit, depuis le 26 mai 2022.",
  ],
  [
    'Arrêté du 26 janvier 2007',
    'Liste des dispositifs soumis aux règles de traçabilité : tous les DMI, sauf les ligatures, les sutures et les dispositifs d’ostéosynthèse.',
  ],
  [
    'CAQES, indicateur R4, objectif 1',
    "Évaluer les moyens pour un circuit du DM-DMI. Item 1.1 : réalisation de la cartographie ; item 1.2 : taux de points de rupture de l'informatisation des données aux différentes étapes du circuit.",
  ],
  ['PMSI, FICHCOMP', 'Recueil des DMI facturables en sus des GHS (liste LPP) : code LPP, quantité, prix d’achat, date de pose, FINESS.'],
];

const GLOSSARY: [string, string][] = [
  ['DMI', 'Dispositif médical implantable (DM-DMI : dispositifs médicaux et DMI).'],
  ['PUI', 'Pharmacie à usage intérieur.'],
  ['BO', 'Bloc opératoire.'],
  ['IUD', 'Identifiant unique des dispositifs (UDI européen).'],
  ['IUD-ID', 'Partie statique : identifiant du dispositif, par exemple le GTIN GS1 (AI 01).'],
  ['IUD-IP', 'Partie production : lot (AI 10), numéro de série (AI 21), date de péremption (AI 17), date de fabrication (AI 11).'],
  ['GEF', 'Gestion économique et financière (progiciel de gestion, ERP).'],
  ['DPI', 'Dossier patient informatisé.'],
  ['CRO', 'Compte rendu opératoire.'],
  ['PMSI', "Programme de médicalisation des systèmes d'information."],
  ['FICHCOMP', 'Fichier complémentaire du PMSI recueillant les DMI facturés en sus.'],
  ['LPP', 'Liste des produits et prestations remboursables.'],
  ['Dépôt', 'Stock appartenant au fournisseur (dépôt permanent, dépôt temporaire, prêt), facturé à la pose.'],
  ['EAI', "Logiciel d'intégration qui fait circuler les messages entre applications."],
  ['DMP', 'Dossier médical partagé, dans Mon espace santé.'],
  ['INS', 'Identifiant national de santé.'],
  ['CLMV', 'Correspondant local de matériovigilance.'],
  ['CAQES', "Contrat d'amélioration de la qualité et de l'efficience des soins."],
  ['OMEDIT', "Observatoire du médicament, des dispositifs médicaux et de l'innovation thérapeutique (RésOMéDIT : leur réseau)."],
];

const LEGEND: [string, string][] = [
  ['OUI', 'Étape informatisée, donnée présente, équipement en place ou donnée transmise électroniquement.'],
  ['NON', "Absent. En interopérabilité : pas d'interopérabilité ou pas d'informatisation (point de rupture)."],
  ['NA (interopérabilité)', "Les deux étapes sont dans le même logiciel : la continuité est assurée."],
  ['NA (autres lignes)', "L'étape ou la donnée n'existe pas dans l'établissement."],
  ['Complétude', 'Lignes renseignées / toutes les lignes.'],
  ["Taux d'informatisation", 'Données OUI / (OUI + NON).'],
  ["Taux d'interopérabilité", 'Interopérabilité OUI / (OUI + NON).'],
  ['Taux de continuité', 'Interopérabilité (OUI + NA) / (OUI + NON + NA).'],
  ['Taux de points de rupture', 'Interopérabilité NON / (OUI + NON + NA) = 1 − continuité (CAQES R4, item 1.2).'],
  ['Non évaluable', 'Taux dont le dénominateur est nul : ni 0 %, ni 100 %.'],
];

/** The accepted spellings of an answer, as « Réponse lue » reads them. */
function spellingRows(): [string, string][] {
  const rows: [string, string][] = ANSWER_SPELLINGS.map(([spelling, answer]) => [spelling, `lue ${answer}`]);
  return [
    ...rows,
    ['Autre chose', `« ${KEPT.invalid} » : un nombre, une date, une formule, une erreur Excel (#N/A…), une réponse incertaine (« OUI ? », « à vérifier »).`],
  ];
}

const COUNTING: [string, string][] = [
  [
    ANSWER_COLUMNS.read,
    'La réponse saisie, lue sans tenir compte des majuscules ni des espaces autour (voir les écritures acceptées ci-dessus).',
  ],
  [
    ANSWER_COLUMNS.kept,
    `La réponse comptée dans la Synthèse : « ${KEPT.empty} » pour une ligne sans réponse, « ${KEPT.invalid} » pour une saisie invalide ou un type inconnu (comptées comme non renseignées), et NON pour une Donnée OUI, ou une Interopérabilité OUI ou NA, à une étape dont l'Informatisation est NON (incohérence).`,
  ],
];

function referencesSheet(): SheetContent {
  const blocks: [string, [string, string][]][] = [
    ['Références réglementaires', REGULATION],
    ['Glossaire', GLOSSARY],
    ['Légende des réponses et des taux', LEGEND],
    ['Écritures acceptées dans la colonne « Réponse »', spellingRows()],
    ['Colonnes calculées de la cartographie', COUNTING],
  ];
  const cells: LayoutCell[] = textCells([title('Références')]);
  let row = 2;
  for (const [heading, rows] of blocks) {
    cells.push(...pairs(row, heading, rows));
    row += rows.length + 2;
  }
  return { key: 'references', name: SHEETS.references, cells, columnWidths: [40, 110], freezeRows: 0 };
}

const BUILDERS: Record<SheetKey, () => SheetContent> = {
  notice: noticeSheet,
  references: referencesSheet,
  cartographie: cartographieSheet,
  synthesis: synthesisSheet,
  plan: planSheet,
};

export function templateSheet(key: SheetKey): TemplateSheet {
  const sheet = BUILDERS[key]();
  const header = sheet.table?.headerRow;
  return { ...sheet, print: printSetup(sheet.columnWidths, header === undefined ? {} : { titleRows: { first: header, last: header } }) };
}

/** The five sheets in workbook order. */
export function workbookTemplate(): TemplateSheet[] {
  return SHEET_ORDER.map(templateSheet);
}
