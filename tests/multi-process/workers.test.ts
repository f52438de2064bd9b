/**
 * `o311 serve --workers 3` (node:cluster): one banner once all workers
 * listen, a worker killed with SIGKILL is replaced, SIGTERM stops the workers
 * and then the primary. On SQLite, the quicker to prepare: the supervision
 * does not depend on the database (the other multi-process tests run both).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, killAll, prepareDatabase, serve, type PreparedDatabase, type Server } from './processes.js';

/** The parent pid of a live process, from /proc; undefined once it is gone. */
function parentOf(pid: number): number | undefined {
  try {
    // `pid (name) state ppid …`: the name may hold spaces, so read after its last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('o311 serve --workers 3', () => {
  let db: PreparedDatabase;
  let primary: Server | undefined;

  beforeAll(async () => {
    db = await prepareDatabase('sqlite');
  });
  afterAll(async () => {
    if (primary) await killAll([primary]);
    await db?.cleanup();
  });

  it('serves from three workers, replaces one killed, and stops them all on SIGTERM', async () => {
    primary = await serve(db.url, ['--workers', '3', '--no-web', '--no-sandbox']);
    const banner = await primary.line(/workers\s+3 \(pids ([\d, ]+);/);
    const pids = banner[1]!.split(', ').map(Number);
    expect(pids).toHaveLength(3);
    for (const pid of pids) expect(parentOf(pid)).toBe(primary.child.pid);
    expect(primary.output.filter((l) => l.includes('GeoReport v2'))).toHaveLength(1);
    const services = () => getJson<unknown[]>(`${primary!.origin}/open311/v2/services.json`);
    for (let i = 0; i < 6; i++) expect((await services()).length).toBeGreaterThan(0);

    const victim = pids[1]!;
    process.kill(victim, 'SIGKILL');
    const died = await primary.line(new RegExp(`worker (\\d+) \\(pid ${victim}\\) died \\(signal SIGKILL\\); starting another in`));
    const replaced = await primary.line(new RegExp(`worker ${died[1]} \\(pid (\\d+)\\) is serving`));
    const replacement = Number(replaced[1]);
    expect(replacement).not.toBe(victim);
    expect(parentOf(replacement)).toBe(primary.child.pid);
    for (let i = 0; i < 6; i++) expect((await services()).length).toBeGreaterThan(0);

    const workers = [...pids.filter((p) => p !== victim), replacement];
    expect(await primary.stop()).toBe(0);
    expect(workers.filter(alive)).toEqual([]);
    expect(primary.output).toContain('stopped');
  }, 90_000);

  it('refuses a worker count outside 1 to 64, and an in-memory database', async () => {
    for (const bad of ['0', '65', 'two']) {
      await expect(serve(db.url, ['--workers', bad])).rejects.toThrow(/--workers.*expected a whole number from 1 to 64/);
    }
    await expect(serve('sqlite::memory:', ['--workers', '2'])).rejects.toThrow(/--workers needs a database file or PostgreSQL/);
  });
});
