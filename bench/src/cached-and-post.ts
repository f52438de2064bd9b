/**
 * The figures of the server foundation: the cached GET of a page of 1,000 and
 * the durable POST, each beside bare node:http, and the server's memory.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, type LoadResult } from './load.js';
import { memoryOf, rssMegabytes, stop, type Memory } from './processes.js';
import { bare, type Running } from './servers.js';

export interface CachedFigures {
  count: number;
  bareBefore: LoadResult;
  get: LoadResult;
  bareAfter: LoadResult;
  barePost: LoadResult;
  post: LoadResult;
  rssIdleMb: number;
  rssLoadedMb: number;
  rssBareMb: number;
  /** The server's memory after the load, its own and the mapped files'. */
  loaded: Memory;
}

export async function measureCachedAndPost(o: {
  server: Running; baselineServer: string; tmp: string; connections: number; seconds: number; postBody: string;
}): Promise<CachedFigures> {
  const c = o.connections;
  const rssIdleMb = rssMegabytes(o.server.child.pid!);
  const url = `${o.server.origin}/open311/v2/requests.json`;
  const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
  const file = join(o.tmp, 'requests.json');
  writeFileSync(file, bytes);
  const baseline = await bare(o.baselineServer, file, 'application/json; charset=utf-8');
  try {
    const rssBareMb = rssMegabytes(baseline.child.pid!);
    await load({ url, connections: c, seconds: 2 });
    await load({ url: baseline.origin, connections: c, seconds: 2 });
    const bareBefore = await load({ url: baseline.origin, connections: c, seconds: o.seconds });
    const get = await load({ url, connections: c, seconds: o.seconds });
    const bareAfter = await load({ url: baseline.origin, connections: c, seconds: o.seconds });

    const post = { method: 'POST' as const, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: o.postBody };
    await load({ url, connections: c, seconds: 2, ...post });
    const barePost = await load({ url: baseline.origin, connections: c, seconds: o.seconds, ...post });
    const postRun = await load({ url, connections: c, seconds: o.seconds, ...post });
    return {
      count: (JSON.parse(bytes.toString()) as unknown[]).length,
      bareBefore, get, bareAfter, barePost, post: postRun,
      rssIdleMb, rssLoadedMb: rssMegabytes(o.server.child.pid!), rssBareMb, loaded: memoryOf(o.server.child.pid!),
    };
  } finally {
    await stop(baseline.child);
  }
}
