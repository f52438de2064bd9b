/**
 * "Check now" for registry endpoints (issue 10, item 5): a `registry.check`
 * job runs the validator's read-only checks and stores the summary on the
 * endpoint. o311 itself, checked over real HTTP, passes with no error; a
 * dead endpoint is recorded as not reachable. Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { queueRegistryCheck } from '../src/jobs/registry-checks.js';
import { startJobQueue, type JobQueue } from '../src/index.js';
import { startServer, type Server } from './support/fixture.js';
import type { NewEndpoint } from '@o311/store';

const endpoint = (slug: string, base_url: string): NewEndpoint => ({
  slug, name: slug, tier: 'city', country: 'US', base_url, discovery_url: null, jurisdiction_id: 'springfield.example', local: false,
  formats: ['xml', 'json'], api_key_url: null, terms_url: null, contact_email: null, status: 'production', boundary_id: null,
  quirks: null, notes: '',
});

describe.each(dialects)('registry checks (%s)', (dialect) => {
  let s: Server;
  let jobs: JobQueue;
  let queueDb: FreshDatabase;

  beforeAll(async () => {
    queueDb = await freshUrl(dialect);
    jobs = await startJobQueue(queueDb.url);
    // The server runs the checks on its queue; allowed to reach 127.0.0.1, where it listens itself.
    s = await startServer(dialect, { options: { jobs, discovery: { allowPrivate: true } } });
  });
  afterAll(async () => {
    await s?.close();
    await jobs?.stop();
    await queueDb?.cleanup();
  });

  const checked = (slug: string) =>
    vi.waitFor(async () => {
      const e = await s.store.getEndpoint(slug);
      expect(e?.last_check).not.toBeNull();
      return e!.last_check!;
    }, { timeout: 60_000, interval: 100 });

  it('checks a live o311 endpoint over HTTP in the background: no error', { timeout: 90_000 }, async () => {
    await s.store.saveEndpoint(endpoint('self', `${s.url}/open311/v2/`));
    const id = await queueRegistryCheck({ jobs }, 'self');
    expect(id).toBeDefined();
    const check = await checked('self');
    expect(check).toMatchObject({ ok: true, summary: expect.stringMatching(/^\d+ passed/) });
    expect(check.summary).not.toMatch(/error/);
  });

  it('records a dead endpoint as not reachable', { timeout: 90_000 }, async () => {
    await s.store.saveEndpoint(endpoint('dead', 'http://127.0.0.1:9/open311/v2/'));
    expect(await queueRegistryCheck({ jobs }, 'dead')).toBeDefined();
    expect(await checked('dead')).toMatchObject({ ok: false, summary: expect.stringMatching(/^not reachable: /) });
  });
});
