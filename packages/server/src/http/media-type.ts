/**
 * What uploaded media may be, decided from the file's own bytes (its magic
 * number), not from the type the client declared: a file we later serve as
 * `image/png` really is a PNG, so the media route can never serve active content.
 */

export const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export const MEDIA_TYPE_NAMES = 'JPEG, PNG, GIF, WebP or HEIC';

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);

const ascii = (b: Uint8Array, from: number, to: number): string => String.fromCharCode(...b.subarray(from, to));

export function sniffMediaType(b: Uint8Array): MediaType | undefined {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return 'image/gif';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'image/webp';
  if (b.length >= 12 && ascii(b, 4, 8) === 'ftyp' && HEIC_BRANDS.has(ascii(b, 8, 12))) return 'image/heic';
  return undefined;
}

/** Form fields that carry uploaded media (CitySDK `media`/`media[]`, FixMyStreet `photo1`..`photo3`). */
export const MEDIA_FIELDS: ReadonlySet<string> = new Set(['media', 'media[]', 'photo', 'photo1', 'photo2', 'photo3']);
