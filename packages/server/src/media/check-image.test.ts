import { describe, expect, it } from 'vitest';
import { png, pngChunk } from '../../../../test-support/images.js';
import { checkImage } from './check-image.js';
import { tiffOrientation } from './strip-metadata.js';

/** A TIFF (EXIF body) with an orientation, an author and a GPS latitude reference, big-endian. */
function exifTiff(orientation: number): Buffer {
  const artist = Buffer.from('Jane Doe, 12 Elm St\0', 'latin1');
  const b = Buffer.alloc(8 + 2 + 3 * 12 + 4 + artist.length);
  b.write('MM\0*', 0, 'latin1');
  b.writeUInt32BE(8, 4);
  b.writeUInt16BE(3, 8);
  const entry = (k: number, tag: number, type: number, count: number, value: number): void => {
    const at = 10 + k * 12;
    b.writeUInt16BE(tag, at);
    b.writeUInt16BE(type, at + 2);
    b.writeUInt32BE(count, at + 4);
    if (type === 3) b.writeUInt16BE(value, at + 8);
    else b.writeUInt32BE(value, at + 8);
  };
  entry(0, 0x0112, 3, 1, orientation);
  entry(1, 0x013b, 2, artist.length, 50); // Artist, stored after the IFD
  entry(2, 0x8825, 4, 1, 0); // GPS IFD pointer
  artist.copy(b, 50);
  return b;
}

const segment = (marker: number, body: Buffer): Buffer => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
};

/** A 1×1 baseline JPEG (JFIF), the same as the web tests use. */
const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

/** The tiny JPEG with EXIF (orientation 6, author, GPS), XMP and a comment after its JFIF segment. */
function jpegWithMetadata(): Buffer {
  const jfifEnd = 4 + TINY_JPEG.readUInt16BE(4);
  return Buffer.concat([
    TINY_JPEG.subarray(0, jfifEnd),
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff(6)])),
    segment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Jane Doe</x:xmpmeta>', 'latin1')),
    segment(0xfe, Buffer.from('shot at 12 Elm St', 'latin1')),
    TINY_JPEG.subarray(jfifEnd),
  ]);
}

describe('checkImage', () => {
  it('strips EXIF (author, GPS), XMP and comments from a JPEG and keeps its orientation', () => {
    const verdict = checkImage(jpegWithMetadata(), 1_000_000);
    if (!verdict.ok) throw new Error(verdict.problem);
    const out = verdict.bytes.toString('latin1');
    expect(verdict.content_type).toBe('image/jpeg');
    expect(out).not.toMatch(/Jane Doe|Elm St|xmpmeta/);
    const exif = verdict.bytes.indexOf('Exif\0\0', 0, 'latin1');
    expect(tiffOrientation(verdict.bytes.subarray(exif + 6))).toBe(6);
    // The image itself is untouched: everything from the quantisation tables on.
    const tables = TINY_JPEG.indexOf(Buffer.from([0xff, 0xdb]));
    expect(verdict.bytes.subarray(verdict.bytes.length - (TINY_JPEG.length - tables)).equals(TINY_JPEG.subarray(tables))).toBe(true);
  });

  it('leaves a JPEG without metadata as it is', () => {
    const verdict = checkImage(TINY_JPEG, 1_000_000);
    expect(verdict.ok && verdict.bytes.equals(TINY_JPEG)).toBe(true);
  });

  it('strips text chunks and EXIF from a PNG, keeping the orientation', () => {
    const text = pngChunk('tEXt', Buffer.from('Author\0Jane Doe', 'latin1'));
    const exif = pngChunk('eXIf', exifTiff(8));
    const verdict = checkImage(png(1, 1, [text, exif]), 1_000_000);
    if (!verdict.ok) throw new Error(verdict.problem);
    expect(verdict.bytes.toString('latin1')).not.toContain('Jane Doe');
    const at = verdict.bytes.indexOf('eXIf', 0, 'latin1');
    expect(tiffOrientation(verdict.bytes.subarray(at + 4))).toBe(8);
    expect(checkImage(png(1, 1, [text]), 1_000_000)).toEqual({ ok: true, content_type: 'image/png', bytes: png(1, 1) });
  });

  it('refuses a decompression bomb by its header, and files whose header cannot be read', () => {
    expect(checkImage(png(20_000, 20_000), 60_000_000)).toEqual({
      ok: false, problem: 'too-many-pixels', dimensions: { width: 20_000, height: 20_000 },
    });
    expect(checkImage(Buffer.from('89504e470d0a1a0a0000', 'hex'), 60_000_000)).toEqual({ ok: false, problem: 'malformed' });
    expect(checkImage(Buffer.from('<svg onload=alert(1)>'), 60_000_000)).toEqual({ ok: false, problem: 'not-an-image' });
  });
});

/** An extended-format WebP: VP8X header, a (fake) VP8L image chunk, then EXIF and XMP chunks. */
function webpWithMetadata(): Buffer {
  const riffChunk = (fourcc: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.write(fourcc, 0, 'latin1');
    head.writeUInt32LE(data.length, 4);
    return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
  };
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08 | 0x04; // EXIF and XMP present
  vp8x.writeUIntLE(0, 4, 3); // width - 1
  vp8x.writeUIntLE(0, 7, 3); // height - 1
  const body = Buffer.concat([
    Buffer.from('WEBP', 'latin1'),
    riffChunk('VP8X', vp8x),
    riffChunk('VP8L', Buffer.from('2f000000', 'hex')),
    riffChunk('EXIF', exifTiff(3)),
    riffChunk('XMP ', Buffer.from('<x:xmpmeta>Jane Doe</x:xmpmeta>', 'latin1')),
  ]);
  const riff = Buffer.alloc(8);
  riff.write('RIFF', 0, 'latin1');
  riff.writeUInt32LE(body.length, 4);
  return Buffer.concat([riff, body]);
}

describe('checkImage (WebP)', () => {
  it('drops XMP and EXIF but the orientation, and keeps the RIFF size right', () => {
    const verdict = checkImage(webpWithMetadata(), 1_000_000);
    if (!verdict.ok) throw new Error(verdict.problem);
    expect(verdict.bytes.toString('latin1')).not.toMatch(/Jane Doe|Elm St|xmpmeta/);
    expect(verdict.bytes.readUInt32LE(4)).toBe(verdict.bytes.length - 8);
    expect(verdict.bytes[20]! & 0x04).toBe(0); // no XMP flag
    const at = verdict.bytes.indexOf('EXIF', 0, 'latin1');
    expect(tiffOrientation(verdict.bytes.subarray(at + 8))).toBe(3);
  });
});

describe('checkImage (GIF)', () => {
  // A 1×1 GIF89a with a global colour table of two colours and one image.
  const header = Buffer.from('474946383961010001008000', 'hex'); // GIF89a, 1×1, GCT of 2 entries, background 0, aspect 0 (12 bytes + next)
  const gct = Buffer.from('000000ffffff', 'hex');
  const image = Buffer.from('2c000000000100010000' + '02' + '024401' + '00', 'hex');
  const comment = Buffer.concat([Buffer.from([0x21, 0xfe, 20]), Buffer.from('Jane Doe, 12 Elm St.', 'latin1'), Buffer.from([0])]);
  const xmp = Buffer.concat([Buffer.from([0x21, 0xff, 11]), Buffer.from('XMP DataXMP', 'latin1'), Buffer.from([8]), Buffer.from('Jane Doe', 'latin1'), Buffer.from([0])]);
  const loop = Buffer.from('21ff0b4e45545343415045322e300301000000', 'hex');
  const gif = (...blocks: Buffer[]): Buffer => Buffer.concat([header, Buffer.from([0]), gct, ...blocks, Buffer.from([0x3b])]);

  it('drops comments and XMP, keeps the animation loop and the image', () => {
    const verdict = checkImage(gif(comment, xmp, loop, image), 1_000_000);
    if (!verdict.ok) throw new Error(verdict.problem);
    expect(verdict.bytes.equals(gif(loop, image))).toBe(true);
  });
});
