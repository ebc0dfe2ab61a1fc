/**
 * The live analysis of a workbook: reads the cartographie and analyses it after user edits. A
 * burst of change events within the debounce window gives one recomputation; an event arriving
 * during a recomputation gives exactly one more. Nothing here throws to the UI: failures become
 * French text in the state.
 *
 * A recomputation only reads (one round trip in Excel) and writes nothing: the Synthèse
 * recalculates by itself, and every write is an explicit command (plan, initialisation, demo,
 * Synthèse regeneration), so typing answers never costs the user their undo history. A read
 * refused for a while (a cell being edited in Excel) keeps the last analysis on screen and is
 * tried again.
 */
import { mergePlan } from '../domain/actions/merge';
import { Analyser } from '../domain/analyse';
import { demoAnswers } from '../domain/demo';
import type { Analysis, Finding } from '../domain/model';
import type { CartographieArea } from './answerColumns';
import type { Capabilities, InitReport, WorkbookPort, WorkbookProblem } from './port';
import { synthesisDrift, type SynthesisDrift } from './synthesisDrift';
import { ficheContent, type FicheContent } from './fiche';
import { SHEETS } from './sheets';
import { synthesisLayout } from './synthesisLayout';

export interface SessionState {
  status: 'loading' | 'ready' | 'problem' | 'error';
  analysis?: Analysis;
  /** Why the cartographie could not be read ('problem'), or what could not be written ('ready'). */
  problems: WorkbookProblem[];
  capabilities: Capabilities;
  recomputations: number;
  /** French label of the task running, null when idle. */
  busy: string | null;
  error?: string;
  /** The Synthèse found in the workbook does not follow the cartographie (checked when the pane opens). */
  drift?: SynthesisDrift | null;
}

export type SynthesisReport = { ok: true } | { ok: false; problems: WorkbookProblem[] };

export type PlanUpdateReport =
  | { ok: true; added: number; kept: number; marked: number; total: number }
  | { ok: false; problems: WorkbookProblem[] };

export const DEFAULT_DEBOUNCE_MS = 300;
/** Wait before reading again when Excel refused for a while (a cell being edited). */
export const DEFAULT_RETRY_MS = 1500;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class AnalysisSession {
  private state: SessionState;
  private readonly listeners = new Set<(state: SessionState) => void>();
  private readonly debounceMs: number;
  private readonly retryMs: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private unsubscribe: (() => void) | null = null;
  private area: CartographieArea | undefined;
  private answerColumns = false;
  /** Re-analyses the sheet after an edit from what changed since the last analysis. */
  private readonly analyser = new Analyser();
  /** Shown under the Synthèse title when given. */
  private readonly establishment?: string;

  constructor(
    private readonly port: WorkbookPort,
    options: { debounceMs?: number; retryMs?: number; establishment?: string } = {},
  ) {
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
    this.establishment = options.establishment;
    this.state = { status: 'loading', problems: [], capabilities: port.capabilities, recomputations: 0, busy: null };
  }

  /** Listens to the cartographie and runs the first analysis. */
  async start(): Promise<void> {
    if (!this.unsubscribe) this.unsubscribe = this.port.onCartographieChange(() => this.schedule(this.debounceMs));
    await this.refresh();
    await this.checkSynthesis();
  }

  /**
   * Compares the Synthèse the workbook holds with the one the add-in would write for the last
   * analysis; sets `drift` (null when it follows the cartographie). One read, no write.
   */
  async checkSynthesis(): Promise<SynthesisDrift | null> {
    const { analysis } = this.state;
    if (!analysis || !this.area) return null;
    try {
      const held = await this.port.readSynthesis();
      if (!held.ok) return null;
      const layout = synthesisLayout(analysis, { establishment: this.establishment, area: this.area });
      const drift = synthesisDrift(layout, held.value, this.answerColumns);
      this.setState({ drift });
      return drift;
    } catch (error) {
      this.setState({ error: `Impossible de vérifier la Synthèse : ${describe(error)}` });
      return null;
    }
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.clearTimer();
  }

  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getState(): SessionState {
    return this.state;
  }

  /** Recomputes now; during a recomputation, asks for exactly one more and resolves after it. */
  refresh(): Promise<void> {
    this.clearTimer();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop();
    return this.running;
  }

  async updatePlan(): Promise<PlanUpdateReport> {
    return this.task("Mise à jour du plan d'action…", async (): Promise<PlanUpdateReport> => {
      await this.refresh();
      const { status, analysis, problems, error } = this.state;
      if (status === 'error') return { ok: false, problems: [{ code: 'unreadable', message: error ?? '' }] };
      if (status !== 'ready' || !analysis) return { ok: false, problems };
      const existing = await this.port.readPlan();
      if (!existing.ok) return existing;
      const merged = mergePlan(existing.value, analysis.proposals);
      const written = await this.port.writePlan(merged.rows);
      if (!written.ok) return written;
      return { ok: true, added: merged.added, kept: merged.kept, marked: merged.marked, total: merged.rows.length };
    }, (message) => ({ ok: false, problems: [{ code: 'unreadable', message }] }));
  }

  /** Writes the Synthèse again from the current analysis (explicit command: one undo step). */
  async regenerateSynthesis(): Promise<SynthesisReport> {
    return this.task('Régénération de la Synthèse…', () => this.writeSynthesis(), (message) => ({ ok: false, problems: [{ code: 'unreadable', message }] }));
  }

  /** Reads the cartographie again, then writes the Synthèse's formulas and the computed columns. */
  private async writeSynthesis(): Promise<SynthesisReport> {
    await this.refresh();
    const { status, analysis, problems, error } = this.state;
    if (status === 'error') return { ok: false, problems: [{ code: 'unreadable', message: error ?? '' }] };
    if (status !== 'ready' || !analysis) return { ok: false, problems };
    const written = await this.port.writeSynthesis(synthesisLayout(analysis, { establishment: this.establishment, area: this.area }));
    if (!written.ok) return written;
    await this.checkSynthesis();
    return { ok: true };
  }

  /** The fiche de synthèse of the last analysis, with the open actions of the plan sheet (one read, no write). */
  async fiche(date = new Date()): Promise<FicheContent | null> {
    const { analysis } = this.state;
    if (!analysis) return null;
    const plan = await this.port.readPlan();
    return ficheContent({ analysis, plan: plan.ok ? plan.value : undefined, establishment: this.establishment ?? 'Établissement (à renseigner sur la notice)', date });
  }

  async initialise(): Promise<InitReport> {
    return this.task('Initialisation du classeur…', async () => {
      const report = await this.port.initialise();
      await this.refresh();
      // A Synthèse just created gets its formulas at once: it then recalculates without the add-in.
      if (report.created.includes(SHEETS.synthesis) && this.state.status === 'ready') {
        const written = await this.writeSynthesis();
        if (!written.ok) this.setState({ problems: written.problems });
      }
      return report;
    }, () => ({ created: [], existing: [] }));
  }

  /** Fills the demo establishment; the caller has asked for confirmation when answers exist. */
  async loadDemo(): Promise<void> {
    return this.task("Remplissage de l'établissement de démonstration…", async () => {
      const filled = await this.port.fillDemo(demoAnswers());
      if (!filled.ok) {
        this.setState({ problems: filled.problems });
        return;
      }
      await this.refresh();
    }, () => undefined);
  }

  async select(target: Pick<Finding, 'sheet' | 'cell'>): Promise<void> {
    try {
      await this.port.select(target.sheet, target.cell);
    } catch (error) {
      this.setState({ error: `Impossible de sélectionner la cellule ${target.cell} : ${describe(error)}` });
    }
  }

  private schedule(delay: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async loop(): Promise<void> {
    try {
      do {
        this.again = false;
        await this.recompute();
      } while (this.again);
    } finally {
      // Cleared synchronously after the last check of `again`, so no request falls in between.
      this.running = null;
    }
  }

  private async recompute(): Promise<void> {
    try {
      const read = await this.port.readCartographie();
      if (!read.ok) {
        if (read.problems.every((problem) => problem.retry)) {
          // Excel is busy (a cell being edited): what is on screen stays, and the read is tried again.
          this.setState({ problems: read.problems });
          this.schedule(this.retryMs);
          return;
        }
        this.setState({ status: 'problem', analysis: undefined, problems: read.problems, error: undefined });
        return;
      }
      const analysis = this.analyser.analyse(read.value);
      this.area = read.value.area;
      this.answerColumns = read.value.answerColumns;
      this.setState({ status: 'ready', analysis, problems: [], error: undefined, recomputations: this.state.recomputations + 1 });
    } catch (error) {
      this.setState({ status: 'error', error: `Erreur pendant l'analyse du classeur : ${describe(error)}` });
    }
  }

  /** Runs a user action with its busy label; a failure becomes the error state and `fallback`'s result. */
  private async task<T>(label: string, run: () => Promise<T>, fallback: (message: string) => T): Promise<T> {
    this.setState({ busy: label });
    try {
      return await run();
    } catch (error) {
      const message = `Échec : ${label.replace(/…$/, '').toLowerCase()} (${describe(error)})`;
      this.setState({ status: 'error', error: message });
      return fallback(message);
    } finally {
      this.setState({ busy: null });
    }
  }

  private setState(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }
}
