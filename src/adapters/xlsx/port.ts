/**
 * The workbook port over an .xlsx file held in memory by exceljs (command line, batch
 * consolidation). Sheets are found by name and columns by header label through the shared
 * workbook layer; this adapter only moves cells between exceljs and that layer.
 */
import ExcelJS, { type Worksheet } from 'exceljs';
import type { PlanRow } from '../../domain/model';
import { campaignCells, campaignInfoOf, type CampaignInfo } from '../../workbook/campaignInfo';
import { reviewColumnsProblem, type CampaignStart } from '../../workbook/newCampaign';
import { cellText } from '../../workbook/grid';
import { cartographieColumns, locateCartographie, resolveSheet } from '../../workbook/locate';
import { ficheSheetTarget } from '../../workbook/ficheSheet';
import { findSheet } from '../../workbook/names';
import { planArea, planLayout, readPlanGrid } from '../../workbook/planSheet';
import type {
  FicheSheetReport,
  Capabilities,
  ChangeInfo,
  DemoAnswer,
  InitReport,
  ReadCell,
  ReadResult,
  SheetCartographie,
  SheetLayout,
  WorkbookPort,
  WorkbookProblem,
} from '../../workbook/port';
import { CARTOGRAPHIE_TABLE, PLAN_TABLE, SHEET_ORDER, SHEETS, type SheetKey } from '../../workbook/sheets';
import { templateSheet, workbookTemplate } from '../../workbook/template';
import { readCell, readGrid } from './cells';
import { addWorksheet, replaceWorksheet, writeCells, writeLayout, type FormulaOptions } from './layout';
import { writeHeaderFooter } from './print';
import { openWorkbookBuffer, openWorkbookFile, saveWorkbook, workbookBuffer, type OpenResult } from './files';
import { writePlanRows } from './plan';
import { findTable, tableHeaderRow, tableNames } from './tables';
import { renderTemplateSheet } from './template';

export const XLSX_CAPABILITIES: Capabilities = {
  host: 'xlsx',
  charts: false,
  triggerSource: false,
  events: false,
  selection: false,
  notes: [
    "Fichier .xlsx écrit sans Excel : la Synthèse n'a pas de graphique natif (la bibliothèque exceljs ne sait pas en créer) ; ses taux sont des nombres au format pourcentage, prêts pour un graphique ajouté dans Excel.",
    "Pas de mise à jour en direct : relancez l'analyse après avoir modifié le fichier.",
  ],
};

const OK: ReadResult<void> = { ok: true, value: undefined };

export type PortResult = { ok: true; port: XlsxWorkbookPort } | { ok: false; problem: WorkbookProblem };

function portOf(opened: OpenResult): PortResult {
  return opened.ok ? { ok: true, port: new XlsxWorkbookPort(opened.workbook, opened.lostOnSave, opened.original) } : opened;
}

export class XlsxWorkbookPort implements WorkbookPort {
  readonly capabilities = XLSX_CAPABILITIES;

  /**
   * @param lostOnSave what the opened file holds that exceljs cannot write back (charts, macros…),
   * in French: callers refuse to save over such a file rather than lose it.
   */
  /** Formulas carry the engine's results unless this is false (to let a spreadsheet compute them alone). */
  formulas: FormulaOptions = { cachedResults: true };

  constructor(
    readonly workbook: ExcelJS.Workbook = new ExcelJS.Workbook(),
    readonly lostOnSave: string[] = [],
    /** The bytes the workbook was opened from: parts exceljs ignores are carried from them into the saved file. */
    private readonly original?: Buffer,
  ) {}

  static async open(path: string): Promise<PortResult> {
    return portOf(await openWorkbookFile(path));
  }

  static async fromBuffer(bytes: Buffer): Promise<PortResult> {
    return portOf(await openWorkbookBuffer(bytes));
  }

  toBuffer(): Promise<Buffer> {
    return workbookBuffer(this.workbook, this.original);
  }

  save(path: string): Promise<void> {
    return saveWorkbook(this.workbook, path, this.original);
  }

  private sheetNames(): string[] {
    return this.workbook.worksheets.map((sheet) => sheet.name);
  }

  /** The worksheet of a RESOMEDIT sheet, found tolerantly by name. */
  worksheet(key: SheetKey): ReadResult<Worksheet> {
    const name = resolveSheet(this.sheetNames(), key);
    return name.ok ? { ok: true, value: this.workbook.getWorksheet(name.value) as Worksheet } : name;
  }

  /** Tab position of a new RESOMEDIT sheet: after the one before it in the RESOMEDIT order, else before the one after it. */
  private positionOf(key: SheetKey): number | undefined {
    const names = this.sheetNames();
    const at = SHEET_ORDER.indexOf(key);
    const present = (keys: SheetKey[]) => keys.map((other) => findSheet(names, SHEETS[other])).filter((name) => name !== undefined);
    const previous = present(SHEET_ORDER.slice(0, at)).pop();
    if (previous !== undefined) return names.indexOf(previous) + 1;
    const next = present(SHEET_ORDER.slice(at + 1))[0];
    return next === undefined ? undefined : names.indexOf(next);
  }

  /** 1-based header row of the cartographie table, when the sheet holds it. */
  private cartographieHeaderRow(sheet: Worksheet): number | undefined {
    const table = findTable(sheet, CARTOGRAPHIE_TABLE);
    return table && tableHeaderRow(table);
  }

  async readCartographie(): Promise<ReadResult<SheetCartographie>> {
    const sheet = this.worksheet('cartographie');
    if (!sheet.ok) return sheet;
    return locateCartographie(readGrid(sheet.value), this.cartographieHeaderRow(sheet.value));
  }

  async readCampaignInfo(): Promise<ReadResult<CampaignInfo | null>> {
    const sheet = this.worksheet('notice');
    if (!sheet.ok) return sheet;
    return { ok: true, value: campaignInfoOf(readGrid(sheet.value)) };
  }

  async startCampaign(start: CampaignStart): Promise<ReadResult<void>> {
    const cartographie = this.worksheet('cartographie');
    if (!cartographie.ok) return cartographie;
    const free = reviewColumnsProblem(readGrid(cartographie.value), start.area);
    if (!free.ok) return free;
    let notice = this.worksheet('notice');
    if (!notice.ok) {
      await this.initialise();
      notice = this.worksheet('notice');
    }
    if (notice.ok) writeCells(notice.value, campaignCells(readGrid(notice.value), start.campaign), this.formulas);
    writeCells(cartographie.value, start.review, this.formulas);
    for (const { column, width } of start.reviewWidths) cartographie.value.getColumn(column).width = width;
    return this.writePlan(start.plan);
  }

  async writeSynthesis(layout: SheetLayout): Promise<ReadResult<void>> {
    const existing = findSheet(this.sheetNames(), layout.sheet);
    if (layout.cartographie) {
      const target = this.workbook.getWorksheet(findSheet(this.sheetNames(), layout.cartographie.sheet) ?? layout.cartographie.sheet);
      if (target) writeCells(target, layout.cartographie.cells, this.formulas);
    }
    const sheet = existing ? replaceWorksheet(this.workbook, existing) : addWorksheet(this.workbook, layout.sheet, this.positionOf('synthesis'));
    writeLayout(sheet, layout, this.formulas);
    // The other sheets' printed pages name the establishment the analysis names.
    if (layout.print) {
      for (const key of SHEET_ORDER) {
        const other = findSheet(this.sheetNames(), SHEETS[key]);
        if (key !== 'synthesis' && other) writeHeaderFooter(this.workbook.getWorksheet(other) as Worksheet, layout.print);
      }
    }
    return OK;
  }

  async writeFicheSheet(layout: SheetLayout): Promise<ReadResult<FicheSheetReport>> {
    const target = ficheSheetTarget(this.sheetNames(), (name) => this.workbook.getWorksheet(name)?.getCell('A1').value);
    const sheet = target.replaces ? replaceWorksheet(this.workbook, target.name) : addWorksheet(this.workbook, target.name);
    writeLayout(sheet, { ...layout, sheet: target.name }, this.formulas);
    return { ok: true, value: { sheet: target.name, replaced: target.replaces } };
  }

  async readSynthesis(): Promise<ReadResult<ReadCell[]>> {
    const name = findSheet(this.sheetNames(), SHEETS.synthesis);
    const sheet = name === undefined ? undefined : this.workbook.getWorksheet(name);
    if (!sheet) return { ok: true, value: [] };
    const cells: ReadCell[] = [];
    sheet.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const value = cell.value as { formula?: string } | null;
        const input = readCell(cell);
        const formula = typeof value === 'object' && value !== null && typeof value.formula === 'string' ? `=${value.formula.replace(/_xlfn\./gi, '')}` : undefined;
        if (input.value === null && formula === undefined) return;
        cells.push({ row: r - 1, col: c - 1, value: input.value, ...(formula && { formula }) });
      }),
    );
    return { ok: true, value: cells };
  }

  async readPlan(): Promise<ReadResult<PlanRow[]>> {
    const sheet = this.worksheet('plan');
    if (!sheet.ok) return sheet;
    return readPlanGrid(readGrid(sheet.value));
  }

  async writePlan(rows: PlanRow[]): Promise<ReadResult<void>> {
    const found = this.worksheet('plan');
    const sheet = found.ok ? found.value : this.createSheet('plan');
    const grid = readGrid(sheet);
    const area = planArea(grid);
    if (!area.ok) return area;
    writePlanRows(sheet, grid, area.value, planLayout(rows), findTable(sheet, PLAN_TABLE));
    return OK;
  }

  private createSheet(key: SheetKey): Worksheet {
    const template = templateSheet(key);
    const sheet = addWorksheet(this.workbook, template.name, this.positionOf(key));
    // Table names are unique in a workbook: a table renamed or moved by the user keeps its name.
    const taken = template.table !== undefined && findSheet(tableNames(this.workbook), template.table.name) !== undefined;
    renderTemplateSheet(sheet, template, { asTable: !taken });
    return sheet;
  }

  async initialise(): Promise<InitReport> {
    const report: InitReport = { created: [], existing: [] };
    for (const template of workbookTemplate()) {
      const existing = findSheet(this.sheetNames(), template.name);
      if (existing) {
        report.existing.push(existing);
      } else {
        this.createSheet(template.key);
        report.created.push(template.name);
      }
    }
    return report;
  }

  async hasAnswers(): Promise<boolean> {
    const cartographie = await this.readCartographie();
    return cartographie.ok && cartographie.value.entries.some((entry) => cellText(entry.answer) !== '');
  }

  async fillDemo(answers: DemoAnswer[]): Promise<ReadResult<void>> {
    const sheet = this.worksheet('cartographie');
    if (!sheet.ok) return sheet;
    const grid = readGrid(sheet.value);
    const headerRow = this.cartographieHeaderRow(sheet.value);
    const cartographie = locateCartographie(grid, headerRow);
    const columns = cartographieColumns(grid, headerRow);
    if (!cartographie.ok) return cartographie;
    if (!columns.ok) return columns;
    const rows = new Map(cartographie.value.entries.map((entry) => [entry.ref, entry.row]));
    const missing = answers.filter((answer) => !rows.has(answer.ref)).map((answer) => answer.ref);
    if (missing.length > 0) {
      return {
        ok: false,
        problems: [
          {
            code: 'unsupported',
            sheet: sheet.value.name,
            message: `La cartographie ne contient pas les lignes de référence ${missing.join(', ')} : réinitialisez-la avant de charger la démonstration.`,
          },
        ],
      };
    }
    const { answer: answerColumn, comment: commentColumn } = columns.value.columns;
    for (const demo of answers) {
      const row = rows.get(demo.ref) as number;
      sheet.value.getCell(row, answerColumn as number).value = demo.answer;
      if (demo.comment !== undefined && commentColumn !== undefined) sheet.value.getCell(row, commentColumn).value = demo.comment;
    }
    return OK;
  }

  /** Makes the cell the active one when the file is next opened. */
  async select(sheetName: string, cell: string): Promise<void> {
    const sheet = this.workbook.getWorksheet(findSheet(this.sheetNames(), sheetName) ?? sheetName);
    if (!sheet) return;
    sheet.views = [{ ...(sheet.views[0] ?? {}), activeCell: cell }];
    this.workbook.views = [{ ...(this.workbook.views?.[0] ?? {}), activeTab: this.workbook.worksheets.indexOf(sheet) } as ExcelJS.WorkbookView];
  }

  /** A file raises no change events: the caller re-reads it. */
  onCartographieChange(_listener: (change: ChangeInfo) => void): () => void {
    return () => undefined;
  }
}
