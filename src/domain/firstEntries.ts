/**
 * The first entry of each text among a known number of them, in flat tables sized once: a Map of
 * 100,000 Réf. grows and rehashes many times and keeps an object-holding table for the garbage
 * collector to trace, where these are two arrays of integers.
 */
export class FirstEntries {
  /** Open addressing: 0 is a free slot, else 1 + the index of the entry that holds the text. */
  private readonly slots: Int32Array;
  /**
   * The hash of the text of each slot: a text is read again only when its hash is the one looked
   * for, not at every slot passed (on a large sheet, each such read is another row fetched from memory).
   */
  private readonly hashes: Int32Array;
  private readonly mask: number;

  /** `count`: how many texts at most will be added; `textOf(i)`: the text of entry `i`. */
  constructor(count: number, private readonly textOf: (i: number) => string) {
    let size = 16;
    while (size < count * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The first entry added with the same text as entry `i`, whose text is `text`; else -1, entry `i` being now that first. */
  firstOrAdd(i: number, text: string): number {
    const { slots, hashes, mask } = this;
    const h = textHash(text);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const held = slots[slot];
      if (held === 0) {
        slots[slot] = i + 1;
        hashes[slot] = h;
        return -1;
      }
      if (hashes[slot] === h && this.textOf(held - 1) === text) return held - 1;
    }
  }
}

/** FNV-1a over the UTF-16 code units, its high bits folded into the low ones that pick a slot. */
export function textHash(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 15);
}
