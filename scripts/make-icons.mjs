// Draws the CORS Lens icon (a magnifier over two overlapping origin squares) at each manifest size.
// Run once after changing the design: node scripts/make-icons.mjs. Output is committed in public/icons.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function draw(size) {
  const ss = 4; // supersampling per axis
  const px = new Float64Array(size * size * 4);
  const put = (x, y, [r, g, b], a) => {
    const i = (y * size + x) * 4;
    const outA = a + px[i + 3] * (1 - a);
    if (outA === 0) return;
    for (const [k, v] of [[0, r], [1, g], [2, b]]) px[i + k] = (v * a + px[i + k] * px[i + 3] * (1 - a)) / outA;
    px[i + 3] = outA;
  };
  const layer = (inside, color) => {
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        let hits = 0;
        for (let sy = 0; sy < ss; sy++)
          for (let sx = 0; sx < ss; sx++) if (inside((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size)) hits++;
        if (hits) put(x, y, color, hits / (ss * ss));
      }
  };
  const rect = (x0, y0, x1, y1, r) => (x, y) => {
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
  };
  layer(rect(0.04, 0.04, 0.62, 0.62, 0.08), [37, 99, 235]);
  layer(rect(0.3, 0.3, 0.88, 0.88, 0.08), [234, 88, 12]);
  const cx = 0.5, cy = 0.5, R = 0.3, w = 0.085;
  layer((x, y) => Math.hypot(x - cx, y - cy) <= R + w, [15, 23, 42]);
  layer((x, y) => Math.hypot(x - cx, y - cy) <= R, [240, 249, 255]);
  layer((x, y) => {
    const t = ((x - cx) + (y - cy)) / 2; // along the diagonal
    const d = Math.abs((x - cx) - (y - cy)) / Math.SQRT2;
    return t > (R + w * 0.5) / Math.SQRT2 && t < 0.47 && d < w * 0.75;
  }, [15, 23, 42]);
  layer((x, y) => Math.hypot(x - 0.5, y - 0.5) <= 0.1, [22, 163, 74]);

  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = Math.round(px[i]); raw[o + 1] = Math.round(px[i + 1]); raw[o + 2] = Math.round(px[i + 2]);
      raw[o + 3] = Math.round(px[i + 3] * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync(new URL('../public/icons/', import.meta.url), { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(new URL(`../public/icons/icon-${size}.png`, import.meta.url), draw(size));
