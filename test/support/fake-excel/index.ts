/**
 * A fake of the Excel JavaScript API subset the add-in uses, faithful where it matters: batched
 * commands applied at sync, counted syncs, PropertyNotLoaded, null objects, requirement sets,
 * the 5 MB payload and 5,000,000-cell read limits, ItemNotFound for what was renamed or deleted,
 * the undo stack, cell-edit mode, formulas in English and localised, and change and selection
 * events (own writes, user edits and pastes, drop-down picks, co-author changes).
 */
import { FakeRequestContext, type ChangeRecord, type FakeRunOptions } from './api';
import {
  type Box,
  type CellModel,
  type SheetModel,
  type WorkbookModel,
  FakeExcelError,
  boxAddress,
  cellFor,
  getCell,
  newSheet,
  parseBox,
  storeWritten,
} from './model';

export { FakeExcelError } from './model';
export type { CellModel, PageLayoutModel, SheetModel } from './model';

export interface FakeExcelOptions {
  /** Minor version of the newest ExcelApi 1.x set the host supports (default 17). */
  apiVersion?: number;
  /** Excel on the web rejects requests and responses above 5 MB. */
  payloadLimitBytes?: number;
  /** Delay before change events reach their handlers, in ms (Excel delivers them asynchronously). */
  eventDelayMs?: number;
  /**
   * Whether picking a value from a drop-down list fires onChanged. Some hosts do not
   * (https://github.com/OfficeDev/office-js/issues/3888, /4066, /420); default true.
   */
  pickFiresChange?: boolean;
  /** Rows per change event of a paste: Excel may report one paste as several events (default 100). */
  pasteEventRows?: number;
  /** Language of `formulasLocal` (default en-US). */
  locale?: 'en-US' | 'fr-FR';
}

type EventSource = 'Local' | 'Remote';
type TriggerSource = 'ThisLocalAddin' | 'Unknown';

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** A function running a batch like `Excel.run`: alone, with run options, or in an earlier batch's context. */
export interface Run {
  <T>(batch: Batch<T>): Promise<T>;
  <T>(optionsOrContext: Excel.RunOptions | Excel.RequestContext, batch: Batch<T>): Promise<T>;
}

/** What the user (or a co-author) does by hand: each action is one change event, like in Excel. */
export class Hands {
  constructor(
    private readonly fake: FakeExcel,
    private readonly source: EventSource,
  ) {}

  /**
   * Types or pastes a block of values whose top-left cell is `topLeft`: one undo step, and one
   * change event per `pasteEventRows` rows, as Excel may split the report of one paste.
   */
  paste(sheet: string, topLeft: string, block: unknown[][]): Promise<void> {
    const model = this.fake.sheet(sheet);
    const start = parseBox(topLeft);
    const right = start.left + Math.max(...block.map((row) => row.length)) - 1;
    block.forEach((row, r) => row.forEach((value, c) => storeWritten(cellFor(model, start.top + r, start.left + c), value)));
    this.fake.undoStack.push(`${this.source}: ${topLeft}`);
    const changes: ChangeRecord[] = [];
    for (let first = 0; first < block.length; first += this.fake.pasteEventRows) {
      const bottom = start.top + Math.min(block.length, first + this.fake.pasteEventRows) - 1;
      changes.push({ sheet: model, box: { top: start.top + first, left: start.left, bottom, right }, changeType: 'RangeEdited' });
    }
    return this.fake.deliver(changes, 'Unknown', this.source);
  }

  type(sheet: string, cell: string, value: unknown): Promise<void> {
    return this.paste(sheet, cell, [[value]]);
  }

  /** Picks a value from a cell's drop-down list: no onChanged in the hosts that drop it. */
  pick(sheet: string, cell: string, value: string): Promise<void> {
    if (this.fake.pickFiresChange) return this.type(sheet, cell, value);
    const { top, left } = parseBox(cell);
    storeWritten(cellFor(this.fake.sheet(sheet), top, left), value);
    this.fake.undoStack.push(`${this.source}: ${cell}`);
    return Promise.resolve();
  }

  /** Moves the selection: onSelectionChanged of the sheet (ExcelApi 1.7). */
  select(sheet: string, cell: string): Promise<void> {
    const model = this.fake.sheet(sheet);
    this.fake.model.selection = { sheet, address: cell };
    return this.fake.deliverSelection(model, cell);
  }

  /** Starts editing a cell (F2): batches fail or wait until `stopEditing`. */
  startEditing(): void {
    this.fake.startEditing();
  }

  stopEditing(): void {
    this.fake.stopEditing();
  }

  /** Inserts `count` empty rows before `row`; cells, tables and merges below move down. */
  insertRows(sheet: string, row: number, count: number): Promise<void> {
    const model = this.fake.sheet(sheet);
    const moved = new Map<string, CellModel>();
    for (const [key, cell] of model.cells) {
      const [r, c] = key.split(',').map(Number);
      moved.set(r >= row ? `${r + count},${c}` : key, cell);
    }
    model.cells = moved;
    const shift = (box: Box): void => {
      if (box.top >= row) box.top += count;
      if (box.bottom >= row) box.bottom += count;
    };
    model.tables.forEach((table) => shift(table.box));
    model.merges.forEach(shift);
    const box = { top: row, left: 1, bottom: row + count - 1, right: 16_384 };
    return this.fake.deliver([{ sheet: model, box, changeType: 'RowInserted' }], 'Unknown', this.source);
  }

  renameSheet(from: string, to: string): void {
    this.fake.sheet(from).name = to;
  }

  deleteSheet(name: string): void {
    const sheets = this.fake.model.sheets;
    sheets.splice(sheets.indexOf(this.fake.sheet(name)), 1);
  }
}

export class FakeExcel {
  readonly model: WorkbookModel = { sheets: [], nextId: 0 };
  readonly apiVersion: number;
  readonly payloadLimitBytes: number;
  readonly eventDelayMs: number;
  syncCount = 0;
  readonly requestBytes: number[] = [];
  readonly responseBytes: number[] = [];
  /** Events delivered to handlers, in order, for assertions. */
  readonly events: Record<string, unknown>[] = [];
  readonly user = new Hands(this, 'Local');
  readonly coauthor = new Hands(this, 'Remote');
  readonly pickFiresChange: boolean;
  readonly pasteEventRows: number;
  readonly locale: 'en-US' | 'fr-FR';
  /** Syncs that changed the workbook. */
  writeSyncCount = 0;
  /** The user's undo history, oldest first: their own actions and the add-in's undo steps. */
  readonly undoStack: string[] = [];
  /** Set while the user edits a cell; settles when they leave the cell. */
  editing?: Promise<void>;
  private endEditing?: () => void;
  private inFlight: Promise<unknown>[] = [];

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? 17;
    this.payloadLimitBytes = options.payloadLimitBytes ?? 5 * 1024 * 1024;
    this.eventDelayMs = options.eventDelayMs ?? 0;
    this.pickFiresChange = options.pickFiresChange ?? true;
    this.pasteEventRows = options.pasteEventRows ?? 100;
    this.locale = options.locale ?? 'en-US';
  }

  /**
   * Like `Excel.run`: commands still queued when the batch ends are sent by a last sync. Given a
   * context, runs the batch in that earlier context again (how an event handler is removed).
   */
  readonly run: Run = async <T>(first: Batch<T> | Excel.RunOptions | Excel.RequestContext, second?: Batch<T>): Promise<T> => {
    const batch = (second ?? first) as Batch<T>;
    const given = second ? first : undefined;
    const context = given instanceof FakeRequestContext ? given : new FakeRequestContext(this, (given ?? {}) as FakeRunOptions);
    context.active = true;
    try {
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.pending > 0) await context.sync();
      return result;
    } finally {
      context.active = false;
    }
  };

  startEditing(): void {
    this.editing ??= new Promise<void>((resolve) => (this.endEditing = resolve));
  }

  stopEditing(): void {
    this.endEditing?.();
    this.editing = undefined;
    this.endEditing = undefined;
  }

  /** `Office.context.requirements.isSetSupported` of this host. */
  readonly isSetSupported = (name: string, version?: string): boolean => {
    if (name !== 'ExcelApi') return false;
    const [major, minor = '0'] = (version ?? '1.1').split('.');
    return Number(major) === 1 && Number(minor) <= this.apiVersion;
  };

  addSheet(name: string, rows: unknown[][] = [], topLeft = 'A1'): SheetModel {
    const sheet = newSheet(this.model, name);
    this.model.sheets.push(sheet);
    this.seed(name, topLeft, rows);
    return sheet;
  }

  /** Fills cells without any event (the workbook as it was opened). */
  seed(sheet: string, topLeft: string, rows: unknown[][]): void {
    const model = this.sheet(sheet);
    const start = parseBox(topLeft);
    rows.forEach((row, r) => row.forEach((value, c) => storeWritten(cellFor(model, start.top + r, start.left + c), value)));
  }

  /** A formula cell with the result Excel computed for it. */
  setFormula(sheet: string, address: string, formula: string, result: string | number | boolean): void {
    const { top, left } = parseBox(address);
    Object.assign(cellFor(this.sheet(sheet), top, left), { formula, value: result, error: undefined });
  }

  setError(sheet: string, address: string, error: string, formula = '=NA()'): void {
    const { top, left } = parseBox(address);
    Object.assign(cellFor(this.sheet(sheet), top, left), { formula, value: error, error });
  }

  merge(sheet: string, address: string): void {
    this.sheet(sheet).merges.push(parseBox(address));
  }

  sheet(name: string): SheetModel {
    const sheet = this.model.sheets.find((item) => item.name === name);
    if (!sheet) throw new FakeExcelError('ItemNotFound', `No sheet named ${name}`);
    return sheet;
  }

  hasSheet(name: string): boolean {
    return this.model.sheets.some((item) => item.name === name);
  }

  cell(sheet: string, address: string): CellModel | undefined {
    const { top, left } = parseBox(address);
    return getCell(this.sheet(sheet), top, left);
  }

  value(sheet: string, address: string): string | number | boolean {
    return this.cell(sheet, address)?.value ?? '';
  }

  /** Values of a block, '' for empty cells. */
  values(sheet: string, address: string): (string | number | boolean)[][] {
    const box = parseBox(address);
    const model = this.sheet(sheet);
    const rows: (string | number | boolean)[][] = [];
    for (let row = box.top; row <= box.bottom; row++) {
      const line: (string | number | boolean)[] = [];
      for (let column = box.left; column <= box.right; column++) line.push(getCell(model, row, column)?.value ?? '');
      rows.push(line);
    }
    return rows;
  }

  /** Cells holding a formula, as "A1" addresses. */
  formulaCells(sheet: string): string[] {
    const model = this.sheet(sheet);
    return [...model.cells.entries()]
      .filter(([, cell]) => cell.formula !== undefined)
      .map(([key]) => {
        const [row, column] = key.split(',').map(Number);
        return boxAddress({ top: row, left: column, bottom: row, right: column });
      });
  }

  /** Sends change events to the sheets' handlers after the event delay; resolves once handled. */
  deliver(changes: ChangeRecord[], trigger: TriggerSource, source: EventSource): Promise<void> {
    const targets = changes.filter((change) => change.sheet.handlers.size > 0);
    if (targets.length === 0) return Promise.resolve();
    const delivery = new Promise<void>((resolve, reject) => {
      setTimeout(() => {
        const handled: Promise<unknown>[] = [];
        for (const change of targets) {
          const args: Record<string, unknown> = {
            type: 'WorksheetChanged',
            worksheetId: change.sheet.id,
            address: boxAddress(change.box),
            changeType: change.changeType,
            source,
          };
          if (this.apiVersion >= 14) args.triggerSource = trigger;
          this.events.push(args);
          for (const handler of change.sheet.handlers) handled.push(Promise.resolve(handler(args)));
        }
        Promise.all(handled).then(() => resolve(), reject);
      }, this.eventDelayMs);
    });
    this.inFlight.push(delivery);
    return delivery;
  }

  /** Sends a selection change to the sheet's onSelectionChanged handlers. */
  deliverSelection(sheet: SheetModel, address: string): Promise<void> {
    if (sheet.selectionHandlers.size === 0) return Promise.resolve();
    const delivery = new Promise<void>((resolve, reject) => {
      setTimeout(() => {
        const args = { type: 'WorksheetSelectionChanged', worksheetId: sheet.id, address };
        this.events.push(args);
        Promise.all([...sheet.selectionHandlers].map((handler) => Promise.resolve(handler(args)))).then(() => resolve(), reject);
      }, this.eventDelayMs);
    });
    this.inFlight.push(delivery);
    return delivery;
  }

  /** Waits until every event sent so far has been handled. */
  async settle(): Promise<void> {
    while (this.inFlight.length > 0) {
      const batch = this.inFlight;
      this.inFlight = [];
      await Promise.all(batch);
    }
  }
}
