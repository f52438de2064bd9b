/**
 * What an uploaded file must be to be stored: an image by its own bytes
 * (media-type.ts), with a readable header, at most `maxPixels` pixels (a
 * decompression bomb is refused unread), and stored without its metadata.
 */
import { sniffMediaType, type MediaType } from '../http/media-type.js';
import { imageSize, type Dimensions } from './image-size.js';
import { stripMetadata } from './strip-metadata.js';

export type ImageVerdict =
  | { ok: true; content_type: MediaType; bytes: Buffer }
  | { ok: false; problem: 'not-an-image' | 'malformed' }
  | { ok: false; problem: 'too-many-pixels'; dimensions: Dimensions };

/** Large enough for a 48-megapixel phone camera. */
export const DEFAULT_MAX_PIXELS = 60_000_000;

export function checkImage(bytes: Buffer, maxPixels: number): ImageVerdict {
  const type = sniffMediaType(bytes);
  if (type === undefined) return { ok: false, problem: 'not-an-image' };
  const dimensions = imageSize(bytes, type);
  if (dimensions === undefined || dimensions.width === 0 || dimensions.height === 0) return { ok: false, problem: 'malformed' };
  if (dimensions.width * dimensions.height > maxPixels) return { ok: false, problem: 'too-many-pixels', dimensions };
  const clean = stripMetadata(bytes, type);
  if (clean === undefined) return { ok: false, problem: 'malformed' };
  return { ok: true, content_type: type, bytes: clean };
}
