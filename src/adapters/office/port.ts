/**
 * The workbook port over Office.js. It only moves Grids and layouts between Excel and the pure
 * workbook layer, in few round trips: reading a sheet is one sync (the sheet is found by its
 * cached id, else rediscovered by tolerant name), writing the Synthèse one sync, the plan one
 * read and one write. Large requests are split under Excel on the web's 5 MB limit.
 */
import type { PlanRow } from '../../domain/model';
import { cellText, parseAddress, type Grid } from '../../workbook/grid';
import { demoWrites } from '../../workbook/demoFill';
import { sheetProblem } from '../../workbook/headers';
import { locateCartographie, resolveSheet } from '../../workbook/locate';
import { findSheet } from '../../workbook/names';
import { planArea, readPlanGrid } from '../../workbook/planSheet';
import type { Capabilities, ChangeInfo, DemoAnswer, InitReport, ReadCell, ReadResult, SheetCartographie, SheetLayout, WorkbookPort } from '../../workbook/port';
import { PLAN_TABLE, SHEET_ORDER, SHEETS, type SheetKey } from '../../workbook/sheets';
import { templateSheet, workbookTemplate } from '../../workbook/template';
import { DEFAULT_PAYLOAD_BUDGET, WriteBatch } from './batch';
import { detectCapabilities, type OfficeFeatures, type RequirementCheck } from './capabilities';
import { ChangeFeed, DEFAULT_QUIET_WINDOW_MS } from './changes';
import { isItemNotFound, isPayloadTooLarge, officeProblem } from './errors';
import { writePlanSheet } from './plan';
import { readSheetInSlices, readSheetOnce, type SheetRead, type SheetRef, type WorkbookState } from './read';
import { readSynthesisSheet, writeSynthesisSheet } from './synthesis';
import { renderTemplate } from './template';

/** Runs a batch like `Excel.run`. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficePortOptions {
  /** How long local changes are taken for the add-in's own after it writes, without triggerSource. */
  quietWindowMs?: number;
  /** Largest request the adapter sends in one sync. */
  payloadBudgetBytes?: number;
}

const OK: ReadResult<void> = { ok: true, value: undefined };

export class OfficeWorkbookPort implements WorkbookPort {
  readonly capabilities: Capabilities;
  private readonly features: OfficeFeatures;
  private readonly feed: ChangeFeed;
  private readonly budget: number;
  private readonly sheets = new Map<SheetKey, SheetRef>();
  private state?: WorkbookState;
  private planGrid?: Grid;
  private watching: Promise<void> = Promise.resolve();

  constructor(
    private readonly run: ExcelRun,
    isSetSupported: RequirementCheck,
    options: OfficePortOptions = {},
  ) {
    const detected = detectCapabilities(isSetSupported);
    this.capabilities = detected.capabilities;
    this.features = detected.features;
    this.budget = options.payloadBudgetBytes ?? DEFAULT_PAYLOAD_BUDGET;
    this.feed = new ChangeFeed(run, this.features, options.quietWindowMs ?? DEFAULT_QUIET_WINDOW_MS);
  }

  /** Settles once change events of the cartographie are followed (or failed to be). */
  listening(): Promise<void> {
    return this.watching;
  }

  /** The Synthèse's actual name when the last round trip saw it. */
  private synthesisName(): string | undefined {
    return this.state && findSheet(this.state.names, SHEETS.synthesis);
  }

  private async readOnce(key: string): Promise<SheetRead> {
    try {
      return await readSheetOnce(this.run, key, this.synthesisName());
    } catch (error) {
      if (!isPayloadTooLarge(error)) throw error;
      return readSheetInSlices(this.run, key, this.state?.synthesisChart);
    }
  }

  /** The grid of a RESOMEDIT sheet: by cached id, else by tolerant name (then a second sync). */
  private async readSheet(key: SheetKey): Promise<ReadResult<Grid>> {
    try {
      let read = await this.readOnce(this.sheets.get(key)?.id ?? SHEETS[key]);
      if (!read.sheet) {
        const name = resolveSheet(read.names, key);
        this.state = read;
        if (!name.ok) return name;
        read = await this.readOnce(name.value);
      }
      this.state = read;
      if (!read.sheet || !read.grid) return { ok: false, problems: [sheetProblem(SHEETS[key])] };
      this.sheets.set(key, read.sheet);
      return { ok: true, value: read.grid };
    } catch (error) {
      return { ok: false, problems: [officeProblem(error, SHEETS[key])] };
    }
  }

  async readCartographie(): Promise<ReadResult<SheetCartographie>> {
    const grid = await this.readSheet('cartographie');
    if (!grid.ok) return grid;
    this.followCartographie();
    return locateCartographie(grid.value);
  }

  /** Queues a step of following the cartographie's changes; a failed step does not stop later ones. */
  private queueWatch(step: () => Promise<void>): void {
    this.watching = this.watching.then(step, step);
  }

  private followCartographie(): void {
    const sheet = this.sheets.get('cartographie');
    if (sheet && this.feed.listening) this.queueWatch(() => this.feed.watch(sheet));
  }

  /** The workbook state, read again when no round trip has told it, or not whether the Synthèse holds the chart. */
  private async knownState(): Promise<WorkbookState> {
    if (!this.state) this.state = await this.readOnce(SHEETS.synthesis);
    if (this.state.synthesisChart === undefined && this.synthesisName() !== undefined) this.state = await this.readOnce(SHEETS.synthesis);
    return this.state;
  }

  async writeSynthesis(layout: SheetLayout): Promise<ReadResult<void>> {
    try {
      await this.writeSynthesisOnce(layout, await this.knownState());
    } catch (error) {
      if (!isItemNotFound(error)) return { ok: false, problems: [officeProblem(error, layout.sheet)] };
      // The workbook changed since it was last read (sheet or chart deleted): read it again, once.
      this.state = undefined;
      try {
        await this.writeSynthesisOnce(layout, await this.knownState());
      } catch (retryError) {
        return { ok: false, problems: [officeProblem(retryError, layout.sheet)] };
      }
    }
    return OK;
  }

  async readSynthesis(): Promise<ReadResult<ReadCell[]>> {
    try {
      const state = await this.knownState();
      const name = findSheet(state.names, SHEETS.synthesis);
      return { ok: true, value: name === undefined ? [] : await this.run((context) => readSynthesisSheet(context, name)) };
    } catch (error) {
      return { ok: false, problems: [officeProblem(error, SHEETS.synthesis)] };
    }
  }

  private async writeSynthesisOnce(layout: SheetLayout, state: WorkbookState): Promise<void> {
    const existing = findSheet(state.names, layout.sheet);
    const names = [...state.names];
    await this.run(async (context) => {
      const batch = new WriteBatch(context, this.budget);
      const sheet = existing ? context.workbook.worksheets.getItem(existing) : this.addSheet(context, names, 'synthesis', layout.sheet);
      const cartographie = layout.cartographie && findSheet(names, layout.cartographie.sheet);
      await writeSynthesisSheet(batch, sheet, layout, {
        deleteChart: existing !== undefined && state.synthesisChart === true,
        drawChart: this.features.charts,
        ...(cartographie !== undefined && { cartographie: context.workbook.worksheets.getItem(cartographie) }),
      });
      await batch.flush();
    });
    this.state = {
      ...state,
      names,
      synthesisChart: layout.chart !== undefined && this.features.charts,
    };
  }

  /** Adds a RESOMEDIT sheet after the RESOMEDIT sheets that come before it; keeps `names` in tab order. */
  private addSheet(context: Excel.RequestContext, names: string[], key: SheetKey, name: string): Excel.Worksheet {
    const earlier = SHEET_ORDER.slice(0, SHEET_ORDER.indexOf(key)).map((other) => findSheet(names, SHEETS[other]));
    const position = Math.max(-1, ...earlier.map((other) => (other === undefined ? -1 : names.indexOf(other)))) + 1;
    const sheet = context.workbook.worksheets.add(name);
    sheet.position = position;
    names.splice(position, 0, name);
    return sheet;
  }

  async readPlan(): Promise<ReadResult<PlanRow[]>> {
    const grid = await this.readSheet('plan');
    if (!grid.ok) return grid;
    this.planGrid = grid.value;
    return readPlanGrid(grid.value);
  }

  async writePlan(rows: PlanRow[]): Promise<ReadResult<void>> {
    let grid = this.planGrid;
    if (!grid) {
      const read = await this.readSheet('plan');
      if (read.ok) grid = read.value;
      else if (read.problems.some((problem) => problem.code !== 'sheet-missing')) return read;
    }
    const area = grid ? planArea(grid) : undefined;
    if (area && !area.ok) return area;
    const state = await this.knownState();
    const name = this.sheets.get('plan')?.name;
    try {
      await this.run(async (context) => {
        const batch = new WriteBatch(context, this.budget);
        const table = findSheet(state.tables, PLAN_TABLE);
        let sheet: Excel.Worksheet;
        if (grid && name) {
          sheet = context.workbook.worksheets.getItem(name);
          // The add-in's table is rebuilt around the new rows (no resize before ExcelApi 1.13).
          if (table) await batch.add(() => context.workbook.tables.getItem(table).convertToRange());
        } else {
          const template = templateSheet('plan');
          sheet = this.addSheet(context, [...state.names], 'plan', template.name);
          await renderTemplate(batch, sheet, template, false, this.features);
        }
        const addTable = (grid !== undefined && name !== undefined) || table === undefined;
        await writePlanSheet(batch, sheet, { grid, area: area?.value, rows, addTable, features: this.features });
        await batch.flush();
      });
    } catch (error) {
      return { ok: false, problems: [officeProblem(error, name ?? SHEETS.plan)] };
    } finally {
      // The sheet changed: the next plan update reads it again.
      this.planGrid = undefined;
      this.state = undefined;
    }
    return OK;
  }

  async initialise(): Promise<InitReport> {
    const state = await this.readOnce(SHEETS.cartographie);
    const report: InitReport = { created: [], existing: [] };
    const missing = workbookTemplate().filter((template) => {
      const existing = findSheet(state.names, template.name);
      if (existing) report.existing.push(existing);
      return existing === undefined;
    });
    if (missing.length > 0) {
      const names = [...state.names];
      await this.feed.ownWrite(() =>
        this.run(async (context) => {
          const batch = new WriteBatch(context, this.budget);
          for (const template of missing) {
            const sheet = this.addSheet(context, names, template.key, template.name);
            const tableFree = template.table === undefined || findSheet(state.tables, template.table.name) === undefined;
            await renderTemplate(batch, sheet, template, tableFree, this.features);
            report.created.push(template.name);
          }
          await batch.flush();
        }),
      );
    }
    this.state = undefined;
    this.sheets.clear();
    if (this.feed.listening) await this.readCartographie();
    return report;
  }

  async hasAnswers(): Promise<boolean> {
    const cartographie = await this.readCartographie();
    return cartographie.ok && cartographie.value.entries.some((entry) => cellText(entry.answer) !== '');
  }

  async fillDemo(answers: DemoAnswer[]): Promise<ReadResult<void>> {
    const grid = await this.readSheet('cartographie');
    if (!grid.ok) return grid;
    const writes = demoWrites(grid.value, answers);
    if (!writes.ok) return writes;
    const sheet = grid.value.sheet;
    try {
      await this.feed.ownWrite(() =>
        this.run(async (context) => {
          const batch = new WriteBatch(context, this.budget);
          const worksheet = context.workbook.worksheets.getItem(sheet);
          for (const write of writes.value) {
            const { row, column } = parseAddress(write.address);
            await batch.writeBlock(worksheet, { top: row, left: column, values: [[write.value]] });
          }
          await batch.flush();
        }),
      );
    } catch (error) {
      return { ok: false, problems: [officeProblem(error, sheet)] };
    }
    return OK;
  }

  async select(sheet: string, cell: string): Promise<void> {
    const name = (this.state && findSheet(this.state.names, sheet)) ?? sheet;
    try {
      await this.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(name);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      });
    } catch (error) {
      throw new Error(officeProblem(error, name).message, { cause: error });
    }
  }

  onCartographieChange(listener: (change: ChangeInfo) => void): () => void {
    const remove = this.feed.add(listener);
    if (this.features.events) {
      this.queueWatch(async () => {
        if (!this.sheets.has('cartographie')) await this.readSheet('cartographie');
        const sheet = this.sheets.get('cartographie');
        if (sheet) await this.feed.watch(sheet);
      });
    }
    return remove;
  }
}
