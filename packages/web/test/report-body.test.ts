/** The browser's report body puts the key and the service before every file (the server refuses a file sent first). */
import { describe, expect, it } from 'vitest';
import { orderedReportBody } from '../browser/report-body.js';

describe('orderedReportBody', () => {
  it('sends api_key and service_code first, the answers, then the photos, and drops the form\'s own file field', () => {
    const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' });
    const body = orderedReportBody(
      [['media', new Blob([])], ['lat', '41.5'], ['description', 'Hole'], ['api_key', 'stale']],
      'o311k_key', 'POTHOLE', [{ blob: photo, name: 'hole.jpg' }],
    );
    expect([...body.keys()]).toEqual(['api_key', 'service_code', 'lat', 'description', 'media']);
    expect(body.get('api_key')).toBe('o311k_key');
    expect((body.get('media') as File).name).toBe('hole.jpg');
  });
});
