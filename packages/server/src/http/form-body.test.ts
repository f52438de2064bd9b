import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOpen311Failure } from '@o311/georeport';
import { acceptMedia, type Upload } from './form-body.js';

// A 1×1 PNG.
const png = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c49444154789c63382127070002b6010534a675aa0000000049454e44ae426082',
  'hex',
);

let dir: string;
let files = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'o311-form-body-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function upload(field: string, bytes: Buffer, declaredType = 'image/png'): Promise<Upload> {
  const path = join(dir, String(++files));
  await writeFile(path, bytes);
  return { field, filename: `${field}.bin`, declaredType, path, size: bytes.length };
}

async function statusOf(f: () => Promise<unknown>): Promise<number> {
  try {
    await f();
  } catch (e) {
    if (isOpen311Failure(e)) return e.status;
    throw e;
  }
  return 200;
}

describe('acceptMedia', () => {
  it('keeps images from the media fields, typed by their bytes', async () => {
    const out = await acceptMedia([await upload('media', png, 'application/octet-stream'), await upload('photo3', png)], 100);
    expect(out.map((m) => m.content_type)).toEqual(['image/png', 'image/png']);
  });

  it('refuses non-images (415), files in other fields (400) and too many pixels (413)', async () => {
    expect(await statusOf(async () => acceptMedia([await upload('media', Buffer.from('<html>'), 'image/png')], 100))).toBe(415);
    expect(await statusOf(async () => acceptMedia([await upload('avatar', png)], 100))).toBe(400);
    expect(await statusOf(async () => acceptMedia([], 100))).toBe(200);
    expect(await statusOf(async () => acceptMedia([await upload('media', png)], 0))).toBe(413);
  });
});
