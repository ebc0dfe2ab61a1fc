/**
 * The workbook port over Office.js. It only moves Grids and layouts between Excel and the pure
 * workbook layer, in few round trips: reading a sheet is one sync (the sheet is found by its
 * cached id, else rediscovered by tolerant name) and writes nothing. Writing is done only by
 * explicit commands (Synthèse, plan, initialisation, demo), each one `Excel.run`: one undo step
 * where the host merges undo groups (ExcelApi 1.20), said before anything is sent when a sheet
 * to write is protected. Batches wait for a cell being edited where Excel allows (ExcelApi 1.11).
 * Large requests are split under Excel's payload and cell-count limits.
 */
import type { PlanRow } from '../../domain/model';
import type { CampaignInfo } from '../../workbook/campaignInfo';
import type { CampaignStart } from '../../workbook/newCampaign';
import { cellText, columnLetter, parseAddress, type Grid } from '../../workbook/grid';
import { sheetProblem } from '../../workbook/headers';
import { cartographieColumns, locateCartographie, resolveSheet } from '../../workbook/locate';
import { findSheet } from '../../workbook/names';
import type { Capabilities, ChangeInfo, DemoAnswer, FicheSheetReport, InitReport, LayoutCell, ReadCell, ReadResult, SheetCartographie, SheetLayout, WorkbookPort } from '../../workbook/port';
import type { PlanArea } from '../../workbook/planSheet';
import { PLAN_TABLE, SHEET_ORDER, SHEETS, type SheetKey } from '../../workbook/sheets';
import { DEFAULT_PAYLOAD_BUDGET, WriteBatch } from './batch';
import { detectCapabilities, type OfficeFeatures, type RequirementCheck } from './capabilities';
import { ChangeFeed, DEFAULT_QUIET_WINDOW_MS } from './changes';
import { isItemNotFound, isPayloadTooLarge, officeProblem, protectedProblem } from './errors';
import { readSheetInSlices, readSheetOnce, sheetNames, type ColumnSpan, type SheetInfo, type SheetRead, type SheetRef, type WorkbookState } from './read';
import type { ExcelRun } from './run';

// The writing code (templates, Synthèse, plan, page setup, demo) loads with the first command that
// needs it: reading the cartographie, all the pane needs to open, does not wait for it.
const synthesisCode = () => import('./synthesis');
// The notice's campaign cell is found with the template's labels: loaded with the first campaign command.
const campaignCode = () => import('../../workbook/campaignInfo');
const planCode = () => Promise.all([import('../../workbook/planSheet'), import('./plan'), import('../../workbook/template'), import('./template')]);

export interface OfficePortOptions {
  /** How long local changes are taken for the add-in's own after it writes, without triggerSource. */
  quietWindowMs?: number;
  /** Largest request the adapter sends in one sync. */
  payloadBudgetBytes?: number;
}

const OK: ReadResult<void> = { ok: true, value: undefined };

/** The plan sheet as read before a command rewrites it (absent: the command creates it). */
interface PlanTarget {
  grid?: Grid;
  area?: PlanArea;
  state: WorkbookState;
  target?: SheetRef;
  name?: string;
}

/** Ids of the other RESOMEDIT sheets (unprotected): their page header follows the Synthèse's establishment. */
function otherSheetIds(state: WorkbookState): string[] {
  const names = sheetNames(state);
  return SHEET_ORDER.filter((key) => key !== 'synthesis').flatMap((key) => {
    const name = findSheet(names, SHEETS[key]);
    const info = state.sheets.find((sheet) => sheet.name === name);
    return info && !info.protected ? [info.id] : [];
  });
}

/** In a sliced read of the cartographie, only the columns from its first to its last known header. */
const cartographieSpan: ColumnSpan = (first) => {
  const located = cartographieColumns(first);
  if (!located.ok) return undefined;
  const columns = Object.values(located.value.columns);
  return { left: Math.min(...columns), right: Math.max(...columns) };
};

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

  /** Options of a read batch: wait for a cell being edited rather than fail, where Excel can. */
  private get readOptions(): Excel.RunOptions {
    return this.features.delayForCellEdit ? { delayForCellEdit: true } : {};
  }

  /** One explicit command: one Excel.run, one undo step where the host merges undo groups. */
  private command<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const options: Excel.RunOptions = { ...this.readOptions, ...(this.features.undoGroups ? { mergeUndoGroup: true } : {}) };
    return this.feed.ownWrite(() => this.run(options, batch));
  }

  /** Forgets what the last reads said: the next one starts from the workbook as it is. */
  private forget(): void {
    this.state = undefined;
    this.planGrid = undefined;
    this.sheets.clear();
  }

  /** A sheet as the last read saw it, found tolerantly by name. */
  private sheetInfo(name: string): SheetInfo | undefined {
    const actual = this.state && findSheet(sheetNames(this.state), name);
    return this.state?.sheets.find((sheet) => sheet.name === actual);
  }

  private async readOnce(key: string, span?: ColumnSpan): Promise<SheetRead> {
    try {
      return await readSheetOnce(this.run, this.readOptions, key, this.features.mergedAreas);
    } catch (error) {
      if (!isPayloadTooLarge(error)) throw error;
      return readSheetInSlices(this.run, this.readOptions, key, span);
    }
  }

  /** The grid of a RESOMEDIT sheet: by cached id, else by tolerant name (then a second sync). */
  private async readSheet(key: SheetKey): Promise<ReadResult<Grid>> {
    const span = key === 'cartographie' ? cartographieSpan : undefined;
    try {
      let read = await this.readOnce(this.sheets.get(key)?.id ?? SHEETS[key], span);
      if (!read.sheet) {
        const name = resolveSheet(sheetNames(read), key);
        this.state = read;
        if (!name.ok) return name;
        read = await this.readOnce(name.value, span);
      }
      this.state = read;
      if (!read.sheet || !read.grid) return { ok: false, problems: [sheetProblem(SHEETS[key])] };
      this.sheets.set(key, read.sheet);
      return { ok: true, value: read.grid };
    } catch (error) {
      if (isItemNotFound(error)) this.forget();
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

  private async knownState(): Promise<WorkbookState> {
    this.state ??= await this.readOnce(SHEETS.synthesis);
    return this.state;
  }

  async writeSynthesis(layout: SheetLayout): Promise<ReadResult<void>> {
    try {
      return await this.writeSynthesisOnce(layout, await this.knownState());
    } catch (error) {
      if (!isItemNotFound(error)) return { ok: false, problems: [officeProblem(error, layout.sheet)] };
      // The workbook changed since it was last read (sheet renamed or deleted): read it again, once.
      this.forget();
      try {
        return await this.writeSynthesisOnce(layout, await this.knownState());
      } catch (retryError) {
        return { ok: false, problems: [officeProblem(retryError, layout.sheet)] };
      }
    }
  }

  async readSynthesis(): Promise<ReadResult<ReadCell[]>> {
    try {
      const name = findSheet(sheetNames(await this.knownState()), SHEETS.synthesis);
      const { readSynthesisSheet } = await synthesisCode();
      return { ok: true, value: name === undefined ? [] : await this.run(this.readOptions, (context) => readSynthesisSheet(context, name)) };
    } catch (error) {
      if (isItemNotFound(error)) this.forget();
      return { ok: false, problems: [officeProblem(error, SHEETS.synthesis)] };
    }
  }

  /** One run: looks for the add-in's chart, then writes (one undo step). The sheet is followed by id once written. */
  private async writeSynthesisOnce(layout: SheetLayout, state: WorkbookState): Promise<ReadResult<void>> {
    const known = this.sheets.get('synthesis');
    const existing = (known && state.sheets.find((sheet) => sheet.id === known.id)) ?? this.sheetInfo(layout.sheet);
    if (existing?.protected) return { ok: false, problems: [protectedProblem(existing.name, 'la Synthèse')] };
    const names = sheetNames(state);
    const cartographie = layout.cartographie && state.sheets.find((sheet) => sheet.name === findSheet(names, layout.cartographie!.sheet));
    if (cartographie?.protected) return { ok: false, problems: [protectedProblem(cartographie.name, 'les colonnes calculées de la cartographie')] };
    const [{ SYNTHESIS_CHART, writeSynthesisSheet }, { writeHeaderFooter }] = await Promise.all([synthesisCode(), import('./print')]);
    await this.command(async (context) => {
      const batch = new WriteBatch(context, this.budget);
      let sheet: Excel.Worksheet;
      let deleteChart = false;
      if (existing) {
        sheet = context.workbook.worksheets.getItem(existing.id);
        const chart = sheet.charts.getItemOrNullObject(SYNTHESIS_CHART);
        chart.load('name');
        await context.sync();
        deleteChart = !chart.isNullObject;
      } else {
        sheet = this.addSheet(context, names, 'synthesis', layout.sheet);
      }
      sheet.load('id,name');
      await writeSynthesisSheet(batch, sheet, layout, {
        deleteChart,
        drawChart: this.features.charts,
        features: this.features,
        ...(cartographie && { cartographie: context.workbook.worksheets.getItem(cartographie.id) }),
      });
      // The other sheets' printed pages name the establishment the analysis names.
      const print = layout.print;
      if (print) for (const id of otherSheetIds(state)) await writeHeaderFooter(batch, context.workbook.worksheets.getItem(id), print, this.features);
      await batch.flush();
      this.sheets.set('synthesis', { id: sheet.id, name: sheet.name });
    });
    if (!existing) this.state = undefined;
    return OK;
  }

  /**
   * One run: reads the first cell of the sheets that may hold an earlier fiche, then writes the
   * fiche over the add-in's own or on a new sheet (one undo step); a protected one is said first.
   */
  async writeFicheSheet(layout: SheetLayout): Promise<ReadResult<FicheSheetReport>> {
    try {
      // The sheets as they are now: the user may have added or renamed one since the last read.
      this.state = undefined;
      const state = await this.knownState();
      const names = sheetNames(state);
      const [{ writeLayoutSheet }, { ficheSheetCandidates, ficheSheetTarget }] = await Promise.all([synthesisCode(), import('../../workbook/ficheSheet')]);
      const result = await this.command(async (context): Promise<ReadResult<FicheSheetReport>> => {
        const firstCells = new Map(ficheSheetCandidates(names).map((name) => [name, context.workbook.worksheets.getItem(name).getRange('A1').load('values')]));
        await context.sync();
        const target = ficheSheetTarget(names, (name) => firstCells.get(name)?.values[0][0]);
        const info = state.sheets.find((sheet) => sheet.name === target.name);
        if (target.replaces && info?.protected) return { ok: false, problems: [protectedProblem(info.name, 'la fiche de synthèse')] };
        const sheet = target.replaces ? context.workbook.worksheets.getItem(target.name) : context.workbook.worksheets.add(target.name);
        const batch = new WriteBatch(context, this.budget);
        await writeLayoutSheet(batch, sheet, { ...layout, sheet: target.name }, this.features);
        await batch.flush();
        return { ok: true, value: { sheet: target.name, replaced: target.replaces } };
      });
      this.state = undefined;
      return result;
    } catch (error) {
      return { ok: false, problems: [officeProblem(error, layout.sheet)] };
    }
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

  async readCampaignInfo(): Promise<ReadResult<CampaignInfo | null>> {
    const grid = await this.readSheet('notice');
    if (!grid.ok) return grid;
    const { campaignInfoOf } = await campaignCode();
    return { ok: true, value: campaignInfoOf(grid.value) };
  }

  async readPlan(): Promise<ReadResult<PlanRow[]>> {
    const grid = await this.readSheet('plan');
    if (!grid.ok) return grid;
    this.planGrid = grid.value;
    const [{ readPlanGrid }] = await planCode();
    return readPlanGrid(grid.value);
  }

  /** What writing the plan needs, read before the command: its grid, where its table is, the sheet to write. */
  private async planTarget(): Promise<ReadResult<PlanTarget>> {
    const [{ planArea }] = await planCode();
    let grid = this.planGrid;
    if (!grid) {
      const read = await this.readSheet('plan');
      if (read.ok) grid = read.value;
      else if (read.problems.some((problem) => problem.code !== 'sheet-missing')) return read;
    }
    const area = grid ? planArea(grid) : undefined;
    if (area && !area.ok) return area;
    const state = await this.knownState();
    const target = grid && this.sheets.get('plan');
    const info = target && state.sheets.find((sheet) => sheet.id === target.id);
    if (info?.protected) return { ok: false, problems: [protectedProblem(info.name, "le plan d'action")] };
    return { ok: true, value: { grid, area: area?.value, state, target, name: info?.name } };
  }

  /** Queues the plan's rewrite in a command's batch. */
  private async writePlanIn(context: Excel.RequestContext, batch: WriteBatch, rows: PlanRow[], { grid, area, state, target }: PlanTarget): Promise<void> {
    const [, { overlappingTables, writePlanSheet }, { templateSheet }, { renderTemplate }] = await planCode();
    const plan = { grid, area, rows, nameTable: true, features: this.features };
    let sheet: Excel.Worksheet;
    if (target) {
      sheet = context.workbook.worksheets.getItem(target.id);
      // Whatever their names now, tables in the way are turned into plain cells first: the
      // plan's table is rebuilt around the new rows (no resize before ExcelApi 1.13).
      const inTheWay = await overlappingTables(context, sheet, plan);
      for (const table of inTheWay) table.convertToRange();
      const freed = new Set(inTheWay.map((table) => table.name.toLowerCase()));
      plan.nameTable = state.tables.every((name) => name.toLowerCase() !== PLAN_TABLE.toLowerCase() || freed.has(name.toLowerCase()));
    } else {
      const template = templateSheet('plan');
      sheet = this.addSheet(context, sheetNames(state), 'plan', template.name);
      await renderTemplate(batch, sheet, template, false, this.features);
      plan.nameTable = findSheet(state.tables, PLAN_TABLE) === undefined;
    }
    await writePlanSheet(batch, sheet, plan);
  }

  async writePlan(rows: PlanRow[]): Promise<ReadResult<void>> {
    const target = await this.planTarget();
    if (!target.ok) return target;
    try {
      await this.command(async (context) => {
        const batch = new WriteBatch(context, this.budget);
        await this.writePlanIn(context, batch, rows, target.value);
        await batch.flush();
      });
    } catch (error) {
      if (isItemNotFound(error)) this.forget();
      return { ok: false, problems: [officeProblem(error, target.value.name ?? SHEETS.plan)] };
    } finally {
      // The sheet changed: the next plan update reads it again.
      this.planGrid = undefined;
      this.state = undefined;
    }
    return OK;
  }

  /** « Nouvelle campagne »: the notice's campaign, the review columns and the plan, in one Excel.run (one undo step where merged). */
  async startCampaign(start: CampaignStart): Promise<ReadResult<void>> {
    const cartographie = await this.readSheet('cartographie');
    if (!cartographie.ok) return cartographie;
    // Loaded with the command: the pane's first chunk does not carry it.
    const [{ reviewColumnsProblem }, { writeFormulaCells }, { cellsBlock }, { formatCells, widthInPoints }, { campaignCells }] = await Promise.all([
      import(/* webpackChunkName: "campaign-start" */ '../../workbook/newCampaign'),
      synthesisCode(),
      import('./cells'),
      import('./format'),
      campaignCode(),
    ]);
    const free = reviewColumnsProblem(cartographie.value, start.area);
    if (!free.ok) return free;
    const notice = await this.readSheet('notice');
    if (!notice.ok) return notice;
    const plan = await this.planTarget();
    if (!plan.ok) return plan;
    const writes: [SheetRef, LayoutCell[]][] = [
      [this.sheets.get('notice') as SheetRef, campaignCells(notice.value, start.campaign)],
      [this.sheets.get('cartographie') as SheetRef, start.review],
    ];
    const locked = writes.find(([ref]) => plan.value.state.sheets.find((sheet) => sheet.id === ref.id)?.protected);
    if (locked) return { ok: false, problems: [protectedProblem(locked[0].name, 'la nouvelle campagne')] };
    try {
      await this.command(async (context) => {
        const batch = new WriteBatch(context, this.budget);
        for (const [ref, cells] of writes) {
          const sheet = context.workbook.worksheets.getItem(ref.id);
          await batch.writeBlock(sheet, cellsBlock(cells));
          await writeFormulaCells(batch, sheet, cells);
          await formatCells(batch, sheet, cells.filter((cell) => cell.style));
        }
        const sheet = context.workbook.worksheets.getItem(writes[1][0].id);
        for (const { column, width } of start.reviewWidths) {
          const letter = columnLetter(column);
          await batch.add(() => (sheet.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(width)));
        }
        await this.writePlanIn(context, batch, start.plan, plan.value);
        await batch.flush();
      });
    } catch (error) {
      if (isItemNotFound(error)) this.forget();
      return { ok: false, problems: [officeProblem(error, SHEETS.cartographie)] };
    } finally {
      this.planGrid = undefined;
      this.state = undefined;
    }
    return OK;
  }

  async initialise(): Promise<InitReport> {
    const [{ workbookTemplate }, { renderTemplate }] = await Promise.all([import('../../workbook/template'), import('./template')]);
    const state = await this.readOnce(SHEETS.cartographie);
    const report: InitReport = { created: [], existing: [] };
    const missing = workbookTemplate().filter((template) => {
      const existing = findSheet(sheetNames(state), template.name);
      if (existing) report.existing.push(existing);
      return existing === undefined;
    });
    if (missing.length > 0) {
      const names = sheetNames(state);
      await this.command(async (context) => {
        const batch = new WriteBatch(context, this.budget);
        for (const template of missing) {
          const sheet = this.addSheet(context, names, template.key, template.name);
          const tableFree = template.table === undefined || findSheet(state.tables, template.table.name) === undefined;
          await renderTemplate(batch, sheet, template, tableFree, this.features);
          report.created.push(template.name);
        }
        await batch.flush();
      });
    }
    this.forget();
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
    const { demoWrites } = await import('../../workbook/demoFill');
    const writes = demoWrites(grid.value, answers);
    if (!writes.ok) return writes;
    const sheet = this.sheets.get('cartographie') as SheetRef;
    if (this.state?.sheets.find((info) => info.id === sheet.id)?.protected) {
      return { ok: false, problems: [protectedProblem(sheet.name, "les réponses de l'établissement de démonstration")] };
    }
    try {
      await this.command(async (context) => {
        const batch = new WriteBatch(context, this.budget);
        const worksheet = context.workbook.worksheets.getItem(sheet.id);
        for (const write of writes.value) {
          const { row, column } = parseAddress(write.address);
          await batch.writeBlock(worksheet, { top: row, left: column, values: [[write.value]] });
        }
        await batch.flush();
      });
    } catch (error) {
      if (isItemNotFound(error)) this.forget();
      return { ok: false, problems: [officeProblem(error, sheet.name)] };
    }
    return OK;
  }

  async select(sheet: string, cell: string): Promise<void> {
    const target = this.sheetInfo(sheet);
    try {
      await this.run(this.readOptions, async (context) => {
        const worksheet = context.workbook.worksheets.getItem(target?.id ?? sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      });
    } catch (error) {
      if (isItemNotFound(error)) this.forget();
      throw new Error(officeProblem(error, target?.name ?? sheet).message, { cause: error });
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
