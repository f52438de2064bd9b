/**
 * Pixel dimensions read from an image's header, without decoding it: enough to
 * refuse a decompression bomb (a small file that decodes to gigabytes) before
 * anyone, a browser or a thumbnailer, decodes it.
 */
import type { MediaType } from '../http/media-type.js';

export interface Dimensions {
  width: number;
  height: number;
}

/** JPEG start-of-frame markers (baseline, progressive, lossless, arithmetic); not DHT (C4), JPG (C8), DAC (CC). */
const isStartOfFrame = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpegSize(b: Buffer): Dimensions | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) { i += 1; continue; } // fill byte
    if (isStartOfFrame(marker)) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    if (marker === 0xda || marker === 0xd9) return undefined; // scan or end before any frame
    i += 2 + b.readUInt16BE(i + 2);
  }
  return undefined;
}

function webpSize(b: Buffer): Dimensions | undefined {
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8X' && b.length >= 30) return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  if (chunk === 'VP8 ' && b.length >= 30) return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return undefined;
}

/** HEIC: the largest `ispe` (image spatial extent) property; a grid image declares its full size there. */
function heicSize(b: Buffer): Dimensions | undefined {
  let best: Dimensions | undefined;
  for (let i = b.indexOf('ispe', 0, 'latin1'); i >= 4 && i + 16 <= b.length; i = b.indexOf('ispe', i + 4, 'latin1')) {
    const d = { width: b.readUInt32BE(i + 8), height: b.readUInt32BE(i + 12) };
    if (!best || d.width * d.height > best.width * best.height) best = d;
  }
  return best;
}

/** The image's dimensions, or undefined when its header cannot be read (a malformed file). */
export function imageSize(b: Buffer, type: MediaType): Dimensions | undefined {
  switch (type) {
    case 'image/jpeg': return jpegSize(b);
    case 'image/png': return b.length >= 24 && b.toString('latin1', 12, 16) === 'IHDR' ? { width: b.readUInt32BE(16), height: b.readUInt32BE(20) } : undefined;
    case 'image/gif': return b.length >= 10 ? { width: b.readUInt16LE(6), height: b.readUInt16LE(8) } : undefined;
    case 'image/webp': return webpSize(b);
    case 'image/heic': return heicSize(b);
  }
}
