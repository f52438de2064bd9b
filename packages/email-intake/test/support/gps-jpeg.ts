/** A 1×1 JPEG whose EXIF holds a GPS position, written byte by byte (little-endian TIFF). */

/** A 1×1 baseline JPEG (JFIF), as the server's image tests use. */
const TINY_JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

function dms(value: number): [number, number, number] {
  const a = Math.abs(value);
  const deg = Math.floor(a);
  const min = Math.floor((a - deg) * 60);
  const sec = Math.round(((a - deg) * 60 - min) * 60 * 10_000);
  return [deg, min, sec];
}

function gpsTiff(lat: number, long: number): Buffer {
  const b = Buffer.alloc(128);
  b.write('II', 0, 'latin1');
  b.writeUInt16LE(42, 2);
  b.writeUInt32LE(8, 4);
  // IFD0: one entry, the GPS IFD pointer.
  b.writeUInt16LE(1, 8);
  b.writeUInt16LE(0x8825, 10);
  b.writeUInt16LE(4, 12);
  b.writeUInt32LE(1, 14);
  b.writeUInt32LE(26, 18);
  b.writeUInt32LE(0, 22);
  // GPS IFD at 26: four entries, rationals after it at 80 and 104.
  b.writeUInt16LE(4, 26);
  const entry = (k: number, tag: number, type: number, count: number, write: (at: number) => void): void => {
    const at = 28 + k * 12;
    b.writeUInt16LE(tag, at);
    b.writeUInt16LE(type, at + 2);
    b.writeUInt32LE(count, at + 4);
    write(at + 8);
  };
  entry(0, 1, 2, 2, (at) => b.write(lat >= 0 ? 'N\0' : 'S\0', at, 'latin1'));
  entry(1, 2, 5, 3, (at) => b.writeUInt32LE(80, at));
  entry(2, 3, 2, 2, (at) => b.write(long >= 0 ? 'E\0' : 'W\0', at, 'latin1'));
  entry(3, 4, 5, 3, (at) => b.writeUInt32LE(104, at));
  b.writeUInt32LE(0, 76);
  const rationals = (at: number, [d, m, s]: [number, number, number]): void => {
    b.writeUInt32LE(d, at);
    b.writeUInt32LE(1, at + 4);
    b.writeUInt32LE(m, at + 8);
    b.writeUInt32LE(1, at + 12);
    b.writeUInt32LE(s, at + 16);
    b.writeUInt32LE(10_000, at + 20);
  };
  rationals(80, dms(lat));
  rationals(104, dms(long));
  return b;
}

/** The tiny JPEG with an EXIF segment placing it at (lat, long). */
export function jpegAt(lat: number, long: number): Buffer {
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), gpsTiff(lat, long)]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  const jfifEnd = 4 + TINY_JPEG.readUInt16BE(4);
  return Buffer.concat([TINY_JPEG.subarray(0, jfifEnd), head, body, TINY_JPEG.subarray(jfifEnd)]);
}
