/**
 * What a built page's initial JavaScript is made of: each minified byte attributed, through the
 * bundle's source map, to the npm package (or the project folder) it comes from.
 *   npx tsx test/bench/composition.ts dist taskpane.html
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one source-map segment (base64 VLQ) into its numbers. */
function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** The npm package a source path belongs to, or the project folder (`src/domain`, `test/bench`…). */
export function origin(source: string): string {
  const packages = source.split('node_modules/');
  if (packages.length > 1) {
    const parts = packages[packages.length - 1].split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const local = source.replace(/^webpack:\/\/[^/]*\/(\.\/)?/, '').replace(/^\.\//, '');
  const parts = local.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts.length === 2 ? parts[0] : '(webpack)';
}

/** Minified bytes of one script by origin, from its source map (unmapped bytes: "(webpack)"). */
export function bytesByOrigin(code: string, map: { sources: string[]; mappings: string }): Map<string, number> {
  const sizes = new Map<string, number>();
  const add = (key: string, n: number) => sizes.set(key, (sizes.get(key) ?? 0) + n);
  const lines = code.split('\n');
  let source = 0;
  map.mappings.split(';').forEach((mappingLine, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    let column = 0;
    let previous: { column: number; origin: string } | null = null;
    for (const segment of mappingLine.split(',')) {
      if (!segment) continue;
      const [columnDelta, sourceDelta] = decodeSegment(segment);
      column += columnDelta;
      if (previous) add(previous.origin, column - previous.column);
      else add('(webpack)', column);
      if (sourceDelta !== undefined) source += sourceDelta;
      previous = { column, origin: sourceDelta !== undefined ? origin(map.sources[source]) : '(webpack)' };
    }
    if (previous) add(previous.origin, line.length - previous.column);
    else add('(webpack)', line.length);
  });
  return sizes;
}

/** Local scripts a built page loads at start (office.js from Microsoft's CDN is not ours). */
export function initialScripts(dist: string, page: string): string[] {
  const html = readFileSync(path.join(dist, page), 'utf8');
  return [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2])
    .filter((src) => !/^https?:/.test(src))
    .map((src) => src.replace(/^\.?\//, ''));
}

export interface Composition {
  files: number;
  bytes: number;
  gzipped: number;
  /** Minified bytes by origin, largest first. */
  origins: [string, number][];
}

export function composition(dist: string, page: string): Composition {
  const sizes = new Map<string, number>();
  let bytes = 0;
  let gzipped = 0;
  const scripts = initialScripts(dist, page);
  for (const script of scripts) {
    const code = readFileSync(path.join(dist, script), 'utf8');
    bytes += Buffer.byteLength(code);
    gzipped += gzipSync(code, { level: 9 }).length;
    const map = JSON.parse(readFileSync(path.join(dist, `${script}.map`), 'utf8')) as { sources: string[]; mappings: string };
    for (const [key, n] of bytesByOrigin(code, map)) sizes.set(key, (sizes.get(key) ?? 0) + n);
  }
  return { files: scripts.length, bytes, gzipped, origins: [...sizes].sort((a, b) => b[1] - a[1]) };
}

/** French lines: each origin's share, in minified KiB and its part of the gzip total. */
export function describeComposition(title: string, c: Composition, top = 12): string[] {
  const total = c.origins.reduce((sum, [, n]) => sum + n, 0);
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const lines = [`${title} : ${c.files} fichier(s), ${kib(c.bytes)} minifié, ${kib(c.gzipped)} gzip`];
  const shown = c.origins.slice(0, top);
  for (const [name, n] of shown) lines.push(`  ${name.padEnd(34)} ${kib(n).padStart(10)}  ≈ ${kib((n / total) * c.gzipped).padStart(9)} gzip`);
  const rest = c.origins.slice(top).reduce((sum, [, n]) => sum + n, 0);
  if (rest > 0) lines.push(`  ${`(${c.origins.length - top} autres)`.padEnd(34)} ${kib(rest).padStart(10)}`);
  return lines;
}

if (require.main === module) {
  const [dist = 'dist', page = 'taskpane.html'] = process.argv.slice(2);
  console.log(describeComposition(page, composition(path.resolve(dist), page), 40).join('\n'));
}
