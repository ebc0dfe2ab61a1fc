/**
 * Reading the parts of an .xlsx package (a zip archive) one at a time, with a bound on what each
 * part may expand to: a small file can hide a part that inflates to gigabytes (a "zip bomb").
 * Sizes are checked twice: the size the archive declares, then the bytes really produced.
 */
// `zlib` is Node's; the browser build maps it to an empty module (webpack `resolve.fallback`) and the
// task pane, which reads picked files, inflates with fflate alone.
import * as zlib from 'zlib';
import { Inflate } from 'fflate';

/** Largest size one part may expand to (a 50,000-row cartographie is about 30 Mio of XML). */
export const PART_LIMIT = 100 * 1024 * 1024;
/** Largest size all the parts together may expand to, when the whole workbook must be loaded. */
export const PACKAGE_LIMIT = 200 * 1024 * 1024;

export const LIMIT_TEXT = `${PART_LIMIT / 1024 / 1024} Mio par partie, ${PACKAGE_LIMIT / 1024 / 1024} Mio en tout`;

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** Compressed bytes handed to the inflater at once: deflate expands at most ~1,032 times, so one step yields at most ~64 Mio. */
const STEP = 64 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** As declared by the archive: checked, never trusted. */
  size: number;
  localOffset: number;
}

/** A part expands past the limit. */
export class ZipLimitError extends Error {
  constructor(readonly part: string) {
    super(`la partie ${part} dépasse ${LIMIT_TEXT} une fois décompressée`);
  }
}

/** A part the archive lists but cannot give back. */
export class ZipFormatError extends Error {}

/** The archive's table of contents; empty when the bytes hold no zip central directory. */
/** Little-endian reads over the archive's bytes (no Node.js Buffer: the task pane reads archives too). */
function reader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { length: bytes.length, readUInt32LE: (at: number) => view.getUint32(at, true), readUInt16LE: (at: number) => view.getUint16(at, true) };
}

const UTF8 = new TextDecoder('utf-8');

export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = reader(bytes);
  // The end record is in the last 22 bytes plus an optional comment of up to 65,535 bytes.
  const from = Math.max(0, view.length - 22 - 0xffff);
  let end = -1;
  for (let at = view.length - 22; at >= from; at--) {
    if (view.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return [];
  const count = view.readUInt16LE(end + 10);
  let at = view.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count && at + 46 <= view.length && view.readUInt32LE(at) === CENTRAL_DIRECTORY_ENTRY; i++) {
    const nameLength = view.readUInt16LE(at + 28);
    const extraLength = view.readUInt16LE(at + 30);
    const commentLength = view.readUInt16LE(at + 32);
    entries.push({
      name: UTF8.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.readUInt16LE(at + 10),
      compressedSize: view.readUInt32LE(at + 20),
      size: view.readUInt32LE(at + 24),
      localOffset: view.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = reader(bytes);
  const at = entry.localOffset;
  if (at + 30 > view.length || view.readUInt32LE(at) !== LOCAL_HEADER) throw new ZipFormatError(`partie ${entry.name} introuvable dans l'archive`);
  const start = at + 30 + view.readUInt16LE(at + 26) + view.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > view.length) throw new ZipFormatError(`partie ${entry.name} tronquée`);
  return bytes.subarray(start, end);
}

/** Parts up to this size (as declared) are inflated in one step, into a buffer of exactly that size. */
const SMALL_PART = 4 * 1024 * 1024;

/**
 * Inflates a small part into a buffer one byte larger than its declared size: a part that fills
 * it lied about its size, and is left to the streaming path, which counts what really comes out.
 */
function inflatedAtOnce(data: Uint8Array, entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): boolean {
  if (typeof zlib.inflateRawSync !== 'function') return false;
  let inflated: Uint8Array;
  try {
    // Node's own zlib: three times faster than fflate on a cartographie's XML. Into one buffer of
    // the part's size: in 16 Kio pieces (the default) it costs twice as much, pieces joined at the end.
    inflated = zlib.inflateRawSync(data, { maxOutputLength: entry.size + 1, chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, entry.size + 1) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return false;
    throw new ZipFormatError(`partie ${entry.name} illisible (${(error as Error).message})`);
  }
  if (inflated.length !== entry.size) return false;
  onChunk(inflated);
  return true;
}

/**
 * Streams a part's bytes to `onChunk` in small pieces, stopping with ZipLimitError as soon as
 * more than `limit` bytes came out (or the archive declares more).
 */
export function streamPart(bytes: Uint8Array, entry: ZipEntry, onChunk: (chunk: Uint8Array) => void, limit = PART_LIMIT): void {
  if (entry.size > limit) throw new ZipLimitError(entry.name);
  const data = compressedData(bytes, entry);
  if (entry.method === STORED) {
    if (data.length > limit) throw new ZipLimitError(entry.name);
    for (let at = 0; at < data.length; at += STEP) onChunk(data.subarray(at, at + STEP));
    return;
  }
  if (entry.method !== DEFLATED) throw new ZipFormatError(`méthode de compression ${entry.method} inconnue (partie ${entry.name})`);
  if (entry.size <= SMALL_PART && inflatedAtOnce(data, entry, onChunk)) return;
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > limit) throw new ZipLimitError(entry.name);
    onChunk(chunk);
  });
  try {
    for (let at = 0; at < data.length; at += STEP) inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ZipLimitError) throw error;
    throw new ZipFormatError(`partie ${entry.name} illisible (${(error as Error).message})`);
  }
}

/** A part as text, decoded as it streams (the whole text is kept: use it for small parts). */
export function partText(bytes: Uint8Array, entry: ZipEntry, limit = PART_LIMIT): string {
  const decoder = new TextDecoder('utf-8');
  const pieces: string[] = [];
  streamPart(bytes, entry, (chunk) => pieces.push(decoder.decode(chunk, { stream: true })), limit);
  pieces.push(decoder.decode());
  return pieces.join('');
}

/** Inflates every part (output discarded) to check the whole package stays within the limits. */
export function checkPackageSize(bytes: Uint8Array, entries: ZipEntry[]): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    streamPart(bytes, entry, (chunk) => {
      total += chunk.length;
      if (total > PACKAGE_LIMIT) throw new ZipLimitError(entry.name);
    });
  }
}
