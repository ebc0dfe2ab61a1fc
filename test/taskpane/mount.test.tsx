/** @jest-environment jsdom */
import { act } from 'react';
import { screen } from '@testing-library/react';
import { FluentProvider } from '@fluentui/react-components';
import { mount } from '../../src/taskpane/mount';
import { paneTheme } from '../../src/taskpane/theme';

function Bomb(): never {
  throw new Error('cellule introuvable');
}

describe('mount', () => {
  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    container.remove();
    jest.restoreAllMocks();
  });

  it('frames content in one Fluent provider', async () => {
    await act(async () => mount(<p>Volet prêt</p>, { container }));
    expect(screen.getByText('Volet prêt')).toBeTruthy();
    expect(container.querySelectorAll('.fui-FluentProvider')).toHaveLength(1);
  });

  it('adds no second provider around content that brings its own (the pane), on the same page background', async () => {
    await act(async () =>
      mount(
        <FluentProvider theme={paneTheme}>
          <p>Volet prêt</p>
        </FluentProvider>,
        { container, themed: true },
      ),
    );
    expect(screen.getByText('Volet prêt')).toBeTruthy();
    expect(container.querySelectorAll('.fui-FluentProvider')).toHaveLength(1);
    expect((container.firstElementChild as HTMLElement).style.backgroundColor).toBe('rgb(255, 255, 255)');
  });

  it('still shows a crash of such content as a French message inside the Office look', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await act(async () => mount(<Bomb />, { container, themed: true }));
    expect(screen.getByRole('alert').textContent).toContain('cellule introuvable');
    expect(screen.getByRole('alert').closest('.fui-FluentProvider')).not.toBeNull();
  });
});
