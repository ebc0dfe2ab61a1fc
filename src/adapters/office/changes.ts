/**
 * Change events of the cartographie sheet, without the add-in's own writes: where Excel tells
 * the trigger source (ExcelApi 1.14) own changes are recognised; elsewhere local changes are
 * ignored while the add-in writes and for a short window after (events arrive asynchronously).
 * Co-authors' changes (source "Remote") always get through.
 *
 * Picking a value from a drop-down list fires no onChanged in some hosts
 * (https://github.com/OfficeDev/office-js/issues/3888, /4066, /420): a selection change on the
 * cartographie, and the pane becoming visible again, are reported too, so that such a pick is
 * seen as soon as the user moves on.
 */
import type { ChangeInfo } from '../../workbook/port';
import type { OfficeFeatures } from './capabilities';
import { isItemNotFound } from './errors';
import type { ExcelRun } from './run';

export const DEFAULT_QUIET_WINDOW_MS = 500;

type Listener = (change: ChangeInfo) => void;
type Handler = OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs | Excel.WorksheetSelectionChangedEventArgs>;

interface Registration {
  sheetId: string;
  handlers: Handler[];
}

export class ChangeFeed {
  private readonly listeners = new Set<Listener>();
  private registration?: Registration;
  private sheetName = '';
  private ownWrites = 0;
  private quietUntil = 0;
  private stopVisibility?: () => void;

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
    this.followVisibility();
    return () => {
      this.listeners.delete(listener);
      // Nobody to tell if Excel refuses: the handlers then die with the pane.
      if (!this.listening) this.stop().catch(() => undefined);
    };
  }

  /** Nobody listens any more: the handlers are removed from Excel. */
  private async stop(): Promise<void> {
    this.stopVisibility?.();
    const registration = this.registration;
    this.registration = undefined;
    if (registration) await this.unregister(registration);
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
    this.registration = await this.run({}, async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet.id);
      const handlers: Handler[] = [
        worksheet.onChanged.add(async (args) => this.handleChange(args)),
        worksheet.onSelectionChanged.add(async (args) => this.notify(args.address)),
      ];
      await context.sync();
      return { sheetId: sheet.id, handlers };
    });
    if (previous) await this.unregister(previous);
  }

  /** Handlers are removed in the request context they were added in, as Office.js requires. */
  private async unregister(registration: Registration): Promise<void> {
    const [first] = registration.handlers;
    try {
      await this.run(first.context as Excel.RequestContext, async (context) => {
        for (const handler of registration.handlers) handler.remove();
        await context.sync();
      });
    } catch (error) {
      // A deleted sheet took its handlers with it.
      if (!isItemNotFound(error)) throw error;
    }
  }

  /** The pane shown again (another tab, a minimised window): the workbook may have changed meanwhile. */
  private followVisibility(): void {
    if (this.stopVisibility || typeof document === 'undefined') return;
    const onVisible = () => {
      if (document.visibilityState === 'visible') this.notify('');
    };
    document.addEventListener('visibilitychange', onVisible);
    this.stopVisibility = () => {
      document.removeEventListener('visibilitychange', onVisible);
      this.stopVisibility = undefined;
    };
  }

  private isOwn(args: Excel.WorksheetChangedEventArgs): boolean {
    if (this.features.triggerSource) return args.triggerSource === 'ThisLocalAddin';
    return args.source === 'Local' && (this.ownWrites > 0 || this.now() < this.quietUntil);
  }

  private handleChange(args: Excel.WorksheetChangedEventArgs): void {
    if (!this.isOwn(args)) this.notify(args.address);
  }

  private notify(address: string): void {
    const change: ChangeInfo = { sheet: this.sheetName, address };
    for (const listener of this.listeners) listener(change);
  }
}
