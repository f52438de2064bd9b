/** `serve --geocoder-url` / $O311_GEOCODER_URL: checked before anything starts. */
import { describe, expect, it } from 'vitest';
import { resolveGeocoderUrl } from '../src/commands/geocoder-url.js';
import { runCli } from '../src/program.js';
import { captureIo, cli } from './support.js';

/** `o311 serve ARGS` in process on an in-memory database, stopped once its banner is printed; its stdout. */
async function banner(args: string[]): Promise<string> {
  const io = captureIo();
  let printed: () => void = () => undefined;
  const shown = new Promise<void>((resolve) => (printed = resolve));
  const stdout = io.stdout;
  io.stdout = { ...stdout, write: (text: string) => { stdout.write(text); if (text.includes('press Ctrl+C to stop')) printed(); return true; } };
  io.shutdownSignal = () => shown.then(() => 'SIGTERM');
  expect(await runCli(['serve', '--database', 'sqlite::memory:', '--port', '0', '--no-sandbox', ...args], io)).toBe(0);
  return io.out.join('');
}

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

  it('shows the service in the banner only when one is configured', async () => {
    expect(await banner(['--geocoder-url', 'https://nominatim.example/'])).toMatch(/\n {2}geocoder {7}https:\/\/nominatim\.example\/ \(typed addresses not in the jurisdiction's gazetteer\)\n/);
    expect(await banner([])).not.toContain('geocoder');
  });
});
