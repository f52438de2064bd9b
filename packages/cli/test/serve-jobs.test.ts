/**
 * `o311 serve` runs background jobs on a queue in the store's own database
 * (issue 9): a job enqueued through another queue on that database, as another
 * process would — here the sandbox's daily reset, as its schedule does — is run
 * by the server's worker, and the server stops cleanly with its queue. Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { JOB, startJobQueue, type JobQueue } from '@o311/server';
import { newService, openStore } from '@o311/store';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { runCli } from '../src/program.js';
import { captureIo } from './support.js';

const CITY = { id: 'city.example', name: 'City', contact: 'c', key_service: 'k', timezone: 'UTC' };

describe.each(dialects)('o311 serve runs jobs from the shared queue (%s)', (dialect) => {
  let db: FreshDatabase;
  let other: JobQueue | undefined;

  beforeAll(async () => {
    db = await freshUrl(dialect);
    const store = await openStore(db.url);
    await store.migrate();
    await store.saveJurisdiction(CITY);
    await store.saveService(newService({ jurisdiction_id: CITY.id, service_code: 'lamp', service_name: 'Street lamp' }));
    await store.close();
  });
  afterAll(async () => {
    await other?.stop();
    await db?.cleanup();
  });

  it('runs a sandbox reset enqueued through another queue on its database, then stops with it', { timeout: 60_000 }, async () => {
    const io = captureIo();
    let signal: (name: string) => void = () => undefined;
    io.shutdownSignal = () => new Promise<string>((resolve) => (signal = resolve));
    const serving = runCli(['serve', '--no-web', '--port', '0', '--database', db.url], io);
    const banner = await vi.waitFor(() => {
      const out = io.out.join('');
      if (!out.includes('press Ctrl+C to stop')) throw new Error(`not started yet:\n${out}${io.err.join('')}`);
      return out;
    }, { timeout: 30_000, interval: 50 });
    const sandbox = /sandbox\s+(http:\/\/localhost:\d+\/open311\/sandbox\/v2\/)/.exec(banner)?.[1]?.replace('//localhost:', '//127.0.0.1:');
    const key = /sandbox key\s+(o311k_\S+) \(public\)/.exec(banner)?.[1];
    expect(sandbox && key).toBeTruthy();
    const posted = await fetch(`${sandbox}requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: key!, service_code: 'lamp', lat: '41.1', long: '-93.1', description: 'Out' }),
    });
    expect(posted.status).toBeLessThan(300);
    const listed = async () => ((await (await fetch(`${sandbox}requests.json`)).json()) as unknown[]).length;
    expect(await listed()).toBe(1);

    // This test holds no worker: only the server can run the job.
    other = await startJobQueue(db.url);
    const id = await other.enqueue(JOB.sandboxReset, { jurisdictionId: 'sandbox' });
    await vi.waitFor(async () => expect((await other!.get(id!))?.state).toBe('completed'), { timeout: 30_000, interval: 100 });
    expect(await listed()).toBe(0);

    signal('SIGTERM');
    expect(await serving).toBe(0);
    expect(io.out.join('')).toMatch(/SIGTERM: shutting down\nstopped\n$/);
  });
});
