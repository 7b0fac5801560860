// Draws the Closeout icon and writes the PNGs electron-builder needs (it derives .ico and .icns
// from build/icon.png). The drawing below is the one source image: shapes as signed distance
// functions, anti-aliased analytically, encoded with node:zlib. Run: npm run icons
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const buildDir = join(dirname(fileURLToPath(import.meta.url)), '..');

// --- shapes in unit coordinates (0..1, y down); each returns a signed distance (< 0 inside) ---
function roundedBox(px, py, cx, cy, hw, hh, r) {
  const qx = Math.abs(px - cx) - hw + r;
  const qy = Math.abs(py - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
function segment(px, py, ax, ay, bx, by, halfWidth) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy) - halfWidth;
}
function circle(px, py, cx, cy, r) {
  return Math.hypot(px - cx, py - cy) - r;
}

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255);
const TOP = hex('#1d6f8c');
const BOTTOM = hex('#2a9d78');
const WHITE = [1, 1, 1];
const CHECK = hex('#238a6a');

/** Layers, bottom first: [distance(x, y), colour(x, y)]. */
const layers = [
  // Tile with the margin macOS and Windows expect around an app icon.
  [
    (x, y) => roundedBox(x, y, 0.5, 0.5, 0.41, 0.41, 0.19),
    (_x, y) => TOP.map((t, i) => t + (BOTTOM[i] - t) * y),
  ],
  // Envelope outline: the mail account being closed.
  [(x, y) => Math.abs(roundedBox(x, y, 0.47, 0.47, 0.235, 0.165, 0.04)) - 0.026, () => WHITE],
  [
    (x, y) =>
      Math.min(segment(x, y, 0.255, 0.335, 0.47, 0.5, 0.026), segment(x, y, 0.47, 0.5, 0.685, 0.335, 0.026)),
    () => WHITE,
  ],
  // Badge with a check mark: done, safely. A ring of tile colour separates it from the envelope.
  [(x, y) => circle(x, y, 0.69, 0.68, 0.175), (_x, y) => TOP.map((t, i) => t + (BOTTOM[i] - t) * y)],
  [(x, y) => circle(x, y, 0.69, 0.68, 0.145), () => WHITE],
  [
    (x, y) =>
      Math.min(segment(x, y, 0.625, 0.685, 0.67, 0.73, 0.024), segment(x, y, 0.67, 0.73, 0.755, 0.63, 0.024)),
    () => CHECK,
  ],
];

function render(size) {
  const rgba = new Float64Array(size * size * 4);
  const pixel = 1 / size;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const x = (i + 0.5) * pixel;
      const y = (j + 0.5) * pixel;
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (const [distance, colour] of layers) {
        // Coverage from the distance to the edge, one pixel wide: analytic anti-aliasing.
        const coverage = Math.max(0, Math.min(1, 0.5 - distance(x, y) / pixel));
        if (coverage === 0) continue;
        const [cr, cg, cb] = colour(x, y);
        r = cr * coverage + r * (1 - coverage);
        g = cg * coverage + g * (1 - coverage);
        b = cb * coverage + b * (1 - coverage);
        a = coverage + a * (1 - coverage);
      }
      const o = (j * size + i) * 4;
      // Premultiplied above; PNG wants straight alpha.
      rgba[o] = a > 0 ? r / a : 0;
      rgba[o + 1] = a > 0 ? g / a : 0;
      rgba[o + 2] = a > 0 ? b / a : 0;
      rgba[o + 3] = a;
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function encodePng(size, rgba) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let j = 0; j < size; j++) {
    const row = j * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let k = 0; k < size * 4; k++)
      raw[row + 1 + k] = Math.round(Math.max(0, Math.min(1, rgba[j * size * 4 + k])) * 255);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function makeIcons(outDir = buildDir) {
  mkdirSync(join(outDir, 'icons'), { recursive: true });
  const written = [];
  const write = (path, size) => {
    writeFileSync(path, encodePng(size, render(size)));
    written.push(path);
  };
  write(join(outDir, 'icon.png'), 1024);
  // Linux wants one PNG per size, named by size, in the folder linux.icon points at.
  for (const size of [16, 24, 32, 48, 64, 128, 256, 512])
    write(join(outDir, 'icons', `${size}x${size}.png`), size);
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const path of makeIcons()) console.log(`wrote ${path}`);
}
