/**
 * Commands of one Excel.run batch, sent in as few syncs as the payload limit allows: Excel on
 * the web rejects a request above 5 MB, so a batch that would exceed the budget is sent in parts.
 */
import { blockAddress, blockBytes, blockMatrices, blockWidth, splitBlock, type Block } from './cells';

/** Room kept under Excel on the web's 5 MB for the other commands of a request. */
export const DEFAULT_PAYLOAD_BUDGET = 4 * 1024 * 1024;

/** Rough size of a command without bulk data (a format, a width, a rule). */
const COMMAND_BYTES = 120;

export class WriteBatch {
  private bytes = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
  ) {}

  /** Queues commands worth `bytes`; what is already queued is sent first if both would not fit. */
  async add(queue: () => void, bytes = COMMAND_BYTES): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.budget) await this.flush();
    queue();
    this.bytes += bytes;
  }

  /** Writes a block: number formats first (text "@" for strings), then values, by row slices if large. */
  async writeBlock(sheet: Excel.Worksheet, block: Block): Promise<void> {
    if (block.values.length === 0) return;
    for (const part of splitBlock(block, this.budget)) {
      const { values, formats } = blockMatrices(part);
      await this.add(() => {
        const range = sheet.getRange(blockAddress(part, values.length, blockWidth(part)));
        range.numberFormat = formats;
        range.values = values;
      }, blockBytes(part));
    }
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.bytes = 0;
  }
}
