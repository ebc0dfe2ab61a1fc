/** @jest-environment jsdom */
import './jsdom-shims';
import { render, screen, within } from '@testing-library/react';
import { formatRate } from '../../src/domain/analyse';
import type { Analysis } from '../../src/domain/model';
import { DashboardTab } from '../../src/taskpane/dashboard/DashboardTab';
import { PaneFrame } from '../../src/taskpane/mount';
import { demoAnalysis, emptyAnalysis } from './analyses';

function renderDashboard(analysis: Analysis) {
  return render(
    <PaneFrame>
      <DashboardTab analysis={analysis} />
    </PaneFrame>,
  );
}

const TILES = [
  ['rate-informatisation', 'informatisation'],
  ['rate-interoperabilite', 'interoperabilite'],
  ['rate-continuite', 'continuite'],
  ['rate-rupture', 'rupture'],
] as const;

describe('DashboardTab', () => {
  // First in the file: the pane is painted once per page, and only the first render waits for it.
  it('shows the headline figures first, the zones, views and equipment once they are painted', async () => {
    renderDashboard(demoAnalysis());
    expect(screen.getByTestId('rate-rupture')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Par zone' })).toBeNull();
    expect(screen.queryByTestId('view-pui')).toBeNull();
    for (const name of ['Par zone', 'Continuité de l’information', 'Équipements']) expect(await screen.findByRole('heading', { name })).toBeTruthy();
  });

  it('shows the demo establishment’s completeness and headline rates with their terms', () => {
    const analysis = demoAnalysis();
    const { overall } = analysis.figures;
    renderDashboard(analysis);

    expect(screen.getByRole('heading', { name: `Complétude : ${formatRate(overall.completude)}` })).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Complétude de la cartographie' }).getAttribute('aria-valuetext')).toBe(
      formatRate(overall.completude),
    );
    for (const [testId, key] of TILES) {
      const tile = screen.getByTestId(testId);
      expect(tile.textContent).toContain(formatRate(overall[key]));
      expect(tile.textContent).toContain(`${overall[key].numerator} / ${overall[key].denominator}`);
    }
    // The demo has ruptures, so the rupture rate is a real percentage, not "non évaluable".
    expect(overall.rupture.value).toBeGreaterThan(0);
    expect(screen.getByTestId('rate-rupture').textContent).toMatch(/\d+\s%/);
  });

  it('lists every zone and the three continuity views with their rates', async () => {
    const analysis = demoAnalysis();
    renderDashboard(analysis);
    await screen.findByRole('heading', { name: 'Par zone' });
    for (const zone of analysis.figures.zones) {
      const heading = screen.getByRole('heading', { name: zone.label });
      const bars = within(heading.parentElement!).getAllByRole('listitem').map((li) => li.textContent);
      expect(bars).toEqual([
        `Informatisation${formatRate(zone.informatisation)}`,
        `Interopérabilité${formatRate(zone.interoperabilite)}`,
        `Rupture${formatRate(zone.rupture)}`,
      ]);
    }
    for (const id of ['pui', 'transitions', 'blocs'] as const) {
      const view = analysis.figures.views[id];
      const cells = within(screen.getByTestId(`view-${id}`)).getAllByRole('cell').map((td) => td.textContent);
      expect(cells).toEqual([formatRate(view.interoperabilite), formatRate(view.continuite), formatRate(view.rupture)]);
    }
    const broken = analysis.figures.transitions.filter((t) => t.ruptures > 0);
    expect(broken.length).toBeGreaterThan(0);
    const listed = within(screen.getByRole('list', { name: 'Liaisons en rupture :' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(listed).toEqual(broken.map((t) => `${t.fromLabel} → ${t.toLabel} (${t.ruptures} rupture${t.ruptures > 1 ? 's' : ''})`));
  });

  it('says "non évaluable" for every rate of an unanswered cartographie, never 0 %', () => {
    renderDashboard(emptyAnalysis());
    for (const [testId] of TILES) {
      const tile = screen.getByTestId(testId);
      expect(tile.textContent).toContain('non évaluable');
      expect(tile.textContent).toContain('aucune réponse prise en compte');
      expect(tile.textContent).not.toMatch(/\d\s%/);
    }
    expect(screen.getByRole('heading', { name: `Complétude : ${formatRate({ numerator: 0, denominator: 1, value: 0 })}` })).toBeTruthy();
  });

  it('announces the figures politely, and the announcement follows the answers', () => {
    const before = demoAnalysis();
    const { rerender } = renderDashboard(before);
    const live = document.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toContain(`points de rupture ${formatRate(before.figures.overall.rupture)}`);

    const interop = before.rows.find((r) => r.type === 'Interopérabilité' && r.effective === 'OUI')!;
    const after = demoAnalysis({ [interop.entry.ref]: 'NON' });
    expect(after.figures.overall.rupture.numerator).toBe(before.figures.overall.rupture.numerator + 1);
    rerender(
      <PaneFrame>
        <DashboardTab analysis={after} />
      </PaneFrame>,
    );
    expect(live.textContent).toContain(`points de rupture ${formatRate(after.figures.overall.rupture)}`);
    expect(screen.getByTestId('rate-rupture').textContent).toContain(
      `${after.figures.overall.rupture.numerator} / ${after.figures.overall.rupture.denominator}`,
    );
  });
});
