/** @jest-environment jsdom */
import './jsdom-shims';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { gs1CheckDigit, parseIud } from '../../src/domain/iud';
import IudTab from '../../src/taskpane/iud/IudTab';
import { visibleControls } from '../../src/taskpane/iud/visibleControls';
import { PaneFrame } from '../../src/taskpane/mount';

const GS = '\u001d';
const body = '0761234567890';
const gtin = `0${body}`.slice(0, 13) + String(gs1CheckDigit(`0${body}`.slice(0, 13)));
/** A DataMatrix read as a keyboard-wedge scanner types it: lot is variable, so GS ends it. */
const SCAN = `]d201${gtin}17301231` + `10LOT-42A${GS}21SN0099`;

function renderTab() {
  render(
    <PaneFrame>
      <IudTab />
    </PaneFrame>,
  );
  return screen.getByRole('textbox', { name: 'Code scanné' });
}

describe('visibleControls', () => {
  it('names GS, RS and EOT and shows other control characters by code', () => {
    expect(visibleControls(`a${GS}b\u001ec\u0004d\u0007`)).toBe('a⟨GS⟩b⟨RS⟩c⟨EOT⟩d⟨07⟩');
    expect(visibleControls('sans contrôle')).toBe('sans contrôle');
  });
});

describe('IudTab', () => {
  it('keeps the GS the scanner types, shows it, and decodes IUD-ID and IUD-IP on Enter', async () => {
    const field = renderTab();
    await userEvent.type(field, `${SCAN}{Enter}`);

    expect((field as HTMLInputElement).value).toBe(SCAN);
    expect(screen.getByTestId('iud-raw').textContent).toBe(`Lu : ]d201${gtin}1730123110LOT-42A⟨GS⟩21SN0099`);

    const expected = parseIud(SCAN);
    expect(expected.iudId?.value).toBe(gtin);
    const result = screen.getByRole('region', { name: /Résultat : GS1/ });
    expect(result.textContent).toContain('GS1 DataMatrix');
    const facts = within(result).getAllByRole('definition').map((dd) => dd.textContent);
    expect(facts).toEqual([gtin, 'LOT-42A', 'SN0099', expected.iudIp.expiry!.display, 'absent']);
    expect(expected.iudIp.expiry!.display).toBe('31/12/2030');
  });

  it('lists what is missing for traceability when the code has no lot, serial or expiry', async () => {
    const field = renderTab();
    await userEvent.type(field, `(01)${gtin}{Enter}`);
    const result = screen.getByRole('region', { name: /Résultat : GS1/ });
    const listed = within(result).getAllByRole('listitem').map((item) => item.textContent);
    // A GTIN alone: neither lot nor serial, and no expiry date.
    expect(listed).toEqual([expect.stringMatching(/^Ni numéro de lot ni numéro de série/), expect.stringMatching(/^Date de péremption absente/)]);
    expect(listed).toEqual(parseIud(`(01)${gtin}`).missing);
    expect(screen.queryByText('Code lisible et complet pour la traçabilité.')).toBeNull();
  });

  it('explains an unreadable code instead of failing', async () => {
    const field = renderTab();
    await userEvent.type(field, 'bonjour{Enter}');
    const result = screen.getByRole('region', { name: 'Résultat : format non reconnu' });
    const listed = within(result).getAllByRole('listitem').map((item) => item.textContent);
    expect(listed).toEqual([expect.stringContaining('Code non reconnu : « bonjour »')]);
    expect(listed).toEqual(parseIud('bonjour').problems);
  });

  it('clears the field for the next scan', async () => {
    const field = renderTab();
    await userEvent.type(field, `${SCAN}{Enter}`);
    await userEvent.click(screen.getByRole('button', { name: 'Effacer' }));
    expect((field as HTMLInputElement).value).toBe('');
    expect(screen.queryByTestId('iud-raw')).toBeNull();
    expect(screen.queryByRole('region', { name: /Résultat/ })).toBeNull();
    expect(document.activeElement).toBe(field);
  });
});
