// Writes a GeoReport CSV for `o311 import` benchmarks:
//   node packages/store/bench/make-csv.mjs FILE [rows] [chrono|random] [codes,comma,separated]
// chrono: oldest first with up to an hour of jitter, like a 311 export sorted
// by id; random: requested_datetime uniformly over four years.
import { createWriteStream } from 'node:fs';

const file = process.argv[2] ?? '/tmp/o311-data/requests.csv';
const N = Number(process.argv[3] ?? 1_000_000);
const order = process.argv[4] ?? 'chrono';
const CODES = (process.argv[5] ?? 'POTHOLE,STREETLIGHT,TRAFFIC_SIGNAL,MISSED_COLLECTION').split(',');
const STATUSES = ['open', 'open', 'in_progress', 'closed', 'fixed', 'open', 'duplicate', 'investigating'];
const T0 = Date.UTC(2020, 0, 1);
const SPAN = 4 * 365 * 86_400_000;
let seed = 7;
const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');

const out = createWriteStream(file, { highWaterMark: 1 << 20 });
const write = (s) => (out.write(s) ? undefined : new Promise((r) => out.once('drain', r)));
await write('service_code,status,status_notes,description,requested_datetime,updated_datetime,address,zipcode,lat,long\n');
let chunk = '';
for (let i = 0; i < N; i++) {
  const requested = order === 'chrono' ? T0 + Math.floor((i / N) * SPAN + rnd() * 3_600_000) : T0 + Math.floor(rnd() * SPAN);
  const status = STATUSES[i % STATUSES.length];
  const updated = requested + (status === 'open' ? 0 : 86_400_000 + Math.floor(rnd() * 86_400_000));
  const notes = status === 'open' ? '' : 'Handled by crew';
  chunk += `${CODES[i % CODES.length]},${status},${notes},"Request ${i}: something is broken, near here",${iso(requested)},${iso(updated)},${i % 9999} Main Street,60601,${(41.8 + rnd() * 0.2).toFixed(6)},${(-87.7 + rnd() * 0.2).toFixed(6)}\n`;
  if (chunk.length > 1 << 20) {
    await write(chunk);
    chunk = '';
  }
}
await write(chunk);
await new Promise((r) => out.end(r));
console.log(`wrote ${N} ${order} rows to ${file}`);
