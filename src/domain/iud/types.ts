/** Result of reading one scanned IUD (UDI) code, GS1 or HIBC (SPEC §9). */

export type IudFormat = 'GS1' | 'HIBC' | 'inconnu';

export interface IudDate {
  /** As encoded, e.g. "250300". */
  raw: string;
  /** ISO date, e.g. "2025-03-31". */
  iso: string;
  /** French display, e.g. "31/03/2025". */
  display: string;
}

/** Static device identifier (IUD-ID). */
export interface IudId {
  issuer: 'GS1' | 'HIBC';
  /** GTIN-14 (GS1) or labeler + product code (HIBC). */
  value: string;
  /** HIBC parts. */
  labeler?: string;
  product?: string;
  unitOfMeasure?: string;
}

/** Production identifier (IUD-IP). */
export interface IudIp {
  lot?: string;
  serial?: string;
  expiry?: IudDate;
  manufactured?: IudDate;
}

/** One decoded element: a GS1 application identifier or an HIBC field. */
export interface IudElement {
  /** GS1 AI ("01", "17"…) or HIBC field ("LIC", "PCN", "$$3"…). */
  ai: string;
  label: string;
  raw: string;
  value: string;
  valid: boolean;
  message?: string;
}

export interface IudResult {
  input: string;
  format: IudFormat;
  /** Symbology announced by the scanner prefix, e.g. "GS1 DataMatrix". */
  symbology?: string;
  iudId: IudId | null;
  iudIp: IudIp;
  elements: IudElement[];
  /** Faults that make the reading wrong or unreliable (French). */
  problems: string[];
  /** Points to check that do not invalidate the reading (French). */
  warnings: string[];
  /** What the traceability record lacks (R5212-38 CSP, MDR) (French). */
  missing: string[];
  /** Likely intended reading, in human-readable form, when a separator seems missing. */
  suggestion?: string;
  /** Readable, valid and complete for traceability. */
  ok: boolean;
}
