/** Label keys: the one that groups rows (as Excel compares text) and the tolerant one that hints. */
import { memo } from './memo';
import { once } from './once';

const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u00B4`]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /[\s\u00A0\u202F\u2007\u2009\u200B]+/g;

// Sheets repeat the same few labels thousands of times: keys are remembered, within a bound.
const KEY_GENERATION = 100_000;

/**
 * Comparison key of a label: case, accents, apostrophe and dash variants and runs of
 * spaces (including no-break spaces) are ignored. Idempotent.
 */
export const normaliseLabel: (text: string) => string = memo(computeKey, KEY_GENERATION);

function computeKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .trim()
    .toLowerCase();
}

/**
 * The comparison key of each character up to U+00FF when it is one character other than a space
 * (normaliseLabel works character by character on those: "É" is "e", "`" is "'"), else 0.
 */
const FOLD = once(() => {
  const fold = new Uint16Array(0x100);
  for (let c = 0x21; c < 0x100; c += 1) {
    const key = computeKey(String.fromCharCode(c));
    if (key.length === 1 && key !== ' ') fold[c] = key.charCodeAt(0);
  }
  return fold;
});

function mix(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

/** How many characters at the end of a key tailHash reads: enough to tell most labels apart. */
const TAIL = 12;

/** A hash of the last characters of a comparison key (normaliseLabel's result). */
export function tailHash(key: string): number {
  let hash = 0;
  for (let i = Math.max(0, key.length - TAIL); i < key.length; i += 1) hash = mix(hash, key.charCodeAt(i));
  return hash;
}

/**
 * tailHash(normaliseLabel(text)) read from the end of the text itself, without making its key, when
 * that end holds only characters FOLD knows and single plain spaces between them (most labels);
 * else undefined. The key then ends with those characters folded one by one, whatever comes
 * before: telling that a label is none of a few known ones costs no key, no memo and no pass over
 * the whole label.
 */
export function textTailHash(text: string): number | undefined {
  const fold = FOLD();
  const from = Math.max(0, text.length - TAIL);
  if (text.length === 0 || text.charCodeAt(text.length - 1) === 0x20) return undefined;
  // A space that opens the end read stays one space in the key after a character FOLD knows.
  if (text.charCodeAt(from) === 0x20 && !(from > 0 && isFolded(fold, text.charCodeAt(from - 1)))) return undefined;
  let hash = 0;
  let space = false;
  for (let i = from; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x20 && !space) space = true;
    else if (isFolded(fold, c)) space = false;
    else return undefined;
    hash = mix(hash, c === 0x20 ? c : fold[c]);
  }
  return hash;
}

function isFolded(fold: Uint16Array, code: number): boolean {
  return code < 0x100 && fold[code] !== 0;
}

/** A run of spaces or a space other than the plain one: what tidyLabel must rewrite. */
const UNTIDY = /[\s\u00A0\u202F\u2007\u2009\u200B]{2}|[\u00A0\u202F\u2007\u2009\u200B\t\n\r\f\v]/;

/** Trims and collapses spaces of a label as the user wrote it, keeping its case and accents. */
export function tidyLabel(text: string): string {
  return UNTIDY.test(text) ? text.replace(SPACES, ' ').trim() : trim(text);
}

/** String.prototype.trim, without a copy when both ends are already printable ASCII (most cells). */
export function trim(text: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f ? text : text.trim();
}

/**
 * Grouping key of a visible label, as Excel's COUNTIFS compares text: case-insensitive, otherwise
 * exact (accents and spaces count). Every grouping of rows by Zone, Étape, Type, Vers l'étape or
 * Critique goes through this key, so that the Synthèse formulas find the same groups.
 */
export function labelKey(text: string): string {
  return text.toLowerCase();
}
