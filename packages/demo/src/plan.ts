/**
 * The year of history, planned before anything is written: each request with
 * its answers and place, the state it is imported in, and the status changes
 * applied after import to give it a history. Pure and deterministic.
 */
import { formatDateTime, type ExtendedStatus } from '@o311/georeport';
import type { ImportedRequest, Jurisdiction } from '@o311/store';
import { localDays, type LocalDay } from './calendar.js';
import { NEIGHBOURHOODS, placeAtIntersection, placeInPark, placeOnStreet, type Neighbourhood, type Place } from './city.js';
import { makeReporter } from './people.js';
import { demoChannel } from './channels.js';
import { Random } from './random.js';
import type { AnswerContext, DemoAttribute, DemoService } from './services.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Requests of the last this-many days all get a full history (the default GeoReport window is 90 days). */
const RECENT_DAYS = 90;
/** Share of older requests that get a full history too. */
const OLDER_HISTORY_SHARE = 0.2;

export interface Transition {
  status: ExtendedStatus;
  note: string;
  at: number;
}

export interface PlannedRequest {
  /** What `importRequests` receives: the request in its first state after `submitted`. */
  row: ImportedRequest;
  /** Later status changes, oldest first, applied with `changeStatus` after the import. */
  later: Transition[];
}

export interface PlanOptions {
  count: number;
  now: number;
  seed: number;
  jurisdiction: Jurisdiction;
  services: readonly DemoService[];
}

const GENERIC_NOTES = {
  duplicate: [
    'Duplicate of an earlier report at this location; updates will be posted there.',
    'Already reported. We are tracking this under an existing request.',
    'Merged with another open request for the same problem.',
  ],
  no_further_action: [
    'Inspected; no problem found at this location.',
    'Could not locate the problem from the details given. Please submit a new report with a more exact location.',
    'Inspected and found within city standards; no action needed.',
  ],
  not_councils_responsibility: [
    'This is on private property; the owner has been notified.',
    'Forwarded to the responsible utility; the city cannot act on this.',
    'This location is maintained by the state Department of Transportation; the report was forwarded.',
  ],
} as const;

type Outcome = keyof DemoService['outcomes'];

/** Plans `count` requests over the 365 days before `now`, oldest first, with unique `requested_at`. */
export function planRequests(o: PlanOptions): PlannedRequest[] {
  const rng = new Random(o.seed);
  const tz = o.jurisdiction.timezone;
  const days = localDays(o.now, tz, 365);
  const formatLocal = (ms: number): string => formatDateTime(ms, tz);

  // How busy each day is: seasonality and weekends of every service, and a city that adopts 311 over the year.
  const dayWeights = days.map((d, i) => {
    let w = 0;
    for (const s of o.services) w += s.weight * (s.seasonal[d.month] ?? 1) * (isWeekend(d) ? s.weekend : 1);
    return w * (1 + 0.35 * (1 - i / days.length));
  });
  const dayCumulative = cumulative(dayWeights);
  const mixes = new Map<string, { pairs: [Neighbourhood, DemoService][]; cum: number[] }>();
  const mixFor = (d: LocalDay) => {
    const key = `${d.month}:${isWeekend(d)}`;
    let mix = mixes.get(key);
    if (!mix) {
      const pairs: [Neighbourhood, DemoService][] = [];
      const weights: number[] = [];
      for (const h of NEIGHBOURHOODS) {
        for (const s of o.services) {
          pairs.push([h, s]);
          weights.push(h.weight * s.weight * (h.affinity[s.code] ?? 1) * (s.seasonal[d.month] ?? 1) * (isWeekend(d) ? s.weekend : 1));
        }
      }
      mix = { pairs, cum: cumulative(weights) };
      mixes.set(key, mix);
    }
    return mix;
  };

  const planned: PlannedRequest[] = [];
  for (let i = 0; i < o.count; i++) {
    // When, then where and what: the mix of services depends on the season and the day of week.
    let requested_at = 0;
    let day: LocalDay = days[0] as LocalDay;
    let service: DemoService = o.services[0] as DemoService;
    let hood: Neighbourhood = NEIGHBOURHOODS[0] as Neighbourhood;
    for (let attempt = 0; ; attempt++) {
      const di = drawIndex(rng, dayCumulative);
      day = days[di] as LocalDay;
      const mix = mixFor(day);
      [hood, service] = mix.pairs[drawIndex(rng, mix.cum)] as [Neighbourhood, DemoService];
      const hour = rng.weighted(HOURS, (h) => service.hours[h] ?? 1);
      requested_at = day.start + hour * HOUR + rng.int(0, 3599) * 1000;
      if (requested_at <= o.now - 5 * 60_000 || attempt > 20) break;
    }
    requested_at = Math.min(requested_at, o.now - 5 * 60_000);
    planned.push(planOne(rng, o, service, hood, requested_at, formatLocal));
  }

  planned.sort((a, b) => a.row.requested_at - b.row.requested_at);
  // Unique times (whole seconds) so that every request can be found again after import.
  for (let i = 1; i < planned.length; i++) {
    const prev = (planned[i - 1] as PlannedRequest).row.requested_at;
    const p = planned[i] as PlannedRequest;
    if (p.row.requested_at <= prev) shiftRequest(p, prev + 1000 - p.row.requested_at);
  }
  return planned;
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const isWeekend = (d: LocalDay): boolean => d.weekday === 0 || d.weekday === 6;

function cumulative(weights: readonly number[]): number[] {
  const out: number[] = [];
  let total = 0;
  for (const w of weights) out.push((total += w));
  return out;
}

function drawIndex(rng: Random, cum: readonly number[]): number {
  const r = rng.next() * (cum[cum.length - 1] ?? 0);
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cum[mid] ?? 0) > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function shiftRequest(p: PlannedRequest, by: number): void {
  const r = p.row;
  r.requested_at += by;
  r.updated_at += by;
  if (r.expected_at !== null) r.expected_at += by;
  for (const t of p.later) t.at += by;
}

function placeFor(rng: Random, s: DemoService, hood: Neighbourhood): Place & { park?: string } {
  switch (s.placement) {
    case 'intersection': return placeAtIntersection(rng, hood);
    case 'park': return placeInPark(rng, hood);
    default: return placeOnStreet(rng, hood);
  }
}

function answer(a: DemoAttribute, ctx: AnswerContext): string | string[] | undefined {
  const { rng } = ctx;
  if (a.variable === false) return undefined;
  if (!a.required && !rng.chance(0.55)) return undefined;
  const values = a.values ?? [];
  if (a.datatype === 'singlevaluelist') return rng.weighted(values, (v) => v.weight ?? 1).key;
  if (a.datatype === 'multivaluelist') {
    const keys = new Set<string>([rng.weighted(values, (v) => v.weight ?? 1).key]);
    const extra = rng.weighted([0, 1, 2], (n) => [6, 3, 1][n] ?? 1);
    for (let k = 0; k < extra; k++) keys.add(rng.weighted(values, (v) => v.weight ?? 1).key);
    return values.map((v) => v.key).filter((k) => keys.has(k));
  }
  return a.answer?.(ctx);
}

interface Template {
  text: string;
  when: [code: string, keys: ReadonlySet<string>][];
}

const templateCache = new WeakMap<DemoService, Template[]>();

function templates(s: DemoService): Template[] {
  let list = templateCache.get(s);
  if (!list) {
    list = s.descriptions.map((raw): Template => {
      const m = /^\[([^\]]+)\]\s*/.exec(raw);
      if (!m) return { text: raw, when: [] };
      const when = (m[1] ?? '').split(';').map((cond): [string, ReadonlySet<string>] => {
        const [code = '', keys = ''] = cond.split('=');
        return [code.trim(), new Set(keys.split('|').map((k) => k.trim()))];
      });
      return { text: raw.slice(m[0].length), when };
    });
    templateCache.set(s, list);
  }
  return list;
}

/** A description that agrees with the answers given. */
function describe(rng: Random, s: DemoService, answers: Record<string, string | string[]>): string {
  const all = templates(s);
  const fits = all.filter((t) => t.when.every(([code, keys]) => {
    const v = answers[code];
    if (v === undefined) return false;
    return Array.isArray(v) ? v.some((k) => keys.has(k)) : keys.has(v);
  }));
  return rng.pick(fits.length > 0 ? fits : all).text;
}

function fill(template: string, place: Place & { park?: string }): string {
  return template
    .replaceAll('{street}', place.street)
    .replaceAll('{cross}', place.cross_street)
    .replaceAll('{hood}', place.neighbourhood)
    .replaceAll('{park}', place.park ?? 'the park')
    .replaceAll('{address}', place.address);
}

/** Master address ids exist for street addresses only, not for corners or parks. */
function addressId(address: string): string | null {
  if (!/^\d/.test(address) || address.includes(',')) return null;
  let h = 2166136261;
  for (let i = 0; i < address.length; i++) h = Math.imul(h ^ address.charCodeAt(i), 16777619);
  return `RV${String((h >>> 0) % 1_000_000).padStart(6, '0')}`;
}

function planOne(
  rng: Random,
  o: PlanOptions,
  s: DemoService,
  hood: Neighbourhood,
  requested_at: number,
  formatLocal: (ms: number) => string,
): PlannedRequest {
  const place = placeFor(rng, s, hood);
  const ctx: AnswerContext = { rng, requested_at, place, formatLocal };
  const attributes: Record<string, string | string[]> = {};
  for (const a of s.attributes) {
    const v = answer(a, ctx);
    if (v !== undefined) attributes[a.code] = v;
  }
  const description = rng.chance(0.04) ? null : fill(describe(rng, s, attributes), place);
  const media_url = rng.chance(s.photo_rate)
    ? `https://media.riverton.example/311/${new Date(requested_at).getUTCFullYear()}/${rng.hex(16)}.jpg`
    : null;
  const reporter = makeReporter(rng);

  // The life of the request: acknowledged (a working state), maybe a second step, then resolved.
  const outcome = rng.weighted(Object.keys(s.outcomes) as Outcome[], (k) => s.outcomes[k] ?? 0);
  const stuck = rng.chance(0.05);
  const ackH = Math.min(rng.logNormal(Math.min(4, s.resolve_median_h / 4), 1), 96);
  let resolveH = Math.max(ackH + 0.5, rng.logNormal(s.resolve_median_h, 0.8));
  if (outcome === 'duplicate') resolveH = ackH + rng.between(0.1, 2);
  if (outcome === 'no_further_action' || outcome === 'not_councils_responsibility') {
    resolveH = ackH + rng.logNormal(20, 0.8);
  }
  const working = rng.pick(s.notes.working);
  const steps: Transition[] = [];
  if (outcome !== 'duplicate') {
    steps.push({ status: working.status, note: rng.pick(working.notes), at: requested_at + ackH * HOUR });
    const other = s.notes.working.find((w) => w.status !== working.status);
    if (other && rng.chance(0.35)) {
      steps.push({ status: other.status, note: rng.pick(other.notes), at: requested_at + ((ackH + resolveH) / 2) * HOUR });
    }
  }
  if (!stuck) {
    const note = outcome === 'fixed' || outcome === 'closed'
      ? rng.pick(s.notes.fixed)
      : rng.pick(GENERIC_NOTES[outcome as keyof typeof GENERIC_NOTES]);
    steps.push({ status: outcome as ExtendedStatus, note, at: requested_at + resolveH * HOUR });
  }
  for (const st of steps) st.at = Math.round(st.at / 1000) * 1000;
  const happened = steps.filter((st) => st.at <= o.now - 60_000);

  const fullHistory = o.now - requested_at <= RECENT_DAYS * DAY || rng.chance(OLDER_HISTORY_SHARE);
  // Imported state: the first change (the importer writes its event) or the final one when the
  // history is not replayed.
  const first = fullHistory ? happened[0] : happened[happened.length - 1];
  const later = fullHistory ? happened.slice(1) : [];
  const row: ImportedRequest = {
    jurisdiction_id: o.jurisdiction.id,
    service_code: s.code,
    service_name: s.name[0],
    description,
    address: place.address,
    address_id: addressId(place.address),
    zipcode: place.zipcode,
    lat: place.lat,
    long: place.long,
    media_url,
    attributes,
    reporter,
    status: first?.status ?? 'open',
    status_notes: first?.note ?? null,
    requested_at,
    updated_at: first?.at ?? requested_at,
    expected_at: s.sla_hours === null ? null : requested_at + s.sla_hours * HOUR,
    agency_responsible: s.agency,
    channel: demoChannel(requested_at),
  };
  return { row, later };
}
