/**
 * One request at a time over a keep-alive connection, timed by the client
 * (the response on loopback) and by the server's Server-Timing `app;dur=`
 * when it sends one: what a person changing a filter waits for.
 */
import { Agent, request as httpRequest } from 'node:http';

export interface Timed {
  status: number;
  bytes: number;
  ms: number;
  /** Server-Timing app;dur, ms; undefined without the header. */
  serverMs: number | undefined;
}

export interface Percentiles {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentiles. */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  return { count: sorted.length, p50Ms: at(50), p95Ms: at(95), p99Ms: at(99), maxMs: sorted.at(-1) ?? 0 };
}

const SERVER_TIMING = /(?:^|,)\s*app;dur=([\d.]+)/;

export function sequentialClient(): { get: (url: string) => Promise<Timed>; close: () => void } {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = (url: string): Promise<Timed> =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const req = httpRequest(url, { agent }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => {
          const timing = SERVER_TIMING.exec(String(res.headers['server-timing'] ?? ''));
          resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - started, serverMs: timing ? Number(timing[1]) : undefined });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  return { get, close: () => agent.destroy() };
}
