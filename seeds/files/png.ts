/**
 * A valid PNG built by hand (no image library): 8-bit RGB, one zlib-compressed IDAT, a tEXt
 * chunk, and the CRC-32 of every chunk computed here (ISO 3309 polynomial, table-driven).
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(...parts: Uint8Array[]): number {
  let c = 0xffffffff;
  for (const buf of parts) for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(head.subarray(4), data), 0);
  return Buffer.concat([head, data, crc]);
}

export type Rgb = readonly [number, number, number];

export interface PngSpec {
  width: number;
  height: number;
  fond: Rgb;
  bande: Rgb;
  /** Vertical position of the coloured band (rows). */
  bandeY: number;
  bandeHauteur: number;
  /** 0/1 pattern drawn as dark stripes under the band (a fake MRZ/barcode, unique per person). */
  motif: readonly number[];
  /** tEXt chunks (Latin-1 keywords and values), e.g. {Title: "Carte d'identité"}. */
  textes: Record<string, string>;
}

export function png(spec: PngSpec): Buffer {
  const { width, height } = spec;
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  const motifY = spec.bandeY + spec.bandeHauteur + 12;
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0; // filter type None
    for (let x = 0; x < width; x++) {
      let px: Rgb = spec.fond;
      if (y >= spec.bandeY && y < spec.bandeY + spec.bandeHauteur) px = spec.bande;
      else if (y >= motifY && y < motifY + 18 && x >= 10 && x < width - 10) {
        const bit = spec.motif[Math.floor((x - 10) / 4) % spec.motif.length];
        if (bit) px = [40, 40, 48];
      }
      const o = y * stride + 1 + x * 3;
      raw[o] = px[0];
      raw[o + 1] = px[1];
      raw[o + 2] = px[2];
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const textes = Object.entries(spec.textes).map(([k, v]) => chunk('tEXt', Buffer.from(`${k}\0${v}`, 'latin1')));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...textes,
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
