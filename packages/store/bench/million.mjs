// Measures the store at scale: import N rows (default 1,000,000), then time the
// hot list path. Run after `npx tsc -b packages/store`:
//   node packages/store/bench/million.mjs sqlite:/tmp/o311-bench/o311.db [rows]
//   node packages/store/bench/million.mjs postgres://postgres@127.0.0.1:5432/o311_bench [rows]
// The database must be empty (or absent); it is migrated first.
import { openStore } from '../dist/index.js';

const url = process.argv[2] ?? 'sqlite:/tmp/o311-bench/o311.db';
const N = Number(process.argv[3] ?? 1_000_000);
const T0 = Date.UTC(2020, 0, 1);
const SPAN = 4 * 365 * 86_400_000;
const STATUSES = ['open', 'open', 'in_progress', 'closed', 'fixed', 'open', 'duplicate', 'investigating'];
const CODES = ['pothole', 'light', 'graffiti', 'trash', 'tree'];
const reporter = { email: null, first_name: null, last_name: null, phone: null, device_id: null, account_id: null };

const store = await openStore(url);
await store.migrate();
const J = 'bench';
await store.saveJurisdiction({ id: J, name: 'Bench City', contact: '', key_service: '', timezone: 'UTC' });
for (const code of CODES) {
  await store.saveService({ jurisdiction_id: J, service_code: code, service_name: code, description: null, type: 'realtime', keywords: null, group: null, active: true, agency_responsible: null, service_notice: null, sla_hours: 72, attributes: [], translations: {} });
}

let seed = 1;
const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
// ORDER=chrono (default): rows come oldest first with jitter, like an export of
// a 311 system sorted by id. ORDER=random: requested_at uniformly at random.
const chrono = (process.env.ORDER ?? 'chrono') === 'chrono';
function* rows() {
  for (let i = 0; i < N; i++) {
    const requested_at = chrono ? T0 + Math.floor((i / N) * SPAN + rnd() * 3_600_000) : T0 + Math.floor(rnd() * SPAN);
    const status = STATUSES[i % STATUSES.length];
    yield {
      jurisdiction_id: J, service_code: CODES[i % CODES.length], description: `Request number ${i}: something is broken near here`,
      address: `${i % 9999} Main Street`, address_id: null, zipcode: '60601', lat: 41.8 + rnd() * 0.2, long: -87.7 + rnd() * 0.2,
      media_url: null, attributes: i % 3 === 0 ? { DEPTH: 'deep' } : {}, reporter,
      status, status_notes: status === 'open' ? null : 'Handled by crew', requested_at,
      updated_at: requested_at + (status === 'open' ? 0 : 86_400_000), expected_at: requested_at + 72 * 3_600_000, agency_responsible: null,
    };
  }
}

let t = performance.now();
const written = await store.importRequests(rows());
const importS = (performance.now() - t) / 1000;
console.log(`import (${chrono ? 'chronological' : 'random'} order): ${written} rows in ${importS.toFixed(1)} s = ${Math.round(written / importS)} rows/s (${store.dialect})`);

async function time(label, f, reps = 20) {
  await f(); // warm
  const ms = [];
  let n = 0;
  for (let i = 0; i < reps; i++) {
    const s = performance.now();
    n = (await f()).length ?? 0;
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label}: median ${ms[reps >> 1].toFixed(2)} ms, min ${ms[0].toFixed(2)} ms (${n} rows)`);
}
const page = (f) => () => store.listRequests({ jurisdiction_id: J, limit: 1000, offset: 0, ...f });
await time('listRequests newest 1000', page({}));
await time('listRequests newest 1000, status=open', page({ statuses: ['open'] }));
await time('listRequests newest 1000, service_code=light', page({ service_codes: ['light'] }));
await time('listRequests 1000, 90-day window', page({ requested_from: T0 + SPAN - 90 * 86_400_000, requested_to: T0 + SPAN }));
await time('listRequests 1000, updated in last 30 days', page({ updated_from: T0 + SPAN - 30 * 86_400_000 }));
await time('listRequests page 50 (offset 49000)', page({ offset: 49_000 }), 5);
await time('listRequests near 500 m', page({ near: { lat: 41.9, long: -87.6, radius_m: 500 } }), 5);
await time('listRequests near 5 km', page({ near: { lat: 41.9, long: -87.6, radius_m: 5000 } }), 5);
await time('listRequests bbox of the whole city', page({ bbox: { min_long: -87.7, min_lat: 41.8, max_long: -87.5, max_lat: 42 } }), 5);
await time('listRequests 2 service codes', page({ service_codes: ['light', 'tree'] }));
await time('listRequests updated in the last hour', page({ updated_from: T0 + SPAN - 3_600_000 }));
await time('listRequests 100 ids', () => store.listRequests({ jurisdiction_id: J, ids: Array.from({ length: 100 }, (_, i) => String(1000 + i * 997)), limit: 1000, offset: 0 }));
await time('getRequest', async () => [await store.getRequest(J, String(1000 + Math.floor(N / 2)))], 50);
await time('countRequests all', async () => [await store.countRequests({ jurisdiction_id: J })], 5);
const newest = (await store.listRequests({ jurisdiction_id: J, limit: 1000, offset: 0 })).map((r) => r.id);
await time('listEventsFor 1000 newest (extensions=true)', async () => [...(await store.listEventsFor(newest)).values()].flat());
await time('listEvents of one request', () => store.listEvents(J, newest[500]), 50);
await time('listPublicUpdates last 30 days, 1000', () => store.listPublicUpdates(J, T0 + SPAN - 30 * 86_400_000, T0 + SPAN + 86_400_000, 1000));
await time('listPublicUpdates last hour', () => store.listPublicUpdates(J, T0 + SPAN - 3_600_000, T0 + SPAN, 1000));
if (store.dataVersion) await time('dataVersion', async () => [await store.dataVersion()], 200);
await store.close();
