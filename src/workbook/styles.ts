/**
 * What each presentation role looks like, as plain data every adapter applies the same way
 * (Office.js, exceljs, the in-memory workbook and its HTML view).
 */
import type { Answer } from '../domain/model';
import type { CellStyle } from './layoutCell';

export interface CellFormat {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points; the host default when absent. */
  size?: number;
  /** "#RRGGBB". */
  fontColour?: string;
  /** "#RRGGBB" background. */
  fill?: string;
  wrap?: boolean;
}

export const CELL_FORMATS: Record<CellStyle, CellFormat> = {
  title: { bold: true, size: 16, fontColour: '#1F3864' },
  subtitle: { italic: true, size: 12, fontColour: '#1F3864' },
  section: { bold: true, size: 13, fontColour: '#FFFFFF', fill: '#2F5496' },
  header: { bold: true, fontColour: '#FFFFFF', fill: '#44546A', wrap: true },
  label: { bold: true, wrap: true },
  value: { wrap: true },
  percent: {},
  note: { italic: true, fontColour: '#595959', wrap: true },
  caption: { italic: true, fontColour: '#595959' },
  warning: { bold: true, fontColour: '#9C5700', fill: '#FFEB9C', wrap: true },
  good: { fontColour: '#006100', fill: '#C6EFCE' },
  bad: { fontColour: '#9C0006', fill: '#FFC7CE' },
};

/** Colours of an answer cell (conditional formatting of the Réponse column). */
export const ANSWER_FORMATS: Record<Answer, CellFormat> = {
  OUI: CELL_FORMATS.good,
  NON: CELL_FORMATS.bad,
  NA: { fontColour: '#3A3A3A', fill: '#D9D9D9' },
};

/** Light background of the Zone and Étape cells, one per zone in flow order, so zones read as bands. */
export const ZONE_FILLS = ['#DDEBF7', '#E2EFDA', '#FCE4D6', '#EDE1F5', '#FFF2CC', '#DEEAF1'] as const;
