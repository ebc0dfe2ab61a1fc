/**
 * Proxy objects of the fake Excel JavaScript API. Like Office.js, they queue commands and reach the
 * workbook only at `context.sync()`: writes apply in order at sync, a property can be read only
 * after it was loaded and synced (else PropertyNotLoaded), `*OrNullObject` accessors give objects
 * whose `isNullObject` is known after the sync, and APIs newer than the host's ExcelApi version
 * fail at sync with ApiNotFound.
 */
import {
  type Box,
  type ChangeHandler,
  type ChartModel,
  type ChartSeriesModel,
  type CellModel,
  type ConditionalFormatModel,
  type PageLayoutModel,
  type SheetModel,
  type TableModel,
  FakeExcelError,
  MAX_COLUMNS,
  MAX_ROWS,
  boxAddress,
  boxColumns,
  boxRows,
  cellFor,
  contains,
  getCell,
  intersects,
  mergeAt,
  newSheet,
  parseBox,
  qualified,
  splitAddress,
  storeWritten,
  translateFormula,
  usedBox,
} from './model';
import type { FakeExcel } from './index';

type Op = () => void;

/** A change made by a sync, reported to the sheet's onChanged handlers afterwards. */
export interface ChangeRecord {
  sheet: SheetModel;
  box: Box;
  changeType: string;
}

function notLoaded(property: string): FakeExcelError {
  return new FakeExcelError('PropertyNotLoaded', `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
}

/** Options of `Excel.run` the fake honours, as far as the host's ExcelApi version allows. */
export interface FakeRunOptions {
  /** ExcelApi 1.11: wait for the user to leave cell-edit mode instead of failing. */
  delayForCellEdit?: boolean;
  /** ExcelApi 1.20: every sync of the run is one undo step together. */
  mergeUndoGroup?: boolean;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: { op: Op; bytes: number; write: boolean }[] = [];
  private responses: (() => number)[] = [];
  readonly changes: ChangeRecord[] = [];
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  /** Inside an `Excel.run` (its own, or one re-entered with this context). */
  active = true;
  /** The undo step this run's syncs share, with mergeUndoGroup. */
  private undoGroup = false;

  constructor(
    readonly fake: FakeExcel,
    readonly options: FakeRunOptions = {},
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Queues a command; `write` when it changes the workbook (for the undo stack). */
  enqueue(op: Op, bytes = 40, write = true): void {
    this.queue.push({ op, bytes, write });
  }

  /**
   * Before ExcelApi 1.20 a write by an add-in clears the user's undo stack; from 1.20 each sync
   * is an undo step, all the syncs of a run one step with mergeUndoGroup.
   * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-1-20-requirement-set
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities
   */
  private recordUndo(): void {
    const undo = this.fake.undoStack;
    if (this.fake.apiVersion < 20) {
      undo.length = 0;
      return;
    }
    if (this.options.mergeUndoGroup && this.undoGroup) return;
    this.undoGroup = true;
    undo.push('complément');
  }

  /**
   * A batch sent while the user edits a cell fails, unless the run asked to wait (ExcelApi 1.11).
   * https://learn.microsoft.com/javascript/api/excel/excel.runoptions
   */
  private async waitForCellEdit(): Promise<void> {
    if (!this.fake.editing) return;
    if (this.options.delayForCellEdit && this.fake.apiVersion >= 11) {
      await this.fake.editing;
      return;
    }
    throw new FakeExcelError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
  }

  /** Counts the bytes a loaded value adds to the response. */
  respond(size: () => number): void {
    this.responses.push(size);
  }

  requireApi(minor: number, what: string): void {
    if (this.fake.apiVersion < minor) throw new FakeExcelError('ApiNotFound', `${what} requires ExcelApi 1.${minor}.`);
  }

  async sync(): Promise<void> {
    if (!this.active) {
      // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler
      throw new FakeExcelError('InvalidRequestContext', 'Cannot use the request context outside of its Excel.run batch.');
    }
    await this.waitForCellEdit();
    const queue = this.queue;
    this.queue = [];
    this.responses = [];
    this.fake.syncCount += 1;
    if (queue.some((item) => item.write)) this.fake.writeSyncCount += 1;
    const requestBytes = queue.reduce((sum, item) => sum + item.bytes, 0);
    this.fake.requestBytes.push(requestBytes);
    await Promise.resolve();
    if (requestBytes > this.fake.payloadLimitBytes) {
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    }
    const changes: ChangeRecord[] = [];
    this.changes.length = 0;
    let wrote = false;
    try {
      for (const { op, write } of queue) {
        op();
        wrote ||= write;
      }
    } finally {
      if (wrote) this.recordUndo();
      changes.push(...this.changes);
      this.fake.deliver(changes, 'ThisLocalAddin', 'Local');
    }
    const responseBytes = this.responses.reduce((sum, size) => sum + size(), 0);
    this.fake.responseBytes.push(responseBytes);
    if (responseBytes > this.fake.payloadLimitBytes) {
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    }
  }
}

/** Base of every proxy: lazy binding to a model object, loading, null-object state. */
abstract class ClientObject<T> {
  private bound?: { target: T | null };
  private loaded = new Map<string, unknown>();
  private nullState?: boolean;
  private navigation = new Map<string, unknown>();

  constructor(
    readonly context: FakeRequestContext,
    private readonly resolver: () => T | null,
    private readonly orNull = false,
  ) {
    if (orNull) context.enqueue(() => (this.nullState = this.resolve() === null), 40, false);
  }

  /** Resolves once, at the first command that needs it (as Excel instantiates an object path). */
  resolve(): T | null {
    if (!this.bound) this.bound = { target: this.resolver() };
    return this.bound.target;
  }

  bind(target: T): void {
    this.bound = { target };
  }

  /** The model object, for a command; a missing object fails the sync. */
  target(): T {
    const target = this.resolve();
    if (target === null) {
      throw new FakeExcelError(this.orNull ? 'InvalidArgument' : 'ItemNotFound', `${this.constructor.name}: the requested resource doesn't exist.`);
    }
    return target;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      if (!this.orNull) return false;
      throw notLoaded('isNullObject');
    }
    return this.nullState;
  }

  /** Queues reading of scalar properties ("a,b" or ["a", "b"] or { select }). */
  load(properties?: string | string[] | { select?: string }): this {
    const names = propertyList(properties);
    this.context.enqueue(() => {
      const target = this.resolve();
      if (target === null && this.orNull) {
        this.nullState = true;
        return;
      }
      for (const name of names) this.loadProperty(name, this.target());
    }, 40, false);
    return this;
  }

  protected loadProperty(name: string, target: T): void {
    const value = this.readProperty(name, target);
    this.loaded.set(name, value);
    this.context.respond(() => JSON.stringify(value ?? null).length);
  }

  protected abstract readProperty(name: string, target: T): unknown;

  protected get<V>(name: string): V {
    if (this.nullState === true) return undefined as V;
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** Queues a command on the model object. */
  protected command(apply: (target: T) => void, bytes?: number): void {
    this.context.enqueue(() => apply(this.target()), bytes);
  }

  /** Used by collections: a child's property is read within the collection's own load command. */
  loadFromCollection(name: string): void {
    this.loadProperty(name, this.target());
  }

  /** Navigation properties return the same proxy at every access, as in Office.js. */
  protected nav<P>(key: string, make: () => P): P {
    if (!this.navigation.has(key)) this.navigation.set(key, make());
    return this.navigation.get(key) as P;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

function propertyList(properties?: string | string[] | { select?: string }): string[] {
  if (properties === undefined) return [];
  const text = Array.isArray(properties) ? properties.join(',') : typeof properties === 'string' ? properties : properties.select ?? '';
  return text.split(',').map((name) => name.trim()).filter(Boolean);
}

/** A collection: `load('items/name')` (or `load('name')`) fills `items` with loaded children. */
abstract class Collection<T, P extends ClientObject<T>> extends ClientObject<T[]> {
  private children?: P[];

  get items(): P[] {
    if (this.isNullObject) return undefined as unknown as P[];
    if (!this.children) throw notLoaded('items');
    return this.children;
  }

  protected abstract child(item: T): P;

  protected override loadProperty(name: string, targets: T[]): void {
    const property = name.replace(/^items\//, '');
    this.children ??= targets.map((item) => {
      const child = this.child(item);
      child.bind(item);
      return child;
    });
    if (property === 'items' || property === '') return;
    for (const child of this.children) child.loadFromCollection(property);
  }

  protected readProperty(): unknown {
    return undefined;
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  readonly tables: FakeTableCollection;

  constructor(readonly context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context, () => context.fake.model.sheets);
    this.application = new FakeApplication(context);
    this.tables = new FakeTableCollection(context, () => context.fake.model.sheets.flatMap((sheet) => sheet.tables), () => null);
  }
}

export class FakeApplication {
  constructor(private readonly context: FakeRequestContext) {}

  suspendScreenUpdatingUntilNextSync(): void {
    this.context.enqueue(() => this.context.requireApi(6, 'suspendScreenUpdatingUntilNextSync'), 40, false);
  }
}

function sheetByKey(context: FakeRequestContext, key: string): SheetModel | undefined {
  const sheets = context.fake.model.sheets;
  return sheets.find((sheet) => sheet.id === key) ?? sheets.find((sheet) => sheet.name.toLowerCase() === key.toLowerCase());
}

function checkSheetName(context: FakeRequestContext, name: string, except?: SheetModel): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'")) {
    throw new FakeExcelError('InvalidArgument', `Invalid sheet name: ${name}`);
  }
  if (context.fake.model.sheets.some((sheet) => sheet !== except && sheet.name.toLowerCase() === name.toLowerCase())) {
    throw new FakeExcelError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
  }
}

export class FakeWorksheetCollection extends Collection<SheetModel, FakeWorksheet> {
  protected child(sheet: SheetModel): FakeWorksheet {
    return new FakeWorksheet(this.context, () => sheet);
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => sheetByKey(this.context, key) ?? null);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => {
        this.context.requireApi(4, 'getItemOrNullObject');
        return sheetByKey(this.context, key) ?? null;
      },
      true,
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    const model = this.context.fake.model;
    return new FakeWorksheet(this.context, () => model.sheets.find((sheet) => sheet.name === model.activeSheet) ?? model.sheets[0] ?? null);
  }

  add(name?: string): FakeWorksheet {
    const proxy = new FakeWorksheet(this.context, () => null);
    this.context.enqueue(() => {
      const model = this.context.fake.model;
      const sheetName = name ?? `Sheet${model.sheets.length + 1}`;
      checkSheetName(this.context, sheetName);
      const sheet = newSheet(model, sheetName);
      model.sheets.push(sheet);
      proxy.bind(sheet);
    });
    return proxy;
  }
}

export class FakeWorksheet extends ClientObject<SheetModel> {
  get name(): string {
    return this.get('name');
  }

  set name(value: string) {
    this.command((sheet) => {
      checkSheetName(this.context, value, sheet);
      sheet.name = value;
    });
  }

  get id(): string {
    return this.get('id');
  }

  get position(): number {
    return this.get('position');
  }

  set position(value: number) {
    this.command((sheet) => {
      const sheets = this.context.fake.model.sheets;
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(Math.min(value, sheets.length), 0, sheet);
    });
  }

  get tables(): FakeTableCollection {
    // A child of a sheet that no longer exists fails the sync with ItemNotFound, like the sheet itself.
    return this.nav('tables', () => new FakeTableCollection(this.context, () => this.target().tables, () => this.target()));
  }

  get charts(): FakeChartCollection {
    return this.nav('charts', () => new FakeChartCollection(this.context, () => this.target().charts, () => this.target()));
  }

  get freezePanes(): { freezeRows: (count?: number) => void } {
    return {
      freezeRows: (count = 1) =>
        this.command((sheet) => {
          this.context.requireApi(7, 'freezePanes');
          sheet.frozenRows = count;
        }),
    };
  }

  /**
   * Page setup (ExcelApi 1.9): https://learn.microsoft.com/javascript/api/excel/excel.pagelayout
   * Every property and method is refused below 1.9, as Excel throws ApiNotFound.
   */
  get pageLayout(): Record<string, unknown> {
    const set = (apply: (layout: PageLayoutModel) => void) =>
      this.command((sheet) => {
        this.context.requireApi(9, 'pageLayout');
        apply(sheet.pageLayout);
      });
    const part = (name: keyof PageLayoutModel['headersFooters']) => ({
      set(value: string) {
        set((layout) => (layout.headersFooters[name] = value));
      },
    });
    const margin = (name: keyof NonNullable<PageLayoutModel['margins']>) => ({
      set(value: number) {
        set((layout) => (layout.margins = { ...layout.margins, [name]: value }));
      },
    });
    const headersFooters = { defaultForAllPages: {} };
    for (const name of ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'] as const) {
      Object.defineProperty(headersFooters.defaultForAllPages, name, part(name));
    }
    const layout = {
      headersFooters,
      setPrintArea: (address: string) => set((model) => (model.printArea = address)),
      setPrintTitleRows: (address: string) => set((model) => (model.printTitleRows = address)),
    };
    Object.defineProperties(layout, {
      orientation: { set: (value: string) => set((model) => (model.orientation = value)) },
      paperSize: { set: (value: string) => set((model) => (model.paperSize = value)) },
      zoom: { set: (value: PageLayoutModel['zoom']) => set((model) => (model.zoom = { ...value })) },
      leftMargin: margin('left'),
      rightMargin: margin('right'),
      topMargin: margin('top'),
      bottomMargin: margin('bottom'),
      headerMargin: margin('header'),
      footerMargin: margin('footer'),
    });
    return layout;
  }

  /** https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection (ExcelApi 1.9). */
  get horizontalPageBreaks(): { add: (cell: string) => void; removePageBreaks: () => void } {
    const set = (apply: (layout: PageLayoutModel) => void) =>
      this.command((sheet) => {
        this.context.requireApi(9, 'horizontalPageBreaks');
        apply(sheet.pageLayout);
      });
    return {
      add: (cell) => set((layout) => layout.pageBreaks.push(cell)),
      removePageBreaks: () => set((layout) => (layout.pageBreaks = [])),
    };
  }

  get protection(): FakeProtection {
    return this.nav('protection', () => new FakeProtection(this.context, () => this.resolve()));
  }

  get onChanged(): { add: (handler: ChangeHandler) => FakeEventHandlerResult } {
    return this.events('handlers', 'onChanged');
  }

  get onSelectionChanged(): { add: (handler: ChangeHandler) => FakeEventHandlerResult } {
    return this.events('selectionHandlers', 'onSelectionChanged');
  }

  /** Registering a handler changes nothing in the workbook (no undo step). */
  private events(set: 'handlers' | 'selectionHandlers', what: string): { add: (handler: ChangeHandler) => FakeEventHandlerResult } {
    return {
      add: (handler) => {
        const result = new FakeEventHandlerResult(this.context, this, handler, set);
        this.context.enqueue(
          () => {
            this.context.requireApi(7, what);
            this.target()[set].add(handler);
          },
          40,
          false,
        );
        return result;
      },
    };
  }

  protected override loadProperty(name: string, sheet: SheetModel): void {
    if (name === 'protection/protected') this.protection.loadFromCollection('protected');
    else super.loadProperty(name, sheet);
  }

  protected readProperty(name: string, sheet: SheetModel): unknown {
    switch (name) {
      case 'name':
        return sheet.name;
      case 'id':
        return sheet.id;
      case 'position':
        return this.context.fake.model.sheets.indexOf(sheet);
      default:
        throw new FakeExcelError('InvalidArgument', `Worksheet property not modelled: ${name}`);
    }
  }

  activate(): void {
    this.command((sheet) => (this.context.fake.model.activeSheet = sheet.name));
  }

  delete(): void {
    this.command((sheet) => {
      const model = this.context.fake.model;
      model.sheets.splice(model.sheets.indexOf(sheet), 1);
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.resolve();
      if (!sheet) return null;
      const box = address ? parseBox(splitAddress(address).local) : { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS };
      return { sheet, box };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, () => {
      this.context.requireApi(7, 'getRangeByIndexes');
      const sheet = this.resolve();
      return sheet && { sheet, box: { top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount } };
    });
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.resolve();
      return sheet && { sheet, box: usedBox(sheet, valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        this.context.requireApi(4, 'getUsedRangeOrNullObject');
        const sheet = this.resolve();
        const box = sheet && usedBox(sheet, valuesOnly);
        return sheet && box ? { sheet, box } : null;
      },
      true,
    );
  }
}

export class FakeProtection extends ClientObject<SheetModel> {
  get protected(): boolean {
    return this.get('protected');
  }

  protected readProperty(name: string, sheet: SheetModel): unknown {
    if (name !== 'protected') throw new FakeExcelError('InvalidArgument', `Protection property not modelled: ${name}`);
    return sheet.protected;
  }
}

export class FakeEventHandlerResult {
  constructor(
    readonly context: FakeRequestContext,
    private readonly sheet: FakeWorksheet,
    private readonly handler: ChangeHandler,
    private readonly set: 'handlers' | 'selectionHandlers',
  ) {}

  /** Queued in the context the handler was added in: sync it inside `Excel.run(result.context, …)`. */
  remove(): void {
    this.context.enqueue(() => this.sheet.target()[this.set].delete(this.handler), 40, false);
  }
}

interface RangeTarget {
  sheet: SheetModel;
  box: Box;
}

/** Excel reads at most five million cells of a range in one request. */
export const CELL_READ_LIMIT = 5_000_000;

function matrixBytes(value: unknown): number {
  return JSON.stringify(value ?? null).length;
}

function cellsOf(target: RangeTarget, visit: (cell: CellModel, row: number, column: number) => void): void {
  const { sheet, box } = target;
  for (let row = box.top; row <= box.bottom; row++) {
    for (let column = box.left; column <= box.right; column++) visit(cellFor(sheet, row, column), row, column);
  }
}

/** Existing cells only: whole-column and whole-sheet ranges stay cheap. */
function existingCells(target: RangeTarget, visit: (cell: CellModel, key: string) => void): void {
  for (const [key, cell] of target.sheet.cells) {
    const [row, column] = key.split(',').map(Number);
    if (contains(target.box, row, column)) visit(cell, key);
  }
}

function checkWritable(target: RangeTarget): void {
  if (target.sheet.protected) throw new FakeExcelError('AccessDenied', 'The sheet is protected.');
}

/** Applies a scalar or a matrix of the range's size, cell by cell. */
function writeMatrix(target: RangeTarget, value: unknown, apply: (cell: CellModel, item: unknown) => void): void {
  checkWritable(target);
  const { box } = target;
  if (Array.isArray(value)) {
    if (value.length !== boxRows(box) || value.some((row) => !Array.isArray(row) || row.length !== boxColumns(box))) {
      throw new FakeExcelError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range ${boxAddress(box)}.`);
    }
  }
  cellsOf(target, (cell, row, column) => {
    const item = Array.isArray(value) ? (value as unknown[][])[row - box.top][column - box.left] : value;
    apply(cell, item);
  });
}

function valueOf(sheet: SheetModel, row: number, column: number): string | number | boolean {
  const merge = mergeAt(sheet, row, column);
  if (merge && (merge.top !== row || merge.left !== column)) return '';
  return getCell(sheet, row, column)?.value ?? '';
}

function valueType(cell: CellModel | undefined): string {
  if (!cell || (cell.value === '' && !cell.formula)) return 'Empty';
  if (cell.error) return 'Error';
  if (typeof cell.value === 'number') return 'Double';
  if (typeof cell.value === 'boolean') return 'Boolean';
  return 'String';
}

function readMatrix(target: RangeTarget, read: (row: number, column: number) => unknown): unknown[][] {
  const { box } = target;
  // https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
  if (boxRows(box) * boxColumns(box) > CELL_READ_LIMIT) {
    throw new FakeExcelError('RangeExceedsLimit', 'The cell count in the range has exceeded the maximum supported number.');
  }
  const rows: unknown[][] = [];
  for (let row = box.top; row <= box.bottom; row++) {
    const line: unknown[] = [];
    for (let column = box.left; column <= box.right; column++) line.push(read(row, column));
    rows.push(line);
  }
  return rows;
}

export class FakeRange extends ClientObject<RangeTarget> {
  get address(): string {
    return this.get('address');
  }
  get values(): (string | number | boolean)[][] {
    return this.get('values');
  }
  set values(value: unknown) {
    this.command((target) => {
      writeMatrix(target, value, storeWritten);
      this.context.changes.push({ sheet: target.sheet, box: target.box, changeType: 'RangeEdited' });
    }, matrixBytes(value));
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  /** Formulas are written in English and stored so; a text-formatted cell keeps them as text. */
  set formulas(value: unknown) {
    this.command((target) => {
      writeMatrix(target, value, storeWritten);
      this.context.changes.push({ sheet: target.sheet, box: target.box, changeType: 'RangeEdited' });
    }, matrixBytes(value));
  }
  /** The formulas in the user's language (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-formulaslocal-member). */
  get formulasLocal(): unknown[][] {
    return this.get('formulasLocal');
  }
  set formulasLocal(value: unknown) {
    const english = Array.isArray(value)
      ? (value as unknown[][]).map((row) => row.map((item) => (typeof item === 'string' && item.startsWith('=') ? translateFormula(item, 'en-US') : item)))
      : value;
    this.formulas = this.context.fake.locale === 'fr-FR' ? english : value;
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(value: unknown) {
    this.command((target) => writeMatrix(target, value, (cell, item) => (cell.numberFormat = String(item))), matrixBytes(value));
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }

  protected readProperty(name: string, target: RangeTarget): unknown {
    const { sheet, box } = target;
    switch (name) {
      case 'address':
        return qualified(sheet, box);
      case 'values':
        return readMatrix(target, (row, column) => valueOf(sheet, row, column));
      case 'valueTypes':
        return readMatrix(target, (row, column) => valueType(getCell(sheet, row, column)));
      case 'formulas':
        return readMatrix(target, (row, column) => getCell(sheet, row, column)?.formula ?? valueOf(sheet, row, column));
      case 'formulasLocal':
        return readMatrix(target, (row, column) => {
          const formula = getCell(sheet, row, column)?.formula;
          if (formula === undefined) return valueOf(sheet, row, column);
          return this.context.fake.locale === 'fr-FR' ? translateFormula(formula, 'fr-FR') : formula;
        });
      case 'numberFormat':
        return readMatrix(target, (row, column) => getCell(sheet, row, column)?.numberFormat ?? 'General');
      case 'rowIndex':
        return box.top - 1;
      case 'columnIndex':
        return box.left - 1;
      case 'rowCount':
        return boxRows(box);
      case 'columnCount':
        return boxColumns(box);
      default:
        throw new FakeExcelError('InvalidArgument', `Range property not modelled: ${name}`);
    }
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this);
  }

  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this);
  }

  get conditionalFormats(): { add: (type: string) => FakeConditionalFormat; clearAll: () => void } {
    return {
      clearAll: () =>
        this.command((target) => {
          this.context.requireApi(6, 'conditionalFormats');
          target.sheet.conditionalFormats = target.sheet.conditionalFormats.filter((format) => !intersects(format.box, target.box));
        }),
      add: (type) => {
        const format: ConditionalFormatModel = { box: { top: 0, left: 0, bottom: 0, right: 0 }, type };
        this.command((target) => {
          this.context.requireApi(6, 'conditionalFormats');
          format.box = target.box;
          target.sheet.conditionalFormats.push(format);
        });
        return new FakeConditionalFormat(format);
      },
    };
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const target = this.resolve();
      return target && { sheet: target.sheet, box: { top: target.box.top + row, left: target.box.left + column, bottom: target.box.top + row, right: target.box.left + column } };
    });
  }

  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.command((target) => {
      checkWritable(target);
      existingCells(target, (cell, key) => {
        if (applyTo === 'All') target.sheet.cells.delete(key);
        if (applyTo === 'Contents') storeWritten(cell, '');
        if (applyTo === 'Formats') Object.assign(cell, { numberFormat: 'General', font: {}, fill: undefined, wrapText: undefined });
      });
      if (applyTo !== 'Contents') {
        const inside = (item: { box: Box }) => !(contains(target.box, item.box.top, item.box.left) && contains(target.box, item.box.bottom, item.box.right));
        target.sheet.validations = target.sheet.validations.filter(inside);
        target.sheet.conditionalFormats = target.sheet.conditionalFormats.filter(inside);
      }
      if (applyTo !== 'Formats') this.context.changes.push({ sheet: target.sheet, box: target.box, changeType: 'RangeEdited' });
    });
  }

  select(): void {
    this.command((target) => (this.context.fake.model.selection = { sheet: target.sheet.name, address: boxAddress(target.box) }));
  }

  merge(): void {
    this.command((target) => {
      if (target.sheet.merges.some((merge) => intersects(merge, target.box))) throw new FakeExcelError('InvalidOperation', 'Overlapping merge.');
      target.sheet.merges.push(target.box);
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      () => {
        this.context.requireApi(13, 'getMergedAreasOrNullObject');
        const target = this.resolve();
        if (!target) return null;
        const merges = target.sheet.merges.filter((merge) => intersects(merge, target.box));
        return merges.length ? merges.map((box) => ({ sheet: target.sheet, box })) : null;
      },
      true,
    );
  }
}

export class FakeRangeAreas extends ClientObject<RangeTarget[]> {
  /** "Sheet1!A1:B4, Sheet1!D1:D4" (https://learn.microsoft.com/javascript/api/excel/excel.rangeareas#excel-excel-rangeareas-address-member). */
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
  get areas(): FakeRangeCollection {
    return this.nav('areas', () => new FakeRangeCollection(this.context, () => this.resolve()));
  }

  protected readProperty(name: string, targets: RangeTarget[]): unknown {
    if (name === 'areaCount') return targets.length;
    if (name === 'address') return targets.map((target) => qualified(target.sheet, target.box)).join(', ');
    throw new FakeExcelError('InvalidArgument', `RangeAreas property not modelled: ${name}`);
  }
}

export class FakeRangeCollection extends Collection<RangeTarget, FakeRange> {
  protected child(target: RangeTarget): FakeRange {
    return new FakeRange(this.context, () => target);
  }
}

export class FakeRangeFormat {
  constructor(private readonly range: FakeRange) {}

  private apply(change: (cell: CellModel) => void): void {
    this.range.context.enqueue(() => {
      const target = this.range.target();
      checkWritable(target);
      cellsOf(target, change);
    });
  }

  get font(): { bold: boolean; italic: boolean; color: string; size: number } {
    const apply = (change: (cell: CellModel) => void) => this.apply(change);
    return {
      set bold(value: boolean) {
        apply((cell) => (cell.font = { ...cell.font, bold: value }));
      },
      set italic(value: boolean) {
        apply((cell) => (cell.font = { ...cell.font, italic: value }));
      },
      set color(value: string) {
        apply((cell) => (cell.font = { ...cell.font, color: value }));
      },
      set size(value: number) {
        apply((cell) => (cell.font = { ...cell.font, size: value }));
      },
    } as { bold: boolean; italic: boolean; color: string; size: number };
  }

  get fill(): { color: string; clear: () => void } {
    const apply = (change: (cell: CellModel) => void) => this.apply(change);
    return {
      set color(value: string) {
        apply((cell) => (cell.fill = value));
      },
      clear: () => apply((cell) => (cell.fill = undefined)),
    } as { color: string; clear: () => void };
  }

  set wrapText(value: boolean) {
    this.apply((cell) => (cell.wrapText = value));
  }

  set horizontalAlignment(value: string) {
    this.apply((cell) => (cell.horizontalAlignment = value));
  }

  set verticalAlignment(value: string) {
    this.apply((cell) => (cell.verticalAlignment = value));
  }

  /** Height in points of every row of the range. */
  set rowHeight(value: number) {
    this.range.context.enqueue(() => {
      const { sheet, box } = this.range.target();
      for (let row = box.top; row <= box.bottom; row++) sheet.heights.set(row, value);
    });
  }

  /** Width in points of every column of the range (whole columns are fine). */
  set columnWidth(value: number) {
    this.range.context.enqueue(() => {
      const { sheet, box } = this.range.target();
      for (let column = box.left; column <= box.right; column++) sheet.widths.set(column, value);
    });
  }
}

export class FakeDataValidation {
  constructor(private readonly range: FakeRange) {}

  private validation(apply: (found: { rule?: unknown; errorAlert?: unknown }) => void): void {
    this.range.context.enqueue(() => {
      this.range.context.requireApi(8, 'dataValidation');
      const { sheet, box } = this.range.target();
      let found = sheet.validations.find((item) => boxAddress(item.box) === boxAddress(box));
      if (!found) {
        found = { box, rule: undefined };
        sheet.validations.push(found);
      }
      apply(found);
    });
  }

  set rule(value: unknown) {
    this.validation((found) => (found.rule = value));
  }

  set errorAlert(value: unknown) {
    this.validation((found) => (found.errorAlert = value));
  }

  clear(): void {
    this.range.context.enqueue(() => {
      this.range.context.requireApi(8, 'dataValidation');
      const { sheet, box } = this.range.target();
      sheet.validations = sheet.validations.filter((item) => !intersects(item.box, box));
    });
  }
}

/** A conditional format: `cellValue`, `textComparison` and `custom` share one model. */
export class FakeConditionalFormat {
  constructor(private readonly model: ConditionalFormatModel) {}

  private get kind(): { format: { fill: { color: string }; font: { color: string } }; rule: unknown } {
    const model = this.model;
    return {
      format: {
        fill: {
          set color(value: string) {
            model.fill = value;
          },
        } as { color: string },
        font: {
          set color(value: string) {
            model.fontColor = value;
          },
        } as { color: string },
      },
      set rule(value: unknown) {
        model.rule = value;
      },
    } as { format: { fill: { color: string }; font: { color: string } }; rule: unknown };
  }

  get cellValue() {
    return this.kind;
  }
  get textComparison() {
    return this.kind;
  }
  get custom() {
    return this.kind;
  }
}

export class FakeTableCollection extends Collection<TableModel, FakeTable> {
  constructor(
    context: FakeRequestContext,
    resolver: () => TableModel[] | null,
    private readonly sheet: () => SheetModel | null,
  ) {
    super(context, resolver);
  }

  protected child(table: TableModel): FakeTable {
    return new FakeTable(this.context, () => table);
  }

  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(
      this.context,
      () => {
        this.context.requireApi(4, 'getItemOrNullObject');
        return this.resolve()?.find((table) => table.name.toLowerCase() === name.toLowerCase()) ?? null;
      },
      true,
    );
  }

  getItem(name: string): FakeTable {
    return new FakeTable(this.context, () => this.resolve()?.find((table) => table.name.toLowerCase() === name.toLowerCase()) ?? null);
  }

  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    const proxy = new FakeTable(this.context, () => null);
    this.context.enqueue(() => {
      const explicit = typeof address === 'string' ? splitAddress(address) : undefined;
      const range = typeof address === 'string' ? undefined : address.target();
      const sheet = range?.sheet ?? (explicit?.sheet ? sheetByKey(this.context, explicit.sheet) : this.sheet());
      if (!sheet) throw new FakeExcelError('ItemNotFound', 'No sheet for the table.');
      const box = range?.box ?? parseBox(explicit!.local);
      const all = this.context.fake.model.sheets.flatMap((item) => item.tables.map((table) => ({ sheet: item, table })));
      if (all.some((item) => item.sheet === sheet && intersects(item.table.box, box))) {
        throw new FakeExcelError('InvalidArgument', 'A table cannot overlap another table.');
      }
      if (hasHeaders) {
        for (let column = box.left; column <= box.right; column++) {
          const cell = cellFor(sheet, box.top, column);
          if (cell.value === '') cell.value = `Colonne${column - box.left + 1}`;
        }
      }
      let index = all.length + 1;
      while (all.some((item) => item.table.name === `Tableau${index}`)) index += 1;
      const table: TableModel = { name: `Tableau${index}`, box: hasHeaders ? box : { ...box, bottom: box.bottom + 1 } };
      sheet.tables.push(table);
      proxy.bind(table);
    });
    return proxy;
  }
}

export class FakeTable extends ClientObject<TableModel> {
  get name(): string {
    return this.get('name');
  }

  set name(value: string) {
    this.command((table) => {
      const taken = this.context.fake.model.sheets.some((sheet) => sheet.tables.some((other) => other !== table && other.name.toLowerCase() === value.toLowerCase()));
      if (taken || !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(value)) throw new FakeExcelError('InvalidArgument', `Invalid or duplicate table name: ${value}`);
      table.name = value;
    });
  }

  set style(value: string) {
    this.command((table) => (table.style = value));
  }

  protected readProperty(name: string, table: TableModel): unknown {
    if (name === 'name') return table.name;
    throw new FakeExcelError('InvalidArgument', `Table property not modelled: ${name}`);
  }

  private sheetOf(table: TableModel): SheetModel {
    const sheet = this.context.fake.model.sheets.find((item) => item.tables.includes(table));
    if (!sheet) throw new FakeExcelError('ItemNotFound', 'Table without sheet.');
    return sheet;
  }

  private part(select: (box: Box) => Box): FakeRange {
    return new FakeRange(this.context, () => {
      const table = this.resolve();
      return table && { sheet: this.sheetOf(table), box: select(table.box) };
    });
  }

  getRange(): FakeRange {
    return this.part((box) => box);
  }

  getHeaderRowRange(): FakeRange {
    return this.part((box) => ({ ...box, bottom: box.top }));
  }

  getDataBodyRange(): FakeRange {
    return this.part((box) => ({ ...box, top: box.top + 1 }));
  }

  /** Removes the table and its cells, as Excel does. */
  delete(): void {
    this.command((table) => {
      const sheet = this.sheetOf(table);
      sheet.tables.splice(sheet.tables.indexOf(table), 1);
      existingCells({ sheet, box: table.box }, (_cell, key) => sheet.cells.delete(key));
      this.context.changes.push({ sheet, box: table.box, changeType: 'RangeEdited' });
    });
  }

  convertToRange(): void {
    this.command((table) => {
      const sheet = this.sheetOf(table);
      sheet.tables.splice(sheet.tables.indexOf(table), 1);
    });
  }
}

export class FakeChartCollection extends Collection<ChartModel, FakeChart> {
  constructor(
    context: FakeRequestContext,
    resolver: () => ChartModel[] | null,
    private readonly sheet: () => SheetModel,
  ) {
    super(context, resolver);
  }

  protected child(chart: ChartModel): FakeChart {
    return new FakeChart(this.context, () => chart, () => this.sheet());
  }

  getItemOrNullObject(name: string): FakeChart {
    return new FakeChart(
      this.context,
      () => {
        this.context.requireApi(4, 'getItemOrNullObject');
        return this.resolve()?.find((chart) => chart.name === name) ?? null;
      },
      () => this.sheet(),
      true,
    );
  }

  getItem(name: string): FakeChart {
    return new FakeChart(this.context, () => this.resolve()?.find((chart) => chart.name === name) ?? null, () => this.sheet());
  }

  /** One series per column of the source (seriesBy "Columns"). */
  add(type: string, source: FakeRange): FakeChart {
    const proxy = new FakeChart(this.context, () => null, () => this.sheet());
    this.context.enqueue(() => {
      const sheet = this.sheet();
      const { sheet: sourceSheet, box } = source.target();
      // Excel guesses the layout of the source: a text first row is taken for the series names
      // (https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1)).
      const first = getCell(sourceSheet, box.top, box.left);
      const header = box.bottom > box.top && typeof first?.value === 'string' && first.value !== '' && first.formula === undefined;
      const series: ChartSeriesModel[] = [];
      for (let column = box.left; column <= box.right; column++) {
        const name = header ? String(getCell(sourceSheet, box.top, column)?.value ?? '') : `Série${series.length + 1}`;
        series.push({ name, values: qualified(sourceSheet, { ...box, top: header ? box.top + 1 : box.top, left: column, right: column }) });
      }
      const chart: ChartModel = { name: `Graphique ${sheet.charts.length + 1}`, type, title: '', series };
      sheet.charts.push(chart);
      proxy.bind(chart);
    });
    return proxy;
  }
}

export class FakeChart extends ClientObject<ChartModel> {
  constructor(
    context: FakeRequestContext,
    resolver: () => ChartModel | null,
    private readonly sheet: () => SheetModel,
    orNull = false,
  ) {
    super(context, resolver, orNull);
  }

  get name(): string {
    return this.get('name');
  }

  set name(value: string) {
    this.command((chart) => (chart.name = value));
  }

  get title(): { text: string } {
    const command = (apply: (chart: ChartModel) => void) => this.command(apply);
    return {
      set text(value: string) {
        command((chart) => (chart.title = value));
      },
    } as { text: string };
  }

  get series(): { add: (name?: string) => FakeChartSeries; getItemAt: (index: number) => FakeChartSeries } {
    return {
      add: (name) => {
        const proxy = new FakeChartSeries(this.context, () => null);
        this.command((chart) => {
          this.context.requireApi(7, 'ChartSeriesCollection.add');
          const series: ChartSeriesModel = { name: name ?? `Série${chart.series.length + 1}` };
          chart.series.push(series);
          proxy.bind(series);
        });
        return proxy;
      },
      getItemAt: (index) => new FakeChartSeries(this.context, () => this.resolve()?.series[index] ?? null),
    };
  }

  protected readProperty(name: string, chart: ChartModel): unknown {
    if (name === 'name') return chart.name;
    throw new FakeExcelError('InvalidArgument', `Chart property not modelled: ${name}`);
  }

  setPosition(startCell: string): void {
    this.command((chart) => (chart.topLeft = startCell));
  }

  delete(): void {
    this.command((chart) => {
      const charts = this.sheet().charts;
      charts.splice(charts.indexOf(chart), 1);
    });
  }
}

export class FakeChartSeries extends ClientObject<ChartSeriesModel> {
  set name(value: string) {
    this.command((series) => (series.name = value));
  }

  protected readProperty(name: string): unknown {
    throw new FakeExcelError('InvalidArgument', `ChartSeries property not modelled: ${name}`);
  }

  setValues(source: FakeRange): void {
    this.command((series) => {
      this.context.requireApi(7, 'ChartSeries.setValues');
      const { sheet, box } = source.target();
      series.values = qualified(sheet, box);
    });
  }

  setXAxisValues(source: FakeRange): void {
    this.command((series) => {
      this.context.requireApi(7, 'ChartSeries.setXAxisValues');
      const { sheet, box } = source.target();
      series.categories = qualified(sheet, box);
    });
  }
}
