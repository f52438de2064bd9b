/**
 * Extensions (digest §12): info only. An extension that is not offered is skipped
 * (refused or ignored); one that is offered but answers badly fails (as info).
 */
import type { ClientRequest } from '@o311/client';
import { parseW3CDateTime } from '@o311/georeport';
import { fail, isOutcome, pass, skip, type Check, type CheckOutcome } from '../check.js';
import type { CheckContext, Load, Query } from '../context.js';
import { SERVICES, UPDATES } from '../context/documents.js';
import { evidenceOf } from '../context/evidence.js';
import { loadProblem, sourceOf } from '../context/load.js';
import { isRawObject, member } from '../raw/value.js';
import { daysAgo, w3c } from './support/dates.js';
import { defaultRequests, queryRequests, type Queried } from './support/requests.js';

const REF = 'GeoReport v2 Extensions; digest §12';
const RADIUS_M = 500;
const EARTH_RADIUS_M = 6_371_000;

/** What a load says about an extension before its content is judged: null when there is content to judge. */
function notOffered(load: Load<unknown>, name: string): CheckOutcome | null {
  if (load.kind === 'ok') return null;
  if (load.kind === 'status' && load.exchange.response.status >= 500) return fail(`${loadProblem(load, name)}`, evidenceOf(load.exchange));
  if (load.kind === 'unparseable') return fail(loadProblem(load, name), evidenceOf(load.exchange));
  return skip(`not offered (${loadProblem(load, name)})`);
}

const ignored = (what: string): CheckOutcome => skip(`not offered: ${what} is ignored`);

/** Queries requests with an extension's parameters and judges the answer. */
function requestsExtension(
  query: (ctx: CheckContext, base: ClientRequest[]) => Query | string,
  judge: (answer: ClientRequest[], q: Queried, base: ClientRequest[], ctx: CheckContext) => CheckOutcome,
  minimum = 1,
  /** A second step, run when the judge passed. */
  then?: (ctx: CheckContext, answer: ClientRequest[]) => Promise<CheckOutcome>,
): Check['run'] {
  return async (ctx) => {
    const base = await defaultRequests(ctx, minimum);
    if (isOutcome(base)) return base;
    const params = query(ctx, base.list);
    if (typeof params === 'string') return skip(params);
    const q = await queryRequests(ctx, params);
    const none = notOffered(q.load, q.name);
    if (none !== null) return none;
    if (q.list === null) return skip(`${q.name} could not be read`);
    const verdict = judge(q.list, q, base.list, ctx);
    return verdict.status === 'pass' && then !== undefined ? then(ctx, q.list) : verdict;
  };
}

const located = (list: readonly ClientRequest[]) => list.find((r) => r.lat !== null && r.long !== null && (r.lat !== 0 || r.long !== 0));

function distanceM(lat1: number, long1: number, lat2: number, long2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((long2 - long1) * rad) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** An area filter: every answer inside (and at least one, since the sample point is inside) → supported. */
function areaJudge(inside: (r: ClientRequest, centre: ClientRequest) => boolean, what: string) {
  return (answer: ClientRequest[], q: Queried, base: ClientRequest[]): CheckOutcome => {
    const centre = located(base);
    if (centre === undefined) return skip('no request with coordinates');
    const out = answer.filter((r) => r.lat !== null && r.long !== null && !inside(r, centre));
    if (out.length > 0) return ignored(what);
    return answer.length > 0 ? pass(`${q.name}: ${answer.length} request(s), all inside`) : fail(`${q.name}: no requests, though one lies at the centre`, evidenceOf(sourceOf(q.load)));
  };
}

export const extensionChecks: readonly Check[] = [
  /** page/page_size: page_size=1 gives one request, page=2 a different one. */
  {
    id: 'ext-paging',
    title: 'page/page_size paging extension',
    specRef: `${REF}.1, §12.7`,
    severity: 'info',
    fix: 'Optional: support page and page_size on requests so that clients can read long lists in parts.',
    run: requestsExtension(
      () => ({ page_size: '1' }),
      (answer) => (answer.length > 1 ? ignored('page_size') : pass('page_size honoured')),
      2,
      async (ctx, p1) => {
        const p2 = await queryRequests(ctx, { page: '2', page_size: '1' });
        const none = notOffered(p2.load, p2.name);
        if (none !== null) return none.status === 'skip' ? fail(`page_size works but ${none.message}`) : none;
        const [a, b] = [p1[0]?.service_request_id, p2.list?.[0]?.service_request_id];
        return b !== undefined && a !== b
          ? pass('page and page_size are supported')
          : fail(`${p2.name}: ${b === undefined ? 'no request' : 'the same request as page 1'}`, evidenceOf(sourceOf(p2.load)));
      },
    ),
  },
  /** extensions=true adds extended_attributes to requests. */
  {
    id: 'ext-extended-attributes',
    title: 'extensions=true adds extended_attributes',
    specRef: `${REF}.1, §12.5`,
    severity: 'info',
    fix: 'Optional: with extensions=true, add extended_attributes to each request.',
    run: requestsExtension(() => ({ extensions: 'true' }), (_answer, q) => {
      const items = q.load.kind === 'ok' ? q.load.items : [];
      const withExt = items.filter((r) => isRawObject(member(r, 'extended_attributes')));
      return withExt.length > 0 ? pass(`${withExt.length} of ${items.length} request(s) carry extended_attributes`) : ignored('extensions=true');
    }),
  },
  /** GET servicerequestupdates (mySociety) answers with <service_request_updates><request_update>. */
  {
    id: 'ext-request-updates',
    title: 'servicerequestupdates (mySociety) extension',
    specRef: `${REF}.3`,
    severity: 'info',
    fix: 'Optional: serve servicerequestupdates so that clients can follow status changes.',
    async run(ctx) {
      const format = await ctx.primaryFormat();
      const name = `servicerequestupdates.${format}`;
      const load = await ctx.load(UPDATES, 'servicerequestupdates', format, { start_date: w3c(daysAgo(ctx.now, 1), 0), end_date: w3c(ctx.now, 0) });
      const none = notOffered(load, name);
      if (none !== null || load.kind !== 'ok') return none ?? skip('not offered');
      return load.shapeProblems.length === 0
        ? pass(`${name}: ${load.items.length} update(s) in the last day`)
        : fail(`${name}: ${load.shapeProblems.join('; ')}`, evidenceOf(load.exchange));
    },
  },
  /** services?locale=fr is accepted (translation is best effort). */
  {
    id: 'ext-locale',
    title: 'locale parameter accepted',
    specRef: `${REF}.5`,
    severity: 'info',
    fix: 'Optional: accept the locale parameter and answer in that language where you can.',
    async run(ctx) {
      const format = await ctx.primaryFormat();
      const [plain, localised] = await Promise.all([ctx.services(format), ctx.load(SERVICES, 'services', format, { locale: 'fr' })]);
      const none = notOffered(localised, `services.${format}?locale=fr`);
      if (none !== null || localised.kind !== 'ok') return none ?? skip('not offered');
      const differs = plain.kind === 'ok' && plain.exchange.response.body !== localised.exchange.response.body;
      return pass(`locale=fr accepted${differs ? ' and the list differs (translated)' : ' (same list as the default)'}`);
    },
  },
  /** lat/long/radius restricts requests to a circle (CitySDK/6Aika). */
  {
    id: 'ext-radius',
    title: 'lat/long/radius filter extension',
    specRef: `${REF}.5, §12.7`,
    severity: 'info',
    fix: 'Optional: support lat, long and radius to filter requests around a point.',
    run: requestsExtension(
      (_ctx, base) => {
        const c = located(base);
        return c?.lat == null || c.long == null ? 'no request with coordinates' : { lat: String(c.lat), long: String(c.long), radius: String(RADIUS_M) };
      },
      areaJudge((r, c) => distanceM(r.lat ?? 0, r.long ?? 0, c.lat ?? 0, c.long ?? 0) <= RADIUS_M * 1.1 + 50, 'lat/long/radius'),
    ),
  },
  /** bbox=minLon,minLat,maxLon,maxLat restricts requests to a box (6Aika). */
  {
    id: 'ext-bbox',
    title: 'bbox filter extension',
    specRef: `${REF}.5, §12.7`,
    severity: 'info',
    fix: 'Optional: support bbox to filter requests inside a rectangle.',
    run: requestsExtension(
      (_ctx, base) => {
        const c = located(base);
        if (c?.lat == null || c.long == null) return 'no request with coordinates';
        const d = 0.005;
        return { bbox: [c.long - d, c.lat - d, c.long + d, c.lat + d].map((n) => n.toFixed(6)).join(',') };
      },
      areaJudge((r, c) => Math.abs((r.lat ?? 0) - (c.lat ?? 0)) <= 0.0051 && Math.abs((r.long ?? 0) - (c.long ?? 0)) <= 0.0051, 'bbox'),
    ),
  },
  /** updated_after restricts requests to those updated since (v2.1 draft). */
  {
    id: 'ext-updated-after',
    title: 'updated_after filter (v2.1 draft)',
    specRef: `${REF}.2`,
    severity: 'info',
    fix: 'Optional: support updated_after so that clients can fetch only what changed.',
    run: requestsExtension(
      (ctx) => ({ updated_after: w3c(daysAgo(ctx.now, 7), 0) }),
      (answer, q, _base, ctx) => {
        const bound = daysAgo(ctx.now, 7) - 1000;
        const older = answer.filter((r) => (r.updated_datetime === null ? false : (parseW3CDateTime(r.updated_datetime) ?? Infinity) < bound));
        return older.length > 0 ? ignored('updated_after') : pass(`${q.name}: ${answer.length} request(s), all updated since`);
      },
      0,
    ),
  },
];
