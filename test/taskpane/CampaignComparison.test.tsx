/** @jest-environment jsdom */
/**
 * « Comparer avec une campagne précédente »: last year's .xlsx picked in the pane, read there, and the
 * dashboard's evolution; a file that is no campaign gives a French message.
 */
import './jsdom-shims';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryWorkbookPort } from '../../src/adapters/memory/port';
import { XlsxWorkbookPort } from '../../src/adapters/xlsx/port';
import { formatEvolution, spokenEvolution } from '../../src/domain/campaign/format';
import { demoAnswers } from '../../src/domain/demo';
import { DashboardTab } from '../../src/taskpane/dashboard/DashboardTab';
import { PaneFrame } from '../../src/taskpane/mount';
import { useSessionView } from '../../src/taskpane/useSessionView';
import { AnalysisSession } from '../../src/workbook/session';
import { SHEETS } from '../../src/workbook/sheets';

function Harness({ session }: { session: AnalysisSession }) {
  const { state, analysis } = useSessionView(session);
  if (!analysis) return null;
  return (
    <PaneFrame>
      <DashboardTab
        analysis={analysis}
        comparison={state.comparison}
        onCompare={(previous) => session.compareWith(previous)}
        onWriteSynthesis={() => session.regenerateSynthesis()}
      />
    </PaneFrame>
  );
}

/** Last year: the demo establishment before it computerised anything (every OUI was a NON). */
async function lastYearFile(): Promise<File> {
  const port = new XlsxWorkbookPort();
  await port.initialise();
  await port.fillDemo(demoAnswers().map((a) => ({ ...a, answer: a.answer === 'OUI' ? 'NON' : a.answer })));
  return new File([new Uint8Array(await port.toBuffer())], 'campagne-2025.xlsx');
}

async function demoSession(): Promise<{ port: MemoryWorkbookPort; session: AnalysisSession }> {
  const port = MemoryWorkbookPort.fromTemplate();
  await port.fillDemo(demoAnswers());
  const session = new AnalysisSession(port);
  await session.start();
  return { port, session };
}

function fileInput(): HTMLInputElement {
  return document.querySelector('input[type="file"]') as HTMLInputElement;
}

describe('CampaignComparison', () => {
  it('reads the picked file in the pane and shows each rate with its evolution, in words for screen readers', async () => {
    const { port, session } = await demoSession();
    render(<Harness session={session} />);
    await screen.findByRole('button', { name: 'Comparer avec une campagne précédente…' });
    await userEvent.upload(fileInput(), await lastYearFile());

    const rupture = await screen.findByTestId('evolution-rupture');
    const evolution = session.getState().comparison!.comparison.rates.find((rate) => rate.key === 'rupture')!;
    expect(evolution.improved).toBe(true);
    expect(rupture.textContent).toContain(formatEvolution(evolution));
    expect(rupture.textContent).toContain(spokenEvolution(evolution));
    expect(spokenEvolution(evolution)).toMatch(/^en baisse de [\d,]+ points?, une amélioration$/);
    expect(screen.getByText(/Comparaison avec la « campagne-2025\.xlsx »/)).toBeTruthy();
    const closed = screen.getByRole('heading', { name: 'Ruptures fermées' }).parentElement!;
    expect(within(closed).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(screen.getByTestId('evolution-actions').textContent).toMatch(/^0 réalisée · 0 en retard · 0 abandonnée/);

    await userEvent.click(screen.getByRole('button', { name: 'Ajouter l’évolution à la Synthèse' }));
    expect((await screen.findByRole('status')).textContent).toContain('section « Évolution »');
    const synthesis = port.workbook.grid(SHEETS.synthesis).rows.flat();
    expect(synthesis.some((cell) => cell.value === 'Évolution depuis la campagne précédente')).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Retirer la comparaison' }));
    expect(screen.queryByTestId('evolution-rupture')).toBeNull();
  });

  it('says in French why a file cannot be last year’s campaign', async () => {
    const { session } = await demoSession();
    render(<Harness session={session} />);
    await screen.findByRole('button', { name: 'Comparer avec une campagne précédente…' });
    await userEvent.upload(fileInput(), new File(['Réf.;Réponse'], 'export.csv'), { applyAccept: false });
    expect((await screen.findByText(/ne peut pas servir de campagne précédente/)).textContent).toBe(
      "« export.csv » ne peut pas servir de campagne précédente : Le fichier n'est pas un classeur Excel .xlsx : enregistrez-le au format .xlsx.",
    );
    expect(session.getState().comparison).toBeFalsy();
  });
});
