/**
 * What an .xlsx package is, read from the zip's table of contents without unpacking anything:
 * another kind of file (OpenDocument, Word, a plain zip) said in French, and what saving it
 * again with exceljs would drop (charts, pivot tables, macros, threaded comments…).
 */
import { zipEntries, type ZipEntry } from './zip';

/** Names of the parts of a zip package; empty when the directory cannot be found. */
export function packageParts(bytes: Uint8Array): string[] {
  return zipEntries(bytes).map((entry) => entry.name);
}

const SAVE_AS_XLSX = 'ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format « Classeur Excel (.xlsx) »';

/** Why a zip archive is not an .xlsx workbook, in French with what to do; null when it is one. */
export function packageKindProblem(entries: ZipEntry[], bytes: Uint8Array): string | null {
  const names = new Set(entries.map((entry) => entry.name));
  if (names.has('mimetype') && String.fromCharCode(...bytes.subarray(30, 120)).includes('opendocument.spreadsheet')) {
    return `Le fichier est un classeur OpenDocument (.ods) : ${SAVE_AS_XLSX}.`;
  }
  if (names.has('word/document.xml')) return 'Le fichier est un document Word, pas un classeur : joignez le classeur .xlsx de la cartographie.';
  if (names.has('ppt/presentation.xml')) return 'Le fichier est une présentation PowerPoint, pas un classeur : joignez le classeur .xlsx de la cartographie.';
  if (!names.has('[Content_Types].xml') || ![...names].some((name) => name.startsWith('xl/'))) {
    return `Le fichier est une archive zip, pas un classeur Excel : décompressez-la et utilisez les classeurs .xlsx qu'elle contient, ou ${SAVE_AS_XLSX}.`;
  }
  return null;
}

/** Parts exceljs cannot write back; saving would silently drop them, so the command line refuses. */
const LOST_ON_SAVE: [RegExp, string][] = [
  [/^xl\/charts\//, 'des graphiques'],
  [/^xl\/pivotTables\//, 'des tableaux croisés dynamiques'],
  [/^xl\/pivotCache\//, 'des caches de tableaux croisés dynamiques'],
  [/^xl\/vbaProject\.bin$/, 'des macros'],
  [/^xl\/slicers\//, 'des segments (slicers)'],
  [/^xl\/slicerCaches\//, 'des segments (slicers)'],
  [/^xl\/timelines\//, 'des chronologies'],
  [/^xl\/externalLinks\//, 'des liaisons vers d’autres classeurs'],
  [/^xl\/threadedComments\//, 'des commentaires modernes (fils de discussion)'],
  [/^xl\/persons\//, 'des commentaires modernes (fils de discussion)'],
  [/^xl\/ctrlProps\//, 'des contrôles de formulaire'],
  [/^xl\/activeX\//, 'des contrôles ActiveX'],
  [/^xl\/embeddings\//, 'des objets incorporés'],
  [/^xl\/drawings\/(?!_rels\/)(?!vmlDrawing)[^/]+\.xml$/, 'des dessins (formes, zones de texte, images ou graphiques)'],
  [/^xl\/model\//, 'un modèle de données Power Pivot'],
  [/^xl\/connections\.xml$/, 'des connexions à des données externes'],
  [/^xl\/queryTables\//, 'des requêtes de données externes'],
  [/^xl\/customXml\//, 'des données XML personnalisées'],
  [/^xl\/webextensions\//, 'des compléments Office incorporés'],
  [/^xl\/richData\//, 'des types de données enrichis (images dans les cellules)'],
];

/** French names of what saving the package with exceljs would lose. */
export function partsLostOnSave(parts: string[]): string[] {
  const labels = LOST_ON_SAVE.filter(([pattern]) => parts.some((part) => pattern.test(part))).map(([, label]) => label);
  return [...new Set(labels)];
}
