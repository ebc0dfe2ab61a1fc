/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { PaneFrame } from '../../src/taskpane/mount';
import { ErrorBoundary } from '../../src/taskpane/ErrorBoundary';

function Bomb({ armed }: { armed: boolean }) {
  if (armed) throw new Error('cellule introuvable');
  return <p>Volet prêt</p>;
}

function Toggle() {
  const [armed, setArmed] = useState(true);
  return (
    <>
      <button onClick={() => setArmed(false)}>Désamorcer</button>
      <ErrorBoundary onError={() => undefined}>
        <Bomb armed={armed} />
      </ErrorBoundary>
    </>
  );
}

describe('ErrorBoundary', () => {
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('replaces a crashed pane with a French message instead of a blank page', () => {
    const onError = jest.fn();
    render(
      <ErrorBoundary onError={onError}>
        <Bomb armed />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Le volet a rencontré une erreur inattendue.');
    expect(screen.getByRole('alert').textContent).toContain('cellule introuvable');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'cellule introuvable' }), expect.anything());
  });

  it('reports to the console by default, inside the Fluent frame', () => {
    render(
      <PaneFrame>
        <Bomb armed />
      </PaneFrame>,
    );
    expect(screen.getByRole('alert').textContent).toContain('cellule introuvable');
    expect(console.error).toHaveBeenCalledWith('Erreur dans le volet RESOMEDIT', expect.any(Error), expect.any(String));
  });

  it('shows the pane again once the cause is gone', async () => {
    render(<Toggle />);
    expect(screen.queryByText('Volet prêt')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Désamorcer' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Réafficher le volet' }));
    expect(screen.getByText('Volet prêt')).toBeTruthy();
  });
});
