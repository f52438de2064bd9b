/**
 * The page of 1,000 with the response cache off (`--read-cache 0`): every answer
 * queried and encoded, beside bare node:http serving the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, type LoadResult } from './load.js';
import { stop } from './processes.js';
import { bare, serve } from './servers.js';

export interface UncachedFigures {
  count: number;
  o311: LoadResult;
  bare: LoadResult;
}

export async function measureUncachedPage(o: {
  cli: string; databaseUrl: string; baselineServer: string; tmp: string; connections: number; seconds: number;
}): Promise<UncachedFigures> {
  const server = await serve(o.cli, o.databaseUrl, ['--read-cache', '0']);
  try {
    const url = `${server.origin}/open311/v2/requests.json`;
    const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
    const file = join(o.tmp, 'uncached-page.json');
    writeFileSync(file, bytes);
    const baseline = await bare(o.baselineServer, file, 'application/json; charset=utf-8');
    try {
      await load({ url: baseline.origin, connections: o.connections, seconds: 2 });
      const bareRun = await load({ url: baseline.origin, connections: o.connections, seconds: o.seconds });
      await load({ url, connections: o.connections, seconds: 2 });
      const o311 = await load({ url, connections: o.connections, seconds: o.seconds });
      return { count: (JSON.parse(bytes.toString()) as unknown[]).length, o311, bare: bareRun };
    } finally {
      await stop(baseline.child);
    }
  } finally {
    await stop(server.child);
  }
}
