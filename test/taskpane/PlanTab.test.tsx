/** @jest-environment jsdom */
import './jsdom-shims';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ActionProposal } from '../../src/domain/model';
import { ficheContent, type FicheContent } from '../../src/workbook/fiche';
import { planRow } from '../support/plan';
import { PlanTab } from '../../src/taskpane/plan/PlanTab';
import { PaneFrame } from '../../src/taskpane/mount';
import type { PlanUpdateReport } from '../../src/workbook/session';
import { demoAnalysis } from './analyses';

function renderPlan(proposals: ActionProposal[], onUpdatePlan: () => Promise<PlanUpdateReport>, onFiche: () => Promise<FicheContent | null> = jest.fn()) {
  render(
    <PaneFrame>
      <PlanTab proposals={proposals} onUpdatePlan={onUpdatePlan} onFiche={onFiche} />
    </PaneFrame>,
  );
}

const BUTTON = "Mettre à jour la feuille « Analyse et plan d'action »";

describe('PlanTab', () => {
  afterEach(() => jest.useRealTimers());

  it('lists the demo establishment’s proposals by priority, each with its finding', () => {
    const { proposals } = demoAnalysis();
    expect(proposals.length).toBeGreaterThan(0);
    renderPlan(proposals, jest.fn());
    for (const priority of [1, 2, 3, 4]) {
      const expected = proposals.filter((p) => p.priority === priority).sort((a, b) => a.order - b.order);
      const heading = screen.queryByRole('heading', { name: new RegExp(`^Priorité ${priority} `) });
      if (expected.length === 0) {
        expect(heading).toBeNull();
        continue;
      }
      expect(heading!.textContent).toMatch(new RegExp(`${expected.length}$`));
      const cards = within(heading!.closest('section')!).getAllByRole('listitem');
      expect(cards.map((card) => card.textContent)).toEqual(
        expected.map((p) => `${p.action}Constat : ${p.finding}Zone / étape : ${p.scope} · Acteurs : ${p.actors}`),
      );
    }
  });

  it('writes the plan and reports « n ajoutées, n conservées, n marquées »', async () => {
    const onUpdatePlan = jest.fn(async (): Promise<PlanUpdateReport> => ({ ok: true, added: 3, kept: 12, marked: 1, total: 17 }));
    renderPlan(demoAnalysis().proposals, onUpdatePlan);
    await userEvent.click(screen.getByRole('button', { name: BUTTON }));
    expect(onUpdatePlan).toHaveBeenCalledTimes(1);
    expect((await screen.findByText(/ajoutées/)).textContent).toBe('Plan mis à jour3 ajoutées, 12 conservées, 1 marquée (17 lignes dans la feuille).');
  });

  it('writes the fiche de synthèse sheet and says where, and that a user’s sheet of that name was left alone', async () => {
    const onFicheSheet = jest.fn(async () => ({ ok: true as const, value: { sheet: 'Fiche de synthèse (2)', replaced: false } }));
    render(
      <PaneFrame>
        <PlanTab proposals={[]} onUpdatePlan={jest.fn()} onFiche={jest.fn()} onFicheSheet={onFicheSheet} />
      </PaneFrame>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Écrire la feuille « Fiche de synthèse » (à imprimer depuis Excel)' }));
    expect(onFicheSheet).toHaveBeenCalledTimes(1);
    const title = await screen.findByText('Fiche écrite');
    expect(title.parentElement!.textContent).toContain('« Fiche de synthèse (2) »');
    expect(title.parentElement!.textContent).toContain('laissée telle quelle');
  });

  it('says why the plan could not be written', async () => {
    const message = 'La feuille « Analyse et plan d’action » est introuvable.';
    renderPlan([], async () => ({ ok: false, problems: [{ code: 'sheet-missing', message }] }));
    expect(screen.getByText('Aucune action proposée pour l’instant.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: BUTTON }));
    const title = await screen.findByText('Le plan n’a pas été écrit');
    expect(title.parentElement!.textContent).toContain(message);
  });

  it('shows the fiche de synthèse: rates, regulatory gaps and the open actions with their pilot, printable', async () => {
    // Fake timers keep Fluent's dialog focus order whatever the machine's load (see WorkbookTab.test.tsx).
    jest.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    const analysis = demoAnalysis();
    const plan = [planRow('A', { action: 'Action réalisée', status: 'Réalisé' }), planRow('B', { action: 'Interfacer la PUI et le bloc', pilot: 'Mme Durand (DSI)' })];
    const content = ficheContent({ analysis, plan, establishment: 'CH de Valmont', date: new Date(Date.UTC(2026, 10, 27)) });
    renderPlan(analysis.proposals, jest.fn(), async () => content);
    await user.click(screen.getByRole('button', { name: 'Fiche de synthèse (une page)' }));
    const fiche = await screen.findByRole('article', { name: 'Fiche de synthèse' });
    const text = fiche.textContent ?? '';
    expect(text).toContain('CH de Valmont');
    expect(text).toContain('27 novembre 2026');
    for (const figure of [content.completude, ...content.rates]) expect(text).toContain(`${figure.label}${figure.value}`);
    expect(text).toContain(`${analysis.figures.counts.missingTraceabilityData} Données de traçabilité manquantes`);
    expect(within(fiche).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'PrioritéActionZone / étapePiloteÉchéance',
      '1Interfacer la PUI et le blocPUIMme Durand (DSI)—',
    ]);
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    await user.click(screen.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' }));
    expect(print).toHaveBeenCalledTimes(1);
  });
});
