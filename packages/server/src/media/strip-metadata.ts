/**
 * Removes what a photo says about its author and place (EXIF with GPS, camera
 * serials and comments; XMP; IPTC; text chunks) from JPEG, PNG, WebP and GIF
 * files, keeping only the orientation, so the picture still shows the right way
 * up. The image data itself is copied byte for byte: nothing is decoded or
 * re-encoded. HEIC is stored as sent (see README: Uploads).
 */
import { crc32 } from 'node:zlib';
import type { MediaType } from '../http/media-type.js';

const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');
const ORIENTATION_TAG = 0x0112;

/** The orientation (2..8) in a TIFF structure (EXIF's body), if it is other than the default 1. */
export function tiffOrientation(tiff: Buffer): number | undefined {
  if (tiff.length < 8) return undefined;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return undefined;
  const u16 = (at: number): number => (order === 'II' ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number): number => (order === 'II' ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return undefined;
  const entries = u16(ifd);
  for (let k = 0; k < entries; k++) {
    const at = ifd + 2 + k * 12;
    if (at + 12 > tiff.length) return undefined;
    if (u16(at) === ORIENTATION_TAG) {
      const value = u16(at + 8);
      return value >= 2 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

/** A TIFF structure holding the orientation and nothing else. */
export function orientationOnlyTiff(orientation: number): Buffer {
  const b = Buffer.alloc(26);
  b.write('MM\0*', 0, 'latin1');
  b.writeUInt32BE(8, 4); // first IFD
  b.writeUInt16BE(1, 8); // one entry
  b.writeUInt16BE(ORIENTATION_TAG, 10);
  b.writeUInt16BE(3, 12); // SHORT
  b.writeUInt32BE(1, 14); // count
  b.writeUInt16BE(orientation, 18);
  b.writeUInt32BE(0, 22); // no next IFD
  return b;
}

// JPEG segments kept: JFIF (APP0), the ICC colour profile (APP2) and Adobe's colour transform (APP14).
const KEPT_APP_SEGMENTS = new Set([0xe0, 0xe2, 0xee]);
const isAppOrComment = (m: number): boolean => (m >= 0xe0 && m <= 0xef) || m === 0xfe;

function jpegSegment(marker: number, body: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head[0] = 0xff;
  head[1] = marker;
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

function stripJpeg(b: Buffer): Buffer | undefined {
  const out: Buffer[] = [b.subarray(0, 2)];
  let orientation: number | undefined;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) { i += 1; continue; }
    if (marker === 0xd9) break;
    const end = i + 2 + b.readUInt16BE(i + 2);
    if (end > b.length) return undefined;
    if (marker === 0xda) {
      // Start of scan: the image data runs to the end; copy the rest as it is.
      out.push(b.subarray(i));
      i = b.length;
      break;
    }
    const body = b.subarray(i + 4, end);
    if (marker === 0xe1 && body.subarray(0, 6).equals(EXIF_HEADER)) orientation ??= tiffOrientation(body.subarray(6));
    if (!isAppOrComment(marker) || KEPT_APP_SEGMENTS.has(marker)) out.push(b.subarray(i, end));
    i = end;
  }
  if (i < b.length) out.push(b.subarray(i));
  if (orientation !== undefined) {
    const afterJfif = out[1]?.[1] === 0xe0 ? 2 : 1;
    out.splice(afterJfif, 0, jpegSegment(0xe1, Buffer.concat([EXIF_HEADER, orientationOnlyTiff(orientation)])));
  }
  return Buffer.concat(out);
}

// PNG chunks kept: the image, its colours and geometry, animation; not text, EXIF or time stamps.
const KEPT_PNG_CHUNKS = new Set([
  'IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'cHRM', 'gAMA', 'iCCP', 'sBIT', 'sRGB', 'bKGD', 'hIST', 'pHYs', 'sPLT',
  'acTL', 'fcTL', 'fdAT',
]);

/** One PNG chunk: length, type, data and the CRC of type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const b = Buffer.alloc(typeAndData.length + 8);
  b.writeUInt32BE(data.length, 0);
  typeAndData.copy(b, 4);
  b.writeUInt32BE(crc32(typeAndData), b.length - 4);
  return b;
}

function stripPng(b: Buffer): Buffer | undefined {
  const out: Buffer[] = [b.subarray(0, 8)];
  let orientation: number | undefined;
  let i = 8;
  while (i + 12 <= b.length) {
    const end = i + 12 + b.readUInt32BE(i);
    if (end > b.length) return undefined;
    const type = b.toString('latin1', i + 4, i + 8);
    if (type === 'eXIf') orientation = tiffOrientation(b.subarray(i + 8, end - 4));
    if (KEPT_PNG_CHUNKS.has(type)) {
      out.push(b.subarray(i, end));
      // The orientation goes right after the header, where readers look for it.
      if (type === 'IHDR') out.push(Buffer.alloc(0));
    }
    i = end;
    if (type === 'IEND') break;
  }
  if (orientation !== undefined) out[2] = pngChunk('eXIf', orientationOnlyTiff(orientation));
  return Buffer.concat(out);
}

const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function riffChunk(fourcc: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(fourcc, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, data.length % 2 === 1 ? Buffer.alloc(1) : Buffer.alloc(0)]);
}

/** WebP: the EXIF and XMP chunks of the extended format go (a simple-format file has none). */
function stripWebp(b: Buffer): Buffer | undefined {
  if (b.toString('latin1', 12, 16) !== 'VP8X') return b;
  const chunks: Buffer[] = [];
  let orientation: number | undefined;
  let i = 12;
  while (i + 8 <= b.length) {
    const fourcc = b.toString('latin1', i, i + 4);
    const size = b.readUInt32LE(i + 4);
    const end = i + 8 + size + (size % 2);
    if (i + 8 + size > b.length) return undefined;
    const data = b.subarray(i + 8, i + 8 + size);
    if (fourcc === 'EXIF') orientation = tiffOrientation(data.subarray(0, 6).equals(EXIF_HEADER) ? data.subarray(6) : data);
    else if (fourcc !== 'XMP ') chunks.push(b.subarray(i, Math.min(end, b.length)));
    i = end;
  }
  const header = Buffer.from(chunks[0] ?? Buffer.alloc(0));
  if (header.length < 18) return undefined;
  header[8] = (header[8]! & ~(VP8X_EXIF | VP8X_XMP)) | (orientation !== undefined ? VP8X_EXIF : 0);
  chunks[0] = header;
  // The EXIF chunk comes after the image data.
  if (orientation !== undefined) chunks.push(riffChunk('EXIF', orientationOnlyTiff(orientation)));
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), ...chunks]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}

/** GIF application extensions kept: animation loops (no text about the picture). */
const KEPT_GIF_APPLICATIONS = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0']);

/** The end of the data sub-blocks starting at `i` (after their zero terminator), or undefined past the end. */
function afterSubBlocks(b: Buffer, i: number): number | undefined {
  let at = i;
  while (at < b.length) {
    const size = b[at]!;
    at += 1 + size;
    if (size === 0) return at;
  }
  return undefined;
}

/** GIF: comment extensions and application extensions (XMP and others) go; animation loops stay. */
function stripGif(b: Buffer): Buffer | undefined {
  if (b.length < 13) return undefined;
  const flags = b[10]!;
  let i = 13 + (flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  const out: Buffer[] = [b.subarray(0, i)];
  while (i < b.length) {
    const introducer = b[i]!;
    if (introducer === 0x3b) {
      out.push(b.subarray(i, i + 1));
      return Buffer.concat(out);
    }
    let end: number | undefined;
    let keep = true;
    if (introducer === 0x21) {
      const label = b[i + 1];
      end = afterSubBlocks(b, i + 2);
      if (label === 0xfe) keep = false;
      if (label === 0xff) keep = KEPT_GIF_APPLICATIONS.has(b.toString('latin1', i + 3, i + 14));
    } else if (introducer === 0x2c) {
      const local = b[i + 9] ?? 0;
      const data = i + 10 + (local & 0x80 ? 3 * 2 ** ((local & 0x07) + 1) : 0) + 1; // after the LZW code size
      end = afterSubBlocks(b, data);
    } else {
      return undefined;
    }
    if (end === undefined) return undefined;
    if (keep) out.push(b.subarray(i, end));
    i = end;
  }
  return undefined; // no trailer
}

/** The file without its metadata, or undefined when it is too malformed to walk. */
export function stripMetadata(b: Buffer, type: MediaType): Buffer | undefined {
  switch (type) {
    case 'image/jpeg': return stripJpeg(b);
    case 'image/png': return stripPng(b);
    case 'image/webp': return stripWebp(b);
    case 'image/gif': return stripGif(b);
    default: return b;
  }
}
