/** The browser's check that a chosen file is a photo, by its first bytes (browser/photo-bytes.ts). */
import { describe, expect, it } from 'vitest';
import { isPhoto, isPhotoBytes } from '../browser/photo-bytes.js';
/** The first bytes of a JPEG (JFIF). */
const TINY_JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('isPhotoBytes', () => {
  it.each([
    ['JPEG', new Uint8Array(TINY_JPEG)],
    ['PNG', bytes('\x89PNG\r\n\x1a\n\0\0\0\rIHDR')],
    ['GIF', bytes('GIF89a\x01\0\x01\0')],
    ['WebP', bytes('RIFF\x10\0\0\0WEBPVP8 ')],
    ['HEIC', bytes('\0\0\0\x18ftypheic\0\0\0\0')],
  ])('knows a %s', (_name, b) => expect(isPhotoBytes(b)).toBe(true));

  it.each([
    ['text named .jpg', bytes('Hello, this is not a photo')],
    ['PDF', bytes('%PDF-1.7\n')],
    ['an MP4 video', bytes('\0\0\0\x18ftypisom\0\0\0\0')],
    ['nothing', new Uint8Array()],
  ])('refuses %s', (_name, b) => expect(isPhotoBytes(b)).toBe(false));

  it('reads a Blob', async () => {
    expect(await isPhoto(new Blob([TINY_JPEG]))).toBe(true);
    expect(await isPhoto(new Blob(['plain text'], { type: 'image/jpeg' }))).toBe(false);
  });
});
