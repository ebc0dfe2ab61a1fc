/**
 * Change events of the cartographie sheet, without the add-in's own writes: where Excel tells
 * the trigger source (ExcelApi 1.14) own changes are recognised; elsewhere local changes are
 * ignored while the add-in writes and for a short window after (events arrive asynchronously).
 * Co-authors' changes (source "Remote") always get through.
 */
import type { ChangeInfo } from '../../workbook/port';
import type { OfficeFeatures } from './capabilities';
import type { ExcelRun } from './port';

export const DEFAULT_QUIET_WINDOW_MS = 500;

type Listener = (change: ChangeInfo) => void;

interface Registration {
  sheetId: string;
  result: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
}

export class ChangeFeed {
  private readonly listeners = new Set<Listener>();
  private registration?: Registration;
  private sheetName = '';
  private ownWrites = 0;
  private quietUntil = 0;

  constructor(
    private readonly run: ExcelRun,
    private readonly features: OfficeFeatures,
    private readonly quietWindowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get listening(): boolean {
    return this.listeners.size > 0;
  }

  add(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs an own write of the add-in; its change events will not reach the listeners. */
  async ownWrite<T>(write: () => Promise<T>): Promise<T> {
    this.ownWrites += 1;
    try {
      return await write();
    } finally {
      this.ownWrites -= 1;
      this.quietUntil = this.now() + this.quietWindowMs;
    }
  }

  /** Follows the cartographie sheet (by id, so a renamed sheet is still followed). */
  async watch(sheet: { id: string; name: string }): Promise<void> {
    this.sheetName = sheet.name;
    if (!this.features.events || !this.listening || this.registration?.sheetId === sheet.id) return;
    const previous = this.registration;
    this.registration = await this.run(async (context) => {
      const result = context.workbook.worksheets.getItem(sheet.id).onChanged.add(async (args) => this.handle(args));
      await context.sync();
      return { sheetId: sheet.id, result };
    });
    if (previous) await this.unregister(previous);
  }

  private async unregister(registration: Registration): Promise<void> {
    registration.result.remove();
    await registration.result.context.sync();
  }

  private isOwn(args: Excel.WorksheetChangedEventArgs): boolean {
    if (this.features.triggerSource) return args.triggerSource === 'ThisLocalAddin';
    return args.source === 'Local' && (this.ownWrites > 0 || this.now() < this.quietUntil);
  }

  private handle(args: Excel.WorksheetChangedEventArgs): void {
    if (this.isOwn(args)) return;
    const change: ChangeInfo = { sheet: this.sheetName, address: args.address };
    for (const listener of this.listeners) listener(change);
  }
}
