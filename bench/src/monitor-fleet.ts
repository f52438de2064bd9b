/**
 * The monitor benchmark's fleet (a child process): fake GeoReport endpoints
 * 0..count-1 on one loopback server, each behaving as monitorFleetPlan says,
 * until killed. Prints `fleet {"origin":…}` when it listens.
 *
 *   node bench/dist/monitor-fleet.js COUNT
 */
import { fakeRequest, startFakeFleet, type FakeEndpointSettings } from './monitor-fake-endpoints.js';

/** Beyond the benchmark's poll timeout. */
export const SLOW_MS = 10_000;
const DAY = 86_400_000;

/**
 * What endpoint n does: a latency from 50 ms to 2 s (log-spread), and of
 * every 25 one is slower than the timeout, one sends broken XML, one broken
 * JSON, one an HTML 500 page, one the wrong shape; one in 50 closes the
 * connection. Each has 40 requests over the last 40 days for usage.
 */
export function monitorFleetPlan(n: number, now: number): Partial<FakeEndpointSettings> {
  const spread = ((n * 7919) % 250) / 249;
  const latencyMs = Math.round(50 * 40 ** spread);
  const requests = Array.from({ length: 40 }, (_, i) => fakeRequest(`${n}-${i}`, now - i * DAY - 1000, { lat: 41.5, long: -93.6, address: i % 2 === 0 ? 'Main St' : null }));
  const base = { latencyMs, requests };
  switch (n % 25) {
    case 0: return { ...base, latencyMs: SLOW_MS };
    case 1: return { ...base, behaviour: 'broken-xml' };
    case 2: return { ...base, behaviour: 'broken-json' };
    case 3: return { ...base, behaviour: 'http-500' };
    case 4: return { ...base, behaviour: 'wrong-shape' };
    default: return n % 50 === 5 ? { ...base, behaviour: 'down' } : base;
  }
}

/** Endpoint n offers only XML when it sends broken XML (so that the XML is what is read). */
export const monitorFleetFormats = (n: number): ('json' | 'xml')[] => (n % 25 === 1 ? ['xml'] : ['json', 'xml']);

async function main(): Promise<void> {
  const count = Number(process.argv[2]);
  if (!(Number.isInteger(count) && count > 0)) throw new Error('usage: monitor-fleet.js COUNT');
  const fleet = await startFakeFleet();
  const now = Date.now();
  for (let n = 0; n < count; n++) fleet.set(n, monitorFleetPlan(n, now));
  process.stdout.write(`fleet ${JSON.stringify({ origin: fleet.origin, refusedUrl: fleet.refusedUrl })}\n`);
  process.on('SIGTERM', () => {
    void fleet.close().then(() => process.exit(0));
  });
}

if (process.argv[1]?.endsWith('monitor-fleet.js')) {
  main().catch((e: unknown) => {
    process.stderr.write(`monitor fleet failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
