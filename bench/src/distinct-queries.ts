/**
 * The distinct-query mix of issue 9: what dashboards, map clients and monitors
 * send, a fresh URL every time so that no response cache can answer. Six kinds
 * in equal shares: a bbox of a few blocks, a radius of 200-800 m around a point
 * of the dataset, service + status + a window of up to 90 days, a 30-day window,
 * a page of 100, and one request by id.
 */
import type { Point } from './dataset.js';
import type { PlannedRequest } from './load-loop.js';

export const MIX_KINDS = ['bbox', 'radius', 'service + status + window', '30-day window', 'page of 100', 'by id'] as const;
export type MixKind = (typeof MIX_KINDS)[number];

const DAY = 86_400_000;

export interface MixData {
  /** `http://host:port/open311/v2` */
  base: string;
  points: readonly Point[];
  serviceCodes: readonly string[];
  /** The dataset's requests lie in [now - days, now]. */
  now: number;
  days: number;
  /** Ids of stored requests, all in this (contiguous) range. */
  ids: { min: number; max: number };
}

/** A W3C datetime to the second, as clients send them. */
const at = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export function mixQueries(data: MixData, rnd: () => number): () => PlannedRequest {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const between = (low: number, high: number): number => low + rnd() * (high - low);
  const oldest = data.now - data.days * DAY;
  const list = (params: Record<string, string>): string => `${data.base}/requests.json?${new URLSearchParams(params)}`;
  const make: Record<MixKind, () => string> = {
    bbox: () => {
      const p = pick(data.points);
      const half = between(0.002, 0.004); // 450-900 m on a side: a few blocks
      return list({ bbox: [p.long - half, p.lat - half, p.long + half, p.lat + half].map((v) => v.toFixed(6)).join(',') });
    },
    radius: () => {
      const p = pick(data.points);
      return list({ lat: p.lat.toFixed(6), long: p.long.toFixed(6), radius: String(Math.round(between(200, 800))) });
    },
    'service + status + window': () => {
      const length = between(1, 90) * DAY;
      const end = between(oldest + Math.min(length, data.days * DAY), data.now);
      return list({ service_code: pick(data.serviceCodes), status: pick(['open', 'closed']), start_date: at(end - length), end_date: at(end) });
    },
    '30-day window': () => {
      const start = between(oldest, data.now - 30 * DAY);
      return list({ start_date: at(start), end_date: at(start + 30 * DAY) });
    },
    'page of 100': () =>
      // The window's end varies to the second, so that each page is a new URL.
      list({ page: String(1 + Math.floor(rnd() * 10)), page_size: '100', end_date: at(between(data.now - 10 * DAY, data.now)) }),
    'by id': () => `${data.base}/requests/${Math.floor(between(data.ids.min, data.ids.max + 1))}.json`,
  };
  const seen = new Set<string>();
  let turn = 0;
  return () => {
    const kind = MIX_KINDS[turn++ % MIX_KINDS.length]!;
    let url = make[kind]();
    // Draws again in the rare case of a repeat: every URL is asked once (unless a tiny dataset runs out).
    for (let tries = 0; seen.has(url) && tries < 100; tries++) url = make[kind]();
    seen.add(url);
    return { kind, url };
  };
}
