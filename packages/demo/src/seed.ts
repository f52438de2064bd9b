/**
 * Seeding a store with Riverton: jurisdiction, services, then a year of
 * requests in one bulk import, then the later status changes of the requests
 * that carry a full history, and the city's address gazetteer.
 */
import type { Store } from '@o311/store';
import { DEMO_JURISDICTION } from './city.js';
import { seedDemoGazetteer } from './gazetteer.js';
import { seedDemoAreas } from './neighbourhood-areas.js';
import { planRequests, type PlannedRequest } from './plan.js';
import { DEMO_SERVICES, toServiceRecord } from './services.js';

export interface SeedOptions {
  /** Historical requests to create (default 5000). */
  requests?: number;
  /** The moment the history ends, epoch ms (default: now). */
  now?: number;
  /** PRNG seed (default 311): same seed and `now`, same city. */
  seed?: number;
}

export interface SeedResult {
  jurisdiction_id: string;
  services: number;
  requests: number;
}

export const DEFAULT_DEMO_REQUESTS = 5000;
export const DEFAULT_DEMO_SEED = 311;

/** Whether the demo jurisdiction exists with its services. */
export async function isSeeded(store: Store): Promise<boolean> {
  if ((await store.getJurisdiction(DEMO_JURISDICTION.id)) === undefined) return false;
  return (await store.listServices(DEMO_JURISDICTION.id, { includeInactive: true })).length > 0;
}

/**
 * Creates (or updates) the Riverton jurisdiction and its services and adds a
 * year of requests. Refuses when Riverton already has requests, so that a
 * second run never doubles the history.
 */
export async function seedDemoCity(store: Store, options: SeedOptions = {}): Promise<SeedResult> {
  const count = options.requests ?? DEFAULT_DEMO_REQUESTS;
  const now = options.now ?? Date.now();
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`requests must be a non-negative integer, got ${count}`);
  const jurisdiction_id = DEMO_JURISDICTION.id;

  await store.saveJurisdiction(DEMO_JURISDICTION);
  if ((await store.countRequests({ jurisdiction_id })) > 0) {
    throw new Error(`${jurisdiction_id} already has requests; the demo city is seeded into an empty database only`);
  }
  for (const s of DEMO_SERVICES) await store.saveService(toServiceRecord(s, jurisdiction_id));

  const plans = planRequests({ count, now, seed, jurisdiction: DEMO_JURISDICTION, services: DEMO_SERVICES });
  const written = await store.importRequests(plans.map((p) => p.row));
  await replayHistory(store, jurisdiction_id, plans);
  await seedDemoAreas(store, now);
  await seedDemoGazetteer(store);
  return { jurisdiction_id, services: DEMO_SERVICES.length, requests: written };
}

/** Finds the imported requests again by their (unique) requested_at and applies their later status changes. */
async function replayHistory(store: Store, jurisdiction_id: string, plans: readonly PlannedRequest[]): Promise<void> {
  const pending = new Map<number, PlannedRequest>();
  for (const p of plans) if (p.later.length > 0) pending.set(p.row.requested_at, p);
  if (pending.size === 0) return;
  let from = Infinity;
  let to = -Infinity;
  for (const t of pending.keys()) { from = Math.min(from, t); to = Math.max(to, t); }

  const work: { id: string; plan: PlannedRequest }[] = [];
  const PAGE = 2000;
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listRequests({ jurisdiction_id, requested_from: from, requested_to: to, limit: PAGE, offset });
    for (const r of page) {
      const plan = pending.get(r.requested_at);
      if (plan && plan.row.service_code === r.service_code) work.push({ id: r.id, plan });
    }
    if (page.length < PAGE) break;
  }

  // Each request's changes in order; requests side by side (PostgreSQL gains from it, SQLite serialises anyway).
  const lanes = store.dialect === 'postgres' ? 8 : 1;
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < work.length) {
      const { id, plan } = work[next++] as { id: string; plan: PlannedRequest };
      for (const t of plan.later) {
        await store.changeStatus({ jurisdiction_id, request_id: id, status: t.status, note: t.note, author: 'Riverton 311', at: t.at });
      }
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}
