/** @jest-environment jsdom */
import './jsdom-shims';
import { act, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryWorkbookPort } from '../../src/adapters/memory/port';
import { analyse, formatRate } from '../../src/domain/analyse';
import { demoAnswers } from '../../src/domain/demo';
import { PaneFrame } from '../../src/taskpane/mount';
import { Pane } from '../../src/taskpane/Pane';
import { REMEDIES } from '../../src/taskpane/ProblemView';
import { StartupProblem } from '../../src/taskpane/StartupProblem';
import { AnalysisSession } from '../../src/workbook/session';
import { SHEETS } from '../../src/workbook/sheets';
import { synthesisLayout } from '../../src/workbook/synthesisLayout';

// Whole-pane scenarios (real session, tabs loaded on demand, user events) take a few seconds on a
// busy machine: budgets that hold under load rather than jest's 5 s and testing-library's 1 s.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 10_000 });

/** A real session over an in-memory workbook; `demo` fills the fictitious establishment first. */
async function setUp(options: { template?: boolean; demo?: boolean } = {}) {
  const port = options.template === false ? new MemoryWorkbookPort() : MemoryWorkbookPort.fromTemplate();
  if (options.demo) await port.fillDemo(demoAnswers());
  const session = new AnalysisSession(port, { debounceMs: 0 });
  render(
    <PaneFrame>
      <Pane session={session} port={port} />
    </PaneFrame>,
  );
  return { port, session, workbook: port.workbook };
}

async function start(session: AnalysisSession) {
  await act(() => session.start());
}

function analysisOf(session: AnalysisSession) {
  const { analysis } = session.getState();
  if (!analysis) throw new Error('pas d’analyse');
  return analysis;
}

afterEach(() => {
  jest.restoreAllMocks();
  jest.useRealTimers();
});

describe('Pane', () => {
  it('shows a spinner until the first analysis, then the demo establishment’s figures', async () => {
    const { session } = await setUp({ demo: true });
    expect(screen.getByRole('progressbar', { name: 'Lecture du classeur…' })).toBeTruthy();
    await start(session);
    const { overall } = analysisOf(session).figures;
    expect(screen.getByTestId('rate-rupture').textContent).toContain(formatRate(overall.rupture));
    expect(screen.getByRole('heading', { name: `Complétude : ${formatRate(overall.completude)}` })).toBeTruthy();
  });

  it('follows a user edit of the workbook without a click, and keeps the figures on screen meanwhile', async () => {
    const { session, workbook } = await setUp({ demo: true });
    await start(session);
    const before = analysisOf(session);
    const entry = before.rows.find((r) => r.type === 'Interopérabilité' && r.effective === 'OUI')!.entry;

    act(() => workbook.setCell(SHEETS.cartographie, entry.answerCell, 'NON'));
    // Between the edit and the recomputation, the previous figures stay.
    expect(screen.getByTestId('rate-rupture').textContent).toContain(formatRate(before.figures.overall.rupture));
    const { numerator, denominator } = before.figures.overall.rupture;
    await waitFor(() => expect(screen.getByTestId('rate-rupture').textContent).toContain(`${numerator + 1} / ${denominator}`));
    expect(analysisOf(session).figures.overall.rupture.numerator).toBe(numerator + 1);
  });

  it('offers to initialise an empty workbook, and analyses it once created', async () => {
    const { session, workbook } = await setUp({ template: false });
    await start(session);
    expect(await screen.findByText('Feuille introuvable')).toBeTruthy();
    expect(screen.getByText(REMEDIES['sheet-missing'])).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Initialiser le classeur' }));
    await screen.findByTestId('rate-rupture');
    expect(workbook.sheetNames()).toEqual(expect.arrayContaining(Object.values(SHEETS)));
    expect(screen.getByTestId('rate-rupture').textContent).toContain('non évaluable');
  });

  it('reports a renamed cartographie sheet with its name, and recovers once it is back', async () => {
    const { session, workbook } = await setUp({ demo: true });
    await start(session);
    await act(async () => {
      workbook.renameSheet(SHEETS.cartographie, 'Feuil1');
      await session.refresh();
    });
    const problem = (await screen.findByText('Feuille introuvable')).parentElement!;
    expect(problem.textContent).toContain(SHEETS.cartographie);
    expect(screen.queryByTestId('rate-rupture')).toBeNull();

    await act(async () => workbook.renameSheet('Feuil1', SHEETS.cartographie));
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByTestId('rate-rupture')).toBeTruthy();
  });

  it('selects the cell of an invalid entry in the workbook from « Contrôles »', async () => {
    const { session, workbook } = await setUp({ demo: true });
    await start(session);
    const entry = analysisOf(session).cartographie.entries[7];
    await act(async () => {
      workbook.setCell(SHEETS.cartographie, entry.answerCell, 'peut-être');
      await session.refresh();
    });
    await userEvent.click(await screen.findByRole('tab', { name: /Contrôles/ }));
    const [item] = within(await screen.findByRole('list', { name: 'Saisies invalides' })).getAllByRole('button');
    expect(item.textContent).toContain(entry.answerCell);
    await userEvent.click(item);
    expect(workbook.getSelection()).toEqual({ sheet: SHEETS.cartographie, cell: entry.answerCell });
  });

  it('writes the plan sheet and reports counts; a second run keeps every row', async () => {
    const { session } = await setUp({ demo: true });
    await start(session);
    const proposals = analysisOf(session).proposals.length;
    expect(proposals).toBeGreaterThan(0);
    await userEvent.click(await screen.findByRole('tab', { name: 'Plan d’action' }));
    const button = await screen.findByRole('button', { name: /Mettre à jour la feuille/ });

    await userEvent.click(button);
    expect((await screen.findByText(/ajoutée/)).textContent).toContain(`${proposals} ajoutées, 0 conservée, 0 marquée`);
    await userEvent.click(button);
    expect((await screen.findByText(/conservées/)).textContent).toContain(`0 ajoutée, ${proposals} conservées, 0 marquée`);
  });

  it('asks before loading the demo over existing answers, and loads it when confirmed', async () => {
    // Fake timers keep the order of Fluent's dialog focus and its focus manager whatever the load
    // (see WorkbookTab.test.tsx); userEvent advances them as it waits.
    jest.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    const { session, workbook } = await setUp();
    await start(session);
    const first = analysisOf(session).cartographie.entries[0];
    await act(async () => {
      workbook.setCell(SHEETS.cartographie, first.answerCell, 'NON');
      await session.refresh();
    });
    await user.click(await screen.findByRole('tab', { name: 'Classeur' }));
    await user.click(await screen.findByRole('button', { name: 'Charger l’établissement de démonstration' }));
    await user.click(await screen.findByRole('button', { name: 'Remplacer par la démonstration' }));
    await screen.findByText(/a été chargé/);
    const demo = demoAnswers().find((a) => a.ref === first.ref)!;
    expect(workbook.getCell(SHEETS.cartographie, first.answerCell)?.value).toBe(demo.answer);
    expect(analysisOf(session).figures.counts.answered).toBe(analysisOf(session).figures.counts.rows);
  });

  it('warns below the figures when the Synthèse holds frozen values, and regenerating it removes the warning', async () => {
    const { port, session } = await setUp({ demo: true });
    const read = await port.readCartographie();
    if (!read.ok) throw new Error('cartographie illisible');
    // What older versions wrote: the Synthèse's cells as values, without formulas.
    const layout = synthesisLayout(analyse(read.value), { area: read.value.area });
    await port.writeSynthesis({ ...layout, cells: layout.cells.map(({ formula: _formula, ...cell }) => cell) });
    await start(session);
    const warning = await screen.findByTestId('synthesis-drift');
    expect(warning.textContent).toContain('chiffres sont des valeurs figées');
    // Found after the first figures are painted: it comes after them instead of pushing them down.
    const figures = screen.getByRole('heading', { name: /^Complétude/ });
    expect(figures.compareDocumentPosition(warning) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await userEvent.click(within(warning).getByRole('button', { name: 'Régénérer la Synthèse' }));
    await waitFor(() => expect(screen.queryByTestId('synthesis-drift')).toBeNull());
    expect(session.getState().drift).toBeNull();
  });

  it('switches to presentation mode', async () => {
    const { session } = await setUp({ demo: true });
    await start(session);
    const root = document.querySelector('[data-presentation]')!;
    expect(root.getAttribute('data-presentation')).toBe('false');
    await userEvent.click(await screen.findByRole('switch', { name: 'Mode présentation' }));
    expect(root.getAttribute('data-presentation')).toBe('true');
  });

  it('loads the IUD test bench on demand', async () => {
    const { session } = await setUp({ demo: true });
    await start(session);
    await userEvent.click(await screen.findByRole('tab', { name: 'Test IUD' }));
    expect(await screen.findByRole('textbox', { name: 'Code scanné' })).toBeTruthy();
  });
});

describe('StartupProblem', () => {
  it('says in French why the add-in cannot start and what to do', () => {
    const message = 'Cette version d’Excel ne prend pas en charge ExcelApi 1.4.';
    render(
      <PaneFrame>
        <StartupProblem message={message} remedy={REMEDIES.unsupported} />
      </PaneFrame>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Le complément RESOMEDIT ne peut pas démarrer.');
    expect(alert.textContent).toContain(message);
    expect(alert.textContent).toContain('Mettez Excel à jour');
  });
});
