/** @jest-environment jsdom */
/** The pane over an in-memory workbook, against figures counted by hand (test/support/handCartographie.ts). */
import './jsdom-shims';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryWorkbookPort } from '../../src/adapters/memory/port';
import { PaneFrame } from '../../src/taskpane/mount';
import { Pane } from '../../src/taskpane/Pane';
import { AnalysisSession } from '../../src/workbook/session';
import { SHEETS } from '../../src/workbook/sheets';
import { HAND_FIGURES, HAND_FIGURES_B, HAND_FINDINGS, handRowWrites, shownRate } from '../support/handCartographie';

async function handPane() {
  const port = MemoryWorkbookPort.fromTemplate();
  const { workbook } = port;
  const writes = handRowWrites(workbook.grid(SHEETS.cartographie));
  workbook.write(SHEETS.cartographie, writes.map(({ address, value }) => ({ address, cell: { value } })));
  const session = new AnalysisSession(port, { debounceMs: 0 });
  render(
    <PaneFrame>
      <Pane session={session} port={port} />
    </PaneFrame>,
  );
  await act(() => session.start());
  return { port, workbook };
}

const tile = (id: string) => screen.getByTestId(`rate-${id}`).textContent;
const terms = ([numerator, denominator]: readonly [number, number]) => `${numerator} / ${denominator}`;

describe('pane on the hand-counted cartographie', () => {
  it('shows the hand figures on the dashboard', async () => {
    await handPane();
    const { overall, views } = HAND_FIGURES;
    expect(screen.getByRole('heading', { name: `Complétude : ${shownRate(overall.completude)}` })).toBeTruthy();
    for (const key of ['informatisation', 'interoperabilite', 'continuite', 'rupture'] as const) {
      expect(tile(key)).toContain(shownRate(overall[key]));
      expect(tile(key)).toContain(terms(overall[key]));
    }
    expect(screen.getByText(/^Étapes informatisées/).textContent).toBe(`Étapes informatisées : ${shownRate(overall.etapesInformatisees)} (${terms(overall.etapesInformatisees)})`);
    // The continuity views follow the headline figures once they are painted.
    await screen.findByTestId('view-pui');
    for (const [id, view] of Object.entries(views)) {
      expect(within(screen.getByTestId(`view-${id}`)).getAllByRole('cell').at(-1)?.textContent).toBe(shownRate(view.rupture));
    }
    const broken = within(screen.getByRole('list', { name: 'Liaisons en rupture :' })).getAllByRole('listitem');
    expect(broken.map((item) => item.textContent)).toEqual(HAND_FIGURES.transitions.map((t) => `${t.from} → ${t.to} (${t.ruptures} rupture${t.ruptures > 1 ? 's' : ''})`));
  });

  it('lists the invalid, incoherent and empty rows in Contrôles', async () => {
    await handPane();
    await userEvent.click(await screen.findByRole('tab', { name: /^Contrôles/ }));
    const [incoherent, invalid, empty] = HAND_FINDINGS.map(([, label]) => label);
    const group = async (name: string) => within(await screen.findByRole('list', { name })).getAllByRole('button').map((b) => b.textContent);
    expect(await group('Saisies invalides')).toEqual([expect.stringContaining(invalid)]);
    expect(await group('Incohérences')).toEqual([expect.stringContaining(incoherent)]);
    await userEvent.click(screen.getByRole('button', { name: /Lignes non renseignées/ }));
    expect(await group('Lignes non renseignées')).toEqual([expect.stringContaining(empty)]);
  });

  it('follows an edit to the figures of the second hand-counted establishment', async () => {
    const { port, workbook } = await handPane();
    const read = await port.readCartographie();
    if (!read.ok) throw new Error(read.problems[0].message);
    const cell = read.value.entries.find((e) => e.ref === 'IO-REC-DEL-IUDID')!.answerCell;
    act(() => workbook.setCell(SHEETS.cartographie, cell, 'OUI'));
    const { rupture, interoperabilite } = HAND_FIGURES_B.overall;
    await waitFor(() => expect(tile('rupture')).toContain(terms(rupture)));
    expect(tile('rupture')).toContain(shownRate(rupture));
    expect(tile('interoperabilite')).toContain(`${shownRate(interoperabilite)}`);
  });
});
