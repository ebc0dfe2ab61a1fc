/** Excel date serials (days since 30 December 1899, the 1900 date system), read and written in UTC. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function dateOfSerial(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + serial * DAY_MS);
}

/** The serial of a date's day (whole days, UTC). */
export function serialOfDate(date: Date): number {
  return Math.floor((date.getTime() - EXCEL_EPOCH_MS) / DAY_MS);
}
