/**
 * Benchmark part `monitor`, second half (issue 12): does the API suffer while
 * the monitor polls? One `o311 serve` on SQLite (the demo city, and 1,000 fake
 * endpoints in the registry, each polled every minute: about 1,000 polls a
 * minute), pinned to one core with the fleet and the load on the other. The
 * same load of GET services.json is measured with the monitor off, then on,
 * then off again, in the same run: p99 beside p99. The tick claims the due
 * endpoints once a minute, so polls come in bursts: a window of a minute or
 * more holds at least one.
 */
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedDemoCity } from '@o311/demo';
import { openStore, type Store } from '@o311/store';
import { loadLoop, type LoopResult } from './load-loop.js';
import { monitorFleetFormats } from './monitor-fleet.js';
import { start, stop } from './processes.js';
import { freePort } from './servers.js';

export interface MonitorApiFigures {
  endpoints: number;
  connections: number;
  off: LoopResult;
  on: LoopResult;
  offAgain: LoopResult;
  /** Polls the server recorded while `on` was measured, per minute. */
  pollsPerMinuteDuringOn: number;
  pinned: boolean;
}

const ENDPOINTS = 1000;
const CONNECTIONS = 8;
const INTERVAL_S = 60;
/** The longest wait for the server's first polls. */
const FIRST_POLLS_LIMIT_MS = 120_000;

const dist = fileURLToPath(new URL('.', import.meta.url));
const canPin = (): boolean => spawnSync('taskset', ['-c', '0', 'true']).status === 0;

async function prepareDatabase(url: string, fleetOrigin: string): Promise<void> {
  const store = await openStore(url);
  try {
    await store.migrate();
    await seedDemoCity(store, { requests: 1000 });
    for (let n = 0; n < ENDPOINTS; n++) {
      await store.saveEndpoint({
        slug: `fake-${n}`, name: `Fake endpoint ${n}`, tier: 'city', country: 'US', base_url: `${fleetOrigin}/e/${n}/`, discovery_url: null,
        jurisdiction_id: null, local: false, formats: monitorFleetFormats(n), api_key_url: null, terms_url: null, contact_email: null,
        status: 'production', boundary_id: null, quirks: null, notes: '',
      });
    }
    await store.monitor.syncTargets(Date.now());
    for (const t of await store.monitor.listTargets()) {
      await store.monitor.saveSettings(t.slug, { ...t, interval_s: INTERVAL_S }, Date.now());
    }
  } finally {
    await store.close();
  }
}

const samplesSince = async (store: Store, from: number): Promise<number> =>
  (await store.monitor.listSamples({ from, limit: 1_000_000 })).length;

async function serveOn(cli: string, url: string, monitor: boolean, pin: boolean): Promise<{ child: ChildProcess; origin: string }> {
  const port = await freePort();
  const args = [cli, 'serve', '--database', url, '--port', String(port), '--max-requests-per-socket', '0',
    ...(monitor ? ['--monitor', '--allow-private-endpoints', '--monitor-timeout', '5000'] : ['--no-monitor'])];
  const [command, argv] = pin ? ['taskset', ['-c', '0', 'node', ...args]] : ['node', args];
  const { child } = await start(command, argv, /open311\/v2/);
  return { child, origin: `http://127.0.0.1:${port}` };
}

const servicesLoad = (origin: string, seconds: number): Promise<LoopResult> =>
  loadLoop({ connections: CONNECTIONS, seconds, next: () => ({ kind: 'services', url: `${origin}/open311/v2/services.json` }) });

export async function measureMonitorApi(o: { cli: string; tmp: string; seconds: number }): Promise<MonitorApiFigures> {
  const pin = canPin();
  const fleetArgs = [join(dist, 'monitor-fleet.js'), String(ENDPOINTS)];
  const fleet = await start(pin ? 'taskset' : 'node', pin ? ['-c', '1', 'node', ...fleetArgs] : fleetArgs, /^fleet (.*)$/);
  try {
    const { origin: fleetOrigin } = JSON.parse(fleet.match[1]!) as { origin: string };
    const url = `sqlite:${join(o.tmp, 'monitor-api.sqlite')}`;
    await prepareDatabase(url, fleetOrigin);
    const measure = async (monitor: boolean): Promise<{ result: LoopResult; polls: number }> => {
      const server = await serveOn(o.cli, url, monitor, pin);
      const store = await openStore(url);
      try {
        await servicesLoad(server.origin, 2);
        if (monitor) {
          const waitFrom = Date.now();
          while ((await samplesSince(store, waitFrom)) < ENDPOINTS / 4) {
            if (Date.now() - waitFrom > FIRST_POLLS_LIMIT_MS) throw new Error('the monitor recorded no polls within two minutes');
            await new Promise((r) => setTimeout(r, 1000));
          }
        }
        const from = Date.now();
        const result = await servicesLoad(server.origin, o.seconds);
        return { result, polls: await samplesSince(store, from) };
      } finally {
        await store.close();
        await stop(server.child);
      }
    };
    const off = await measure(false);
    const on = await measure(true);
    const offAgain = await measure(false);
    return {
      endpoints: ENDPOINTS, connections: CONNECTIONS, off: off.result, on: on.result, offAgain: offAgain.result,
      pollsPerMinuteDuringOn: (60 * on.polls) / on.result.seconds, pinned: pin,
    };
  } finally {
    await stop(fleet.child);
  }
}

const ms = (n: number): string => n.toFixed(1);
const pct = (a: number, b: number): string => (b > 0 ? `${((100 * a) / b).toFixed(1)} %` : 'n/a');

/** A section of results.md. */
export function renderMonitorApiSection(m: MonitorApiFigures): string {
  const row = (name: string, r: LoopResult): string =>
    `| ${name} | ${Math.round(r.requestsPerSecond).toLocaleString('en-US')} | ${ms(r.all.p50Ms)} | ${ms(r.all.p99Ms)} | ${r.non2xx + r.errors} |`;
  const baseline = (m.off.all.p99Ms + m.offAgain.all.p99Ms) / 2;
  return [
    '### The API while the monitor polls (issue 12)',
    '',
    `\`o311 serve\` on SQLite${m.pinned ? ' pinned to one core (the fleet and the load on the other)' : ''}, the demo city and ${m.endpoints.toLocaleString('en-US')} fake endpoints ` +
      `polled every minute; GET services.json over ${m.connections} connections, monitor off, on, off again. ` +
      `Polls recorded during the "on" window: ${Math.round(m.pollsPerMinuteDuringOn).toLocaleString('en-US')} a minute.`,
    '',
    '| monitor | requests/s | p50 ms | p99 ms | errors |',
    '|---|---:|---:|---:|---:|',
    row('off', m.off),
    row('on', m.on),
    row('off again', m.offAgain),
    '',
    `p99 with the monitor polling: ${pct(m.on.all.p99Ms, baseline)} of the p99 without it (the mean of both "off" runs); throughput ${pct(m.on.requestsPerSecond, (m.off.requestsPerSecond + m.offAgain.requestsPerSecond) / 2)}.`,
    '',
  ].join('\n');
}
