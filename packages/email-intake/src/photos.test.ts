import { describe, expect, it } from 'vitest';
import exifr from 'exifr';
import { jpegAt } from '../test/support/gps-jpeg.js';
import { mailPhotos } from './photos.js';

const LIMITS = { maxMediaFiles: 3, mediaLimitBytes: 1_000_000, mediaTotalLimitBytes: 3_000_000, maxMediaPixels: 1_000_000 };

describe('mailPhotos', () => {
  it('reads the GPS position before the metadata is stripped, and stores the stripped photo', async () => {
    const photo = jpegAt(41.5868, -93.625);
    const found = await mailPhotos([{ filename: 'hole.jpg', contentType: 'image/jpeg', bytes: photo }], LIMITS);
    expect(found.location?.lat).toBeCloseTo(41.5868, 4);
    expect(found.location?.long).toBeCloseTo(-93.625, 4);
    expect(found.media).toHaveLength(1);
    expect(found.media[0]?.content_type).toBe('image/jpeg');
    expect(await exifr.gps(found.media[0]!.bytes).catch(() => undefined)).toBeUndefined();
  });

  it('drops what is no photo and what is over the count', async () => {
    const photo = jpegAt(1, 1);
    const found = await mailPhotos(
      [
        { filename: 'a.txt', contentType: 'text/plain', bytes: Buffer.from('hello') },
        ...[1, 2, 3, 4].map(() => ({ filename: 'p.jpg', contentType: 'image/jpeg', bytes: photo })),
      ],
      LIMITS,
    );
    expect(found.media).toHaveLength(3);
    expect(found.dropped).toBe(2);
  });
});
