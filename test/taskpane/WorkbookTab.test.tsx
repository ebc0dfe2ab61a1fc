/** @jest-environment jsdom */
import './jsdom-shims';
import { render, screen } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { PaneFrame } from '../../src/taskpane/mount';
import { WorkbookTab } from '../../src/taskpane/workbook/WorkbookTab';
import type { InitReport } from '../../src/workbook/port';
import { SHEETS } from '../../src/workbook/sheets';

function renderTab(options: { hasAnswers: boolean; init?: InitReport; notes?: string[] }) {
  const props = {
    onInitialise: jest.fn(async () => options.init ?? { created: [], existing: Object.values(SHEETS) }),
    onLoadDemo: jest.fn(async () => undefined),
    hasAnswers: jest.fn(async () => options.hasAnswers),
    notes: options.notes ?? [],
  };
  render(
    <PaneFrame>
      <WorkbookTab {...props} />
    </PaneFrame>,
  );
  return props;
}

const LOAD = 'Charger l’établissement de démonstration';

// Fluent UI's dialog moves focus into itself on an animation frame, and its focus manager (Tabster)
// only uncovers the dialog (aria-hidden) once it sees that focus. With real timers, a busy machine
// can run the frame before the focus manager has registered the dialog, which then stays hidden.
// Fake timers keep that order whatever the load; userEvent advances them as it waits.
let userEvent: ReturnType<typeof userEventLib.setup>;
beforeEach(() => {
  jest.useFakeTimers();
  userEvent = userEventLib.setup({ advanceTimers: jest.advanceTimersByTime });
});
afterEach(() => jest.useRealTimers());

describe('WorkbookTab', () => {
  it('asks before replacing existing answers with the demo, and does nothing on Annuler', async () => {
    const props = renderTab({ hasAnswers: true });
    await userEvent.click(screen.getByRole('button', { name: LOAD }));
    const dialog = await screen.findByRole('dialog', { name: 'Remplacer les réponses existantes ?' });
    expect(dialog.textContent).toContain(SHEETS.cartographie);
    expect(props.onLoadDemo).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(props.onLoadDemo).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: LOAD }));
    await userEvent.click(await screen.findByRole('button', { name: 'Remplacer par la démonstration' }));
    expect(props.onLoadDemo).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/établissement de démonstration \(fictif\) a été chargé/)).toBeTruthy();
  });

  it('fills an empty cartographie with the demo without asking', async () => {
    const props = renderTab({ hasAnswers: false });
    await userEvent.click(screen.getByRole('button', { name: LOAD }));
    expect(await screen.findByText(/a été chargé/)).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(props.hasAnswers).toHaveBeenCalledTimes(1);
    expect(props.onLoadDemo).toHaveBeenCalledTimes(1);
  });

  it('reports which sheets initialisation created and which it left alone', async () => {
    const props = renderTab({ hasAnswers: false, init: { created: [SHEETS.synthesis, SHEETS.plan], existing: [SHEETS.cartographie] } });
    await userEvent.click(screen.getByRole('button', { name: 'Initialiser / compléter le classeur' }));
    expect(props.onInitialise).toHaveBeenCalledTimes(1);
    const report = await screen.findByText(/Feuilles créées/);
    expect(report.textContent).toBe(
      `Feuilles créées : ${SHEETS.synthesis}, ${SHEETS.plan}. Feuilles déjà présentes, laissées telles quelles : ${SHEETS.cartographie}.`,
    );
  });

  it('says when the workbook was already complete, and shows what the host cannot do', async () => {
    renderTab({ hasAnswers: false, notes: ['Graphiques indisponibles dans cette version d’Excel.'] });
    await userEvent.click(screen.getByRole('button', { name: 'Initialiser / compléter le classeur' }));
    expect(await screen.findByText(/rien n’a été modifié/)).toBeTruthy();
    expect(screen.getByText('Graphiques indisponibles dans cette version d’Excel.')).toBeTruthy();
  });

  it('reports a failed operation in French', async () => {
    const props = renderTab({ hasAnswers: false });
    props.onLoadDemo.mockRejectedValueOnce(new Error('feuille protégée'));
    await userEvent.click(screen.getByRole('button', { name: LOAD }));
    expect((await screen.findByText(/L’opération a échoué/)).textContent).toBe('L’opération a échoué : feuille protégée');
  });
});
