import { describe, expect, it } from 'vitest';
import { isOpen311Failure } from '@o311/georeport';
import { acceptMedia, type Upload } from './form-body.js';

const png = Buffer.from('89504e470d0a1a0a0000', 'hex');
const upload = (field: string, bytes: Buffer, declaredType = 'image/png'): Upload => ({ field, filename: `${field}.bin`, declaredType, bytes });

const statusOf = (f: () => unknown): number => {
  try {
    f();
  } catch (e) {
    if (isOpen311Failure(e)) return e.status;
    throw e;
  }
  return 200;
};

describe('acceptMedia', () => {
  it('keeps images from the media fields, typed by their bytes', () => {
    const out = acceptMedia([upload('media', png, 'application/octet-stream'), upload('photo3', png)]);
    expect(out.map((m) => m.content_type)).toEqual(['image/png', 'image/png']);
  });

  it('refuses non-images (415) and files in other fields (400)', () => {
    expect(statusOf(() => acceptMedia([upload('media', Buffer.from('<html>'), 'image/png')]))).toBe(415);
    expect(statusOf(() => acceptMedia([upload('avatar', png)]))).toBe(400);
    expect(statusOf(() => acceptMedia([]))).toBe(200);
  });
});
