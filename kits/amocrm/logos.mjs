// The widget's logos, drawn at build time at the sizes amoCRM asks for
// (images/: logo_min 84×84, logo_medium 240×84, logo_main 400×272,
// logo_small 108×108, logo 130×100): a calendar sheet with one marked day
// on the project's blue. PNG, RGBA, no dependencies.
import { deflateSync } from 'node:zlib';
import { crc32 } from './zip.mjs';

export const LOGO_SIZES = {
  'logo_min.png': [84, 84],
  'logo_medium.png': [240, 84],
  'logo_main.png': [400, 272],
  'logo_small.png': [108, 108],
  'logo.png': [130, 100],
};

const BLUE = [37, 99, 235, 255];
const WHITE = [255, 255, 255, 255];
const PALE = [191, 211, 250, 255];
const ORANGE = [245, 140, 40, 255];

/** The logo of a size as PNG bytes. */
export function logo(width, height) {
  const side = Math.min(width, height) * 0.7;
  const left = (width - side) / 2;
  const top = (height - side) / 2;
  const cell = side / 4;
  return png(width, height, (x, y) => {
    const u = (x + 0.5 - left) / side;
    const v = (y + 0.5 - top) / side;
    if (u < 0 || u > 1 || v < 0 || v > 1) return BLUE;
    if (v < 0.22) return PALE;
    // A 4×3 grid of days under the header, one of them marked.
    const col = Math.floor(u * 4);
    const row = Math.floor((v - 0.22) / (0.78 / 3));
    const cx = left + (col + 0.5) * cell;
    const cy = top + side * 0.22 + (row + 0.5) * (side * 0.78 / 3);
    const r = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
    if (r < cell * 0.28) return col === 2 && row === 1 ? ORANGE : PALE;
    return WHITE;
  });
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(width, height, pixel) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Width and height of PNG bytes (from IHDR); null when they are not a PNG. */
export function pngSize(bytes) {
  if (bytes.length < 24 || bytes.readUInt32BE(0) !== 0x89504e47 || bytes.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
