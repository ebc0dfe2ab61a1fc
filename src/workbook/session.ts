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
import type { Proposer } from '../domain/analyse';
import { Assessor } from '../domain/assess';
import type { Comparison, compareCampaigns } from '../domain/campaign/compare';
import type { Analysis, Assessment, Finding, PlanRow } from '../domain/model';
import type { CartographieArea } from './answerColumns';
import type { PreviousCampaign } from './campaignInfo';
import type { Capabilities, FicheSheetReport, InitReport, ReadResult, WorkbookPort, WorkbookProblem } from './port';
import type { SynthesisDrift } from './synthesisDrift';
import type { FicheContent } from './fiche';
import { SHEETS } from './sheets';

// What the first analysis does not need (the Synthèse, the plan, the fiche, the demo) loads when first
// used: the pane's first figures do not wait for it.
const synthesisCode = () => Promise.all([import('./synthesisLayout'), import('./synthesisDrift')]);
// The proposed actions (their rules and templates) neither: the first figures are shown before them.
const proposalCode = () => import(/* webpackChunkName: "proposals" */ '../domain/analyse');

export interface SessionState {
  status: 'loading' | 'ready' | 'problem' | 'error';
  /** The latest figures and findings; at start they come before the proposed actions' code is loaded. */
  assessment?: Assessment;
  /** The latest analysis with its proposed actions (the same object as `assessment` once they are loaded). */
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
  /** This campaign against a previous one the user picked, kept up to date with the analysis. */
  comparison?: CampaignComparison | null;
}

export interface CampaignComparison {
  previous: PreviousCampaign;
  comparison: Comparison;
}

export type SynthesisReport = { ok: true } | { ok: false; problems: WorkbookProblem[] };

export type PlanUpdateReport =
  | { ok: true; added: number; kept: number; marked: number; total: number }
  | { ok: false; problems: WorkbookProblem[] };

export type NewCampaignReport =
  | { ok: true; year: number; toReview: number; carried: number; flagged: number }
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
  /** Re-assesses the sheet after an edit from what changed since the last assessment. */
  private readonly assessor = new Assessor();
  /** Proposes the actions of each assessment; loaded with the first one, once its figures are shown. */
  private proposer?: Proposer;
  /** Shown under the Synthèse title when given. */
  private readonly establishment?: string;
  /** Today, for the actions late in a comparison. */
  private readonly now: () => Date;
  private previous: PreviousCampaign | null = null;
  /** Loaded with the first comparison: the pane's first chunk does not carry it. */
  private compare?: typeof compareCampaigns;
  /** The plan d'action as last read or written, while a comparison is shown. */
  private plan: PlanRow[] = [];

  constructor(
    private readonly port: WorkbookPort,
    options: { debounceMs?: number; retryMs?: number; establishment?: string; now?: () => Date } = {},
  ) {
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
    this.establishment = options.establishment;
    this.now = options.now ?? (() => new Date());
    this.state = { status: 'loading', problems: [], capabilities: port.capabilities, recomputations: 0, busy: null };
  }

  /**
   * Listens to the cartographie, runs the first analysis, then checks the Synthèse. The pane passes
   * `afterFirstAnalysis` to let the first figures paint before that check.
   */
  async start({ afterFirstAnalysis }: { afterFirstAnalysis?: () => Promise<void> } = {}): Promise<void> {
    if (!this.unsubscribe) this.unsubscribe = this.port.onCartographieChange(() => this.schedule(this.debounceMs));
    await this.refresh();
    await afterFirstAnalysis?.();
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
      const [{ synthesisLayout }, { synthesisDrift }] = await synthesisCode();
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
      const { mergePlan } = await import('../domain/actions/merge');
      const merged = mergePlan(existing.value, analysis.proposals);
      const written = await this.port.writePlan(merged.rows);
      if (!written.ok) return written;
      this.plan = merged.rows;
      this.setState({ comparison: this.comparisonOf(analysis) });
      return { ok: true, added: merged.added, kept: merged.kept, marked: merged.marked, total: merged.rows.length };
    }, (message) => ({ ok: false, problems: [{ code: 'unreadable', message }] }));
  }

  /**
   * « Nouvelle campagne » in the open workbook (last year's, saved under a new name by the user):
   * the year after the one the notice names (this year when it names none), answers marked « à
   * revoir », the plan merged with its flags. One explicit command.
   */
  async startNewCampaign(): Promise<NewCampaignReport> {
    return this.task('Ouverture de la nouvelle campagne…', async (): Promise<NewCampaignReport> => {
      await this.refresh();
      const { status, analysis, problems, error } = this.state;
      if (status === 'error') return { ok: false, problems: [{ code: 'unreadable', message: error ?? '' }] };
      if (status !== 'ready' || !analysis || !this.area) return { ok: false, problems };
      const { campaignStart } = await import(/* webpackChunkName: "campaign-start" */ './newCampaign');
      const opened = this.now();
      const info = await this.port.readCampaignInfo();
      const lastYear = info.ok ? info.value?.year : undefined;
      const plan = await this.port.readPlan();
      if (!plan.ok && plan.problems.some((problem) => problem.code !== 'sheet-missing')) return plan;
      const start = campaignStart({ analysis, area: this.area, plan: plan.ok ? plan.value : [], year: lastYear ? lastYear + 1 : opened.getUTCFullYear(), opened });
      const written = await this.port.startCampaign(start);
      if (!written.ok) return written;
      this.plan = start.plan;
      await this.refresh();
      return { ok: true, year: start.year, toReview: start.toReview, carried: start.carried, flagged: start.flagged };
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
    const [{ synthesisLayout }] = await synthesisCode();
    const evolution = this.state.comparison?.comparison;
    const written = await this.port.writeSynthesis(synthesisLayout(analysis, { establishment: this.establishment, area: this.area, evolution }));
    if (!written.ok) return written;
    await this.checkSynthesis();
    return { ok: true };
  }

  /** The fiche de synthèse of the last analysis, with the open actions of the plan sheet (one read, no write). */
  async fiche(date = new Date()): Promise<FicheContent | null> {
    const { analysis, comparison } = this.state;
    if (!analysis) return null;
    const plan = await this.port.readPlan();
    const { ficheContent } = await import('./fiche');
    return ficheContent({
      analysis,
      plan: plan.ok ? plan.value : undefined,
      establishment: this.establishment ?? 'Établissement (à renseigner sur la notice)',
      date,
      ...(comparison && { evolution: comparison.comparison }),
    });
  }

  /**
   * Compares this campaign with `previous` (last year's workbook, read by the caller), now and after
   * each analysis; null forgets the comparison. Reads the plan d'action once (no write).
   */
  async compareWith(previous: PreviousCampaign | null): Promise<void> {
    this.previous = previous;
    if (previous) {
      this.compare ??= (await import(/* webpackChunkName: "campaign-compare" */ '../domain/campaign/compare')).compareCampaigns;
      const plan = await this.port.readPlan();
      this.plan = plan.ok ? plan.value : [];
    }
    this.setState({ comparison: this.state.analysis ? this.comparisonOf(this.state.analysis) : null });
  }

  private comparisonOf(analysis: Analysis): CampaignComparison | null {
    if (!this.previous || !this.compare) return null;
    return { previous: this.previous, comparison: this.compare(this.previous, { analysis, plan: this.plan }, this.now()) };
  }

  /** Writes the print-ready fiche de synthèse sheet from a fresh analysis (explicit command: one undo step). */
  async writeFicheSheet(date = new Date()): Promise<ReadResult<FicheSheetReport>> {
    return this.task('Écriture de la fiche de synthèse…', async (): Promise<ReadResult<FicheSheetReport>> => {
      await this.refresh();
      const { status, analysis, problems, error } = this.state;
      if (status === 'error') return { ok: false, problems: [{ code: 'unreadable', message: error ?? '' }] };
      const content = await this.fiche(date);
      if (status !== 'ready' || !analysis || !content) return { ok: false, problems };
      const { ficheSheetLayout } = await import('./ficheSheet');
      return this.port.writeFicheSheet(ficheSheetLayout(content, analysis));
    }, (message) => ({ ok: false, problems: [{ code: 'unreadable', message }] }));
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
      const { demoAnswers } = await import('../domain/demo');
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
        this.setState({ status: 'problem', assessment: undefined, analysis: undefined, problems: read.problems, error: undefined });
        return;
      }
      const assessment = this.assessor.assess(read.value);
      this.area = read.value.area;
      this.answerColumns = read.value.answerColumns;
      const recomputations = this.state.recomputations + 1;
      if (!this.proposer) {
        // The first figures are painted while the proposals' code loads.
        this.setState({ status: 'ready', assessment, problems: [], error: undefined, recomputations });
        this.proposer = new (await proposalCode()).Proposer();
      }
      const analysis = this.proposer.propose(assessment);
      this.setState({
        status: 'ready',
        assessment: analysis,
        analysis,
        problems: [],
        error: undefined,
        recomputations,
        ...(this.previous && { comparison: this.comparisonOf(analysis) }),
      });
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
