/** Dates encoded in IUD codes: GS1 YYMMDD (day 00 = last day of the month), HIBC formats. */
import type { IudDate } from './types';

export type DateReading = { ok: true; date: IudDate } | { ok: false; message: string };

/** Two-digit years 70-99 are read as 19xx, the rest as 20xx (no device label predates 1970). */
function fullYear(yy: number): number {
  return yy >= 70 ? 1900 + yy : 2000 + yy;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function makeDate(raw: string, year: number, month: number, day: number): IudDate {
  return {
    raw,
    iso: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
    display: `${pad(day)}/${pad(month)}/${pad(year, 4)}`,
  };
}

function checkedDate(raw: string, year: number, month: number, day: number, lastDayWhenZero: boolean): DateReading {
  if (month < 1 || month > 12) return { ok: false, message: `mois « ${pad(month)} » impossible` };
  const last = daysInMonth(year, month);
  if (day === 0 && lastDayWhenZero) return { ok: true, date: makeDate(raw, year, month, last) };
  if (day < 1 || day > last) {
    return { ok: false, message: `le ${pad(day)}/${pad(month)}/${year} n'existe pas` };
  }
  return { ok: true, date: makeDate(raw, year, month, day) };
}

function digitsOnly(raw: string, length: number): boolean {
  return raw.length === length && /^\d+$/.test(raw);
}

/** Six digits read as AAMMJJ or MMJJAA. */
function readSixDigits(raw: string, pattern: 'AAMMJJ' | 'MMJJAA', lastDayWhenZero: boolean): DateReading {
  if (!digitsOnly(raw, 6)) return { ok: false, message: `« ${raw} » n'est pas une date ${pattern} (6 chiffres)` };
  const [a, b, c] = [raw.slice(0, 2), raw.slice(2, 4), raw.slice(4, 6)].map(Number);
  const [yy, mm, dd] = pattern === 'AAMMJJ' ? [a, b, c] : [c, a, b];
  return checkedDate(raw, fullYear(yy), mm, dd, lastDayWhenZero);
}

/** GS1 YYMMDD; day 00 means the last day of the month. */
export function readYymmdd(raw: string): DateReading {
  return readSixDigits(raw, 'AAMMJJ', true);
}

/** HIBC YYMMDD (no day 00 convention). */
export function readStrictYymmdd(raw: string): DateReading {
  return readSixDigits(raw, 'AAMMJJ', false);
}

/** HIBC MMDDYY. */
export function readMmddyy(raw: string): DateReading {
  return readSixDigits(raw, 'MMJJAA', false);
}

/** HIBC MMYY: the device expires at the end of that month. */
export function readMmyy(raw: string): DateReading {
  if (!digitsOnly(raw, 4)) return { ok: false, message: `« ${raw} » n'est pas une date MMAA (4 chiffres)` };
  return checkedDate(raw, fullYear(Number(raw.slice(2, 4))), Number(raw.slice(0, 2)), 0, true);
}

/** HIBC YYJJJ (Julian day of the year). */
export function readJulian(raw: string): DateReading {
  if (!digitsOnly(raw, 5)) return { ok: false, message: `« ${raw} » n'est pas une date julienne AAJJJ (5 chiffres)` };
  const year = fullYear(Number(raw.slice(0, 2)));
  const dayOfYear = Number(raw.slice(2));
  const length = daysInMonth(year, 2) === 29 ? 366 : 365;
  if (dayOfYear < 1 || dayOfYear > length) {
    return { ok: false, message: `jour ${raw.slice(2)} impossible en ${year}` };
  }
  const date = new Date(Date.UTC(year, 0, dayOfYear));
  return { ok: true, date: makeDate(raw, year, date.getUTCMonth() + 1, date.getUTCDate()) };
}

/** HIBC supplementary data YYYYMMDD. */
export function readYyyymmdd(raw: string): DateReading {
  if (!digitsOnly(raw, 8)) return { ok: false, message: `« ${raw} » n'est pas une date AAAAMMJJ (8 chiffres)` };
  return checkedDate(raw, Number(raw.slice(0, 4)), Number(raw.slice(4, 6)), Number(raw.slice(6, 8)), false);
}
