/**
 * Bad and hostile inputs built in a temporary folder from a real establishment workbook: parts
 * replaced or added in its package, stray cells, zip bombs, lying zip headers, other file kinds.
 */
import { once } from 'node:events';
import { createDeflateRaw } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import JSZip from 'jszip';

/** Package paths of the sheets in a workbook the command line writes (exceljs numbers them in tab order). */
export const PARTS = {
  notice: 'xl/worksheets/sheet1.xml',
  references: 'xl/worksheets/sheet2.xml',
  cartographie: 'xl/worksheets/sheet3.xml',
  synthesis: 'xl/worksheets/sheet4.xml',
  plan: 'xl/worksheets/sheet5.xml',
} as const;

export async function partOf(bytes: Buffer, path: string): Promise<string> {
  const part = (await JSZip.loadAsync(bytes)).file(path);
  if (!part) throw new Error(`partie ${path} absente`);
  return part.async('string');
}

/** The package with parts replaced or added (text or raw bytes). */
export async function withParts(bytes: Buffer, parts: Record<string, string | Uint8Array>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [path, content] of Object.entries(parts)) zip.file(path, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The package with one part's text transformed. */
export async function mapPart(bytes: Buffer, path: string, change: (xml: string) => string): Promise<Buffer> {
  return withParts(bytes, { [path]: change(await partOf(bytes, path)) });
}

/** One cell holding a text, appended as the last row of a sheet's data. */
export function strayCell(address: string, text = 'x'): (xml: string) => string {
  const row = /\d+$/.exec(address)?.[0];
  return (xml) => xml.replace('</sheetData>', `<row r="${row}"><c r="${address}" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData>`);
}

/**
 * A zip holding `name`, whose content is `size` bytes of XML-ish filler, deflated as it is made so
 * that building a 100 Mio bomb never holds 100 Mio. Other parts come from `base`.
 */
export async function withBomb(base: Buffer, name: string, size: number, filler = '<row/>'): Promise<Buffer> {
  const compressed = await deflated(size, filler);
  const zip = await JSZip.loadAsync(base);
  zip.remove(name);
  const rest = Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return appendRawEntry(rest, name, compressed, size);
}

const bombs = new Map<string, Promise<Buffer>>();

/** `size` bytes of `text` repeated, deflated once per size and text. */
function deflated(size: number, text: string): Promise<Buffer> {
  const key = `${size}:${text}`;
  let compressed = bombs.get(key);
  if (!compressed) {
    compressed = deflate(size, text);
    bombs.set(key, compressed);
  }
  return compressed;
}

/** Deflated by Node's zlib as it is made (a pure JavaScript deflate took seconds per bomb). */
async function deflate(size: number, text: string): Promise<Buffer> {
  const stream = createDeflateRaw({ level: 1 });
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(stream, 'end');
  const filler = Buffer.from(text.repeat(Math.ceil((1024 * 1024) / text.length)));
  let done = 0;
  for (; done + filler.length <= size; done += filler.length) if (!stream.write(filler)) await once(stream, 'drain');
  stream.end(filler.subarray(0, size - done));
  await ended;
  return Buffer.concat(chunks);
}

/** Adds an already deflated entry to a zip, writing a new central directory. */
function appendRawEntry(zipBytes: Buffer, name: string, compressed: Buffer, size: number): Buffer {
  const end = zipBytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zipBytes.readUInt16LE(end + 10);
  const directorySize = zipBytes.readUInt32LE(end + 12);
  const directoryOffset = zipBytes.readUInt32LE(end + 16);
  const nameBytes = Buffer.from(name, 'utf8');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(directoryOffset, 42);
  const entries = zipBytes.subarray(0, directoryOffset);
  const directory = zipBytes.subarray(directoryOffset, directoryOffset + directorySize);
  const newEnd = Buffer.from(zipBytes.subarray(end, end + 22));
  const newLocal = Buffer.concat([local, nameBytes, compressed]);
  newEnd.writeUInt16LE(count + 1, 8);
  newEnd.writeUInt16LE(count + 1, 10);
  newEnd.writeUInt32LE(directorySize + 46 + nameBytes.length, 12);
  newEnd.writeUInt32LE(directoryOffset + newLocal.length, 16);
  return Buffer.concat([entries, newLocal, directory, central, nameBytes, newEnd]);
}

/** Rewrites the sizes a zip's central directory declares for one part (the data is left as is). */
export function lieAboutSize(zipBytes: Buffer, name: string, declared: number): Buffer {
  const copy = Buffer.from(zipBytes);
  const directoryOffset = copy.readUInt32LE(copy.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
  const at = copy.indexOf(Buffer.from(name, 'utf8'), directoryOffset) - 46;
  copy.writeUInt32LE(declared, at + 24);
  return copy;
}

/** Sets the compression method a zip's central directory declares for one part. */
export function withMethod(zipBytes: Buffer, name: string, method: number): Buffer {
  const copy = Buffer.from(zipBytes);
  const directoryOffset = copy.readUInt32LE(copy.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
  copy.writeUInt16LE(method, copy.indexOf(Buffer.from(name, 'utf8'), directoryOffset) - 46 + 10);
  return copy;
}

/** Flips bytes in the middle of one part's compressed data. */
export function corruptPart(zipBytes: Buffer, name: string): Buffer {
  const copy = Buffer.from(zipBytes);
  const local = copy.indexOf(Buffer.from(name, 'utf8')) - 30;
  const start = local + 30 + copy.readUInt16LE(local + 26) + copy.readUInt16LE(local + 28);
  const length = copy.readUInt32LE(local + 18) || 64;
  for (let at = start + Math.floor(length / 3); at < start + Math.floor(length / 3) + 16; at++) copy[at] ^= 0xa5;
  return copy;
}

/** Zips of other kinds: an OpenDocument spreadsheet, a Word document, a PowerPoint, a plain archive. */
export function otherZip(kind: 'ods' | 'docx' | 'pptx' | 'zip'): Buffer {
  const files: Record<string, Uint8Array> = {
    ods: { mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<office:document-content/>') },
    docx: { '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') },
    pptx: { '[Content_Types].xml': strToU8('<Types/>'), 'ppt/presentation.xml': strToU8('<p:presentation/>') },
    zip: { 'lisez-moi.txt': strToU8('des classeurs'), 'es-01.xlsx': strToU8('…') },
  }[kind];
  return Buffer.from(zipSync(files, { level: 0 }));
}
