/** @jest-environment jsdom */
import './jsdom-shims';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { Analysis } from '../../src/domain/model';
import { PaneFrame } from '../../src/taskpane/mount';
import { CircuitMapView } from '../../src/taskpane/map/CircuitMapView';
import { circuitOf } from '../../src/views/circuit';
import { layoutCircuit } from '../../src/views/circuitMap';
import { demoAnalysis } from './analyses';

// jsdom does no layout: the component keeps its default width.
const layout = (analysis: Analysis, fontSize = 12) => layoutCircuit(circuitOf(analysis), { width: 320, fontSize });

function renderMap(analysis: Analysis, onSelect = jest.fn(), presentation = false) {
  const view = render(
    <PaneFrame>
      <CircuitMapView analysis={analysis} onSelect={onSelect} presentation={presentation} />
    </PaneFrame>,
  );
  return { ...view, onSelect, map: screen.getByRole('group', { name: 'Carte du circuit des DMI' }) };
}

const stops = (map: HTMLElement) => within(map).getAllByRole('button');

describe('CircuitMapView', () => {
  it('names every step and transition and lists the ruptures for screen readers', () => {
    const analysis = demoAnalysis();
    const expected = layout(analysis);
    const { map } = renderMap(analysis);

    const names = stops(map).map((item) => item.getAttribute('aria-label'));
    expect(names).toHaveLength(expected.nodes.length + expected.arrows.length);
    for (const item of [...expected.nodes, ...expected.arrows]) expect(names).toContain(item.description);

    expect(expected.ruptures.length).toBeGreaterThan(0);
    const description = document.getElementById(map.getAttribute('aria-describedby')!)!;
    expect(description.textContent).toContain(expected.summary);
    expect(within(description).getAllByRole('listitem').map((li) => li.textContent)).toEqual(expected.ruptures);
  });

  it('is one tab stop; arrow keys, Home and End move the focus in circuit order, wrapping around', () => {
    const analysis = demoAnalysis();
    const order = layout(analysis).focusOrder;
    const { map } = renderMap(analysis);
    const byName = new Map(stops(map).map((item) => [item.getAttribute('aria-label'), item]));
    const expected = layout(analysis);
    const itemAt = (i: number) => {
      const f = order[i];
      return byName.get(f.kind === 'node' ? expected.nodes[f.index].description : expected.arrows[f.index].description)!;
    };

    expect(stops(map).filter((item) => item.getAttribute('tabindex') === '0')).toEqual([itemAt(0)]);
    act(() => itemAt(0).focus());
    fireEvent.keyDown(itemAt(0), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(itemAt(1));
    expect(itemAt(1).getAttribute('tabindex')).toBe('0');
    expect(itemAt(0).getAttribute('tabindex')).toBe('-1');
    fireEvent.keyDown(itemAt(1), { key: 'End' });
    expect(document.activeElement).toBe(itemAt(order.length - 1));
    fireEvent.keyDown(itemAt(order.length - 1), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(itemAt(0));
    fireEvent.keyDown(itemAt(0), { key: 'ArrowUp' });
    expect(document.activeElement).toBe(itemAt(order.length - 1));
  });

  it('selects the first row behind a step on Enter, behind a transition on click', () => {
    const analysis = demoAnalysis();
    const expected = layout(analysis);
    const { map, onSelect } = renderMap(analysis);
    const step = expected.nodes[1];
    const rupture = expected.arrows.find((a) => a.state === 'rupture')!;

    const stepItem = within(map).getByRole('button', { name: step.description });
    act(() => stepItem.focus());
    fireEvent.keyDown(stepItem, { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith(step.rows[0]);

    fireEvent.click(within(map).getByRole('button', { name: rupture.description }));
    expect(onSelect).toHaveBeenLastCalledWith(rupture.rows[0]);
    expect(onSelect).toHaveBeenCalledTimes(2);
  });

  it('follows the answers: a rupture repaired by OUI answers turns into continuity', () => {
    const analysis = demoAnalysis();
    const rupture = layout(analysis).arrows.find((a) => a.state === 'rupture')!;
    const refs = analysis.rows.filter((r) => rupture.rows.some((t) => t.cell === r.entry.answerCell)).map((r) => r.entry.ref);
    const { map, rerender, onSelect } = renderMap(analysis);
    const arrowState = () => within(map).getByTestId(`map-link-${rupture.key}`).getAttribute('data-state');
    expect(arrowState()).toBe('rupture');

    // Both steps computerised and every datum transmitted: the transition becomes continuous.
    const informatisation = analysis.rows.filter((r) => r.type === 'Informatisation' && (r.step === rupture.from || r.step === rupture.to));
    const fixes = Object.fromEntries([...refs.map((ref) => [ref, 'OUI']), ...informatisation.map((r) => [r.entry.ref, 'OUI'])]);
    rerender(
      <PaneFrame>
        <CircuitMapView analysis={demoAnalysis(fixes)} onSelect={onSelect} />
      </PaneFrame>,
    );
    expect(arrowState()).toBe('continue');
  });

  it('writes larger in presentation mode', () => {
    const analysis = demoAnalysis();
    const { map } = renderMap(analysis, jest.fn(), true);
    const larger = layout(analysis, 16);
    expect(larger.fontSize).toBeGreaterThan(12);
    const first = larger.nodes[0];
    const step = within(map).getByRole('button', { name: first.description });
    expect(within(step).getByText(first.lines[0].text).getAttribute('font-size')).toBe(String(larger.fontSize));
  });
});
