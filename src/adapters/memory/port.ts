/**
 * The workbook port over a MemoryWorkbook (tests, browser demo). Sheets are found by name and
 * columns by header label through the shared workbook layer; this adapter only moves cells.
 */
import type { PlanRow } from '../../domain/model';
import type { CampaignInfo } from '../../workbook/campaignInfo';
import type { CampaignStart } from '../../workbook/newCampaign';
import { demoWrites } from '../../workbook/demoFill';
import { cellAddress, parseAddress, parseRange, rangeAddress } from '../../workbook/grid';
import { hasAnyAnswer, locateCartographie, resolveSheet } from '../../workbook/locate';
import { findSheet, sameLabel } from '../../workbook/names';
import type { Capabilities, ChangeInfo, DemoAnswer, FicheSheetReport, InitReport, ReadCell, ReadResult, SheetCartographie, SheetLayout, WorkbookPort } from '../../workbook/port';
import { CARTOGRAPHIE_TABLE, PLAN_TABLE, SHEET_ORDER, SHEETS, type SheetKey } from '../../workbook/sheets';
import { templateSheet } from '../../workbook/template';
import { DEFAULT_COLUMN_WIDTH, rowHeights, tableTextCells } from '../../workbook/rowHeights';
import { layoutWrites, renderLayout, renderTemplate, setPrint } from './render';
import { MemoryWorkbook, type MemoryCell } from './workbook';

export const MEMORY_CAPABILITIES: Capabilities = {
  host: 'memory',
  charts: true,
  triggerSource: true,
  events: true,
  selection: true,
  notes: [],
};

const OK: ReadResult<void> = { ok: true, value: undefined };

// The plan, campaign and fiche code loads with the first command that needs it, not with the pane.
const planCode = () => import('../../workbook/planSheet');
const campaignCode = () => import('../../workbook/campaignInfo');

export class MemoryWorkbookPort implements WorkbookPort {
  readonly capabilities = MEMORY_CAPABILITIES;

  constructor(readonly workbook: MemoryWorkbook = new MemoryWorkbook()) {}

  /**
   * A port over a workbook freshly created from the template (the five sheets). The template's
   * formulas carry their results for its content, as in a saved file: nothing to recalculate yet.
   */
  static fromTemplate(): MemoryWorkbookPort {
    const port = new MemoryWorkbookPort();
    port.createMissingSheets();
    port.workbook.keepStoredResults();
    return port;
  }

  private sheetName(key: SheetKey): ReadResult<string> {
    return resolveSheet(this.workbook.sheetNames(), key);
  }

  /** The sheet following `key` in workbook order among those present, to insert before it. */
  private nextSheet(key: SheetKey): string | undefined {
    const names = this.workbook.sheetNames();
    return SHEET_ORDER.slice(SHEET_ORDER.indexOf(key) + 1)
      .map((later) => findSheet(names, SHEETS[later]))
      .find((name) => name !== undefined);
  }

  private createSheet(key: SheetKey): string {
    const template = templateSheet(key);
    this.workbook.addSheet(template.name, this.nextSheet(key));
    // Table names are unique in a workbook: a table the user moved elsewhere keeps its name.
    renderTemplate(this.workbook, template, template.table !== undefined && this.workbook.table(template.table.name) === undefined);
    return template.name;
  }

  /** 1-based header row of a table when it lies on `sheet`. */
  private tableHeaderRow(table: string, sheet: string): number | undefined {
    const found = this.workbook.table(table);
    return found && found.sheet === sheet ? parseRange(found.range).top : undefined;
  }

  async readCartographie(): Promise<ReadResult<SheetCartographie>> {
    const sheet = this.sheetName('cartographie');
    if (!sheet.ok) return sheet;
    return locateCartographie(this.workbook.grid(sheet.value), this.tableHeaderRow(CARTOGRAPHIE_TABLE, sheet.value));
  }

  /** The Synthèse belongs to the add-in: recreated when missing. */
  async writeSynthesis(layout: SheetLayout): Promise<ReadResult<void>> {
    if (!findSheet(this.workbook.sheetNames(), layout.sheet)) this.workbook.addSheet(layout.sheet, this.nextSheet('synthesis'));
    renderLayout(this.workbook, layout);
    // The other sheets' printed pages name the establishment the analysis names.
    const print = layout.print;
    if (print) {
      for (const key of SHEET_ORDER.filter((other) => other !== 'synthesis')) {
        const name = findSheet(this.workbook.sheetNames(), SHEETS[key]);
        const sheet = name === undefined ? undefined : this.workbook.sheet(name);
        if (sheet?.print) sheet.print = { ...sheet.print, header: print.header, footer: print.footer };
      }
    }
    return OK;
  }

  async writeFicheSheet(layout: SheetLayout): Promise<ReadResult<FicheSheetReport>> {
    const { ficheSheetTarget } = await import('../../workbook/ficheSheet');
    const target = ficheSheetTarget(this.workbook.sheetNames(), (name) => this.workbook.sheet(name)?.cells.A1?.value);
    if (!target.replaces) this.workbook.addSheet(target.name);
    renderLayout(this.workbook, { ...layout, sheet: target.name });
    return { ok: true, value: { sheet: target.name, replaced: target.replaces } };
  }

  async readSynthesis(): Promise<ReadResult<ReadCell[]>> {
    const name = findSheet(this.workbook.sheetNames(), SHEETS.synthesis);
    if (name === undefined) return { ok: true, value: [] };
    const cells = Object.entries(this.workbook.cells(name))
      .filter(([, cell]) => cell.value !== null || cell.formula !== undefined)
      .map(([address, cell]): ReadCell => {
        const { row, column } = parseAddress(address);
        return { row: row - 1, col: column - 1, value: cell.value, ...(cell.formula !== undefined && { formula: cell.formula }) };
      });
    return { ok: true, value: cells };
  }

  async readCampaignInfo(): Promise<ReadResult<CampaignInfo | null>> {
    const sheet = this.sheetName('notice');
    if (!sheet.ok) return sheet;
    const { campaignInfoOf } = await campaignCode();
    return { ok: true, value: campaignInfoOf(this.workbook.grid(sheet.value)) };
  }

  async readPlan(): Promise<ReadResult<PlanRow[]>> {
    const sheet = this.sheetName('plan');
    if (!sheet.ok) return sheet;
    const { readPlanGrid } = await planCode();
    return readPlanGrid(this.workbook.grid(sheet.value));
  }

  /** Rewrites the plan table where it stands (header found by labels); recreates the sheet when missing. */
  async writePlan(rows: PlanRow[]): Promise<ReadResult<void>> {
    const { planArea, planLayout } = await planCode();
    const found = this.sheetName('plan');
    const sheet = found.ok ? found.value : this.createSheet('plan');
    const area = planArea(this.workbook.grid(sheet));
    if (!area.ok) return area;
    const { headerRow, firstColumn, columnCount, rowCount } = area.value;
    const layout = planLayout(rows);
    const lastColumn = firstColumn + Math.max(columnCount, layout.headers.length) - 1;
    if (rowCount > 0) this.workbook.clear(sheet, rangeAddress(headerRow + 1, firstColumn, headerRow + rowCount, lastColumn));
    const writes = [layout.headers, ...layout.values].flatMap((line, r) =>
      line.map((value, c) => {
        const cell: Partial<MemoryCell> = r === 0 ? { value, style: 'header' } : { value, style: 'value' };
        const numberFormat = layout.numberFormats[c];
        if (r > 0 && numberFormat && typeof value === 'number') cell.numberFormat = numberFormat;
        return { address: cellAddress(headerRow + r, firstColumn + c), cell };
      }),
    );
    this.workbook.write(sheet, writes);
    const template = templateSheet('plan');
    const texts = tableTextCells({ headerRow: headerRow - 1, headers: layout.headers, rows: layout.values, wrapColumns: template.table?.wrapColumns ?? [] });
    const widths = [...Array<number>(firstColumn - 1).fill(DEFAULT_COLUMN_WIDTH), ...template.columnWidths];
    const heights = rowHeights(texts.map((text) => ({ ...text, col: text.col + firstColumn - 1 })), widths);
    const memorySheet = this.workbook.sheet(sheet);
    const titleRows = { first: headerRow - 1, last: headerRow - 1 };
    if (memorySheet) setPrint(memorySheet, { ...template.print, columnCount: lastColumn, titleRows }, headerRow + Math.max(rows.length, 1), heights);
    const table = this.workbook.table(PLAN_TABLE);
    if (table && table.sheet === sheet) {
      this.workbook.setTable(table.name, sheet, rangeAddress(headerRow, firstColumn, headerRow + Math.max(rows.length, 1), firstColumn + layout.headers.length - 1));
    }
    return OK;
  }

  async startCampaign(start: CampaignStart): Promise<ReadResult<void>> {
    const [{ reviewColumnsProblem }, { campaignCells }] = await Promise.all([import('../../workbook/newCampaign'), campaignCode()]);
    const cartographie = this.sheetName('cartographie');
    if (!cartographie.ok) return cartographie;
    const free = reviewColumnsProblem(this.workbook.grid(cartographie.value), start.area);
    if (!free.ok) return free;
    const found = this.sheetName('notice');
    const notice = found.ok ? found.value : this.createSheet('notice');
    this.workbook.write(notice, layoutWrites(campaignCells(this.workbook.grid(notice), start.campaign)));
    this.workbook.write(cartographie.value, layoutWrites(start.review));
    const sheet = this.workbook.sheet(cartographie.value);
    for (const { column, width } of start.reviewWidths) if (sheet) sheet.columnWidths[column - 1] = width;
    return this.writePlan(start.plan);
  }

  /** Creates the missing sheets from the template; never touches an existing one. */
  async initialise(): Promise<InitReport> {
    return this.createMissingSheets();
  }

  private createMissingSheets(): InitReport {
    const report: InitReport = { created: [], existing: [] };
    for (const key of SHEET_ORDER) {
      const existing = findSheet(this.workbook.sheetNames(), SHEETS[key]);
      if (existing) report.existing.push(existing);
      else report.created.push(this.createSheet(key));
    }
    return report;
  }

  async hasAnswers(): Promise<boolean> {
    return hasAnyAnswer(await this.readCartographie());
  }

  async fillDemo(answers: DemoAnswer[]): Promise<ReadResult<void>> {
    const sheet = this.sheetName('cartographie');
    if (!sheet.ok) return sheet;
    const writes = demoWrites(this.workbook.grid(sheet.value), answers, this.tableHeaderRow(CARTOGRAPHIE_TABLE, sheet.value));
    if (!writes.ok) return writes;
    this.workbook.write(
      sheet.value,
      writes.value.map(({ address, value }) => ({ address, cell: { value } })),
    );
    return OK;
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.workbook.select(sheet, cell);
  }

  onCartographieChange(listener: (change: ChangeInfo) => void): () => void {
    return this.workbook.subscribe((event) => {
      if (event.kind === 'change' && event.source === 'user' && sameLabel(event.sheet, SHEETS.cartographie)) {
        listener({ sheet: event.sheet, address: event.address });
      }
    });
  }
}
