import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '@o311/store';
import { checkEndpoint, summaryLine } from '../src/endpoint-check.js';

const endpoint = (overrides: Partial<Endpoint> = {}): Endpoint => ({
  slug: 'e', name: 'E', tier: 'city', country: 'US', base_url: null, discovery_url: null, jurisdiction_id: null, local: false,
  formats: ['json'], api_key_url: null, terms_url: null, contact_email: null, status: 'production', boundary_id: null, quirks: null,
  notes: '', created_at: 0, updated_at: 0, last_check: null, ...overrides,
});

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('checkEndpoint', () => {
  const now = () => 1_700_000_000_000;

  it('needs no HTTP for an endpoint this server serves', async () => {
    expect(await checkEndpoint(endpoint({ local: true }), { allowPrivate: false, now })).toEqual({ at: now(), ok: true, summary: 'served by this o311 server' });
  });

  it('fails an endpoint without any URL, saying so', async () => {
    expect(await checkEndpoint(endpoint(), { allowPrivate: false, now })).toMatchObject({ ok: false, summary: expect.stringMatching(/no GeoReport base URL/) });
  });

  it('refuses a loopback address unless allowed, and reports an unreachable endpoint as failed', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/open311/v2/`;
    const refused = await checkEndpoint(endpoint({ base_url: url }), { allowPrivate: false, now, timeoutMs: 2_000 });
    expect(refused).toMatchObject({ ok: false, summary: expect.stringMatching(/^not reachable: .*private, loopback or link-local/) });
    const unreachable = await checkEndpoint(endpoint({ base_url: url }), { allowPrivate: true, now, timeoutMs: 2_000 });
    expect(unreachable).toMatchObject({ ok: false, summary: expect.stringMatching(/^not reachable: /) });
    expect(unreachable.summary).not.toMatch(/private/);
  });

  it('sums a report up in one line', () => {
    expect(summaryLine({ errors: 1, warnings: 2, info: 0, passed: 12, failed: 3, skipped: 4 })).toBe('12 passed, 1 error, 2 warnings, 4 skipped');
    expect(summaryLine({ errors: 0, warnings: 0, info: 1, passed: 20, failed: 1, skipped: 0 })).toBe('20 passed, 1 info');
  });
});
