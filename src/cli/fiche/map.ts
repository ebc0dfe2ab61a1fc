/**
 * The circuit map on the PDF fiche, drawn with pdfkit vector paths from the geometry the pane's SVG
 * uses (`layoutCircuit`): zones as bands, steps as nodes coloured by their informatisation,
 * transitions as arrows coloured by their interoperability. The standard fonts have no ✓ nor ✗:
 * those two symbols are drawn as strokes, the others (½ – = ?) are WinAnsi characters.
 */
import type { Circuit } from '../../views/circuit';
import { layoutCircuit, type CircuitMap, type LegendItem, type MapArrow, type MapNode } from '../../views/circuitMap';
import { BOLD, REGULAR, winAnsi } from './winAnsi';

type Doc = PDFKit.PDFDocument;

export interface MapBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

const INK = '#1A1A1A';
const BAND_INK = '#424242';
/** The pane's font size, the one the dash patterns of the styles are drawn for. */
const PANE_FONT_SIZE = 12;
/** Body sizes tried, largest first; below the last one the whole map is scaled down to fit. */
const FONT_SIZES = [8, 7.5, 7, 6.5, 6];

/** A ✓, ✗ or a character centred on (cx, cy), `size` high. */
function symbol(doc: Doc, text: string, cx: number, cy: number, size: number, color: string): void {
  const h = size * 0.36;
  if (text === '✓') {
    doc.moveTo(cx - h, cy).lineTo(cx - h * 0.25, cy + h * 0.8).lineTo(cx + h, cy - h * 0.8);
    doc.lineWidth(size * 0.16).lineCap('round').lineJoin('round').strokeColor(color).stroke();
  } else if (text === '✗') {
    doc.moveTo(cx - h * 0.8, cy - h * 0.8).lineTo(cx + h * 0.8, cy + h * 0.8).moveTo(cx + h * 0.8, cy - h * 0.8).lineTo(cx - h * 0.8, cy + h * 0.8);
    doc.lineWidth(size * 0.16).lineCap('round').strokeColor(color).stroke();
  } else {
    const glyph = winAnsi(text);
    doc.font(BOLD).fontSize(size).fillColor(color);
    doc.text(glyph, cx - doc.widthOfString(glyph) / 2, cy + size * 0.35, { lineBreak: false, baseline: 'alphabetic' });
  }
  doc.lineCap('butt').lineJoin('miter');
}

/** pdfkit takes an array of dash lengths (its `dash` in vector.js); its type declarations know only one length. */
type DashArray = (lengths: number[], options: object) => Doc;

/** An SVG stroke-dasharray of the pane, scaled from the pane's type size to the map's. */
function dash(doc: Doc, pattern: string | null, fontSize: number): void {
  if (pattern === null) doc.undash();
  else (doc.dash as unknown as DashArray).call(doc, pattern.split(' ').map((n) => (Number(n) * fontSize) / PANE_FONT_SIZE), {});
}

function line(doc: Doc, text: string, x: number, baseline: number, font: string, size: number, color: string): void {
  doc.font(font).fontSize(size).fillColor(color).text(winAnsi(text), x, baseline, { lineBreak: false, baseline: 'alphabetic' });
}

/** The arrow ends on a horizontal segment towards the node on its left: `… H x` after a point at height y. */
function arrowEnd(path: string): { x: number; y: number } {
  const numbers = /(-?[\d.]+) (-?[\d.]+) H (-?[\d.]+)$/.exec(path);
  if (!numbers) throw new Error(`Tracé de liaison inattendu : ${path}`);
  return { x: Number(numbers[3]), y: Number(numbers[2]) };
}

function drawArrow(doc: Doc, arrow: MapArrow, map: CircuitMap): void {
  const { style, symbol: mark } = arrow;
  dash(doc, style.dash, map.fontSize);
  doc.path(arrow.path).lineWidth(arrow.strokeWidth).strokeColor(style.color).stroke();
  doc.undash();
  const end = arrowEnd(arrow.path);
  const size = map.arrowSize;
  doc.polygon([end.x, end.y], [end.x + size, end.y - size / 2], [end.x + size, end.y + size / 2]).fillColor(style.color).fill();
  doc.circle(mark.cx, mark.cy, mark.r).lineWidth(Math.max(1, map.fontSize / 7)).fillAndStroke('#FFFFFF', style.color);
  symbol(doc, style.symbol, mark.cx, mark.cy, map.smallFontSize, INK);
}

function drawNode(doc: Doc, node: MapNode, map: CircuitMap): void {
  const { style, glyph } = node;
  dash(doc, style.dash, map.fontSize);
  doc.roundedRect(node.x, node.y, node.width, node.height, 3).lineWidth(1).fillAndStroke(style.fill, style.stroke);
  doc.undash();
  doc.circle(glyph.cx, glyph.cy, glyph.r).fillColor(style.stroke).fill();
  symbol(doc, style.symbol, glyph.cx, glyph.cy, map.smallFontSize, '#FFFFFF');
  for (const text of node.lines) line(doc, text.text, text.x, text.y, REGULAR, map.fontSize, INK);
}

/** The largest layout that fits the box: type from 8 to 6 points, then the whole map scaled down. */
function fit(circuit: Circuit, box: MapBox): { map: CircuitMap; scale: number } {
  let map = layoutCircuit(circuit, { width: box.width, fontSize: FONT_SIZES[0], equipment: false });
  for (const fontSize of FONT_SIZES) {
    map = layoutCircuit(circuit, { width: box.width, fontSize, equipment: false });
    if (map.height <= box.height) return { map, scale: 1 };
  }
  // Scaled down, the map is laid out wider so that it still fills the box's width.
  const scale = box.height / map.height;
  map = layoutCircuit(circuit, { width: box.width / scale, fontSize: FONT_SIZES[FONT_SIZES.length - 1], equipment: false });
  return { map, scale: Math.min(scale, box.height / map.height) };
}

/** Draws the map inside the box, as large as it fits; its size on the page and its body type size in points. */
export function drawCircuitMap(doc: Doc, circuit: Circuit, box: MapBox): { width: number; height: number; fontSize: number; legend: CircuitMap['legend'] } {
  const { map, scale } = fit(circuit, box);
  doc.save();
  doc.translate(box.x, box.y).scale(scale);
  for (const band of map.bands) {
    doc.roundedRect(band.x, band.y, band.width, band.height, 3).fillColor(band.fill).fill();
    for (const text of band.lines) line(doc, text.text, text.x, text.y, BOLD, map.smallFontSize, BAND_INK);
  }
  for (const arrow of map.arrows) drawArrow(doc, arrow, map);
  for (const node of map.nodes) drawNode(doc, node, map);
  doc.restore();
  return { width: map.width * scale, height: map.height * scale, fontSize: map.fontSize * scale, legend: map.legend };
}

const LEGEND_SIZE = 7;
const LEGEND_LINE = 10.5;

function legendItem(doc: Doc, item: LegendItem, kind: 'step' | 'link', x: number, y: number, width: number): void {
  const cy = y + LEGEND_LINE / 2 - 1;
  if (kind === 'step') {
    doc.circle(x + 5, cy, 4.5).fillColor(item.color).fill();
    symbol(doc, item.symbol, x + 5, cy, 6, '#FFFFFF');
  } else {
    dash(doc, item.dash, 7);
    doc.moveTo(x, cy).lineTo(x + 20, cy).lineWidth(1.5).strokeColor(item.color).stroke();
    doc.undash();
    doc.circle(x + 10, cy, 4.5).lineWidth(1).fillAndStroke('#FFFFFF', item.color);
    symbol(doc, item.symbol, x + 10, cy, 6, INK);
  }
  doc
    .font(REGULAR)
    .fontSize(LEGEND_SIZE)
    .fillColor(INK)
    .text(winAnsi(item.label), x + 24, y + 1, { width: width - 24, height: LEGEND_LINE, ellipsis: true, lineBreak: false });
}

/** The legend of the map's colours and symbols, one item a line; the height it takes. */
export function drawMapLegend(doc: Doc, legend: CircuitMap['legend'], x: number, top: number, width: number): number {
  const groups: [string, LegendItem[], 'step' | 'link'][] = [
    ['Étapes', legend.steps, 'step'],
    ['Liaisons', legend.links, 'link'],
  ];
  let y = top;
  for (const [title, items, kind] of groups) {
    doc.font(BOLD).fontSize(LEGEND_SIZE).fillColor(BAND_INK).text(title, x, y, { lineBreak: false });
    y += LEGEND_LINE;
    for (const item of items) {
      legendItem(doc, item, kind, x, y, width);
      y += LEGEND_LINE;
    }
    y += 3;
  }
  return y - top;
}
