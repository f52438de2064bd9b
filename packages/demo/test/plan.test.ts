/** The demo catalogue and the planned year of requests, without a database. */
import { DATATYPES, EXTENDED_STATUSES, isIso8601, type Attribute } from '@o311/georeport';
import { describe, expect, it } from 'vitest';
import {
  cityBounds, DEMO_JURISDICTION, DEMO_SERVICES, planRequests, Random, toServiceRecord, type PlannedRequest,
} from '../src/index.js';

const NOW = Date.UTC(2026, 2, 1, 18, 0, 0);
const DAY = 86_400_000;
const plan = (seed = 311, count = 5000): PlannedRequest[] =>
  planRequests({ count, now: NOW, seed, jurisdiction: DEMO_JURISDICTION, services: DEMO_SERVICES });

describe('Random', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const xs = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws integers in range and by weight', () => {
    const r = new Random(1);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 4000; i++) {
      const n = r.int(3, 7);
      expect(n >= 3 && n <= 7 && Number.isInteger(n)).toBe(true);
      counts[r.weighted(['a', 'b'] as const, (k) => (k === 'a' ? 3 : 1))] += 1;
    }
    expect(counts.a / counts.b).toBeGreaterThan(2.4);
    expect(counts.a / counts.b).toBeLessThan(3.7);
  });
});

describe('service catalogue', () => {
  const records = DEMO_SERVICES.map((s) => toServiceRecord(s));
  const attributes = records.flatMap((r) => r.attributes);

  it('has at least ten services in several groups, of all three types', () => {
    expect(records.length).toBeGreaterThanOrEqual(10);
    expect(new Set(records.map((r) => r.group)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(records.map((r) => r.type))).toEqual(new Set(['realtime', 'batch', 'blackbox']));
    expect(new Set(records.map((r) => r.service_code)).size).toBe(records.length);
    for (const r of records) {
      expect(r.agency_responsible).toBeTruthy();
      expect(r.service_notice).toBeTruthy();
      expect(r.keywords).toBeTruthy();
      expect(r.description).toBeTruthy();
    }
    expect(records.filter((r) => r.sla_hours !== null).length).toBeGreaterThanOrEqual(10);
  });

  it('uses all six datatypes, required and optional answers, and an informational attribute', () => {
    expect(new Set(attributes.filter((a) => a.variable).map((a) => a.datatype))).toEqual(new Set(DATATYPES));
    expect(attributes.some((a) => a.variable && a.required)).toBe(true);
    expect(attributes.some((a) => a.variable && !a.required)).toBe(true);
    expect(attributes.some((a) => !a.variable)).toBe(true);
    expect(attributes.filter((a) => !a.variable).every((a) => !a.required)).toBe(true);
  });

  it('gives unique positive orders and values exactly to list attributes', () => {
    for (const r of records) {
      const orders = r.attributes.map((a) => a.order);
      expect(new Set(orders).size).toBe(orders.length);
      expect(orders.every((o) => Number.isInteger(o) && o > 0)).toBe(true);
      for (const a of r.attributes) {
        const isList = a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist';
        expect(a.values !== undefined).toBe(isList);
        if (a.values) {
          expect(a.values.length).toBeGreaterThan(1);
          expect(new Set(a.values.map((v) => v.key)).size).toBe(a.values.length);
        }
      }
    }
  });

  it('translates names, descriptions, groups, attribute descriptions and value names into es and fr', () => {
    for (const r of records) {
      for (const locale of ['es', 'fr']) {
        const t = r.translations[locale];
        expect(t, `${r.service_code} ${locale}`).toBeDefined();
        if (!t) continue;
        expect(t.service_name).toBeTruthy();
        expect(t.service_name).not.toBe(r.service_name);
        expect(t.description).toBeTruthy();
        expect(t.group).toBeTruthy();
        for (const a of r.attributes) {
          const ta = t.attributes?.[a.code];
          expect(ta?.description, `${r.service_code}.${a.code} ${locale}`).toBeTruthy();
          for (const v of a.values ?? []) expect(ta?.values?.[v.key], `${a.code}=${v.key} ${locale}`).toBeTruthy();
        }
      }
    }
  });
});

describe('planned requests', () => {
  const planned = plan();
  const defs = new Map(DEMO_SERVICES.map((s) => [s.code, toServiceRecord(s).attributes]));
  const finalStatus = (p: PlannedRequest) => p.later.at(-1)?.status ?? p.row.status;

  it('is deterministic for a seed and `now`, and differs with the seed', () => {
    expect(plan(311, 300)).toEqual(plan(311, 300));
    expect(plan(312, 300).map((p) => p.row.requested_at)).not.toEqual(plan(311, 300).map((p) => p.row.requested_at));
  });

  it('spreads 5000 requests over the last 365 days, oldest first, with unique times', () => {
    expect(planned).toHaveLength(5000);
    const times = planned.map((p) => p.row.requested_at);
    expect(times.every((t, i) => i === 0 || t > (times[i - 1] as number))).toBe(true);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW - 366 * DAY);
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
    const months = new Set(times.map((t) => new Date(t).toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
    // No month is empty or holds most of the year.
    const perMonth = new Map<string, number>();
    for (const t of times) {
      const m = new Date(t).toISOString().slice(0, 7);
      perMonth.set(m, (perMonth.get(m) ?? 0) + 1);
    }
    const full = [...perMonth.values()].sort((a, b) => a - b).slice(1, -1);
    expect(Math.min(...full)).toBeGreaterThan(150);
    expect(Math.max(...full)).toBeLessThan(900);
  });

  it('arrives by every channel, mostly by phone and then the web form', () => {
    const counts = new Map<string, number>();
    for (const p of planned) counts.set(p.row.channel ?? 'none', (counts.get(p.row.channel ?? 'none') ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['api', 'app', 'email', 'phone', 'sms', 'web']);
    const share = (c: string) => (counts.get(c) ?? 0) / planned.length;
    expect(share('phone')).toBeGreaterThan(0.37);
    expect(share('phone')).toBeLessThan(0.47);
    expect(share('web')).toBeGreaterThan(share('app'));
    expect(share('sms')).toBeGreaterThan(0.01);
  });

  it('uses every service and places requests inside the city with addresses and zipcodes', () => {
    expect(new Set(planned.map((p) => p.row.service_code)).size).toBe(DEMO_SERVICES.length);
    const b = cityBounds();
    for (const { row } of planned) {
      expect(row.lat).not.toBeNull();
      expect(row.lat as number).toBeGreaterThan(b.min_lat - 0.01);
      expect(row.lat as number).toBeLessThan(b.max_lat + 0.01);
      expect(row.long as number).toBeGreaterThan(b.min_long - 0.01);
      expect(row.long as number).toBeLessThan(b.max_long + 0.01);
      expect(row.address).toMatch(/^(\d+ \S.*|.+ & .+|.+, \d+ .+)$/);
      expect(row.zipcode).toMatch(/^\d{5}$/);
      expect(row.jurisdiction_id).toBe(DEMO_JURISDICTION.id);
    }
    expect(planned.filter((p) => p.row.media_url !== null).length).toBeGreaterThan(50);
    expect(planned.filter((p) => p.row.media_url !== null).length).toBeLessThan(600);
    expect(new Set(planned.map((p) => p.row.description)).size).toBeGreaterThan(500);
  });

  it('answers each service\'s attributes correctly', () => {
    for (const { row } of planned) {
      const attrs = defs.get(row.service_code) as Attribute[];
      const byCode = new Map(attrs.map((a) => [a.code, a]));
      for (const a of attrs) if (a.variable && a.required) expect(row.attributes[a.code], `${row.service_code}.${a.code}`).toBeDefined();
      for (const [code, value] of Object.entries(row.attributes)) {
        const a = byCode.get(code);
        expect(a, `${row.service_code}.${code}`).toBeDefined();
        if (!a) continue;
        expect(a.variable).toBe(true);
        const keys = new Set((a.values ?? []).map((v) => v.key));
        switch (a.datatype) {
          case 'multivaluelist':
            expect(Array.isArray(value) && value.length > 0 && value.every((k) => keys.has(k))).toBe(true);
            break;
          case 'singlevaluelist':
            expect(typeof value === 'string' && keys.has(value)).toBe(true);
            break;
          case 'number':
            expect(Number.isFinite(Number(value))).toBe(true);
            break;
          case 'datetime':
            expect(typeof value === 'string' && isIso8601(value)).toBe(true);
            break;
          case 'string':
            expect(typeof value === 'string' && value.length > 0 && !value.includes('\n')).toBe(true);
            break;
          case 'text':
            expect(typeof value === 'string' && value.length > 0).toBe(true);
        }
      }
    }
  });

  it('gives realistic statuses by age, with extended states and ordered histories', () => {
    const old = planned.filter((p) => p.row.requested_at < NOW - 180 * DAY);
    const young = planned.filter((p) => p.row.requested_at > NOW - 2 * DAY);
    const closed = (p: PlannedRequest) => EXTENDED_STATUSES[finalStatus(p)] === 'closed';
    expect(old.filter(closed).length / old.length).toBeGreaterThan(0.9);
    expect(young.length).toBeGreaterThan(5);
    expect(young.filter(closed).length / young.length).toBeLessThan(0.6);
    const statuses = new Set(planned.map(finalStatus));
    for (const s of ['fixed', 'closed', 'duplicate', 'no_further_action', 'in_progress', 'action_scheduled', 'open']) {
      expect(statuses, s).toContain(s);
    }
    const withHistory = planned.filter((p) => p.later.length > 0);
    expect(withHistory.length).toBeGreaterThan(1000);
    for (const p of planned) {
      let t = p.row.requested_at;
      expect(p.row.updated_at).toBeGreaterThanOrEqual(t);
      if (p.row.status !== 'open') expect(p.row.status_notes).toBeTruthy();
      t = p.row.updated_at;
      for (const step of p.later) {
        expect(step.at).toBeGreaterThanOrEqual(t);
        expect(step.at).toBeLessThanOrEqual(NOW);
        expect(step.note).toBeTruthy();
        t = step.at;
      }
    }
  });
});
