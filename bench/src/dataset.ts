/**
 * A CSV of N synthetic requests in GeoReport columns, for `o311 import` and the
 * read benchmarks; every 1,000th row's place is kept, for queries around real points.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const STATUSES = ['open', 'in_progress', 'closed', 'fixed', 'open', 'closed'] as const;
const STREETS = ['Oak St', 'Maple Ave', 'River Rd', 'Main St', 'Elm St', 'Cedar Ln', 'Park Blvd', 'Mill St'];

/** Deterministic xorshift, so every run measures the same data (and asks the same queries). */
export function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

export interface DatasetOptions {
  rows: number;
  serviceCodes: readonly string[];
  center: { lat: number; long: number };
  /** Requests are spread over this many days before now. */
  days: number;
  now: number;
}

export interface Point {
  lat: number;
  long: number;
}

const SAMPLE_EVERY = 1000;

/** Writes the CSV; returns a sample of the places written. */
export async function writeRequestsCsv(path: string, o: DatasetOptions): Promise<Point[]> {
  const sample: Point[] = [];
  const out = createWriteStream(path);
  const rnd = random(311);
  out.write('service_code,status,status_notes,description,requested_datetime,updated_datetime,address,zipcode,lat,long\n');
  const span = o.days * 86_400_000;
  let chunk = '';
  for (let i = 0; i < o.rows; i++) {
    const requested = o.now - Math.floor(rnd() * span);
    const updated = Math.min(o.now, requested + Math.floor(rnd() * 10 * 86_400_000));
    const status = STATUSES[i % STATUSES.length] ?? 'open';
    const code = o.serviceCodes[i % o.serviceCodes.length] ?? '';
    const street = STREETS[i % STREETS.length] ?? '';
    const lat = (o.center.lat + (rnd() - 0.5) * 0.1).toFixed(6);
    const long = (o.center.long + (rnd() - 0.5) * 0.1).toFixed(6);
    if (i % SAMPLE_EVERY === 0) sample.push({ lat: Number(lat), long: Number(long) });
    const notes = status === 'open' ? '' : 'Crew visited the site';
    chunk += `${code},${status},${notes},"Reported issue #${i}, near the corner",${new Date(requested).toISOString()},${new Date(updated).toISOString()},${100 + (i % 9000)} ${street},${60600 + (i % 40)},${lat},${long}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return sample;
}
