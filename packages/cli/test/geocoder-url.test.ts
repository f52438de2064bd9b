/** `serve --geocoder-url` / $O311_GEOCODER_URL: checked before anything starts. */
import { describe, expect, it } from 'vitest';
import { resolveGeocoderUrl } from '../src/commands/geocoder-url.js';
import { captureIo, cli } from './support.js';

describe('serve --geocoder-url', () => {
  it('takes the option, else the environment, else none', async () => {
    expect(await resolveGeocoderUrl(captureIo(), 'https://nominatim.example/', false)).toBe('https://nominatim.example/');
    expect(await resolveGeocoderUrl(captureIo({ O311_GEOCODER_URL: 'https://env.example/' }), undefined, false)).toBe('https://env.example/');
    expect(await resolveGeocoderUrl(captureIo({ O311_GEOCODER_URL: ' ' }), undefined, false)).toBeUndefined();
    expect(await resolveGeocoderUrl(captureIo(), 'http://127.0.0.1:8080/', true)).toBe('http://127.0.0.1:8080/');
  });

  it('refuses a URL it must not or cannot use, as a usage error', async () => {
    for (const [url, message] of [
      ['ftp://nominatim.example/', /must start with https:\/\/ or http:\/\//],
      ['http://127.0.0.1:8080/', /127\.0\.0\.1 is a loopback, private or link-local address/],
      ['https://user:secret@nominatim.example/', /user name or password/],
    ] as const) {
      const r = await cli(['serve', '--geocoder-url', url, '--database', 'sqlite::memory:', '--port', '0']);
      expect(r.code, url).toBe(2);
      expect(r.stderr, url).toMatch(message);
      expect(r.stderr).not.toContain('secret');
    }
  });
});
