/**
 * Draws the add-in's icons (assets/icon-<size>.png): a blue tile with the DMI circuit (three
 * steps linked by data flows) and a green check badge, in the Office palette. Deterministic;
 * shapes are signed distances sampled 4×4 per pixel for smooth edges.
 *
 *   npx tsx test/tools/draw-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Colour = [number, number, number];
const BLUE: Colour = [0x0f, 0x6c, 0xbd];
const WHITE: Colour = [0xff, 0xff, 0xff];
const GREEN: Colour = [0x10, 0x7c, 0x41];

/** Distance from (x, y) to a segment, minus half its thickness: negative inside. */
function segment(x: number, y: number, ax: number, ay: number, bx: number, by: number, half: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy) - half;
}

function circle(x: number, y: number, cx: number, cy: number, r: number): number {
  return Math.hypot(x - cx, y - cy) - r;
}

function roundedSquare(x: number, y: number, radius: number): number {
  const qx = Math.abs(x - 0.5) - (0.5 - radius);
  const qy = Math.abs(y - 0.5) - (0.5 - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Layers from back to front: [inside test, colour]. */
const LAYERS: [(x: number, y: number) => boolean, Colour][] = [
  [(x, y) => roundedSquare(x, y, 0.18) <= 0, BLUE],
  // The circuit: référencement → PUI → bloc, and PUI → patient.
  [
    (x, y) =>
      Math.min(
        segment(x, y, 0.22, 0.26, 0.56, 0.26, 0.045),
        segment(x, y, 0.22, 0.26, 0.22, 0.74, 0.045),
        segment(x, y, 0.22, 0.74, 0.46, 0.74, 0.045),
        circle(x, y, 0.22, 0.26, 0.1),
        circle(x, y, 0.6, 0.26, 0.1),
        circle(x, y, 0.22, 0.74, 0.1),
      ) <= 0,
    WHITE,
  ],
  [(x, y) => circle(x, y, 0.7, 0.7, 0.27) <= 0, WHITE],
  [(x, y) => circle(x, y, 0.7, 0.7, 0.22) <= 0, GREEN],
  [(x, y) => Math.min(segment(x, y, 0.585, 0.7, 0.665, 0.78, 0.04), segment(x, y, 0.665, 0.78, 0.815, 0.615, 0.04)) <= 0, WHITE],
];

const SAMPLES = 4;

export function drawIcon(size: number): PNG {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          const layer = [...LAYERS].reverse().find(([inside]) => inside(x, y));
          if (!layer) continue;
          r += layer[1][0];
          g += layer[1][1];
          b += layer[1][2];
          a += 1;
        }
      }
      const offset = (py * size + px) * 4;
      png.data[offset] = a ? Math.round(r / a) : 0;
      png.data[offset + 1] = a ? Math.round(g / a) : 0;
      png.data[offset + 2] = a ? Math.round(b / a) : 0;
      png.data[offset + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
    }
  }
  return png;
}

if (require.main === module) {
  for (const size of ICON_SIZES) {
    const file = join(__dirname, '..', '..', 'assets', `icon-${size}.png`);
    writeFileSync(file, PNG.sync.write(drawIcon(size)));
    console.log(`${file} (${size}×${size})`);
  }
}
