/**
 * The fiche de synthèse as a one-page A4 PDF (pdfkit, no browser). Every block has a fixed box and
 * long texts end with an ellipsis inside it, so the page never overflows onto a second one.
 * The standard Helvetica fonts need no font file and cover French (WinAnsi encoding).
 */
import PDFDocument from 'pdfkit';
import type { FicheAction, FicheContent, FicheFigure } from '../../workbook/fiche';

const PAGE = { width: 595.28, height: 841.89, margin: 40 };
const WIDTH = PAGE.width - 2 * PAGE.margin;
const INK = '#1b1b1b';
const MUTED = '#555555';
const ACCENT = '#0f4c81';
const ALERT = '#a4262c';
const RULE = '#c8c8c8';
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';

/** Characters outside WinAnsi, replaced by the nearest it has. */
const WIN_ANSI: Record<string, string> = { '\u202F': '\u00A0', '→': '›', '←': '‹', '≥': '>=', '≤': '<=', '▲': '+', '▼': '-', '✓': 'v', '−': '-' };

function winAnsi(text: string): string {
  return text.replace(/[^\n\t\x20-\x7E\xA0-\xFF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g, (c) => WIN_ANSI[c] ?? '?');
}

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

function heading(doc: Doc, text: string, y: number): number {
  write(doc, text, { x: PAGE.margin, y, width: WIDTH, height: 16 }, { font: BOLD, size: 12, color: ACCENT });
  doc.moveTo(PAGE.margin, y + 16).lineTo(PAGE.margin + WIDTH, y + 16).lineWidth(0.75).strokeColor(ACCENT).stroke();
  return y + 22;
}

function header(doc: Doc, content: FicheContent): number {
  let y = PAGE.margin;
  write(doc, 'FICHE DE SYNTHÈSE', { x: PAGE.margin, y, width: WIDTH, height: 12 }, { font: BOLD, size: 9, color: MUTED });
  y += 13;
  write(doc, content.title, { x: PAGE.margin, y, width: WIDTH, height: 22 }, { font: BOLD, size: 16 });
  y += 24;
  write(doc, content.establishment, { x: PAGE.margin, y, width: WIDTH * 0.7, height: 30 }, { font: BOLD, size: 12 });
  write(doc, content.date, { x: PAGE.margin + WIDTH * 0.7, y, width: WIDTH * 0.3, height: 15 }, { size: 10, color: MUTED, align: 'right' });
  return y + Math.min(30, heightOf(doc, content.establishment, WIDTH * 0.7, BOLD, 12)) + 12;
}

const TILE_GAP = 8;
const TILE_HEIGHT = 80;

function tile(doc: Doc, figure: FicheFigure, box: Box): void {
  const highlighted = figure.highlight !== undefined;
  doc.rect(box.x, box.y, box.width, box.height).lineWidth(highlighted ? 2.5 : 0.75).strokeColor(highlighted ? ALERT : RULE).stroke();
  const inner = { x: box.x + 6, width: box.width - 12 };
  write(doc, figure.label, { ...inner, y: box.y + 6, height: 22 }, { font: BOLD, size: 8.5, color: MUTED });
  write(doc, figure.value, { ...inner, y: box.y + 29, height: 26 }, { font: BOLD, size: figure.value.length > 6 ? 11 : 20, color: highlighted ? ALERT : INK });
  write(doc, figure.detail, { ...inner, y: box.y + 58, height: 18 }, { size: 7.5, color: MUTED });
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
  return y + 20;
}

/** Since the previous campaign (when compared): each rate's move on one line, then ruptures and actions. */
function evolution(doc: Doc, lines: string[], rates: FicheFigure[], top: number): number {
  let y = heading(doc, 'Depuis la campagne précédente', top);
  // The sign says the direction: the arrows have no WinAnsi glyph.
  const moves = rates.filter((figure) => figure.evolution).map((figure) => `${figure.label} : ${figure.evolution?.replace(/^[▲▼] /, '')}`);
  for (const text of [moves.join(' ; '), ...lines]) {
    const height = Math.min(22, heightOf(doc, text, WIDTH, REGULAR, 8));
    write(doc, text, { x: PAGE.margin, y, width: WIDTH, height }, { size: 8 });
    y += height + 2;
  }
  return y + 6;
}

function gaps(doc: Doc, content: FicheContent, top: number): number {
  let y = heading(doc, 'Écarts réglementaires', top);
  for (const gap of content.gaps) {
    write(doc, String(gap.count), { x: PAGE.margin, y, width: 34, height: 16 }, { font: BOLD, size: 13, color: gap.count > 0 ? ALERT : INK, align: 'right' });
    write(doc, gap.label, { x: PAGE.margin + 42, y: y + 1, width: WIDTH - 42, height: 12 }, { font: BOLD, size: 9.5 });
    write(doc, gap.reference, { x: PAGE.margin + 42, y: y + 13, width: WIDTH - 42, height: 11 }, { size: 8, color: MUTED });
    y += 28;
  }
  return y + 6;
}

const ACTION_COLUMNS: { title: string; width: number; text: (a: FicheAction) => string }[] = [
  { title: 'P.', width: 22, text: (a) => (a.priority === null ? '' : String(a.priority)) },
  { title: 'Action', width: 219, text: (a) => a.action },
  { title: 'Zone / étape', width: 120, text: (a) => a.scope },
  { title: 'Pilote', width: 80, text: (a) => a.pilot || '—' },
  { title: 'Échéance', width: 74, text: (a) => a.dueDate || '—' },
];
const CELL_PAD = 4;
const ACTION_SIZE = 8.5;
const MAX_ACTION_LINES = 4;

function actions(doc: Doc, content: FicheContent, top: number, bottom: number): number {
  let y = heading(doc, `Les ${content.actions.length} actions prioritaires`, top);
  if (content.actions.length === 0) {
    write(doc, 'Aucune action proposée à ce stade.', { x: PAGE.margin, y, width: WIDTH, height: 12 }, { size: 9.5, color: MUTED });
    return y + 16;
  }
  const lineHeight = heightOf(doc, 'X', 100, REGULAR, ACTION_SIZE);
  let x = PAGE.margin;
  for (const column of ACTION_COLUMNS) {
    write(doc, column.title, { x: x + CELL_PAD, y, width: column.width - 2 * CELL_PAD, height: 12 }, { font: BOLD, size: 8.5, color: MUTED });
    x += column.width;
  }
  y += 14;
  const perRow = Math.max(1, Math.floor((bottom - y) / content.actions.length / lineHeight) - 1);
  const lines = Math.min(MAX_ACTION_LINES, perRow);
  for (const action of content.actions) {
    const height =
      Math.min(lines * lineHeight, Math.max(...ACTION_COLUMNS.map((c) => heightOf(doc, c.text(action), c.width - 2 * CELL_PAD, REGULAR, ACTION_SIZE)))) + 2 * CELL_PAD;
    doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + WIDTH, y).lineWidth(0.5).strokeColor(RULE).stroke();
    x = PAGE.margin;
    for (const column of ACTION_COLUMNS) {
      const font = column.title === 'P.' ? BOLD : REGULAR;
      write(doc, column.text(action), { x: x + CELL_PAD, y: y + CELL_PAD, width: column.width - 2 * CELL_PAD, height: height - 2 * CELL_PAD + 1 }, { font, size: ACTION_SIZE });
      x += column.width;
    }
    y += height;
  }
  return y + 8;
}

const FOOTER_HEIGHT = 40;

function footer(doc: Doc, content: FicheContent): void {
  const y = PAGE.height - PAGE.margin - FOOTER_HEIGHT;
  doc.moveTo(PAGE.margin, y).lineTo(PAGE.margin + WIDTH, y).lineWidth(0.5).strokeColor(RULE).stroke();
  const notes = [...content.notes, `Fiche établie le ${content.date} d'après la feuille « Cartographie données info DMI » (complément RESOMEDIT DMI).`];
  write(doc, notes.join(' '), { x: PAGE.margin, y: y + 5, width: WIDTH, height: FOOTER_HEIGHT - 5 }, { size: 8, color: MUTED });
}

/** The fiche as PDF bytes. */
export function renderFichePdf(content: FicheContent): Promise<Buffer> {
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
  y = gaps(doc, content, y);
  actions(doc, content, y, PAGE.height - PAGE.margin - FOOTER_HEIGHT - 6);
  footer(doc, content);
  doc.end();
  return done;
}
