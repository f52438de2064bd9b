/**
 * Whether a chosen file is a photo, by its first bytes (as the server's
 * checkImage decides): JPEG, PNG, GIF, WebP or HEIC/HEIF. A text file named
 * `.jpg` is told apart before it is previewed or sent. No DOM here, so it is
 * tested in Node (test/photo-bytes.test.ts).
 */

/** Bytes enough to tell the types apart. */
export const SNIFF_BYTES = 16;

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);

const ascii = (b: Uint8Array, from: number, to: number): string => String.fromCharCode(...b.subarray(from, to));

export function isPhotoBytes(b: Uint8Array): boolean {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return true;
  if (b.length >= 8 && ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return true;
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return true;
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return true;
  return b.length >= 12 && ascii(b, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(b, 8, 12));
}

/** Reads the first bytes of a file (Blob) and decides. */
export async function isPhoto(file: Blob): Promise<boolean> {
  try {
    return isPhotoBytes(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  } catch {
    return false;
  }
}
