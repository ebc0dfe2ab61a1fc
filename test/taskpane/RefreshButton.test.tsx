/** @jest-environment jsdom */
import './jsdom-shims';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryWorkbookPort } from '../../src/adapters/memory/port';
import { PaneFrame } from '../../src/taskpane/mount';
import { Pane } from '../../src/taskpane/Pane';
import { AnalysisSession } from '../../src/workbook/session';

// Picking from a drop-down may fire no change event (https://github.com/OfficeDev/office-js/issues/3888):
// « Actualiser » reads the workbook again whatever the tab.
it('« Actualiser » is beside the tabs and reads the workbook again', async () => {
  const port = MemoryWorkbookPort.fromTemplate();
  const session = new AnalysisSession(port, { debounceMs: 0 });
  render(
    <PaneFrame>
      <Pane session={session} port={port} />
    </PaneFrame>,
  );
  await act(() => session.start());
  const before = session.getState().recomputations;
  // Outside the tab panel: the same button whatever the tab shown (it comes with the tab bar, after the first figures).
  const button = await screen.findByRole('button', { name: 'Actualiser' });
  expect(screen.getByRole('tabpanel').contains(button)).toBe(false);
  await userEvent.click(button);
  await waitFor(() => expect(session.getState().recomputations).toBe(before + 1));
}, 30_000);
