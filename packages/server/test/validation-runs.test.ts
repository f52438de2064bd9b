/**
 * Validator runs of /validate (issue 12): queueValidationRun checks what is
 * asked (private targets, rate limits, write runs and their key) and the
 * `validate.run` job runs the validator with saved progress, a stored,
 * trimmed report and a whole-run deadline. The target is o311 itself over
 * real HTTP (allowed to reach 127.0.0.1), or in process at its own public
 * origin (no private addresses allowed). Both dialects.
 */
import { createServer, type Server as NetServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Transport } from '@o311/client';
import type { ValidationRun } from '@o311/store';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { CredentialBox, startJobQueue, type JobQueue } from '../src/index.js';
import { isRefusal, queueValidationRun, type RunRefusal, type ValidationContext, type ValidationRunInput } from '../src/validation/queue-run.js';
import { KEEP_RUNS_PER_URL, pruneValidationRuns, runValidation, type ValidationJobContext } from '../src/validation/validation-job.js';
import { MAX_EVIDENCE_CHARS } from '../src/validation/stored-report.js';
import { ownEndpointUrl } from '../src/validation/own-endpoint.js';
import { startServer, type Server } from './support/fixture.js';

const SECRET = 'validation-test-secret-0123456789';
const input = (over: Partial<ValidationRunInput>): ValidationRunInput => ({
  url: 'https://311.example.org/open311/v2/', source: 'web', format: 'both', write: false, apiKey: null, jurisdictionId: null, client: null, ...over,
});

/** A TCP server that takes connections and never answers. */
async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: NetServer = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/open311/v2/`,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

describe.each(dialects)('validator runs (%s)', (dialect) => {
  let s: Server;
  let jobs: JobQueue;
  let queueDb: FreshDatabase;
  let ctx: ValidationContext & ValidationJobContext;
  const idle = { enqueue: async () => undefined };

  beforeAll(async () => {
    queueDb = await freshUrl(dialect);
    jobs = await startJobQueue(queueDb.url);
    s = await startServer(dialect, { options: { jobs, discovery: { allowPrivate: true }, routerSecret: SECRET } });
    ctx = {
      store: s.store, jobs, now: Date.now, discovery: { remote: { allowPrivate: true, timeoutMs: 5000 } },
      routerCredentials: new CredentialBox(SECRET), origin: s.app.publicOrigin,
    };
  });
  afterAll(async () => {
    await s?.close();
    await jobs?.stop();
    await queueDb?.cleanup();
  });

  const queued = async (over: Partial<ValidationRunInput>, c: ValidationContext = ctx): Promise<ValidationRun> => {
    const run = await queueValidationRun(c, input(over));
    if (isRefusal(run)) throw new Error(`refused: ${run.refused}`);
    return run;
  };
  const refused = async (over: Partial<ValidationRunInput>, c: ValidationContext = ctx): Promise<RunRefusal> => {
    const run = await queueValidationRun(c, input(over));
    if (!isRefusal(run)) throw new Error(`not refused: ${run.id}`);
    return run;
  };
  const ended = (id: string) =>
    vi.waitFor(async () => {
      const run = await s.store.validations.get(id);
      expect(run?.state).toMatch(/^(done|failed)$/);
      return run!;
    }, { timeout: 120_000, interval: 100 });

  it('runs a queued run in the background: the report of o311 itself, trimmed, with no error', { timeout: 150_000 }, async () => {
    const run = await queued({ url: `${s.url}/open311/v2/`, client: `c-${dialect}-a` });
    expect(run).toMatchObject({ state: 'queued', source: 'web', format: 'both', write: false, endpoint_slug: null });
    const done = await ended(run.id);
    expect(done.error).toBeNull();
    expect(done).toMatchObject({ state: 'done', summary: { errors: 0 } });
    expect(done.done).toBe(done.total);
    const report = done.report as { summary: { passed: number }; results: { id: string; fix: string; evidence?: { request: string; response: string } }[] };
    expect(report.results).toHaveLength(done.total);
    expect(report.summary.passed).toBeGreaterThan(50);
    expect(report.results.every((r) => r.fix.length > 10)).toBe(true);
    for (const r of report.results) {
      expect(r.evidence?.response.length ?? 0).toBeLessThanOrEqual(MAX_EVIDENCE_CHARS + 60);
    }
    expect(done.finished_at).not.toBeNull();
  });

  it('saves progress while the checks run (results so far, N of M)', { timeout: 150_000 }, async () => {
    const run = await queued({ url: `${s.url}/open311/v2/`, format: 'xml' }, { ...ctx, jobs: idle });
    const { createTransport } = await import('@o311/client');
    const network = createTransport({ allowPrivate: true });
    // Slowed down so that the run is seen half way.
    const slow: Transport = async (request, options) => {
      await new Promise((resolve) => setTimeout(resolve, 15));
      return network(request, options);
    };
    const seen: { done: number; total: number; partial: number }[] = [];
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const r = await s.store.validations.get(run.id);
        if (r?.state === 'running') seen.push({ done: r.done, total: r.total, partial: r.partial.length });
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    })();
    await runValidation(ctx, run.id, { allowPrivate: true, transport: slow });
    watching = false;
    await watch;
    const halfway = seen.filter((p) => p.done > 0 && p.done < p.total);
    expect(halfway.length).toBeGreaterThan(0);
    for (const p of halfway) expect(p.partial).toBe(p.done);
    const done = await s.store.validations.get(run.id);
    expect(done?.state).toBe('done');
    const results = (done?.report as { results: { id: string; status: string; message: string }[] }).results;
    expect(results.find((r) => r.id === 'services-json')).toMatchObject({ status: 'skip', message: expect.stringMatching(/only XML was chosen/) });
  });

  it('refuses a loopback target unless the server allows private endpoints, and stores nothing', async () => {
    const url = `${s.url}/open311/v2/`;
    const closed = { ...ctx, jobs: idle, discovery: { remote: { allowPrivate: false, timeoutMs: 5000 } } };
    const refusal = await refused({ url: `http://127.0.0.1:9/refused-${dialect}/` }, closed);
    expect(refusal).toMatchObject({ status: 400, refused: expect.stringMatching(/127\.0\.0\.1 is a loopback, private or link-local address/) });
    expect((await refused({ url: 'http://[::1]:8080/v2/' }, closed)).refused).toMatch(/loopback/);
    expect(await s.store.validations.list({ url: `http://127.0.0.1:9/refused-${dialect}/`, limit: 5 })).toEqual([]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });

  it('validates its own endpoint in process without --allow-private-endpoints, and still refuses another loopback port', { timeout: 150_000 }, async () => {
    const own = await startServer(dialect, { options: { routerSecret: SECRET } });
    try {
      const origin = own.app.publicOrigin;
      const url = ownEndpointUrl(origin);
      expect(url).toMatch(/^http:\/\/localhost:\d+\/open311\/v2\/$/);
      const closed = { ...ctx, jobs: idle, store: own.store, origin, discovery: { remote: { allowPrivate: false, timeoutMs: 5000 } } };
      const run = await queued({ url }, closed);
      await runValidation({ ...ctx, store: own.store, origin }, run.id, { allowPrivate: false, app: own.app });
      const done = await own.store.validations.get(run.id);
      expect(done).toMatchObject({ state: 'done', error: null, summary: { errors: 0 } });
      expect(done?.summary?.passed).toBeGreaterThan(50);
      // Another port of the same loopback host is not this server.
      const port = Number(new URL(url).port);
      expect((await refused({ url: `http://localhost:${port + 1}/open311/v2/` }, closed)).refused).toMatch(/loopback, private or link-local/);
      // Without the app, the same URL goes to the network, which refuses loopback.
      const other = await queued({ url }, closed);
      await runValidation({ ...ctx, store: own.store, origin }, other.id, { allowPrivate: false });
      expect(await own.store.validations.get(other.id)).toMatchObject({ state: 'failed', error: expect.stringMatching(/loopback/) });
    } finally {
      await own.close();
    }
  });

  it.each([
    ['ftp://city.example/v2/', /must start with http/],
    ['https://user:pw@city.example/v2/', /user name or password/],
    [`https://city.example/${'a'.repeat(2100)}`, /longer than 2000/],
    ['not a url', /is not a URL/],
  ])('refuses %s', async (url, reason) => {
    expect((await refused({ url }, { ...ctx, jobs: idle })).refused).toMatch(reason);
  });

  it('limits runs per client, and write runs to fewer', async () => {
    const c = { ...ctx, jobs: idle };
    for (let i = 0; i < 10; i++) await queued({ url: `https://city-${i}.example/v2/`, client: `c-${dialect}-rate` }, c);
    const limited = await refused({ client: `c-${dialect}-rate` }, c);
    expect(limited).toMatchObject({ status: 429, retryAfterSeconds: 600, refused: expect.stringMatching(/try again in 10 minutes/) });
    for (let i = 0; i < 3; i++) await queued({ url: `https://city-${i}.example/v2/`, client: `c-${dialect}-write` }, c);
    const write = await refused({ client: `c-${dialect}-write`, write: true, apiKey: 'key' }, c);
    expect(write.status).toBe(429);
    await queued({ client: `c-${dialect}-write` }, c);
    // The monitor (no client) is not limited.
    await queued({ client: null, source: 'monitor' }, c);
  });

  it('refuses a write run without a key, and without O311_ROUTER_SECRET to hold one', async () => {
    const c = { ...ctx, jobs: idle };
    expect((await refused({ write: true }, c)).refused).toMatch(/need the endpoint’s API key/);
    const { routerCredentials: _, ...withoutSecret } = c;
    expect((await refused({ write: true, apiKey: 'abc' }, withoutSecret)).refused).toMatch(/needs O311_ROUTER_SECRET/);
  });

  it('runs the write checks with the sealed key, which no run shows', { timeout: 150_000 }, async () => {
    const run = await queued({ url: `${s.url}/open311/v2/`, write: true, apiKey: s.keys.plain, jurisdictionId: 'springfield.example' });
    expect(JSON.stringify(run)).not.toContain(s.keys.plain);
    const done = await ended(run.id);
    expect(done.state).toBe('done');
    const results = (done.report as { results: { id: string; status: string }[] }).results;
    expect(results.find((r) => r.id === 'post-realtime-receipt')?.status).toBe('pass');
    expect(JSON.stringify(done)).not.toContain(s.keys.plain);
    expect(JSON.stringify(await s.store.validations.list({ url: run.url, limit: 50 }))).not.toContain(s.keys.plain);
    // The run is over: there is no key left to start it with again.
    expect(await s.store.validations.start(run.id, 1, Date.now())).toBeUndefined();
  });

  it('matches a registry endpoint by its base URL', async () => {
    await s.store.saveEndpoint({
      slug: `self-${dialect}`, name: 'Self', tier: 'city', country: 'US', base_url: `${s.url}/open311/v2/`, discovery_url: null,
      jurisdiction_id: null, local: false, formats: ['xml', 'json'], api_key_url: null, terms_url: null, contact_email: null,
      status: 'production', boundary_id: null, quirks: null, notes: '',
    });
    const run = await queued({ url: `${s.url}/open311/v2` }, { ...ctx, jobs: idle });
    expect(run.endpoint_slug).toBe(`self-${dialect}`);
    await s.store.saveEndpoint({
      ...(await s.store.getEndpoint(`self-${dialect}`))!, slug: `by-discovery-${dialect}`, base_url: null,
      discovery_url: `https://Discovery-${dialect}.example/open311/discovery.json`,
    });
    const byDiscovery = await queued({ url: `https://discovery-${dialect}.example/open311/discovery.json?x=1` }, { ...ctx, jobs: idle });
    expect(byDiscovery.endpoint_slug).toBe(`by-discovery-${dialect}`);
  });

  it('keeps the newest runs per URL when pruning, and every run for a day', async () => {
    const url = `https://prune-${dialect}.example/v2/`;
    const summary = { errors: 0, warnings: 0, info: 0, passed: 1, failed: 0, skipped: 0 };
    const old = Date.now() - 3 * 24 * 3600_000;
    for (let i = 0; i < KEEP_RUNS_PER_URL + 3; i++) {
      const run = await s.store.validations.create({ ...input({ url }), endpoint_slug: null, jurisdiction_id: null, api_key_sealed: null }, old + i * 1000);
      await s.store.validations.start(run.id, 1, old + i * 1000);
      await s.store.validations.finish(run.id, { results: [] }, summary, old + i * 1000 + 500);
    }
    const fresh = await queued({ url, client: null }, { ...ctx, jobs: idle });
    expect(await pruneValidationRuns({ store: s.store, now: Date.now })).toBeGreaterThanOrEqual(3);
    const left = await s.store.validations.list({ url, limit: 100 });
    expect(left).toHaveLength(KEEP_RUNS_PER_URL);
    expect(left.map((r) => r.id)).toContain(fresh.id);
  });

  it('fails a run whose target never answers at the whole-run deadline', { timeout: 60_000 }, async () => {
    const silent = await silentServer();
    try {
      const run = await queued({ url: silent.url }, { ...ctx, jobs: idle });
      const t0 = Date.now();
      await runValidation(ctx, run.id, { allowPrivate: true, deadlineMs: 1500 });
      expect(Date.now() - t0).toBeLessThan(15_000);
      const failed = await s.store.validations.get(run.id);
      expect(failed).toMatchObject({ state: 'failed', error: expect.stringMatching(/took longer than 2 seconds and was stopped/) });
    } finally {
      await silent.close();
    }
  });
});
