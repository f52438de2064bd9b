/**
 * Three `o311 serve` processes on one PostgreSQL database take POSTs from 50
 * concurrent connections spread over them; one is killed with SIGKILL midway.
 * Every acknowledged request must be stored exactly once (each POST carries a
 * unique description to count it by), and the survivors keep serving.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAll, postRequest, prepareDatabase, serve, type PostOutcome, type PreparedDatabase, type Server } from './processes.js';

const POSTS = 1_500;
const CONNECTIONS = 50;
const KILL_AFTER = POSTS / 2;

describe('three processes on one PostgreSQL database, one killed with SIGKILL under load', () => {
  let db: PreparedDatabase;
  let servers: Server[] = [];

  beforeAll(async () => {
    db = await prepareDatabase('postgres');
    servers = await Promise.all([0, 1, 2].map(() => serve(db.url, ['--no-web', '--no-sandbox'])));
  }, 60_000);
  afterAll(async () => {
    await killAll(servers);
    await db?.cleanup();
  });

  it('loses and duplicates no acknowledged request, and the others keep serving', async () => {
    const victim = servers[1]!;
    const run = `sigkill-${Date.now().toString(36)}`;
    const acknowledged = new Map<string, string>(); // description -> id
    const refused: PostOutcome[] = [];
    let sent = 0;
    let killed = false;
    const alive = (): Server[] => servers.filter((s) => !killed || s !== victim);

    const connection = async (): Promise<void> => {
      for (let n = sent++; n < POSTS; n = sent++) {
        const targets = alive();
        const description = `${run}-${n}`;
        const outcome = await postRequest(targets[n % targets.length]!.origin, db, description);
        if (outcome.status === 200 || outcome.status === 201) {
          expect('id' in outcome && outcome.id).toBeTruthy();
          acknowledged.set(description, (outcome as { id: string }).id);
        } else {
          refused.push(outcome);
        }
        if (!killed && acknowledged.size >= KILL_AFTER) {
          killed = true;
          victim.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, connection));
    expect(await victim.exited).toBe('SIGKILL');

    // Only POSTs in flight on the victim may have failed, and only as lost connections.
    expect(refused.every((o) => o.status === 'failed')).toBe(true);
    expect(refused.length).toBeLessThanOrEqual(CONNECTIONS);
    expect(acknowledged.size).toBe(POSTS - refused.length);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ description: string; ids: string[] }>(
        `select description, array_agg(id::text) as ids from requests where description like $1 group by description`,
        [`${run}-%`],
      );
      const stored = new Map(rows.map((r) => [r.description, r.ids]));
      const lost = [...acknowledged.keys()].filter((d) => !stored.has(d));
      const duplicated = rows.filter((r) => r.ids.length > 1).map((r) => r.description);
      const wrongId = [...acknowledged].filter(([d, id]) => stored.get(d)?.[0] !== id);
      expect({ lost, duplicated, wrongId }).toEqual({ lost: [], duplicated: [], wrongId: [] });
      // A POST cut off by the kill is stored or not, never twice: at most the refused ones are extra.
      expect(rows.length - acknowledged.size).toBeLessThanOrEqual(refused.length);
    } finally {
      await client.end();
    }

    for (const survivor of servers.filter((s) => s !== victim)) {
      const after = await postRequest(survivor.origin, db, `${run}-after`);
      expect(after.status).toBe(200);
    }
  }, 120_000);
});
