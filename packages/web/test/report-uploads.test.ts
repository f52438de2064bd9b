/**
 * Photos sent with the plain report form: read like the API's (spooled, capped
 * per request), checked like the API's (pixel bound, metadata stripped); a
 * malformed body is a 400, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import { CITY_HALL } from '@o311/demo';
import { JURISDICTION_ID, TINY_JPEG, buildCitizenTestApp, multipart, type CitizenTestApp } from './support/citizen-app.js';

const ANSWERS = {
  lat: String(CITY_HALL.lat),
  long: String(CITY_HALL.long),
  'attribute[LOCATION]': 'travel_lane',
  'attribute[SIZE]': 'large',
  description: 'Hole',
};

let t: CitizenTestApp;
beforeAll(async () => {
  t = await buildCitizenTestApp({ requests: 0 });
});
afterAll(() => t.close());

const count = () => t.store.countRequests({ jurisdiction_id: JURISDICTION_ID });

const post = (files: { filename: string; bytes: Buffer }[]) => {
  const { payload, contentType } = multipart(
    Object.entries(ANSWERS),
    files.map((f) => ({ field: 'media', filename: f.filename, type: 'image/jpeg', bytes: f.bytes })),
  );
  return t.app.inject({ method: 'POST', url: '/report/POTHOLE', payload, headers: { 'content-type': contentType, accept: 'text/html' } });
};

/** TINY_JPEG with a comment segment naming the author right after its JFIF segment. */
function jpegWithComment(comment: string): Buffer {
  const jfifEnd = 4 + TINY_JPEG.readUInt16BE(4);
  const body = Buffer.from(comment, 'latin1');
  const head = Buffer.from([0xff, 0xfe, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([TINY_JPEG.subarray(0, jfifEnd), head, body, TINY_JPEG.subarray(jfifEnd)]);
}

/** A PNG signature and header claiming 20000×20000 pixels. */
function pngBomb(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(20_000, 0);
  ihdr.writeUInt32BE(20_000, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const td = Buffer.concat([Buffer.from('IHDR', 'latin1'), ihdr]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(13);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), len, td, crc]);
}

describe('photos on the report form', () => {
  it('answers a malformed multipart body with 400, not 500', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/report/POTHOLE', headers: { 'content-type': 'multipart/form-data; boundary=xyz', accept: 'text/html' },
      payload: '--xyz\r\nContent-Disposition: form-data; name="lat"\r\n\r\n41.5\r\n--xyz\r\nContent-Disposition: broken',
    });
    expect(res.statusCode).toBe(400);
  });

  it('caps the photos of one report together, each being under the per-photo limit, and stores nothing', async () => {
    const before = await count();
    const nine = Buffer.alloc(9 * 1024 * 1024, 0xff);
    const res = await post([{ filename: 'a.jpg', bytes: nine }, { filename: 'b.jpg', bytes: nine }, { filename: 'c.jpg', bytes: nine }]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('c.jpg was not added: all photos together may be at most 24 MB.');
    expect(await count()).toBe(before);
  });

  it('refuses a decompression bomb, naming it', async () => {
    const res = await post([{ filename: 'bomb.png', bytes: pngBomb() }]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('bomb.png has too many pixels');
  });

  it('stores a photo without its comment (author, place)', async () => {
    const res = await post([{ filename: 'hole.jpg', bytes: jpegWithComment('Jane Doe at 12 Elm St') }]);
    expect(res.statusCode).toBe(303);
    const id = new URL(res.headers.location ?? '', 'http://x').searchParams.get('id') ?? '';
    const [mediaId] = (await t.store.getRequest(JURISDICTION_ID, id))?.media_ids ?? [];
    const media = await t.store.getMedia(mediaId ?? '');
    expect(Buffer.from(media?.bytes ?? []).equals(TINY_JPEG)).toBe(true);
  });
});
