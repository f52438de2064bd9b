/**
 * The service list, the document every client polls most, in each format and
 * in a translation, beside bare node:http serving the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, type LoadResult } from './load.js';
import { stop } from './processes.js';
import { bare, type Running } from './servers.js';

export interface ServicesFigure {
  document: string;
  bytes: number;
  o311: LoadResult;
  bare: LoadResult;
}

const DOCUMENTS = [
  { document: 'services.json', path: 'services.json', type: 'application/json; charset=utf-8' },
  { document: 'services.xml', path: 'services.xml', type: 'text/xml; charset=utf-8' },
  { document: 'services.json?locale=es', path: 'services.json?locale=es', type: 'application/json; charset=utf-8' },
] as const;

export async function measureServices(o: {
  server: Running; baselineServer: string; tmp: string; connections: number; seconds: number;
}): Promise<ServicesFigure[]> {
  const figures: ServicesFigure[] = [];
  for (const [i, d] of DOCUMENTS.entries()) {
    const url = `${o.server.origin}/open311/v2/${d.path}`;
    const res = await fetch(url);
    if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
    const bytes = Buffer.from(await res.arrayBuffer());
    const file = join(o.tmp, `services-${i}`);
    writeFileSync(file, bytes);
    const baseline = await bare(o.baselineServer, file, res.headers.get('content-type') ?? d.type);
    try {
      await load({ url: baseline.origin, connections: o.connections, seconds: 2 });
      const bareRun = await load({ url: baseline.origin, connections: o.connections, seconds: o.seconds });
      await load({ url, connections: o.connections, seconds: 2 });
      const o311 = await load({ url, connections: o.connections, seconds: o.seconds });
      figures.push({ document: d.document, bytes: bytes.length, o311, bare: bareRun });
    } finally {
      await stop(baseline.child);
    }
  }
  return figures;
}
