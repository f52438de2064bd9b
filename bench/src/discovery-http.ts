/**
 * `GET /discovery/v1/lookup.json` without services over HTTP (issue 10): a
 * point drawn afresh for every request (no URL is asked twice), in the box of
 * a boundary some endpoint serves, on a server whose registry holds the seed
 * (US states and counties, the countries, the known endpoints, the demo's
 * city, county, state and nation), beside bare node:http serving a body of
 * the same size through the same client loop.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { random } from './dataset.js';
import { loadLoop, type LoopResult, type PlannedRequest } from './load-loop.js';
import { run, stop } from './processes.js';
import { bare, serve } from './servers.js';

export interface LookupHttpFigures {
  /** Mean body size of the answers, bytes. */
  bytes: number;
  o311: LoopResult;
  bare: LoopResult;
}

type Box = readonly [number, number, number, number];

/** The boxes of the boundaries that endpoints serve below the national tier: where lookups find several tiers. */
async function servedBoxes(origin: string): Promise<Box[]> {
  const list = (await (await fetch(`${origin}/discovery/v1/endpoints.json?limit=1000`)).json()) as { tier: string; boundary_id: string | null }[];
  const boxes: Box[] = [];
  for (const e of list) {
    if (e.boundary_id === null || e.tier === 'nation' || e.tier === 'world') continue;
    const feature = (await (await fetch(`${origin}/discovery/v1/boundaries/${encodeURIComponent(e.boundary_id)}.geojson`)).json()) as {
      geometry: { coordinates: number[][][][] };
    };
    const xs = feature.geometry.coordinates.flatMap((p) => p[0]!.map((c) => c[0]!));
    const ys = feature.geometry.coordinates.flatMap((p) => p[0]!.map((c) => c[1]!));
    boxes.push([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
  }
  if (boxes.length === 0) throw new Error('the seeded registry has no endpoint below the national tier');
  return boxes;
}

/** A fresh point in the box of a served boundary each time. */
function lookups(base: string, boxes: readonly Box[], seed: number): () => PlannedRequest {
  const rnd = random(seed);
  return () => {
    const [minX, minY, maxX, maxY] = boxes[Math.floor(rnd() * boxes.length)]!;
    const lat = (minY + rnd() * (maxY - minY)).toFixed(6);
    const long = (minX + rnd() * (maxX - minX)).toFixed(6);
    return { kind: 'lookup', url: `${base}/discovery/v1/lookup.json?lat=${lat}&long=${long}` };
  };
}

export async function measureLookupHttp(o: {
  cli: string; databaseUrl: string; baselineServer: string; tmp: string; connections: number; seconds: number;
}): Promise<LookupHttpFigures> {
  await run('node', [o.cli, 'discovery', 'seed', '--demo', '--database', o.databaseUrl]);
  const server = await serve(o.cli, o.databaseUrl, ['--no-web']);
  try {
    const boxes = await servedBoxes(server.origin);
    // The baseline's body: the mean size of a sample of answers.
    const sample = lookups(server.origin, boxes, 5);
    let total = 0;
    const count = 50;
    for (let i = 0; i < count; i++) total += Buffer.byteLength(await (await fetch(sample().url)).text());
    const bytes = Math.round(total / count);
    const file = join(o.tmp, 'lookup.json');
    writeFileSync(file, JSON.stringify({ padding: 'x'.repeat(Math.max(0, bytes - 16)) }));
    const baseline = await bare(o.baselineServer, file, 'application/json; charset=utf-8');
    try {
      const toBare = lookups(baseline.origin, boxes, 6);
      await loadLoop({ connections: o.connections, seconds: 2, next: toBare });
      const bareRun = await loadLoop({ connections: o.connections, seconds: o.seconds, next: toBare });
      const next = lookups(server.origin, boxes, 7);
      await loadLoop({ connections: o.connections, seconds: 2, next });
      const o311 = await loadLoop({ connections: o.connections, seconds: o.seconds, next });
      return { bytes, o311, bare: bareRun };
    } finally {
      await stop(baseline.child);
    }
  } finally {
    await stop(server.child);
  }
}
