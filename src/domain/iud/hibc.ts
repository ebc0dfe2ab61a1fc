/**
 * HIBC LIC codes (SPEC §9): "+" labeler (4 characters, a letter first), product code, unit of
 * measure, mod-43 check character; secondary data after "/" or in a second "+$…" code.
 */
import { readJulian, readMmddyy, readMmyy, readStrictYymmdd, readYyyymmdd, type DateReading } from './dates';
import type { IudElement, IudId, IudIp } from './types';

const CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%';

/** Mod-43 check character over every character before it, the leading "+" included. */
export function hibcCheckCharacter(data: string): string | null {
  let sum = 0;
  for (const char of data) {
    const value = CHARSET.indexOf(char);
    if (value < 0) return null;
    sum += value;
  }
  return CHARSET[sum % 43];
}

export interface HibcReading {
  elements: IudElement[];
  iudId: IudId | null;
  iudIp: IudIp;
  problems: string[];
  warnings: string[];
}

interface Reader {
  elements: IudElement[];
  problems: string[];
  iudIp: IudIp;
}

function element(ai: string, label: string, raw: string, valid = true, message?: string, value = raw): IudElement {
  return { ai, label, raw, value, valid, message };
}

function addDate(reader: Reader, ai: string, label: string, raw: string, reading: DateReading, field: 'expiry' | 'manufactured'): void {
  if (reading.ok) {
    reader.elements.push(element(ai, label, raw, true, undefined, reading.date.display));
    reader.iudIp[field] = reading.date;
  } else {
    reader.elements.push(element(ai, label, raw, false, reading.message));
    reader.problems.push(`${label} invalide : ${reading.message}.`);
  }
}

function addText(reader: Reader, ai: string, label: string, raw: string, field: 'lot' | 'serial'): void {
  const valid = raw.length >= 1 && raw.length <= 18;
  const message = valid ? undefined : raw.length === 0 ? 'valeur vide' : `${raw.length} caractères, 18 au plus`;
  reader.elements.push(element(ai, label, raw, valid, message));
  if (valid) reader.iudIp[field] = raw;
  else reader.problems.push(`${label} : ${message}.`);
}

interface DateFormat {
  length: number;
  read: (raw: string) => DateReading;
  name: string;
}

/** "$$" date formats; a first character 0 or 1 is the month of the default MMYY format. */
const DATE_FORMATS: Record<string, DateFormat> = {
  '2': { length: 6, read: readMmddyy, name: 'MMJJAA' },
  '3': { length: 6, read: readStrictYymmdd, name: 'AAMMJJ' },
  '4': { length: 8, read: (raw) => readStrictYymmdd(raw.slice(0, 6)), name: 'AAMMJJHH' },
  '5': { length: 5, read: readJulian, name: 'AAJJJ' },
  '6': { length: 7, read: (raw) => readJulian(raw.slice(0, 5)), name: 'AAJJJHH' },
};

/** Reads "$$[+]" data: optional quantity, date in the announced format, then lot or serial. */
function readDatedData(reader: Reader, data: string, field: 'lot' | 'serial'): void {
  let rest = data;
  const quantityDigits = rest[0] === '8' ? 2 : rest[0] === '9' ? 5 : 0;
  if (quantityDigits) {
    const quantity = rest.slice(1, 1 + quantityDigits);
    const valid = new RegExp(`^\\d{${quantityDigits}}$`).test(quantity);
    reader.elements.push(element('QTY', 'Quantité', quantity, valid, valid ? undefined : `${quantityDigits} chiffres attendus`));
    if (!valid) reader.problems.push(`Quantité HIBC « ${quantity} » invalide : ${quantityDigits} chiffres attendus.`);
    rest = rest.slice(1 + quantityDigits);
  }
  const flag = rest[0] ?? '';
  const target = field === 'lot' ? 'Numéro de lot' : 'Numéro de série';
  const ai = field === 'lot' ? '$$' : '$$+';
  if (flag === '0' || flag === '1') {
    addDate(reader, `${ai}MMAA`, 'Date de péremption (MMAA)', rest.slice(0, 4), readMmyy(rest.slice(0, 4)), 'expiry');
    addText(reader, ai, target, rest.slice(4), field);
  } else if (flag === '7') {
    addText(reader, `${ai}7`, target, rest.slice(1), field);
  } else if (DATE_FORMATS[flag]) {
    const format = DATE_FORMATS[flag];
    const raw = rest.slice(1, 1 + format.length);
    addDate(reader, `${ai}${flag}`, `Date de péremption (${format.name})`, raw, format.read(raw), 'expiry');
    addText(reader, ai, target, rest.slice(1 + format.length), field);
  } else {
    reader.elements.push(element(ai, 'Format de date', flag, false, `format « ${flag} » inconnu`));
    reader.problems.push(`Données secondaires HIBC : format de date « ${flag} » inconnu après « ${ai} ».`);
  }
}

/** Secondary data without its "+" and its link and check characters. */
function readSecondary(reader: Reader, data: string): void {
  if (data.startsWith('$$+')) readDatedData(reader, data.slice(3), 'serial');
  else if (data.startsWith('$$')) readDatedData(reader, data.slice(2), 'lot');
  else if (data.startsWith('$+')) addText(reader, '$+', 'Numéro de série', data.slice(2), 'serial');
  else if (data.startsWith('$')) addText(reader, '$', 'Numéro de lot', data.slice(1), 'lot');
  else if (/^\d{5}/.test(data)) {
    addDate(reader, 'AAJJJ', 'Date de péremption (AAJJJ)', data.slice(0, 5), readJulian(data.slice(0, 5)), 'expiry');
    addText(reader, 'AAJJJ', 'Numéro de lot', data.slice(5), 'lot');
  } else {
    reader.problems.push(`Données secondaires HIBC non reconnues : « ${data} ».`);
  }
}

/** Supplementary data after a further "/": 14D expiry, 16D manufacture (AAAAMMJJ), S serial. */
function readSupplementary(reader: Reader, data: string): void {
  if (data.startsWith('14D')) addDate(reader, '14D', 'Date de péremption', data.slice(3), readYyyymmdd(data.slice(3)), 'expiry');
  else if (data.startsWith('16D')) addDate(reader, '16D', 'Date de fabrication', data.slice(3), readYyyymmdd(data.slice(3)), 'manufactured');
  else if (data.startsWith('S')) addText(reader, 'S', 'Numéro de série', data.slice(1), 'serial');
  else reader.problems.push(`Donnée complémentaire HIBC non reconnue : « /${data} ».`);
}

function readPrimary(reader: Reader, primary: string): IudId | null {
  const labeler = primary.slice(0, 4);
  const product = primary.slice(4, -1);
  const unit = primary.slice(-1);
  const labelerOk = /^[A-Z][A-Z0-9]{3}$/.test(labeler);
  const productOk = /^[A-Z0-9]{1,18}$/.test(product);
  const unitOk = /^\d$/.test(unit);
  reader.elements.push(
    element('LIC', 'Code fabricant (LIC)', labeler, labelerOk, labelerOk ? undefined : '4 caractères, une lettre en premier'),
    element('PCN', 'Référence produit', product, productOk, productOk ? undefined : '1 à 18 lettres ou chiffres'),
    element('UM', 'Unité de mesure', unit, unitOk, unitOk ? undefined : 'un chiffre attendu'),
  );
  if (!labelerOk) reader.problems.push(`Code fabricant HIBC « ${labeler} » invalide : 4 caractères, une lettre en premier.`);
  if (!productOk) reader.problems.push(`Référence produit HIBC « ${product} » invalide : 1 à 18 lettres ou chiffres.`);
  if (!unitOk) reader.problems.push(`Unité de mesure HIBC « ${unit} » invalide : un chiffre attendu.`);
  return labelerOk && productOk && unitOk ? { issuer: 'HIBC', value: `${labeler}${product}${unit}`, labeler, product, unitOfMeasure: unit } : null;
}

/** Verifies the trailing mod-43 character; returns the data it protects and its element. */
function checked(reader: Reader, code: string): { body: string; check: IudElement } {
  const data = code.slice(0, -1);
  const read = code.slice(-1);
  const expected = hibcCheckCharacter(data);
  const valid = expected === read;
  const message = expected === null ? 'caractère hors du jeu HIBC' : `« ${expected} » attendu`;
  if (!valid) {
    reader.problems.push(
      expected === null
        ? `Code HIBC « ${code} » : caractère hors du jeu autorisé (majuscules, chiffres, - . espace $ / + %).`
        : `Caractère de contrôle HIBC faux dans « ${code} » : « ${expected} » attendu, « ${read} » lu (code mal lu ou mal saisi).`,
    );
  }
  return { body: data.slice(1), check: element('CHK', 'Caractère de contrôle', read, valid, valid ? undefined : message) };
}

/** Reads one or two HIBC codes (primary, then secondary), each starting with "+". */
export function parseHibc(codes: string[]): HibcReading {
  const reader: Reader = { elements: [], problems: [], iudIp: {} };
  const warnings: string[] = [];
  let iudId: IudId | null = null;
  let primaryCheck: string | null = null;
  for (const code of codes) {
    if (code.length < 3) {
      reader.problems.push(`Code HIBC « ${code} » trop court.`);
      continue;
    }
    const { body, check } = checked(reader, code);
    if (body.startsWith('$') || /^\d/.test(body)) {
      readSecondary(reader, body.slice(0, -1));
      const link = body.slice(-1);
      const linked = primaryCheck === null || link === primaryCheck;
      reader.elements.push(element('LINK', 'Caractère de liaison', link, linked, linked ? undefined : `« ${primaryCheck} » attendu`));
      if (primaryCheck === null) warnings.push('Code secondaire HIBC lu sans son code primaire : scannez aussi le code portant la référence produit.');
      else if (!linked) {
        reader.problems.push(`Le code secondaire ne correspond pas au code primaire : caractère de liaison « ${link} », « ${primaryCheck} » attendu.`);
      }
    } else {
      const [primary, secondary, ...supplementary] = body.split('/');
      iudId = readPrimary(reader, primary) ?? iudId;
      if (secondary === undefined) primaryCheck = check.raw;
      else if (secondary) readSecondary(reader, secondary);
      for (const part of supplementary) readSupplementary(reader, part);
    }
    reader.elements.push(check);
  }
  return { elements: reader.elements, iudId, iudIp: reader.iudIp, problems: reader.problems, warnings };
}
