/**
 * The campaign a workbook holds (year and opening date), in the notice's identity block: the value
 * cell under « Campagne (année ou date) ». The notice is never regenerated (neither the Synthèse nor
 * the plan touch it), the regional consolidation already reads that cell, and the user sees it.
 * « Nouvelle campagne » writes it as text, "2026 (ouverte le 27/11/2026)"; a year or a date the user
 * typed there reads as well.
 */
import type { Campaign } from '../domain/campaign/compare';
import { dateOfSerial, serialOfDate } from '../domain/excelDates';
import type { CellInput } from '../domain/model';
import { cellText, type Grid } from './grid';
import { headerMatches } from './names';
import type { LayoutCell } from './layoutCell';
import { IDENTITY_LABELS } from './template';

export interface CampaignInfo {
  /** The campaign's year, when the cell names one. */
  year: number | null;
  /** The opening date (Excel serial), when the cell gives one. */
  date: number | null;
  /** The cell as shown. */
  text: string;
}

const LABELS = [IDENTITY_LABELS.campaign, 'Campagne', 'Année'];

/** The campaign's value cell (1-based sheet row and column): the cell under its label. */
export function campaignCell(notice: Grid): { row: number; column: number } | undefined {
  for (const [index, cells] of notice.rows.entries()) {
    const col = cells.findIndex((cell) => cellText(cell) !== '' && headerMatches(cellText(cell), LABELS));
    if (col >= 0) return { row: notice.top + index + 1, column: notice.left + col };
  }
  return undefined;
}

const DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });

export function formatSerial(serial: number): string {
  return DAY.format(dateOfSerial(serial));
}

/** A campaign cell read: a date, a year, or a text naming them ("2026", "2026 (ouverte le 27/11/2026)"). */
export function parseCampaign(cell: CellInput | undefined): CampaignInfo | null {
  const text = cellText(cell);
  if (text === '' || cell?.error) return null;
  if (typeof cell?.value === 'number' && cell.date) return { year: dateOfSerial(cell.value).getUTCFullYear(), date: cell.value, text: formatSerial(cell.value) };
  if (typeof cell?.value === 'number' && Number.isInteger(cell.value) && cell.value >= 1990 && cell.value <= 2200) return { year: cell.value, date: null, text };
  const day = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  const date = day ? serialOfDate(new Date(Date.UTC(Number(day[3]), Number(day[2]) - 1, Number(day[1])))) : null;
  const year = /(?<!\d)(19\d\d|2[01]\d\d)(?!\d)/.exec(text);
  return { year: year ? Number(year[1]) : date === null ? null : dateOfSerial(date).getUTCFullYear(), date, text };
}

/** The campaign the notice names, or null when it says none. */
export function campaignInfoOf(notice: Grid): CampaignInfo | null {
  const at = campaignCell(notice);
  return at ? parseCampaign(notice.rows[at.row - notice.top]?.[at.column - notice.left]) : null;
}

/** The cells that record `text` as the campaign: the value cell under its label, or both under the notice's text when it has no such label. */
export function campaignCells(notice: Grid, text: string): LayoutCell[] {
  const at = campaignCell(notice);
  if (at) return [{ row: at.row - 1, col: at.column - 1, value: text }];
  const row = notice.top + notice.rows.length;
  return [
    { row, col: 0, value: IDENTITY_LABELS.campaign, style: 'label' },
    { row: row + 1, col: 0, value: text, style: 'warning' },
  ];
}

/** What « Nouvelle campagne » writes in the campaign cell: "2026 (ouverte le 27/11/2026)". */
export function campaignText(year: number, opened: Date): string {
  return `${year} (ouverte le ${formatSerial(serialOfDate(opened))})`;
}

/** Last year's workbook, read to compare this campaign with. */
export interface PreviousCampaign extends Campaign {
  /** The file's name, as the user picked it. */
  fileName: string;
  info: CampaignInfo | null;
}
