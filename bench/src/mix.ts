/**
 * The distinct-query mix against `o311 serve` and, in the same run, against
 * bare node:http answering every request with one fixed answer of the mix.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { random, type Point } from './dataset.js';
import { mixQueries, type MixData } from './distinct-queries.js';
import { loadLoop, type LoopResult, type PlannedRequest } from './load-loop.js';
import { stop } from './processes.js';
import { bare, type Running } from './servers.js';

export interface MixFigures {
  o311: LoopResult;
  bare: LoopResult;
  /** The same mix (other URLs) on `o311 serve --workers N`, when measured. */
  workers?: { count: number; o311: LoopResult };
}

export interface MixSetup {
  server: Running;
  baselineServer: string;
  tmp: string;
  points: readonly Point[];
  serviceCodes: readonly string[];
  now: number;
  days: number;
  connections: number;
  seconds: number;
  /** `o311 serve --workers N` on the same database, measured after the single process. */
  workers?: { count: number; server: Running };
}

const DAY = 86_400_000;

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The range of stored ids, from pages of 500 in random days (imported ids are contiguous). */
async function idRange(base: string, now: number, days: number, rnd: () => number): Promise<{ min: number; max: number }> {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < 20; i++) {
    const start = now - (1 + rnd() * (days - 1)) * DAY;
    const params = new URLSearchParams({ start_date: new Date(start).toISOString(), end_date: new Date(start + DAY).toISOString(), page: '1', page_size: '500' });
    for (const r of (await getJson(`${base}/requests.json?${params}`)) as { service_request_id: string }[]) {
      min = Math.min(min, Number(r.service_request_id));
      max = Math.max(max, Number(r.service_request_id));
    }
  }
  if (!(min <= max)) throw new Error('the mix found no stored request');
  return { min, max };
}

async function warmAndLoad(next: () => PlannedRequest, s: MixSetup): Promise<LoopResult> {
  await loadLoop({ connections: s.connections, seconds: 2, next });
  return loadLoop({ connections: s.connections, seconds: s.seconds, next });
}

export async function measureMix(s: MixSetup): Promise<MixFigures> {
  const base = `${s.server.origin}/open311/v2`;
  const ids = await idRange(base, s.now, s.days, random(7));
  const data: MixData = { base, points: s.points, serviceCodes: s.serviceCodes, now: s.now, days: s.days, ids };
  const next = mixQueries(data, random(2026));

  // The baseline's fixed answer: one answer of the mix (a bbox), from its own stream of queries.
  const sample = mixQueries(data, random(99))();
  const file = join(s.tmp, 'mix-answer.json');
  writeFileSync(file, Buffer.from(await (await fetch(sample.url)).arrayBuffer()));
  const baseline = await bare(s.baselineServer, file, 'application/json; charset=utf-8');
  try {
    const toBare = () => {
      const q = next();
      return { ...q, url: q.url.replace(s.server.origin, baseline.origin) };
    };
    await loadLoop({ connections: s.connections, seconds: 2, next: toBare });
    const bareRun = await loadLoop({ connections: s.connections, seconds: s.seconds, next: toBare });
    const o311 = await warmAndLoad(next, s);
    if (!s.workers) return { o311, bare: bareRun };
    const onWorkers = mixQueries({ ...data, base: `${s.workers.server.origin}/open311/v2` }, random(2027));
    return { o311, bare: bareRun, workers: { count: s.workers.count, o311: await warmAndLoad(onWorkers, s) } };
  } finally {
    await stop(baseline.child);
  }
}
