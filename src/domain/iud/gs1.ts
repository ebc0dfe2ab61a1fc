/**
 * GS1 element strings (SPEC §9): raw scanner form with FNC1 sent as GS (ASCII 29),
 * or human-readable form "(01)…(17)…(10)…".
 */
import { readYymmdd } from './dates';
import type { IudElement, IudIp } from './types';

export const GS = '\u001d';

type AiKind = 'gtin' | 'sscc' | 'date' | 'text' | 'numeric';
type IpField = 'lot' | 'serial' | 'expiry' | 'manufactured';

interface AiSpec {
  ai: string;
  label: string;
  kind: AiKind;
  /** Fixed length of the data, or the maximum for a variable-length field. */
  length: number;
  variable: boolean;
  field?: IpField;
}

const AIS: AiSpec[] = [
  { ai: '00', label: 'SSCC (unité logistique)', kind: 'sscc', length: 18, variable: false },
  { ai: '01', label: 'GTIN (IUD-ID)', kind: 'gtin', length: 14, variable: false },
  { ai: '02', label: 'GTIN des articles contenus', kind: 'gtin', length: 14, variable: false },
  { ai: '10', label: 'Numéro de lot', kind: 'text', length: 20, variable: true, field: 'lot' },
  { ai: '11', label: 'Date de fabrication', kind: 'date', length: 6, variable: false, field: 'manufactured' },
  { ai: '13', label: 'Date de conditionnement', kind: 'date', length: 6, variable: false },
  { ai: '17', label: 'Date de péremption', kind: 'date', length: 6, variable: false, field: 'expiry' },
  { ai: '21', label: 'Numéro de série', kind: 'text', length: 20, variable: true, field: 'serial' },
  { ai: '30', label: 'Quantité', kind: 'numeric', length: 8, variable: true },
  { ai: '240', label: 'Référence du fabricant', kind: 'text', length: 30, variable: true },
  { ai: '7240', label: 'Identifiant de protocole', kind: 'text', length: 20, variable: true },
];

/** GS1 AI encodable character set 82. */
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;

export interface Gs1Reading {
  elements: IudElement[];
  gtin?: string;
  iudIp: IudIp;
  problems: string[];
  warnings: string[];
  suggestion?: string;
}

/** GS1 mod-10 check digit of the digits before it (weights 3,1,3… from the right). */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const weight = (body.length - i) % 2 === 1 ? 3 : 1;
    sum += Number(body[i]) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

function checkKey(raw: string, length: number, name: string): Pick<IudElement, 'valid' | 'message'> {
  if (!new RegExp(`^\\d{${length}}$`).test(raw)) {
    return { valid: false, message: `le ${name} doit compter ${length} chiffres (lu : « ${raw} »)` };
  }
  const expected = gs1CheckDigit(raw.slice(0, -1));
  if (expected !== Number(raw.slice(-1))) {
    return { valid: false, message: `clé de contrôle fausse : ${expected} attendu, ${raw.slice(-1)} lu` };
  }
  return { valid: true };
}

function validate(spec: AiSpec, raw: string): IudElement {
  const base = { ai: spec.ai, label: spec.label, raw, value: raw };
  if (!spec.variable && raw.length < spec.length) {
    return { ...base, valid: false, message: `tronqué : ${raw.length} caractères au lieu de ${spec.length}` };
  }
  switch (spec.kind) {
    case 'gtin':
      return { ...base, ...checkKey(raw, 14, 'GTIN') };
    case 'sscc':
      return { ...base, ...checkKey(raw, 18, 'SSCC') };
    case 'date': {
      const reading = readYymmdd(raw);
      if (!reading.ok) return { ...base, valid: false, message: `date invalide : ${reading.message}` };
      const message = raw.endsWith('00') ? 'jour 00 : dernier jour du mois' : undefined;
      return { ...base, value: reading.date.display, valid: true, message };
    }
    case 'numeric':
      if (!/^\d+$/.test(raw) || raw.length > spec.length) {
        return { ...base, valid: false, message: `jusqu'à ${spec.length} chiffres attendus` };
      }
      return { ...base, valid: true };
    case 'text':
      if (raw.length === 0) return { ...base, valid: false, message: 'valeur vide' };
      if (raw.length > spec.length) {
        return { ...base, valid: false, message: `${raw.length} caractères, ${spec.length} au plus` };
      }
      if (!CSET82.test(raw)) return { ...base, valid: false, message: 'caractère non autorisé par GS1' };
      return { ...base, valid: true };
  }
}

function specAt(data: string, pos: number): AiSpec | undefined {
  return AIS.find((spec) => data.startsWith(spec.ai, pos));
}

interface Scan {
  elements: IudElement[];
  problems: string[];
}

/** Reads a raw element string; variable fields end at GS or at the end of the data. */
function scanRaw(data: string): Scan {
  const elements: IudElement[] = [];
  const problems: string[] = [];
  let pos = 0;
  while (pos < data.length) {
    if (data[pos] === GS) {
      pos++;
      continue;
    }
    const spec = specAt(data, pos);
    if (!spec) {
      problems.push(
        `Identifiant d'application inconnu à la position ${pos + 1} (« ${data.slice(pos, pos + 4)}… ») : la suite du code n'a pas pu être lue.`,
      );
      break;
    }
    const start = pos + spec.ai.length;
    let end = start + spec.length;
    if (spec.variable) {
      const gs = data.indexOf(GS, start);
      end = gs < 0 ? data.length : gs;
    }
    elements.push(validate(spec, data.slice(start, end)));
    pos = end;
  }
  return { elements, problems };
}

/** Reads "(01)…(17)…" text; element boundaries are explicit, so no separator is needed. */
function scanHumanReadable(data: string): Scan {
  const elements: IudElement[] = [];
  const problems: string[] = [];
  const pattern = /\(\s*(\d{2,4})\s*\)([^(]*)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = pattern.exec(data)) !== null) {
    consumed = pattern.lastIndex;
    const [, ai, rawValue] = match;
    const raw = rawValue.trim();
    const spec = AIS.find((s) => s.ai === ai);
    if (spec) {
      elements.push(validate(spec, raw));
    } else {
      elements.push({ ai, label: 'Identifiant inconnu', raw, value: raw, valid: false, message: `(${ai}) n'est pas pris en charge` });
      problems.push(`Identifiant d'application (${ai}) non pris en charge : valeur « ${raw} » ignorée.`);
    }
  }
  const rest = data.slice(consumed).trim();
  if (rest) problems.push(`Texte non reconnu après les identifiants : « ${rest} ».`);
  return { elements, problems };
}

function humanReadable(elements: IudElement[]): string {
  return elements.map((e) => `(${e.ai})${e.raw}`).join('');
}

function isVariable(element: IudElement): boolean {
  return AIS.find((s) => s.ai === element.ai)?.variable ?? false;
}

/**
 * Elements a variable field may have swallowed. A swallowed expiry date or GTIN is strong evidence
 * (the code would otherwise lack it); a lot, serial or manufacturing date hidden in a numeric lot
 * or serial may be genuine, so it is only a point to check.
 */
const STRONG_AIS = new Set(['01', '17']);
const WEAK_AIS = new Set(['10', '11', '21']);

interface Split {
  element: IudElement;
  parts: IudElement[];
  strong: boolean;
}

/**
 * A variable field ends at GS or at the end of the data: when the scanner sends no GS it swallows
 * the elements that follow. Look for a split whose tail reads as valid elements absent from the
 * rest of the code; the first strong split wins, else the first weak one.
 */
function findSwallowed(element: IudElement, others: IudElement[]): Split | null {
  const present = new Set([element.ai, ...others.map((e) => e.ai)]);
  let weak: Split | null = null;
  for (let k = 1; k < element.raw.length - 2; k++) {
    const tail = scanRaw(element.raw.slice(k));
    const plausible = tail.elements.every((e) => e.valid && !present.has(e.ai) && (STRONG_AIS.has(e.ai) || WEAK_AIS.has(e.ai)));
    if (tail.problems.length > 0 || !plausible) continue;
    const head = { ...element, raw: element.raw.slice(0, k), value: element.raw.slice(0, k), valid: true, message: undefined };
    const parts = [head, ...tail.elements];
    if (tail.elements.some((e) => STRONG_AIS.has(e.ai))) return { element, parts, strong: true };
    weak ??= { element, parts, strong: false };
  }
  return weak;
}

function firstSplit(elements: IudElement[]): Split | null {
  const splits = elements
    .filter(isVariable)
    .map((element) => findSwallowed(element, elements.filter((e) => e !== element)))
    .filter((split): split is Split => split !== null);
  return splits.find((split) => split.strong) ?? splits[0] ?? null;
}

function describeSplit(element: IudElement, parts: IudElement[]): string {
  return `(${element.ai}) ${element.label.toLowerCase()} « ${parts[0].raw} » suivi de ${parts
    .slice(1)
    .map((p) => `(${p.ai}) « ${p.raw} »`)
    .join(', ')}`;
}

function ipOf(elements: IudElement[]): IudIp {
  const iudIp: IudIp = {};
  for (const element of elements) {
    const field = AIS.find((s) => s.ai === element.ai)?.field;
    if (!field || !element.valid) continue;
    if (field === 'expiry' || field === 'manufactured') {
      const reading = readYymmdd(element.raw);
      if (reading.ok) iudIp[field] = reading.date;
    } else {
      iudIp[field] = element.raw;
    }
  }
  return iudIp;
}

export function parseGs1(data: string, form: 'raw' | 'human'): Gs1Reading {
  const scan = form === 'human' ? scanHumanReadable(data) : scanRaw(data);
  const { elements } = scan;
  const problems = [...scan.problems];
  const warnings: string[] = [];
  let suggestion: string | undefined;

  for (const element of elements) {
    if (!element.valid) problems.push(`(${element.ai}) ${element.label} : ${element.message}.`);
  }
  const seen = new Set<string>();
  for (const element of elements) {
    if (seen.has(element.ai)) problems.push(`L'identifiant (${element.ai}) apparaît deux fois.`);
    seen.add(element.ai);
  }

  if (form === 'raw') {
    const split = firstSplit(elements);
    if (split) {
      const { element } = split;
      suggestion = humanReadable(elements.flatMap((e) => (e === element ? split.parts : [e])));
      const explanation = `Séparateur GS probablement absent après le champ (${element.ai}) « ${element.raw} » : la lecture probable est ${describeSplit(element, split.parts)}, soit ${suggestion}.`;
      if (split.strong) problems.push(`${explanation} Vérifiez le paramétrage du lecteur (transmission du FNC1 / GS).`);
      else warnings.push(`${explanation} À confirmer sur l'étiquette.`);
    }
  }

  const gtinElement = elements.find((e) => e.ai === '01');
  return { elements, gtin: gtinElement?.raw, iudIp: ipOf(elements), problems, warnings, suggestion };
}
