/**
 * Geometry of the circuit map, without React or the DOM: zones as bands stacked in flow order,
 * steps as nodes in circuit order, each transition as an arc on the right of the nodes (one lane
 * per arc where arcs overlap, so forward and backward flows both stay readable in a narrow pane).
 * Every colour has a symbol and a French text beside it: colour never carries meaning alone.
 */
import type { Answer } from '../domain/model';
import type { Circuit, CircuitLink, CircuitStep, RowTarget } from './circuit';
import { once } from '../domain/once';

export type StepState = 'informatisee' | 'papier' | 'sans-objet' | 'non-renseignee';
export type LinkState = 'rupture' | 'partielle' | 'continue' | 'meme-logiciel' | 'non-evaluable';

export interface StepStyle {
  label: string;
  symbol: string;
  fill: string;
  stroke: string;
  /** SVG stroke-dasharray, null for a solid line. */
  dash: string | null;
}

export interface LinkStyle {
  label: string;
  /** The state as a sentence names it. */
  name: string;
  symbol: string;
  color: string;
  dash: string | null;
  /** Stroke width relative to the font size. */
  weight: number;
}

// Okabe–Ito hues darkened to keep 3:1 against white; light tints behind dark text for nodes.
export const STEP_STYLES: Record<StepState, StepStyle> = {
  informatisee: { label: 'Étape informatisée', symbol: '✓', fill: '#DDF2E8', stroke: '#00795A', dash: null },
  papier: { label: 'Étape non informatisée (papier)', symbol: '✗', fill: '#FCE3D6', stroke: '#B5400B', dash: null },
  'sans-objet': { label: 'Étape sans objet (NA)', symbol: '–', fill: '#EFEFEF', stroke: '#6E6E6E', dash: null },
  'non-renseignee': { label: 'Informatisation non renseignée', symbol: '?', fill: '#FFFFFF', stroke: '#6E6E6E', dash: '4 3' },
};

export const LINK_STYLES: Record<LinkState, LinkStyle> = {
  rupture: { label: 'Rupture (aucune donnée transmise)', name: 'rupture', symbol: '✗', color: '#C84A00', dash: '6 4', weight: 0.2 },
  partielle: { label: 'Rupture partielle', name: 'rupture partielle', symbol: '½', color: '#A36F00', dash: '10 3 2 3', weight: 0.17 },
  continue: { label: 'Continuité (interopérable)', name: 'continuité', symbol: '✓', color: '#00795A', dash: null, weight: 0.17 },
  'meme-logiciel': { label: 'Même logiciel (NA)', name: 'même logiciel', symbol: '=', color: '#0067B0', dash: null, weight: 0.17 },
  'non-evaluable': { label: 'Non évaluable', name: 'non évaluable', symbol: '?', color: '#6E6E6E', dash: '2 3', weight: 0.12 },
};

const EMPTY_ZONE_LABEL = 'Autres étapes';

export function stepState(step: Pick<CircuitStep, 'informatisation'>): StepState {
  if (step.informatisation === 'OUI') return 'informatisee';
  if (step.informatisation === 'NON') return 'papier';
  if (step.informatisation === 'NA') return 'sans-objet';
  return 'non-renseignee';
}

/** Continuous when nothing is NON, rupture when nothing is OUI or NA, partial in between. */
export function linkState(link: Pick<CircuitLink, 'oui' | 'non' | 'na'>): LinkState {
  if (link.oui + link.non + link.na === 0) return 'non-evaluable';
  if (link.non === 0) return link.oui === 0 ? 'meme-logiciel' : 'continue';
  return link.oui + link.na === 0 ? 'rupture' : 'partielle';
}

export interface TextLine {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
}

export interface MapBand {
  key: string;
  label: string;
  lines: TextLine[];
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
}

export interface MapNode {
  key: string;
  label: string;
  state: StepState;
  style: StepStyle;
  x: number;
  y: number;
  width: number;
  height: number;
  glyph: { cx: number; cy: number; r: number };
  lines: TextLine[];
  /** Readers and IUD capture, in small type under the label. */
  equipment: TextLine[];
  /** Short hover text. */
  title: string;
  /** Full text for screen readers. */
  description: string;
  rows: RowTarget[];
}

export interface MapArrow {
  key: string;
  /** « origine → destination ». */
  label: string;
  from: string;
  to: string;
  state: LinkState;
  style: LinkStyle;
  /** SVG path from the source node to the destination node (the arrowhead goes at its end). */
  path: string;
  strokeWidth: number;
  symbol: { cx: number; cy: number; r: number };
  title: string;
  description: string;
  rows: RowTarget[];
}

export interface LegendItem {
  label: string;
  symbol: string;
  color: string;
  fill?: string;
  dash: string | null;
}

export interface CircuitMap {
  width: number;
  height: number;
  fontSize: number;
  smallFontSize: number;
  arrowSize: number;
  bands: MapBand[];
  nodes: MapNode[];
  arrows: MapArrow[];
  /** Keyboard order: each step followed by the transitions leaving it. */
  focusOrder: { kind: 'node' | 'arrow'; index: number }[];
  legend: { steps: LegendItem[]; links: LegendItem[]; equipment: string | null };
  /** One French sentence per transition with a NON, for the text alternative. */
  ruptures: string[];
  summary: string;
}

export interface MapOptions {
  /** Available width in CSS pixels. */
  width: number;
  /** Body font size in CSS pixels (12 in the pane, larger in presentation mode). */
  fontSize: number;
  /** Readers and IUD capture under each step (default); without them the map is shorter, for print. */
  equipment?: boolean;
}

const BAND_FILLS = ['#F3F6FA', '#FAFAF5'];
const integer = once(() => new Intl.NumberFormat('fr-FR'));

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${integer().format(n)} ${n > 1 ? plural : singular}`;
}

/** Lines of at most `maxChars` characters, cut at spaces (a word longer than a line is split). */
export function wrap(text: string, maxChars: number): string[] {
  const limit = Math.max(1, maxChars);
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(' ').filter((w) => w !== '')) {
    while (word.length > limit) {
      if (line !== '') lines.push(line);
      lines.push(word.slice(0, limit));
      word = word.slice(limit);
      line = '';
    }
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= limit) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Lanes for arcs over node positions: overlapping arcs never share a lane; short arcs stay inside. */
export function assignLanes(spans: { lo: number; hi: number }[]): number[] {
  const lanes: { lo: number; hi: number }[][] = [];
  const result = new Array<number>(spans.length);
  const order = spans.map((_, i) => i).sort((a, b) => spans[a].hi - spans[a].lo - (spans[b].hi - spans[b].lo) || spans[a].lo - spans[b].lo);
  for (const i of order) {
    const span = spans[i];
    let lane = lanes.findIndex((taken) => taken.every((t) => t.hi < span.lo || t.lo > span.hi));
    if (lane === -1) lane = lanes.push([]) - 1;
    lanes[lane].push(span);
    result[i] = lane;
  }
  return result;
}

const YES_NO: Record<Answer, string> = { OUI: 'oui', NON: 'non', NA: 'sans objet' };
const MARK: Partial<Record<Answer, string>> = { OUI: '✓', NON: '✗' };

function equipmentParts(step: CircuitStep): { short: string[]; spoken: string[] } {
  const items: [string, string, Answer | null][] = [
    ['lecteur', 'lecteur de codes', step.lecteur],
    ['IUD-ID', 'IUD-ID', step.iudId],
    ['IUD-IP', 'IUD-IP', step.iudIp],
  ];
  const short: string[] = [];
  const spoken: string[] = [];
  for (const [name, long, answer] of items) {
    if (answer === null) continue;
    spoken.push(`${long} : ${YES_NO[answer]}`);
    const mark = MARK[answer];
    // A no-break space keeps each name with its mark when the line wraps.
    if (mark) short.push(`${name}\u00A0${mark}`);
  }
  return { short, spoken };
}

function selectionHint(rows: RowTarget[]): string {
  if (rows.length === 0) return 'Aucune ligne dans la cartographie.';
  const first = rows[0];
  return `${count(rows.length, 'ligne')} dans la cartographie ; Entrée sélectionne la ligne ${first.row} (${first.cell}).`;
}

function answerCounts(link: CircuitLink): string {
  const parts = [
    [link.non, 'NON'],
    [link.oui, 'OUI'],
    [link.na, 'NA'],
  ]
    .filter(([n]) => n !== 0)
    .map(([n, word]) => `${n} ${word}`);
  return parts.length === 0 ? 'aucune réponse' : parts.join(', ');
}

function stepDescription(step: CircuitStep, zone: string, state: StepState): string {
  const software = step.software !== '' ? `, logiciel : ${step.software}` : '';
  const equipment = equipmentParts(step).spoken;
  const gear = equipment.length > 0 ? ` ; ${equipment.join(' ; ')}` : '';
  return `Étape « ${step.label} » (${zone}) : ${STEP_STYLES[state].label.toLowerCase()}${software}${gear}. ${selectionHint(step.rows)}`;
}

function linkSentence(link: CircuitLink, state: LinkState): string {
  return `« ${link.fromLabel} » → « ${link.toLabel} » : ${LINK_STYLES[state].name}, ${answerCounts(link)} sur ${count(link.rows.length, 'ligne')}`;
}

const MIN_FONT_SIZE = 10;

/**
 * Horizontal measures at a font size: nodes on the left, lanes on the right. Arcs and their symbols
 * stop growing where a narrow pane could not hold them, and lanes tighten before nodes get too narrow.
 */
function columns(width: number, f: number, laneCount: number) {
  const a = Math.min(f, width / 28);
  const pad = Math.round(f * 0.4);
  const glyphR = Math.round(f * 0.6);
  const symbolR = Math.round(a * 0.62);
  const firstLaneGap = Math.round(a * 0.9);
  const bandX = 1;
  const bandW = width - 2;
  const nodeX = bandX + pad;
  const arcsWidth = (step: number): number => (laneCount === 0 ? pad : firstLaneGap + (laneCount - 1) * step + symbolR + 2);
  let laneStep = 2 * symbolR + 3;
  const minNodeW = f * 9;
  if (laneCount > 1 && bandX + bandW - arcsWidth(laneStep) - nodeX < minNodeW) {
    laneStep = Math.max(4, (bandX + bandW - nodeX - minNodeW - firstLaneGap - symbolR - 2) / (laneCount - 1));
  }
  const nodeRight = bandX + bandW - arcsWidth(laneStep);
  const textX = nodeX + pad + 2 * glyphR + pad;
  const textWidth = nodeRight - pad - textX;
  return {
    pad,
    glyphR,
    symbolR,
    firstLaneGap,
    laneStep,
    arrowSize: Math.round(a * 0.55),
    bandX,
    bandW,
    nodeX,
    nodeRight,
    textX,
    textWidth,
    textChars: Math.floor(textWidth / (f * 0.58)),
  };
}

export function layoutCircuit(circuit: Circuit, { width, fontSize, equipment = true }: MapOptions): CircuitMap {
  // Bands in flow order; a step whose zone is unknown goes to a last band.
  const zoneKeys = circuit.zones.map((z) => z.key);
  const bandOf = (step: CircuitStep): string => (zoneKeys.includes(step.zone) ? step.zone : '');
  const bands = [...circuit.zones, { key: '', label: EMPTY_ZONE_LABEL }].filter((z) => circuit.steps.some((s) => bandOf(s) === z.key));
  const steps = bands.flatMap((band) => circuit.steps.filter((s) => bandOf(s) === band.key));
  const indexOf = new Map(steps.map((s, i) => [s.key, i]));
  const zoneLabel = new Map(bands.map((b) => [b.key, b.label]));

  const links = circuit.links.filter((l) => indexOf.has(l.from) && indexOf.has(l.to));
  const spans = links.map((l) => {
    const [a, b] = [indexOf.get(l.from) as number, indexOf.get(l.to) as number];
    return { lo: Math.min(a, b), hi: Math.max(a, b) };
  });
  const lanes = assignLanes(spans);
  const laneCount = lanes.length === 0 ? 0 : Math.max(...lanes) + 1;

  // The type shrinks (not below 10 px) until the longest word of a step fits on a line.
  const longestWord = Math.max(0, ...steps.flatMap((s) => s.label.split(' ').map((w) => w.length)));
  let f = fontSize;
  let cols = columns(width, f, laneCount);
  while (f > MIN_FONT_SIZE && cols.textChars < longestWord) {
    f -= 1;
    cols = columns(width, f, laneCount);
  }
  const { pad, glyphR, symbolR, firstLaneGap, laneStep, arrowSize, bandX, bandW, nodeX, nodeRight, textX, textWidth, textChars } = cols;
  const small = Math.round(f * 0.85);
  const lineH = Math.round(f * 1.3);
  const smallLineH = Math.round(small * 1.3);
  const capsW = small * 0.72;
  const nodeW = nodeRight - nodeX;
  const laneX = (lane: number): number => nodeRight + firstLaneGap + lane * laneStep;

  // Vertical layout: band header, then its nodes, each as tall as its wrapped text.
  const mapBands: MapBand[] = [];
  const nodes: MapNode[] = [];
  let y = 1;
  bands.forEach((band, b) => {
    const top = y;
    const header = wrap(band.label, Math.floor(nodeW / capsW)).map((text, i) => ({ text, x: nodeX, y: top + pad + small + i * smallLineH }));
    y = top + pad + header.length * smallLineH + pad;
    for (const step of steps.filter((s) => bandOf(s) === band.key)) {
      const state = stepState(step);
      const labelLines = wrap(step.label, textChars);
      const gear = equipment ? wrap(equipmentParts(step).short.join(' · '), Math.floor(textWidth / (small * 0.58))) : [];
      const height = Math.max(2 * glyphR + 2 * pad, pad * 2 + labelLines.length * lineH + gear.length * smallLineH);
      const firstBaseline = y + pad + Math.round(f * 0.95);
      nodes.push({
        key: step.key,
        label: step.label,
        state,
        style: STEP_STYLES[state],
        x: nodeX,
        y,
        width: nodeW,
        height,
        glyph: { cx: nodeX + pad + glyphR, cy: y + pad + lineH / 2, r: glyphR },
        lines: labelLines.map((text, i) => ({ text, x: textX, y: firstBaseline + i * lineH })),
        equipment: gear.map((text, i) => ({ text, x: textX, y: firstBaseline + (labelLines.length - 1) * lineH + (i + 1) * smallLineH })),
        title: `${step.label} : ${STEP_STYLES[state].label.toLowerCase()}`,
        description: stepDescription(step, zoneLabel.get(band.key) ?? '', state),
        rows: step.rows,
      });
      y += height + Math.round(f * 0.6);
    }
    mapBands.push({ key: band.key, label: band.label, lines: header, x: bandX, y: top, width: bandW, height: y - top, fill: BAND_FILLS[b % 2] });
    y += Math.round(f * 0.3);
  });

  const ports = portPositions(nodes, lanes, links, indexOf);
  const arrows: MapArrow[] = links.map((link, i) => {
    const state = linkState(link);
    const style = LINK_STYLES[state];
    const [ys, yt] = ports[i];
    const lx = laneX(lanes[i]);
    const dir = Math.sign(yt - ys);
    const corner = Math.min(f * 0.4, Math.abs(yt - ys) / 2, firstLaneGap / 2);
    const path =
      `M ${r1(nodeRight)} ${r1(ys)} H ${r1(lx - corner)} Q ${r1(lx)} ${r1(ys)} ${r1(lx)} ${r1(ys + dir * corner)} ` +
      `V ${r1(yt - dir * corner)} Q ${r1(lx)} ${r1(yt)} ${r1(lx - corner)} ${r1(yt)} H ${r1(nodeRight + 1)}`;
    const sentence = linkSentence(link, state);
    return {
      key: `${link.from}>${link.to}`,
      label: `${link.fromLabel} → ${link.toLabel}`,
      from: link.from,
      to: link.to,
      state,
      style,
      path,
      strokeWidth: Math.max(1.5, r1(f * style.weight)),
      symbol: { cx: r1(lx), cy: r1((ys + yt) / 2), r: symbolR },
      title: `${link.fromLabel} → ${link.toLabel} : ${style.name}`,
      description: `Liaison ${sentence}. ${selectionHint(link.rows)}`,
      rows: link.rows,
    };
  });

  const focusOrder = nodes.flatMap((node, index) => [
    { kind: 'node' as const, index },
    ...arrows.flatMap((arrow, a) => (arrow.from === node.key ? [{ kind: 'arrow' as const, index: a }] : [])),
  ]);

  return {
    width,
    height: Math.ceil(y),
    fontSize: f,
    smallFontSize: small,
    arrowSize,
    bands: mapBands,
    nodes,
    arrows,
    focusOrder,
    legend: legend(equipment),
    ruptures: links.filter((l) => l.non > 0).map((l) => linkSentence(l, linkState(l))),
    summary: summary(nodes, arrows, bands.length),
  };
}

function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Where each arc leaves and reaches its nodes, on their right edges: arcs going up leave from the
 * top of a node (outer lanes highest), arcs going down from the bottom (outer lanes lowest), so that
 * arcs meeting at a node do not cross there. Returns [source y, destination y] per link.
 */
function portPositions(
  nodes: MapNode[],
  lanes: number[],
  links: CircuitLink[],
  indexOf: Map<string, number>,
): [number, number][] {
  type End = { link: number; end: 0 | 1; rank: number };
  const ends = nodes.map((): End[] => []);
  links.forEach((link, i) => {
    const from = indexOf.get(link.from) as number;
    const to = indexOf.get(link.to) as number;
    // Up-going ends first (outer lanes on top), then down-going ones (outer lanes at the bottom).
    const rank = (self: number, other: number): number => (other < self ? -1000 - lanes[i] : other > self ? 1000 + lanes[i] : 0);
    ends[from].push({ link: i, end: 0, rank: rank(from, to) });
    ends[to].push({ link: i, end: 1, rank: rank(to, from) + (from === to ? 0.5 : 0) });
  });
  const result = links.map((): [number, number] => [0, 0]);
  ends.forEach((list, n) => {
    const node = nodes[n];
    list.sort((a, b) => a.rank - b.rank);
    list.forEach((end, k) => {
      result[end.link][end.end] = node.y + (node.height * (k + 1)) / (list.length + 1);
    });
  });
  return result;
}

function legend(equipment: boolean): CircuitMap['legend'] {
  return {
    steps: (Object.keys(STEP_STYLES) as StepState[]).map((state) => {
      const s = STEP_STYLES[state];
      return { label: s.label, symbol: s.symbol, color: s.stroke, fill: s.fill, dash: s.dash };
    }),
    links: (Object.keys(LINK_STYLES) as LinkState[]).map((state) => {
      const s = LINK_STYLES[state];
      return { label: s.label, symbol: s.symbol, color: s.color, dash: s.dash };
    }),
    equipment: equipment ? 'Sous chaque étape : lecteur de codes, IUD-ID et IUD-IP saisis (✓) ou non (✗).' : null,
  };
}

function summary(nodes: MapNode[], arrows: MapArrow[], zones: number): string {
  const steps = (state: StepState) => nodes.filter((n) => n.state === state).length;
  const links = (state: LinkState) => arrows.filter((a) => a.state === state).length;
  return (
    `Carte du circuit : ${count(nodes.length, 'étape')} en ${count(zones, 'zone')}, dont ${count(steps('informatisee'), 'informatisée')} ` +
    `et ${count(steps('papier'), 'non informatisée', 'non informatisées')} ; ${count(arrows.length, 'liaison')} : ` +
    `${links('rupture')} en rupture, ${count(links('partielle'), 'partielle')}, ${count(links('continue'), 'continue')}, ` +
    `${links('meme-logiciel')} dans le même logiciel, ${count(links('non-evaluable'), 'non évaluable', 'non évaluables')}.`
  );
}
