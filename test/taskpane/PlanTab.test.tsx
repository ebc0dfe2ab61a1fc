/** @jest-environment jsdom */
import './jsdom-shims';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ActionProposal } from '../../src/domain/model';
import { PlanTab } from '../../src/taskpane/plan/PlanTab';
import { PaneFrame } from '../../src/taskpane/mount';
import type { PlanUpdateReport } from '../../src/workbook/session';
import { demoAnalysis } from './analyses';

function renderPlan(proposals: ActionProposal[], onUpdatePlan: () => Promise<PlanUpdateReport>) {
  render(
    <PaneFrame>
      <PlanTab proposals={proposals} onUpdatePlan={onUpdatePlan} />
    </PaneFrame>,
  );
}

const BUTTON = "Mettre à jour la feuille « Analyse et plan d'action »";

describe('PlanTab', () => {
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

  it('says why the plan could not be written', async () => {
    const message = 'La feuille « Analyse et plan d’action » est introuvable.';
    renderPlan([], async () => ({ ok: false, problems: [{ code: 'sheet-missing', message }] }));
    expect(screen.getByText('Aucune action proposée pour l’instant.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: BUTTON }));
    const title = await screen.findByText('Le plan n’a pas été écrit');
    expect(title.parentElement!.textContent).toContain(message);
  });
});
