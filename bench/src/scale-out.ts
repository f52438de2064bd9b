/**
 * Several `o311 serve` processes on one PostgreSQL database: a fixed number of
 * durable POSTs from many connections, spread round robin over the processes,
 * next to the same load on one process; then again with one process killed
 * with SIGKILL midway, checking in the database that every acknowledged
 * request is stored exactly once.
 */
import { loadLoop, type Answer, type PlannedRequest } from './load-loop.js';
import { stop } from './processes.js';
import { queryBench } from './bench-database.js';
import { serve, type Running } from './servers.js';

export interface PostRun {
  processes: number;
  seconds: number;
  acknowledged: number;
  acknowledgedPerSecond: number;
  p99Ms: number;
  /** Requests that got no answer (their process died with them in flight or was gone). */
  unanswered: number;
  /** Answers other than 2xx. */
  refused: number;
  /** Acknowledged requests missing from the database. */
  lost: number;
  /** Acknowledged requests stored more than once. */
  duplicated: number;
  /** Stored requests whose acknowledgement never arrived (in flight when their process died). */
  storedUnacknowledged: number;
}

export interface ScaleOutFigures {
  total: number;
  connections: number;
  one: PostRun;
  three: PostRun;
  threeKilled: PostRun & { killedAfter: number };
}

interface Options {
  cli: string;
  databaseUrl: string;
  total: number;
  connections: number;
  /** The form body of one POST with this description. */
  postBody: (description: string) => string;
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function isRefusedConnection(e: Error): boolean {
  return (e as NodeJS.ErrnoException).code === 'ECONNREFUSED';
}

async function postRun(o: Options, servers: Running[], label: string, killMidway: boolean): Promise<PostRun> {
  const pending = Array.from({ length: o.total }, (_, i) => o.total - 1 - i);
  const live = servers.map((s) => s.origin);
  const acknowledged = new Map<string, string>();
  let unanswered = 0;
  let refused = 0;
  let turn = 0;
  let killed = false;
  const description = (i: number) => `${label}-${i}`;
  const next = (): PlannedRequest | undefined => {
    const i = pending.pop();
    if (i === undefined || live.length === 0) return undefined;
    const origin = live[turn++ % live.length]!;
    return { kind: String(i), url: `${origin}/open311/v2/requests.json`, method: 'POST', headers: FORM, body: o.postBody(description(i)) };
  };
  const onAnswer = (planned: PlannedRequest, answer: Answer | Error): void => {
    const i = Number(planned.kind);
    if (answer instanceof Error) {
      if (!isRefusedConnection(answer)) {
        unanswered++;
        return;
      }
      // A proxy stops sending to a process that refuses connections; the request, which never reached it, goes elsewhere.
      const at = live.indexOf(new URL(planned.url).origin);
      if (at >= 0) live.splice(at, 1);
      pending.push(i);
      return;
    }
    if (answer.status < 200 || answer.status > 299) {
      refused++;
      return;
    }
    const [receipt] = JSON.parse(answer.body) as { service_request_id?: string }[];
    acknowledged.set(description(i), receipt?.service_request_id ?? '');
    if (killMidway && !killed && acknowledged.size >= o.total / 2) {
      killed = true;
      servers[1]!.child.kill('SIGKILL');
    }
  };
  const started = performance.now();
  const latencies: number[] = [];
  // Requests put back after a refused connection go out in another pass.
  while (pending.length > 0 && live.length > 0) {
    const result = await loadLoop({ connections: o.connections, next, onAnswer });
    latencies.push(result.all.p99Ms);
  }
  const seconds = (performance.now() - started) / 1000;

  const stored = await queryBench<{ description: string; ids: string[] }>(
    `select description, array_agg(id::text) as ids from requests where description like $1 group by description`,
    [`${label}-%`],
  );
  const byDescription = new Map(stored.map((r) => [r.description, r.ids]));
  let lost = 0;
  let duplicated = 0;
  for (const [d, id] of acknowledged) {
    const ids = byDescription.get(d);
    if (!ids || !ids.includes(id)) lost++;
    else if (ids.length > 1) duplicated++;
  }
  return {
    processes: servers.length,
    seconds,
    acknowledged: acknowledged.size,
    acknowledgedPerSecond: acknowledged.size / seconds,
    p99Ms: Math.max(...latencies),
    unanswered,
    refused,
    lost,
    duplicated,
    storedUnacknowledged: stored.filter((r) => !acknowledged.has(r.description)).length,
  };
}

async function withServers<T>(o: Options, count: number, body: (servers: Running[]) => Promise<T>): Promise<T> {
  const servers: Running[] = [];
  try {
    for (let i = 0; i < count; i++) servers.push(await serve(o.cli, o.databaseUrl));
    return await body(servers);
  } finally {
    for (const s of servers) await stop(s.child);
  }
}

export async function measureScaleOut(o: Options): Promise<ScaleOutFigures> {
  const warm = { ...o, total: Math.min(200, o.total) };
  await withServers(o, 3, (servers) => postRun(warm, servers, 'warm-up', false));
  const one = await withServers(o, 1, (servers) => postRun(o, servers, 'one', false));
  const three = await withServers(o, 3, (servers) => postRun(o, servers, 'three', false));
  const threeKilled = await withServers(o, 3, (servers) => postRun(o, servers, 'killed', true));
  return { total: o.total, connections: o.connections, one, three, threeKilled: { ...threeKilled, killedAfter: Math.floor(o.total / 2) } };
}
