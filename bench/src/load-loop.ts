/**
 * A closed-loop load of N keep-alive connections where every request is chosen
 * afresh (its URL, method, body and target), with latencies kept per kind of
 * request. autocannon repeats a fixed request list; the distinct-query mix and
 * the multi-process POSTs need a new request each time.
 */
import { Agent, request as httpRequest } from 'node:http';

export interface PlannedRequest {
  kind: string;
  /** Full URL (the target may change from one request to the next). */
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface Answer {
  status: number;
  body: string;
}

export interface LoopOptions {
  connections: number;
  /** Stops after this many seconds... */
  seconds?: number;
  /** ...or once `next` returns undefined. */
  next: () => PlannedRequest | undefined;
  /** Sees every answer (or the error of a request that got none). */
  onAnswer?: (planned: PlannedRequest, answer: Answer | Error) => void;
}

export interface Latencies {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export interface LoopResult {
  requestsPerSecond: number;
  seconds: number;
  total: number;
  non2xx: number;
  errors: number;
  all: Latencies;
  kinds: Map<string, Latencies>;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function summarize(values: number[]): Latencies {
  const sorted = values.sort((a, b) => a - b);
  return { count: sorted.length, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), p99Ms: percentile(sorted, 99) };
}

function send(agent: Agent, r: PlannedRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...r.headers, ...(r.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(r.body)) }) };
    const req = httpRequest(r.url, { agent, method: r.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(r.body);
  });
}

export async function loadLoop(o: LoopOptions): Promise<LoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.connections });
  const started = performance.now();
  const deadline = o.seconds === undefined ? Infinity : started + o.seconds * 1000;
  const byKind = new Map<string, number[]>();
  const all: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const connection = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const planned = o.next();
      if (planned === undefined) return;
      const t = performance.now();
      let answer: Answer | Error;
      try {
        answer = await send(agent, planned);
      } catch (e) {
        answer = e instanceof Error ? e : new Error(String(e));
      }
      const ms = performance.now() - t;
      if (answer instanceof Error) errors++;
      else {
        if (answer.status < 200 || answer.status > 299) non2xx++;
        all.push(ms);
        let list = byKind.get(planned.kind);
        if (!list) byKind.set(planned.kind, (list = []));
        list.push(ms);
      }
      o.onAnswer?.(planned, answer);
    }
  };
  await Promise.all(Array.from({ length: o.connections }, connection));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    requestsPerSecond: all.length / seconds,
    seconds,
    total: all.length,
    non2xx,
    errors,
    all: summarize(all),
    kinds: new Map([...byKind].map(([kind, values]) => [kind, summarize(values)])),
  };
}
