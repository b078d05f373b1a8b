// A small bar chart as a PNG, drawn in the core without a browser (for the Word plan, docs/rules/casework.md):
// one bar per week of attendance %, coloured by part (before, during, after the plan), with a target line.
import zlib from 'node:zlib';

export interface Bar {
  value: number | null;
  colour: [number, number, number];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});
function crc32(b: Buffer): number {
  let c = 0xffffffff;
  for (const x of b) {
    c = CRC_TABLE[(c ^ x) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function encodePng(w: number, h: number, rgb: Uint8Array): Buffer {
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    Buffer.from(rgb.buffer, rgb.byteOffset + y * w * 3, w * 3).copy(raw, y * (w * 3 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Bars of 0–100 %, gridlines every 25 %, and a dashed target line. */
export function barChartPng(bars: readonly Bar[], target: number | null, w = 900, h = 300): Buffer {
  const px = new Uint8Array(w * h * 3).fill(255);
  const fill = (x0: number, y0: number, x1: number, y1: number, c: readonly number[]) => {
    for (let y = Math.max(0, y0); y < Math.min(h, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(w, x1); x++) {
        px.set(c, (y * w + x) * 3);
      }
    }
  };
  const pad = 20;
  const top = pad,
    bottom = h - pad;
  const yOf = (pct: number) => Math.round(bottom - ((bottom - top) * pct) / 100);
  for (const g of [0, 25, 50, 75, 100]) {
    fill(pad, yOf(g), w - pad, yOf(g) + 1, [215, 215, 215]);
  }
  const slot = (w - 2 * pad) / Math.max(1, bars.length);
  bars.forEach((b, k) => {
    if (b.value === null) {
      return;
    }
    const x0 = Math.round(pad + k * slot + slot * 0.15);
    fill(x0, yOf(b.value), Math.round(x0 + slot * 0.7), bottom, b.colour);
  });
  if (target !== null) {
    for (let x = pad; x < w - pad; x += 12) {
      fill(x, yOf(target) - 1, x + 7, yOf(target) + 2, [200, 30, 30]);
    }
  }
  fill(pad, bottom, w - pad, bottom + 2, [90, 90, 90]);
  return encodePng(w, h, px);
}
