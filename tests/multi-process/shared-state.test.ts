/**
 * Three `o311 serve` processes on one database, as behind a reverse proxy:
 * what one process learns, the others answer at their next request — rate
 * limits, new requests, status changes, the service catalog — with each
 * process's read cache on (the default).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test-support/databases.js';
import { getJson, killAll, postRequest, prepareDatabase, serve, type PreparedDatabase, type Server } from './processes.js';

const OPTIONS = ['--no-web', '--no-sandbox'];

type ListedRequest = { service_request_id: string; status: string };
type ListedService = { service_code: string };

/** A limit counts per clock minute: start a burst only when it ends well inside one. */
async function awayFromMinuteEdge(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}

describe.each(dialects)('three server processes on one %s database', (dialect) => {
  let db: PreparedDatabase;
  let servers: Server[] = [];

  beforeAll(async () => {
    db = await prepareDatabase(dialect);
    servers = await Promise.all([0, 1, 2].map(() => serve(db.url, OPTIONS)));
  }, 60_000);
  afterAll(async () => {
    await killAll(servers);
    await db?.cleanup();
  });

  it("gives a key limited to N a minute N accepted requests in total, not N per process", async () => {
    const store = await db.open();
    const { secret } = await store.createApiKey({ name: 'limited', rate_limit_per_minute: 6, trusted: false }).finally(() => store.close());
    await awayFromMinuteEdge();
    const outcomes = await Promise.all(
      Array.from({ length: 18 }, (_, i) => postRequest(servers[i % 3]!.origin, db, `limited ${i}`, secret)),
    );
    const statuses = outcomes.map((o) => o.status);
    expect(statuses.filter((s) => s === 200 || s === 201)).toHaveLength(6);
    expect(statuses.filter((s) => s === 429)).toHaveLength(12);
  });

  it('lists a request posted on A in the very next answer of B, and its status change too', async () => {
    const [a, b, c] = servers as [Server, Server, Server];
    const list = (s: Server) => getJson<ListedRequest[]>(`${s.origin}/open311/v2/requests.json?service_code=${db.service_code}`);
    // B and C answered, and cached, the list before the change.
    await list(b);
    await list(c);
    const posted = await postRequest(a.origin, db, 'posted on A');
    expect(posted.status).toBe(200);
    const id = 'id' in posted ? posted.id! : '';
    expect((await list(b)).map((r) => r.service_request_id)).toContain(id);

    const changed = await fetch(`${a.origin}/api/v1/requests/${id}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${db.staffToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'closed', note: 'fixed' }),
    });
    expect(changed.status).toBe(200);
    expect((await list(b)).find((r) => r.service_request_id === id)?.status).toBe('closed');
    expect((await list(c)).find((r) => r.service_request_id === id)?.status).toBe('closed');
  });

  it('lists a request posted on A in the next answer of B while B is busy (its version reads shared and always in flight)', async () => {
    const [a, b] = servers as [Server, Server];
    const url = `${b.origin}/open311/v2/requests.json?service_code=${db.service_code}`;
    const ids = async () => (await getJson<ListedRequest[]>(url)).map((r) => r.service_request_id);
    // Ten clients keep B's cache hot, so that a version read is in flight at almost any moment.
    let busy = true;
    const load = Array.from({ length: 10 }, async () => {
      while (busy) await ids();
    });
    try {
      for (let i = 0; i < 5; i++) {
        const posted = await postRequest(a.origin, db, `posted on A while B is busy ${i}`);
        expect(posted.status).toBe(200);
        expect(await ids()).toContain('id' in posted ? posted.id : undefined);
      }
    } finally {
      busy = false;
      await Promise.all(load);
    }
  });

  it('answers a catalog change made on A in the next services.json of B', async () => {
    const [a, b] = servers as [Server, Server];
    const codes = async () => (await getJson<ListedService[]>(`${b.origin}/open311/v2/services.json`)).map((s) => s.service_code);
    expect(await codes()).toContain(db.other_service_code);
    expect(await codes()).toContain(db.other_service_code);
    const removed = await fetch(`${a.origin}/api/v1/jurisdictions/${db.jurisdiction_id}/services/${db.other_service_code}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${db.staffToken}` },
    });
    expect(removed.status).toBeLessThan(300);
    expect(await codes()).not.toContain(db.other_service_code);
  });
});
