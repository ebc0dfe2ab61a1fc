/** What a PDF shows, read back with poppler (pdfinfo, pdftotext -bbox-layout): pages and text lines with their boxes. */
import { execFileSync } from 'node:child_process';

export interface TextLine {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

export function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

export function pageSize(pdf: string): { width: number; height: number } {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const [, width, height] = /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info) ?? [];
  return { width: Number(width), height: Number(height) };
}

const decode = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');

/** Every text line of every page, with its bounding box in points (origin top left). */
export function textLines(pdf: string): TextLine[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines: TextLine[] = [];
  html.split(/<page /).slice(1).forEach((page, index) => {
    for (const match of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...match[5].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => decode(w[1]));
      lines.push({ page: index + 1, xMin: +match[1], yMin: +match[2], xMax: +match[3], yMax: +match[4], text: words.join(' ') });
    }
  });
  return lines;
}

/** Pairs of lines of one page whose boxes overlap by more than `tolerance` points both ways. */
export function overlappingLines(lines: TextLine[], tolerance = 0.5): [TextLine, TextLine][] {
  const pairs: [TextLine, TextLine][] = [];
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i];
      const b = lines[j];
      if (a.page !== b.page) continue;
      const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (dx > tolerance && dy > tolerance) pairs.push([a, b]);
    }
  }
  return pairs;
}

export interface PageImage {
  width: number;
  height: number;
  /** RGB bytes, row after row. */
  rgb: Buffer;
  /** Pixels per point. */
  scale: number;
}

/** The first page rendered by pdftoppm at `dpi` (binary PPM, read without an image library). */
export function pageImage(pdf: string, dpi = 100): PageImage {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', pdf], { maxBuffer: 256 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not give a binary PPM');
  return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length), scale: dpi / 72 };
}

/** How many pixels inside a box (in points) have a colour within `tolerance` of `hex` on each channel. */
export function pixelsOfColour(image: PageImage, hex: string, box: { xMin: number; yMin: number; xMax: number; yMax: number }, tolerance = 10): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let y = Math.floor(box.yMin * image.scale); y < Math.min(image.height, box.yMax * image.scale); y++) {
    for (let x = Math.floor(box.xMin * image.scale); x < Math.min(image.width, box.xMax * image.scale); x++) {
      const i = (y * image.width + x) * 3;
      if (Math.abs(image.rgb[i] - r) <= tolerance && Math.abs(image.rgb[i + 1] - g) <= tolerance && Math.abs(image.rgb[i + 2] - b) <= tolerance) count++;
    }
  }
  return count;
}
