/**
 * The fiche de synthèse as a one-page A4 PDF (pdfkit, no browser). Every block has a fixed box and
 * long texts end with an ellipsis inside it, so the page never overflows onto a second one.
 * The standard Helvetica fonts need no font file and cover French (WinAnsi encoding).
 */
import PDFDocument from 'pdfkit';
import type { Circuit } from '../../views/circuit';
import { evolutionText, type FicheAction, type FicheContent, type FicheFigure } from '../../workbook/fiche';
import { drawCircuitMap, drawMapLegend } from './map';
import { BOLD, REGULAR, winAnsi } from './winAnsi';

/** A4 in points; the top and bottom margins are narrower than the sides, to leave the map room. */
const PAGE = { width: 595.28, height: 841.89, margin: 40, vertical: 30 };
const WIDTH = PAGE.width - 2 * PAGE.margin;
const INK = '#1b1b1b';
const MUTED = '#555555';
const ACCENT = '#0f4c81';
const ALERT = '#a4262c';
const RULE = '#c8c8c8';

type Doc = PDFKit.PDFDocument;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function write(doc: Doc, text: string, box: Box, style: { font?: string; size: number; color?: string; align?: 'left' | 'center' | 'right' }): void {
  doc
    .font(style.font ?? REGULAR)
    .fontSize(style.size)
    .fillColor(style.color ?? INK)
    .text(winAnsi(text), box.x, box.y, { width: box.width, height: box.height, ellipsis: true, align: style.align ?? 'left', lineGap: 1 });
}

function heightOf(doc: Doc, text: string, width: number, font: string, size: number): number {
  return doc.font(font).fontSize(size).heightOfString(winAnsi(text), { width, lineGap: 1 });
}

function heading(doc: Doc, text: string, y: number, x = PAGE.margin, width = WIDTH): number {
  write(doc, text, { x, y, width, height: 16 }, { font: BOLD, size: 12, color: ACCENT });
  doc.moveTo(x, y + 16).lineTo(x + width, y + 16).lineWidth(0.75).strokeColor(ACCENT).stroke();
  return y + 22;
}

function header(doc: Doc, content: FicheContent): number {
  let y = PAGE.vertical;
  write(doc, 'FICHE DE SYNTHÈSE', { x: PAGE.margin, y, width: WIDTH * 0.6, height: 12 }, { font: BOLD, size: 9, color: MUTED });
  write(doc, content.date, { x: PAGE.margin + WIDTH * 0.6, y: y - 1, width: WIDTH * 0.4, height: 13 }, { size: 10, color: MUTED, align: 'right' });
  y += 13;
  write(doc, content.title, { x: PAGE.margin, y, width: WIDTH, height: 22 }, { font: BOLD, size: 16 });
  y += 22;
  write(doc, content.establishment, { x: PAGE.margin, y, width: WIDTH, height: 30 }, { font: BOLD, size: 12 });
  return y + Math.min(30, heightOf(doc, content.establishment, WIDTH, BOLD, 12)) + 8;
}

const TILE_GAP = 8;
const TILE_HEIGHT = 72;

function tile(doc: Doc, figure: FicheFigure, box: Box): void {
  const highlighted = figure.highlight !== undefined;
  doc.rect(box.x, box.y, box.width, box.height).lineWidth(highlighted ? 2.5 : 0.75).strokeColor(highlighted ? ALERT : RULE).stroke();
  const inner = { x: box.x + 6, width: box.width - 12 };
  write(doc, figure.label, { ...inner, y: box.y + 5, height: 23 }, { font: BOLD, size: 8.5, color: MUTED });
  write(doc, figure.value, { ...inner, y: box.y + 28, height: 23 }, { font: BOLD, size: figure.value.length > 6 ? 11 : 19, color: highlighted ? ALERT : INK });
  write(doc, figure.detail, { ...inner, y: box.y + 51, height: 19 }, { size: 7.5, color: MUTED });
}

function figures(doc: Doc, content: FicheContent, top: number): number {
  const all = [content.completude, ...content.rates];
  const width = (WIDTH - TILE_GAP * (all.length - 1)) / all.length;
  all.forEach((figure, index) => tile(doc, figure, { x: PAGE.margin + index * (width + TILE_GAP), y: top, width, height: TILE_HEIGHT }));
  let y = top + TILE_HEIGHT + 5;
  for (const figure of all.filter((f) => f.highlight)) {
    write(doc, `Cadre rouge : ${figure.label.toLowerCase()}, ${figure.highlight}.`, { x: PAGE.margin, y, width: WIDTH, height: 12 }, { size: 8.5, color: ALERT });
    y += 12;
  }
  write(doc, 'On peut être 100 % informatisé et 0 % interopérable : les taux se lisent côte à côte.', { x: PAGE.margin, y, width: WIDTH, height: 12 }, { size: 8.5, color: MUTED });
  return y + 16;
}

/** Since the previous campaign (when compared): each rate's move on one line, then ruptures and actions. */
function evolution(doc: Doc, lines: string[], rates: FicheFigure[], top: number): number {
  let y = heading(doc, 'Depuis la campagne précédente', top);
  // The sign says the direction: the arrows have no WinAnsi glyph.
  const moves = rates.flatMap(({ label, evolution }) => (evolution ? [`${label} : ${evolutionText(evolution).replace(/^[▲▼] /, '')}`] : []));
  for (const text of [moves.join(' ; '), ...lines]) {
    const height = Math.min(22, heightOf(doc, text, WIDTH, REGULAR, 8));
    write(doc, text, { x: PAGE.margin, y, width: WIDTH, height }, { size: 8 });
    y += height + 2;
  }
  return y + 6;
}

/** The regulatory gaps in a column: count, label and reference, each as tall as its wrapped text. */
function gaps(doc: Doc, content: FicheContent, x: number, top: number, width: number): number {
  let y = heading(doc, 'Écarts réglementaires', top, x, width);
  const textX = x + 30;
  const textWidth = width - 30;
  for (const gap of content.gaps) {
    const label = Math.min(36, heightOf(doc, gap.label, textWidth, BOLD, 9));
    const reference = Math.min(30, heightOf(doc, gap.reference, textWidth, REGULAR, 7.5));
    write(doc, String(gap.count), { x, y, width: 24, height: 16 }, { font: BOLD, size: 13, color: gap.count > 0 ? ALERT : INK, align: 'right' });
    write(doc, gap.label, { x: textX, y: y + 1, width: textWidth, height: label }, { font: BOLD, size: 9 });
    write(doc, gap.reference, { x: textX, y: y + 2 + label, width: textWidth, height: reference }, { size: 7.5, color: MUTED });
    y += Math.max(18, label + reference + 2) + 6;
  }
  return y;
}

const SIDE_WIDTH = 170;
const COLUMN_GAP = 16;
const BLOCK_GAP = 10;

/**
 * The circuit map on the left, as large as the room left above the actions allows; the regulatory
 * gaps and the map's legend on the right. Returns the bottom of the taller column.
 */
function mapAndGaps(doc: Doc, content: FicheContent, circuit: Circuit, top: number, bottom: number): number {
  const mapWidth = WIDTH - SIDE_WIDTH - COLUMN_GAP;
  const side = PAGE.margin + mapWidth + COLUMN_GAP;
  const mapTop = heading(doc, 'Carte du circuit', top, PAGE.margin, mapWidth);
  const map = drawCircuitMap(doc, circuit, { x: PAGE.margin, y: mapTop, width: mapWidth, height: bottom - BLOCK_GAP - mapTop });
  let y = gaps(doc, content, side, top, SIDE_WIDTH) + 4;
  write(doc, 'Légende de la carte', { x: side, y, width: SIDE_WIDTH, height: 12 }, { font: BOLD, size: 9, color: ACCENT });
  y += 13;
  y += drawMapLegend(doc, map.legend, side, y, SIDE_WIDTH);
  return Math.max(mapTop + map.height, y) + BLOCK_GAP;
}

const ACTION_COLUMNS: { title: string; width: number; text: (a: FicheAction) => string }[] = [
  { title: 'P.', width: 18, text: (a) => (a.priority === null ? '' : String(a.priority)) },
  { title: 'Action', width: 257, text: (a) => a.action },
  { title: 'Zone / étape', width: 110, text: (a) => a.scope },
  { title: 'Pilote', width: 72, text: (a) => a.pilot || '—' },
  { title: 'Échéance', width: 58, text: (a) => a.dueDate || '—' },
];
const CELL_PAD = 4;
const ACTION_SIZE = 8;
const MAX_ACTION_LINES = 3;

const ACTIONS_HEADER = 22 + 14;

/** Row heights of the actions table when each row may take up to `lines` lines. */
function actionRows(doc: Doc, content: FicheContent, lines: number): number[] {
  const lineHeight = heightOf(doc, 'X', 100, REGULAR, ACTION_SIZE);
  return content.actions.map(
    (action) =>
      Math.min(lines * lineHeight, Math.max(...ACTION_COLUMNS.map((c) => heightOf(doc, c.text(action), c.width - 2 * CELL_PAD, REGULAR, ACTION_SIZE)))) + 2 * CELL_PAD,
  );
}

/** Height of the actions block with every row shown in full (up to its maximum lines). */
function actionsHeight(doc: Doc, content: FicheContent): number {
  if (content.actions.length === 0) return 22 + 16;
  return ACTIONS_HEADER + actionRows(doc, content, MAX_ACTION_LINES).reduce((sum, h) => sum + h, 0);
}

function actions(doc: Doc, content: FicheContent, top: number, bottom: number): number {
  let y = heading(doc, `Les ${content.actions.length} actions prioritaires`, top);
  if (content.actions.length === 0) {
    write(doc, 'Aucune action proposée à ce stade.', { x: PAGE.margin, y, width: WIDTH, height: 12 }, { size: 9.5, color: MUTED });
    return y + 16;
  }
  let x = PAGE.margin;
  for (const column of ACTION_COLUMNS) {
    write(doc, column.title, { x: x + CELL_PAD, y, width: column.width - 2 * CELL_PAD, height: 12 }, { font: BOLD, size: 8.5, color: MUTED });
    x += column.width;
  }
  y += 14;
  // As many lines a row as the room left holds, down to one.
  let heights = actionRows(doc, content, MAX_ACTION_LINES);
  for (let lines = MAX_ACTION_LINES - 1; lines > 0 && y + heights.reduce((sum, h) => sum + h, 0) > bottom + 0.5; lines--) heights = actionRows(doc, content, lines);
  content.actions.forEach((action, index) => {
    const height = heights[index];
    doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + WIDTH, y).lineWidth(0.5).strokeColor(RULE).stroke();
    x = PAGE.margin;
    for (const column of ACTION_COLUMNS) {
      const font = column.title === 'P.' ? BOLD : REGULAR;
      write(doc, column.text(action), { x: x + CELL_PAD, y: y + CELL_PAD, width: column.width - 2 * CELL_PAD, height: height - 2 * CELL_PAD + 1 }, { font, size: ACTION_SIZE });
      x += column.width;
    }
    y += height;
  });
  return y + 8;
}

const FOOTER_HEIGHT = 28;

function footer(doc: Doc, content: FicheContent): void {
  const y = PAGE.height - PAGE.vertical - FOOTER_HEIGHT;
  doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + WIDTH, y).lineWidth(0.5).strokeColor(RULE).stroke();
  const notes = [...content.notes, `Fiche établie le ${content.date} d'après la feuille « Cartographie données info DMI » (complément RESOMEDIT DMI).`];
  write(doc, notes.join(' '), { x: PAGE.margin, y: y + 5, width: WIDTH, height: FOOTER_HEIGHT - 5 }, { size: 8, color: MUTED });
}

/** The smallest room the map keeps when the other blocks are long; the actions then lose lines. */
const MAP_MIN_HEIGHT = 260;

/** The fiche as PDF bytes, with the circuit map under the figures. */
export function renderFichePdf(content: FicheContent, circuit: Circuit): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    info: { Title: `Fiche de synthèse – ${winAnsi(content.establishment)}`, Subject: content.title, Creator: 'Complément RESOMEDIT DMI' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  let y = header(doc, content);
  y = figures(doc, content, y);
  if (content.evolution) y = evolution(doc, content.evolution, [content.completude, ...content.rates], y);
  const bottom = PAGE.height - PAGE.vertical - FOOTER_HEIGHT - 6;
  y = mapAndGaps(doc, content, circuit, y, Math.max(y + MAP_MIN_HEIGHT, bottom - actionsHeight(doc, content)));
  actions(doc, content, y, bottom);
  footer(doc, content);
  doc.end();
  return done;
}
