/**
 * Reads only what analysing a workbook needs: the cartographie sheet (streamed row by row) and the
 * first rows of the sheets that name the establishment. Other sheets are never inflated, and every
 * part read is bounded (see zip.ts), so a hostile or bloated file costs little time and memory.
 */
import type { Cartographie, PlanRow } from '../../domain/model';
import type { Grid } from '../../workbook/grid';
import { locateCartographie, resolveSheet } from '../../workbook/locate';
import { readPlanGrid } from '../../workbook/planSheet';
import { findSheet } from '../../workbook/names';
import type { ReadResult, WorkbookProblem } from '../../workbook/port';
import { CARTOGRAPHIE_TABLE, type SheetKey } from '../../workbook/sheets';
import { containerProblem, unreadableProblem, zipProblem } from './containerProblems';
import { packageKindProblem } from './package';
import { relsPath, resolveTarget } from './partPaths';
import { attribute, parseDateStyles, parseSharedStrings, SheetReader, type SheetContext } from './sheetXml';
import { partText, streamPart, zipEntries, type ZipEntry } from './zip';

/** Rows of the notice and the Synthèse searched for the establishment's identity. */
const IDENTITY_ROWS = 400;

export interface WorkbookContent {
  cartographie: ReadResult<Cartographie>;
  /** Notice then Synthèse, those present: where the establishment's identity is written. */
  identity: Grid[];
  /** The plan d'action's rows, when asked for (reports and campaign comparisons). */
  plan?: ReadResult<PlanRow[]>;
}

export type ContentResult = { ok: true; value: WorkbookContent } | { ok: false; problem: WorkbookProblem };

interface Relationship {
  type: string;
  target: string;
}

class Package {
  private readonly entries: Map<string, ZipEntry>;

  constructor(private readonly bytes: Uint8Array, entries: ZipEntry[]) {
    this.entries = new Map(entries.map((entry) => [entry.name.toLowerCase(), entry]));
  }

  entry(path: string): ZipEntry | undefined {
    return this.entries.get(path.toLowerCase());
  }

  text(path: string): string | undefined {
    const entry = this.entry(path);
    return entry && partText(this.bytes, entry);
  }

  stream(entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
    streamPart(this.bytes, entry, onChunk);
  }

  private readonly relationshipsRead = new Map<string, Map<string, Relationship>>();

  /** Relationships of a part, by id (read once: the workbook's are asked for twice). */
  relationships(part: string): Map<string, Relationship> {
    let map = this.relationshipsRead.get(part);
    if (!map) {
      map = this.readRelationships(part);
      this.relationshipsRead.set(part, map);
    }
    return map;
  }

  private readRelationships(part: string): Map<string, Relationship> {
    const xml = this.text(relsPath(part)) ?? '';
    const map = new Map<string, Relationship>();
    for (const match of xml.matchAll(/<Relationship\b([^>]*)>/g)) {
      const id = attribute(match[1], 'Id');
      const target = attribute(match[1], 'Target');
      if (id && target && attribute(match[1], 'TargetMode') !== 'External') {
        map.set(id, { type: attribute(match[1], 'Type') ?? '', target: resolveTarget(part, target) });
      }
    }
    return map;
  }
}

function byType(relationships: Map<string, Relationship>, type: string): string | undefined {
  return [...relationships.values()].find((rel) => rel.type.endsWith(`/${type}`))?.target;
}

/** Sheet names in tab order, with their parts. */
function sheetParts(pkg: Package, workbookPart: string): Map<string, string> {
  const xml = pkg.text(workbookPart) ?? '';
  const rels = pkg.relationships(workbookPart);
  const sheets = new Map<string, string>();
  for (const match of xml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = attribute(match[1], 'name');
    const id = /(?:^|\s)\w+:id\s*=\s*"([^"]*)"/.exec(match[1])?.[1];
    const target = id === undefined ? undefined : rels.get(id)?.target;
    if (name !== undefined && target) sheets.set(name, target);
  }
  return sheets;
}

/** 1-based header row of the cartographie table on its sheet, when the sheet holds the table. */
function tableHeaderRow(pkg: Package, sheetPart: string): number | undefined {
  const tables = new Map<string, string>();
  for (const rel of pkg.relationships(sheetPart).values()) {
    if (!rel.type.endsWith('/table')) continue;
    const head = /<table\b([^>]*)>/.exec(pkg.text(rel.target) ?? '')?.[1] ?? '';
    const name = attribute(head, 'name') ?? attribute(head, 'displayName');
    const ref = attribute(head, 'ref');
    if (name && ref) tables.set(name, ref);
  }
  const found = findSheet([...tables.keys()], CARTOGRAPHIE_TABLE);
  const row = found === undefined ? NaN : Number(/\d+/.exec(tables.get(found) as string)?.[0]);
  return Number.isFinite(row) ? row : undefined;
}

function readSheet(pkg: Package, name: string, part: string, context: SheetContext, maxRows?: number): Grid | undefined {
  const entry = pkg.entry(part);
  if (!entry) return undefined;
  const reader = new SheetReader(context, maxRows);
  pkg.stream(entry, (chunk) => reader.push(chunk));
  return reader.grid(name);
}

/** The workbook's sheets (name → part) and what reading their cells needs, or why there is none. */
function sheetsOf(pkg: Package): { sheets: Map<string, string>; context: SheetContext } | WorkbookProblem {
  const workbookPart = byType(pkg.relationships(''), 'officeDocument') ?? 'xl/workbook.xml';
  const sheets = sheetParts(pkg, workbookPart);
  if (sheets.size === 0) return unreadableProblem('Le classeur ne contient aucune feuille.');
  const rels = pkg.relationships(workbookPart);
  const sharedStringsPart = byType(rels, 'sharedStrings');
  const stylesPart = byType(rels, 'styles');
  const context: SheetContext = {
    sharedStrings: sharedStringsPart ? parseSharedStrings(pkg.text(sharedStringsPart) ?? '') : [],
    dateStyles: stylesPart ? parseDateStyles(pkg.text(stylesPart) ?? '') : new Set(),
  };
  return { sheets, context };
}

function contentOf(pkg: Package, identityFound: (grids: Grid[]) => boolean, withPlan: boolean): WorkbookContent | WorkbookProblem {
  const found = sheetsOf(pkg);
  if ('code' in found) return found;
  const { sheets, context } = found;
  const names = [...sheets.keys()];
  /** A RESOMEDIT sheet's grid and part, found tolerantly by name. */
  const sheet = (key: SheetKey, maxRows?: number): ReadResult<{ grid: Grid; part: string }> => {
    const name = resolveSheet(names, key);
    if (!name.ok) return name;
    const part = sheets.get(name.value) as string;
    const grid = readSheet(pkg, name.value, part, context, maxRows);
    return grid ? { ok: true, value: { grid, part } } : { ok: false, problems: [{ code: 'unreadable', message: `feuille « ${name.value} » absente de l'archive` }] };
  };
  const identity: Grid[] = [];
  for (const key of ['notice', 'synthesis'] as const) {
    if (identity.length > 0 && identityFound(identity)) break;
    const read = sheet(key, IDENTITY_ROWS);
    if (read.ok) identity.push(read.value.grid);
  }
  const planSheet = withPlan ? sheet('plan') : undefined;
  const plan = planSheet && (planSheet.ok ? readPlanGrid(planSheet.value.grid) : planSheet);
  const cartographie = sheet('cartographie');
  if (!cartographie.ok) return { cartographie, identity, plan };
  const { grid, part } = cartographie.value;
  return { cartographie: locateCartographie(grid, tableHeaderRow(pkg, part)), identity, plan };
}

/** A zip package's parts, after the checks every reading path makes. */
function openPackage(bytes: Uint8Array): Package | WorkbookProblem {
  const container = containerProblem(bytes);
  if (container) return container;
  const entries = zipEntries(bytes);
  if (entries.length === 0) return unreadableProblem('Le classeur est endommagé ou illisible (archive .xlsx invalide).');
  const kind = packageKindProblem(entries, bytes);
  if (kind) return unreadableProblem(kind);
  return new Package(bytes, entries);
}

/**
 * The sheets of an .xlsx held in memory named in `wanted` (tolerantly: case, accents, spaces), streamed
 * and keyed by the wanted name; every other sheet is left compressed. A sheet the workbook lacks is absent from the map.
 */
export function readSheetsNamed(bytes: Uint8Array, wanted: readonly string[]): { ok: true; value: Map<string, Grid> } | { ok: false; problem: WorkbookProblem } {
  const pkg = openPackage(bytes);
  if (!(pkg instanceof Package)) return { ok: false, problem: pkg };
  try {
    const found = sheetsOf(pkg);
    if ('code' in found) return { ok: false, problem: found };
    const grids = new Map<string, Grid>();
    const names = [...found.sheets.keys()];
    for (const name of wanted) {
      const actual = findSheet(names, name);
      const grid = actual === undefined ? undefined : readSheet(pkg, actual, found.sheets.get(actual) as string, found.context);
      if (grid) grids.set(name, grid);
    }
    return { ok: true, value: grids };
  } catch (error) {
    return { ok: false, problem: zipProblem(error) };
  }
}

/**
 * The cartographie and the identity sheets of an .xlsx held in memory, or why they cannot be read.
 * The Synthèse (older workbooks' identity) is read only when `identityFound` says the notice is not enough;
 * the plan d'action only `withPlan`.
 */
export function readWorkbookContent(bytes: Uint8Array, identityFound: (grids: Grid[]) => boolean = () => false, withPlan = false): ContentResult {
  const pkg = openPackage(bytes);
  if (!(pkg instanceof Package)) return { ok: false, problem: pkg };
  try {
    const content = contentOf(pkg, identityFound, withPlan);
    return 'code' in content ? { ok: false, problem: content } : { ok: true, value: content };
  } catch (error) {
    return { ok: false, problem: zipProblem(error) };
  }
}
