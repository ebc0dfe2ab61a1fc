/** Label keys: the one that groups rows (as Excel compares text) and the tolerant one that hints. */
import { memo } from './memo';

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
