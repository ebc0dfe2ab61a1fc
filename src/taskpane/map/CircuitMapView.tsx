import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Assessment } from '../../domain/model';
import { circuitOf, type RowTarget } from '../../views/circuit';
import { LINK_STYLES, layoutCircuit, type LegendItem, type MapArrow, type MapNode } from '../../views/circuitMap';
import { visuallyHidden } from '../visuallyHidden';

/** Width used until the container is measured (and where layout is not measured at all). */
const DEFAULT_WIDTH = 320;
const FONT_SIZE = { pane: 12, presentation: 16 };
const INK = '#1A1A1A';
const FOCUS = '#000000';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  svg: { display: 'block', fontFamily: tokens.fontFamilyBase, overflow: 'visible' },
  item: {
    cursor: 'pointer',
    outlineStyle: 'none',
    '& .map-ring': { visibility: 'hidden' },
    '&:focus .map-ring': { visibility: 'visible' },
    '&:hover .map-ring': { visibility: 'visible' },
  },
  legend: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, margin: 0, padding: 0, listStyleType: 'none' },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200 },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  hidden: visuallyHidden,
});

export interface CircuitMapViewProps {
  analysis: Assessment;
  /** Larger type for a projector. */
  presentation?: boolean;
  /** Selects a row of the cartographie (the first row behind the step or transition). */
  onSelect?: (target: RowTarget) => void;
}

/**
 * The circuit map: one tab stop, arrow keys move between steps and transitions (roving focus),
 * Enter, Space or a click selects the first cartographie row behind the focused item.
 */
export function CircuitMapView({ analysis, presentation = false, onSelect }: CircuitMapViewProps) {
  const styles = useStyles();
  const ids = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const box = useRef<HTMLDivElement>(null);
  const items = useRef<(SVGGElement | null)[]>([]);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  const [active, setActive] = useState(0);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      const measured = Math.floor(element.clientWidth);
      if (measured > 0) setWidth(measured);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const circuit = useMemo(() => circuitOf(analysis), [analysis]);
  const fontSize = presentation ? FONT_SIZE.presentation : FONT_SIZE.pane;
  const map = useMemo(() => layoutCircuit(circuit, { width, fontSize }), [circuit, width, fontSize]);
  const current = Math.min(active, map.focusOrder.length - 1);

  function move(to: number) {
    const next = (to + map.focusOrder.length) % map.focusOrder.length;
    setActive(next);
    items.current[next]?.focus();
  }

  function choose(rows: RowTarget[]) {
    if (rows.length > 0) onSelect?.(rows[0]);
  }

  /** Keys of a focused step or transition at `position` in the keyboard order. */
  function onKeyDown(event: KeyboardEvent<SVGGElement>, position: number, rows: RowTarget[]) {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(position + 1),
      ArrowRight: () => move(position + 1),
      ArrowUp: () => move(position - 1),
      ArrowLeft: () => move(position - 1),
      Home: () => move(0),
      End: () => move(map.focusOrder.length - 1),
      Enter: () => choose(rows),
      ' ': () => choose(rows),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  const focusProps = (position: number, rows: RowTarget[]) => ({
    ref: (element: SVGGElement | null) => {
      items.current[position] = element;
    },
    role: 'button',
    tabIndex: position === current ? 0 : -1,
    className: styles.item,
    onFocus: () => setActive(position),
    onClick: () => choose(rows),
    onKeyDown: (event: KeyboardEvent<SVGGElement>) => onKeyDown(event, position, rows),
  });
  const position = (kind: 'node' | 'arrow', index: number) => map.focusOrder.findIndex((f) => f.kind === kind && f.index === index);
  const marker = (state: string) => `${ids}-arrow-${state}`;

  return (
    <div ref={box} className={styles.root} data-testid="circuit-map">
      <svg
        className={styles.svg}
        width={map.width}
        height={map.height}
        viewBox={`0 0 ${map.width} ${map.height}`}
        role="group"
        aria-label="Carte du circuit des DMI"
        aria-describedby={`${ids}-text`}
      >
        <defs>
          {Object.entries(LINK_STYLES).map(([state, { color }]) => (
              <marker
                key={state}
                id={marker(state)}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerUnits="userSpaceOnUse"
                markerWidth={map.arrowSize}
                markerHeight={map.arrowSize}
                orient="auto"
              >
                <path d="M0 0 L10 5 L0 10 z" fill={color} />
              </marker>
          ))}
        </defs>
        <g aria-hidden="true">
          {map.bands.map((band) => (
            <g key={band.key}>
              <rect x={band.x} y={band.y} width={band.width} height={band.height} fill={band.fill} rx={3} />
              {band.lines.map((line) => (
                <text key={line.y} x={line.x} y={line.y} fontSize={map.smallFontSize} fontWeight={600} fill="#424242">
                  {line.text}
                </text>
              ))}
            </g>
          ))}
        </g>
        {map.arrows.map((arrow, index) => (
          <ArrowItem key={arrow.key} arrow={arrow} marker={marker(arrow.state)} fontSize={map.smallFontSize} {...focusProps(position('arrow', index), arrow.rows)} />
        ))}
        {map.nodes.map((node, index) => (
          <NodeItem key={node.key} node={node} map={map} {...focusProps(position('node', index), node.rows)} />
        ))}
      </svg>
      <div id={`${ids}-text`} className={styles.hidden}>
        <p>{map.summary}</p>
        {map.ruptures.length > 0 ? (
          <ul aria-label="Liaisons en rupture">
            {map.ruptures.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        ) : (
          <p>Aucune rupture.</p>
        )}
        <p>Flèches du clavier : parcourir les étapes et les liaisons ; Entrée : sélectionner la ligne dans la cartographie.</p>
      </div>
      <Legend title="Étapes" items={map.legend.steps} kind="step" />
      <Legend title="Liaisons" items={map.legend.links} kind="link" />
      {map.legend.equipment && <p className={styles.note}>{map.legend.equipment}</p>}
    </div>
  );
}

type ItemProps = {
  ref: (element: SVGGElement | null) => void;
  role: string;
  tabIndex: number;
  className: string;
  onFocus: () => void;
  onClick: () => void;
  onKeyDown: (event: KeyboardEvent<SVGGElement>) => void;
};

function ArrowItem({ arrow, marker, fontSize, ...item }: { arrow: MapArrow; marker: string; fontSize: number } & ItemProps) {
  const { symbol, style } = arrow;
  return (
    <g {...item} aria-label={arrow.description} data-testid={`map-link-${arrow.key}`} data-state={arrow.state}>
      <title>{arrow.title}</title>
      <path className="map-ring" d={arrow.path} fill="none" stroke={FOCUS} strokeOpacity={0.35} strokeWidth={arrow.strokeWidth + 5} />
      {/* A wide transparent stroke makes the thin arc easy to click. */}
      <path d={arrow.path} fill="none" stroke="transparent" strokeWidth={Math.max(10, arrow.strokeWidth + 8)} />
      <path d={arrow.path} fill="none" stroke={style.color} strokeWidth={arrow.strokeWidth} strokeDasharray={style.dash ?? undefined} markerEnd={`url(#${marker})`} />
      <circle className="map-ring" cx={symbol.cx} cy={symbol.cy} r={symbol.r + 3} fill="none" stroke={FOCUS} strokeWidth={2} />
      <circle className="map-symbol" cx={symbol.cx} cy={symbol.cy} r={symbol.r} fill="#FFFFFF" stroke={style.color} strokeWidth={2} />
      <text x={symbol.cx} y={symbol.cy} dy="0.35em" textAnchor="middle" fontSize={fontSize} fontWeight={700} fill={INK}>
        {style.symbol}
      </text>
    </g>
  );
}

function NodeItem({ node, map, ...item }: { node: MapNode; map: { fontSize: number; smallFontSize: number } } & ItemProps) {
  const { style, glyph } = node;
  return (
    <g {...item} aria-label={node.description} data-testid={`map-step-${node.key}`} data-state={node.state}>
      <title>{node.title}</title>
      <rect className="map-ring" x={node.x - 3} y={node.y - 3} width={node.width + 6} height={node.height + 6} rx={6} fill="none" stroke={FOCUS} strokeWidth={2} />
      <rect x={node.x} y={node.y} width={node.width} height={node.height} rx={4} fill={style.fill} stroke={style.stroke} strokeWidth={1.5} strokeDasharray={style.dash ?? undefined} />
      <circle cx={glyph.cx} cy={glyph.cy} r={glyph.r} fill={style.stroke} />
      <text x={glyph.cx} y={glyph.cy} dy="0.35em" textAnchor="middle" fontSize={map.smallFontSize} fontWeight={700} fill="#FFFFFF">
        {style.symbol}
      </text>
      {node.lines.map((line) => (
        <text key={line.y} x={line.x} y={line.y} fontSize={map.fontSize} fill={INK}>
          {line.text}
        </text>
      ))}
      {node.equipment.map((line) => (
        <text key={line.y} x={line.x} y={line.y} fontSize={map.smallFontSize} fill="#3B3B3B">
          {line.text}
        </text>
      ))}
    </g>
  );
}

function Legend({ title, items, kind }: { title: string; items: LegendItem[]; kind: 'step' | 'link' }) {
  const styles = useStyles();
  return (
    <ul className={styles.legend} aria-label={`Légende : ${title.toLowerCase()}`}>
      {items.map((item) => (
        <li key={item.label} className={styles.legendItem}>
          <svg width={kind === 'step' ? 18 : 34} height={18} aria-hidden="true">
            {kind === 'step' ? (
              <>
                <circle cx={9} cy={9} r={8} fill={item.color} />
                <text x={9} y={9} dy="0.35em" textAnchor="middle" fontSize={11} fontWeight={700} fill="#FFFFFF">
                  {item.symbol}
                </text>
              </>
            ) : (
              <>
                <line x1={1} y1={9} x2={33} y2={9} stroke={item.color} strokeWidth={2.5} strokeDasharray={item.dash ?? undefined} />
                <circle cx={17} cy={9} r={7} fill="#FFFFFF" stroke={item.color} strokeWidth={2} />
                <text x={17} y={9} dy="0.35em" textAnchor="middle" fontSize={10} fontWeight={700} fill={INK}>
                  {item.symbol}
                </text>
              </>
            )}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
