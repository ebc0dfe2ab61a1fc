/** @jest-environment jsdom */
import './jsdom-shims';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Finding } from '../../src/domain/model';
import { ControlsTab } from '../../src/taskpane/controls/ControlsTab';
import { PaneFrame } from '../../src/taskpane/mount';
import { demoAnalysis, demoAnswerMap } from './analyses';

/**
 * The demo with one invalid entry on a critical row, two rows emptied, and the delivery step
 * declared not computerised, which makes its answered Donnée OUI rows incoherent.
 */
function analysisWithFindings() {
  // A critical row (R5212-38 at the PUI reception), another critical one and a financial one.
  const refs = ['PUI-REC-LOT', 'PUI-DEL-LOT', 'FOU-CMD-DEN'];
  for (const ref of refs) expect(demoAnswerMap()).toHaveProperty(ref);
  const analysis = demoAnalysis({ [refs[0]]: 'peut-être', [refs[1]]: null, [refs[2]]: null, 'PUI-DEL-INF': 'NON' });
  return { analysis, invalidRef: refs[0] };
}

function renderControls(findings: Finding[], onSelect = jest.fn()) {
  render(
    <PaneFrame>
      <ControlsTab findings={findings} onSelect={onSelect} />
    </PaneFrame>,
  );
  return onSelect;
}

function items(groupName: string): HTMLElement[] {
  return within(screen.getByRole('list', { name: groupName })).getAllByRole('button');
}

describe('ControlsTab', () => {
  it('groups and counts invalid entries, incoherences and unanswered rows, each with its cell and row label', async () => {
    const { analysis, invalidRef } = analysisWithFindings();
    const byKind = (kind: Finding['kind']) => analysis.findings.filter((f) => f.kind === kind);
    expect(byKind('invalide')).toHaveLength(1);
    expect(byKind('incoherence').length).toBeGreaterThan(1);
    renderControls(analysis.findings);

    const [invalid] = items('Saisies invalides');
    const finding = byKind('invalide')[0];
    expect(finding.ref).toBe(invalidRef);
    expect(invalid.textContent).toContain(finding.cell);
    expect(invalid.textContent).toContain(finding.rowLabel);
    expect(invalid.textContent).toContain(finding.message);

    // Unanswered rows start collapsed: open the group, then count.
    expect(screen.queryByRole('list', { name: 'Lignes non renseignées' })).toBeNull();
    const header = screen.getByRole('button', { name: /Lignes non renseignées/ });
    expect(header.textContent).toContain(String(byKind('non-renseigne').length));
    await userEvent.click(header);
    expect(items('Lignes non renseignées')).toHaveLength(byKind('non-renseigne').length);
    const incoherent = items('Incohérences');
    expect(incoherent).toHaveLength(byKind('incoherence').length);
    incoherent.forEach((item, i) => expect(item.textContent).toContain(byKind('incoherence')[i].cell));
  });

  it('selects the cell of a finding on click and on Enter', async () => {
    const { analysis } = analysisWithFindings();
    const onSelect = renderControls(analysis.findings);
    const finding = analysis.findings.find((f) => f.kind === 'invalide')!;

    await userEvent.click(items('Saisies invalides')[0]);
    expect(onSelect).toHaveBeenLastCalledWith(finding);
    expect(onSelect.mock.calls[0][0].cell).toMatch(/^[A-Z]+\d+$/);

    onSelect.mockClear();
    items('Saisies invalides')[0].focus();
    await userEvent.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onSelect).toHaveBeenCalledWith(finding);
  });

  it('keeps only the findings on critical rows when asked', async () => {
    const { analysis } = analysisWithFindings();
    renderControls(analysis.findings);
    const critical = analysis.findings.filter((f) => f.critical);
    expect(critical.length).toBeGreaterThan(0);
    expect(critical.length).toBeLessThan(analysis.findings.length);

    await userEvent.click(screen.getByRole('switch', { name: 'Critiques seulement' }));
    for (const header of screen.queryAllByRole('button', { name: /Lignes non renseignées|Incohérences/ })) {
      if (header.getAttribute('aria-expanded') === 'false') await userEvent.click(header);
    }
    const shown = screen.getAllByRole('list').flatMap((list) => within(list).queryAllByRole('button'));
    expect(shown).toHaveLength(critical.length);
    for (const button of shown) expect(button.textContent).toContain('critique');
  });

  it('says when there is nothing to check', () => {
    renderControls([]);
    expect(screen.getByText('Aucun point à contrôler.')).toBeTruthy();
  });
});
