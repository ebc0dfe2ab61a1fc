/** IUD (UDI) test bench: reads what a scanner typed and explains it (SPEC §9). */
import { GS, parseGs1 } from './gs1';
import { parseHibc } from './hibc';
import type { IudId, IudIp, IudResult } from './types';

export type { IudDate, IudElement, IudFormat, IudId, IudIp, IudResult } from './types';
export { gs1CheckDigit } from './gs1';
export { hibcCheckCharacter } from './hibc';

/** AIM symbology identifiers a scanner may send first; GS1 ones announce an element string. */
const SYMBOLOGIES: Record<string, { name: string; gs1: boolean }> = {
  ']d2': { name: 'GS1 DataMatrix', gs1: true },
  ']C1': { name: 'GS1-128', gs1: true },
  ']Q3': { name: 'GS1 QR Code', gs1: true },
  ']e0': { name: 'GS1 DataBar', gs1: true },
  ']J1': { name: 'GS1 DotCode', gs1: true },
  ']d1': { name: 'Data Matrix', gs1: false },
  ']C0': { name: 'Code 128', gs1: false },
  ']A0': { name: 'Code 39', gs1: false },
  ']Q1': { name: 'QR Code', gs1: false },
};

/** What a QWERTY-configured scanner types on an AZERTY workstation instead of 1234567890. */
const AZERTY_DIGITS = '&é"\'(-è_çà';

export interface ParseOptions {
  /** ISO date of the day, to flag an expired device. */
  today?: string;
}

function missingFor(iudId: IudId | null, iudIp: IudIp, format: 'GS1' | 'HIBC'): string[] {
  const missing: string[] = [];
  if (!iudId) {
    missing.push(
      format === 'GS1'
        ? 'IUD-ID absent : le code ne porte pas de GTIN (01) valide.'
        : 'IUD-ID absent : il manque le code primaire HIBC (code fabricant et référence produit).',
    );
  }
  if (!iudIp.lot && !iudIp.serial) {
    missing.push('Ni numéro de lot ni numéro de série : la traçabilité sanitaire exige l\'un ou l\'autre (R5212-38 CSP, IUD-IP).');
  }
  if (!iudIp.expiry) missing.push('Date de péremption absente : elle doit être enregistrée à la réception (arrêté du 8 septembre 2021).');
  return missing;
}

function unknown(input: string, message: string, symbology?: string): IudResult {
  return { input, format: 'inconnu', symbology, iudId: null, iudIp: {}, elements: [], problems: [message], warnings: [], missing: [], ok: false };
}

function stripSymbology(text: string): { data: string; symbology?: { name: string; gs1: boolean } } {
  const prefix = text.slice(0, 3);
  if (!/^\][A-Za-z]\d$/.test(prefix)) return { data: text };
  return { data: text.slice(3), symbology: SYMBOLOGIES[prefix] ?? { name: `symbologie ${prefix}`, gs1: false } };
}

function complete(result: Omit<IudResult, 'missing' | 'ok'>, options: ParseOptions): IudResult {
  if (result.format === 'inconnu') return { ...result, missing: [], ok: false };
  const missing = missingFor(result.iudId, result.iudIp, result.format);
  const warnings = [...result.warnings];
  const expiry = result.iudIp.expiry;
  if (expiry && options.today && expiry.iso < options.today) warnings.push(`Dispositif périmé depuis le ${expiry.display}.`);
  return { ...result, warnings, missing, ok: result.problems.length === 0 && missing.length === 0 };
}

function read(input: string, text: string, options: ParseOptions): IudResult {
  const { data, symbology } = stripSymbology(text);
  const name = symbology?.name;
  // A scanner may send the leading FNC1 as a GS too.
  let body = data;
  while (body.startsWith(GS)) body = body.slice(1);
  if (!body) return unknown(input, `Préfixe ${name ?? 'de symbologie'} reçu sans données : le code n'a pas été transmis en entier.`, name);
  if (symbology?.gs1 || /^\d{2}/.test(body) || body.startsWith('(')) {
    const gs1 = parseGs1(body, body.startsWith('(') ? 'human' : 'raw');
    if (gs1.elements.length === 0 && !symbology?.gs1) {
      return unknown(input, `Code non reconnu : « ${input.trim()} » ne commence ni par un identifiant GS1 connu (01, 10, 17…) ni par « + » (HIBC).`, name);
    }
    const iudId: IudId | null = gs1.gtin && gs1.elements.find((e) => e.ai === '01')?.valid ? { issuer: 'GS1', value: gs1.gtin } : null;
    const { elements, iudIp, problems, warnings, suggestion } = gs1;
    return complete({ input, format: 'GS1', symbology: name, iudId, iudIp, elements, problems, warnings, suggestion }, options);
  }
  if (body.startsWith('+')) {
    const codes = body.split(/[\r\n\t]+|\s+(?=\+)/).map((code) => code.trim()).filter(Boolean);
    const hibc = parseHibc(codes);
    return complete({ input, format: 'HIBC', symbology: name, ...hibc }, options);
  }
  return unknown(input, `Code non reconnu : « ${input.trim()} » n'est ni un code GS1 (01…, (01)…) ni un code HIBC (+…).`, name);
}

/** Normalises what the scanner typed: GS written as "<GS>", Code 39 "*" delimiters, surrounding blanks. */
function normalise(input: string): string {
  return input
    .replace(/<GS>/gi, GS)
    .trim()
    .replace(/^\*(.*)\*$/s, '$1');
}

/** Reads a scanned code; never throws: unreadable input gives format 'inconnu' and a French message. */
export function parseIud(input: string, options: ParseOptions = {}): IudResult {
  const text = normalise(input);
  if (!text) return unknown(input, 'Aucun code saisi : scannez le code IUD de la boîte dans ce champ.');
  const result = read(input, text, options);
  if (result.format === 'inconnu' && !/\d/.test(text) && [...text].some((c) => AZERTY_DIGITS.includes(c))) {
    const remapped = text.replace(/[&é"'(\-è_çà]/g, (c) => String((AZERTY_DIGITS.indexOf(c) + 1) % 10));
    const retry = read(input, remapped, options);
    if (retry.format !== 'inconnu') {
      const problem = `Le lecteur semble paramétré pour un clavier QWERTY alors que le poste est en AZERTY : les chiffres arrivent sous la forme « ${AZERTY_DIGITS} ». Lecture probable ci-dessous (vérifiez aussi les lettres A/Q, Z/W, M) ; corrigez le paramétrage du lecteur.`;
      return { ...retry, problems: [problem, ...retry.problems], suggestion: retry.suggestion ?? remapped, ok: false };
    }
  }
  return result;
}
