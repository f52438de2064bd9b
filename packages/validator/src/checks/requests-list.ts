/** GET Service Requests (spec: GET Service Requests; digest §8, §10): the documents, their contents as a whole, the filters. */
import type { ClientRequest } from '@o311/client';
import { PUBLIC_STATUSES, type Format } from '@o311/georeport';
import { fail, isOutcome, pass, skip, type Check } from '../check.js';
import type { CheckContext, Query } from '../context.js';
import { sourceOf } from '../context/load.js';
import { defaultWindowCheck } from './requests-default-window.js';
import { requestFieldChecks } from './requests-fields.js';
import { requestsSources } from './support/areas.js';
import { daysAgo, describeDays, MS_PER_DAY, SLACK_MS, w3c } from './support/dates.js';
import { documentOutcome, formatOffered } from './support/document-check.js';
import { Findings } from './support/findings.js';
import {
  defaultRequests, differentRequests, evidenceOfLoad, notAnswered, queryRequests, requestedAt, type Queried,
} from './support/requests.js';
import { docRule } from './support/sources.js';

const REF = 'GeoReport v2 §GET Service Requests; digest §8';
const MAX_SPAN_MS = 90 * MS_PER_DAY;
const MAX_RESULTS = 1000;

const documentCheck = (format: Format): Check['run'] => async (ctx) =>
  (await formatOffered(ctx, format)) ?? documentOutcome(await ctx.requests(format), { name: `requests.${format}` });

/** Runs `judge` on a filtered answer, after checking the default list is there and the query was answered. */
function filterCheck(
  /** The query to send, or why it cannot be built (the check is skipped). */
  query: (ctx: CheckContext, base: ClientRequest[]) => Query | string,
  judge: (answer: ClientRequest[], base: ClientRequest[], ctx: CheckContext) => string[],
  passMessage: string,
  minimum = 1,
): Check['run'] {
  return async (ctx) => {
    const base = await defaultRequests(ctx, minimum);
    if (isOutcome(base)) return base;
    const q = query(ctx, base.list);
    if (typeof q === 'string') return skip(q);
    const answer = await queryRequests(ctx, q);
    if (answer.list === null) return fail(notAnswered(answer), evidenceOfLoad(answer.load));
    const findings = new Findings();
    findings.addAll(judge(answer.list, base.list, ctx).map((p) => `${answer.name}: ${p}`), sourceOf(answer.load));
    return findings.outcome(`${answer.name}: ${passMessage}`);
  };
}

const codesOf = (list: readonly ClientRequest[]): string[] => [...new Set(list.flatMap((r) => (r.service_code === null ? [] : [r.service_code])))];

const outside = (list: readonly ClientRequest[], ok: (r: ClientRequest) => boolean, what: (r: ClientRequest) => string): string[] => {
  const bad = list.filter((r) => !ok(r));
  return bad.length === 0 ? [] : [`${bad.length} request(s) ${what(bad[0] as ClientRequest)}${bad.length > 1 ? ' (first shown)' : ''}`];
};

const idOf = (r: ClientRequest): string => r.service_request_id ?? '(no id)';

/** Expect the same requests as the default list. */
const sameAsDefault = (label: string) => (answer: ClientRequest[], base: ClientRequest[], ctx: CheckContext): string[] =>
  differentRequests(answer, base, ctx.now, [label, 'the default list']);

/** The request window used by the date-filter checks: 30 to 7 days ago. */
const dateWindow = (now: number) => ({ start: daysAgo(now, 30), end: daysAgo(now, 7) });

const withinWindow = (now: number) => (answer: ClientRequest[]): string[] => {
  const { start, end } = dateWindow(now);
  return outside(answer, (r) => {
    const at = requestedAt(r);
    return at === null || (at >= start - SLACK_MS && at <= end + SLACK_MS);
  }, (r) => `fall outside the window, e.g. ${idOf(r)} requested ${r.requested_datetime ?? '?'}`);
};

export const requestsListChecks: readonly Check[] = [
  /** requests.xml answers 200 with <service_requests><request>…. */
  { id: 'requests-xml', title: 'requests.xml answers with <service_requests><request>…', specRef: REF, severity: 'error', formats: ['xml'], fix: 'Serve requests.xml with a <service_requests> root holding one <request> per request.', run: documentCheck('xml') },
  /** requests.json (when JSON is offered) answers with a top-level array. */
  { id: 'requests-json', title: 'requests.json answers with a top-level array', specRef: `${REF}; digest §1.1`, severity: 'error', formats: ['json'], fix: 'Serve requests.json as a top-level JSON array of requests.', run: documentCheck('json') },
  ...requestFieldChecks,
  /** Every request's service_code is one the service list offers. */
  {
    id: 'requests-known-service',
    title: "Each request's service_code is in the service list",
    specRef: `${REF}; digest §6`,
    severity: 'warning',
    fix: 'List only requests whose service_code is in the service list (or list the retired services too).',
    async run(ctx) {
      const [base, services] = [await defaultRequests(ctx), await ctx.serviceList()];
      if (isOutcome(base)) return base;
      if (services.length === 0) return skip('the service list is not available');
      const known = new Set(services.map((s) => s.service_code));
      const unknown = codesOf(base.list).filter((c) => !known.has(c));
      return unknown.length === 0
        ? pass(`all ${base.list.length} requests use listed service codes`)
        : fail(`${base.name}: service_code(s) not in the service list: ${unknown.slice(0, 5).join(', ')}`, evidenceOfLoad(base.load));
    },
  },
  defaultWindowCheck,
  /** The default answer holds at most 1000 requests. */
  {
    id: 'requests-max-results',
    title: 'At most 1000 requests are returned',
    specRef: REF,
    severity: 'error',
    fix: 'Return at most 1000 requests per answer.',
    run: docRule({
      sources: requestsSources,
      what: 'requests list',
      rule: (items) => (items.length > MAX_RESULTS ? [`${items.length} requests in one answer`] : []),
      passMessage: (docs) => `${docs.map((d) => `${d.name}: ${d.load.items.length}`).join(', ')} (≤ ${MAX_RESULTS})`,
    }),
  },
  /** ?service_request_id=&service_code=&status=&start_date=&end_date= gives the same answer as no parameters. */
  {
    id: 'requests-empty-params',
    title: 'Empty parameters (?status=) act like absent ones',
    specRef: 'GeoReport v2 §Optional arguments; digest §1',
    severity: 'error',
    fix: 'Treat an empty parameter such as ?status= as if it were absent.',
    run: filterCheck(
      () => ({ service_request_id: '', service_code: '', status: '', start_date: '', end_date: '' }),
      sameAsDefault('the answer with empty parameters'),
      'same requests as with no parameters',
      0,
    ),
  },
  /** service_code=X returns only X; service_code=X,Y only X or Y. */
  {
    id: 'requests-filter-service-code',
    title: 'service_code (and a comma list) filters requests',
    specRef: REF,
    severity: 'error',
    fix: 'Filter requests by service_code, accepting a comma-separated list.',
    async run(ctx) {
      const base = await defaultRequests(ctx);
      if (isOutcome(base)) return base;
      const codes = codesOf(base.list).slice(0, 2);
      const findings = new Findings();
      for (const asked of [codes.slice(0, 1), codes.length > 1 ? codes : []].filter((c) => c.length > 0)) {
        const q = await queryRequests(ctx, { service_code: asked.join(',') });
        if (q.list === null) {
          findings.add(notAnswered(q), sourceOf(q.load));
          continue;
        }
        findings.addAll(outside(q.list, (r) => r.service_code !== null && asked.includes(r.service_code), (r) => `have other codes, e.g. ${idOf(r)} (${r.service_code ?? 'none'})`).map((p) => `${q.name}: ${p}`), sourceOf(q.load));
        if (q.list.length === 0) findings.add(`${q.name}: no requests, though the default list has some with that code`, sourceOf(q.load));
      }
      return findings.outcome(`filtering by ${codes.join(' and by ')} returns only those codes`);
    },
  },
  /** status=open returns only open requests; status=closed only closed ones. */
  {
    id: 'requests-filter-status',
    title: 'status=open / status=closed filter requests',
    specRef: REF,
    severity: 'error',
    fix: 'Filter requests by status=open and status=closed.',
    async run(ctx) {
      const base = await defaultRequests(ctx, 0);
      if (isOutcome(base)) return base;
      const findings = new Findings();
      for (const status of PUBLIC_STATUSES) {
        const q = await queryRequests(ctx, { status });
        if (q.list === null) findings.add(notAnswered(q), sourceOf(q.load));
        else findings.addAll(outside(q.list, (r) => r.status === status, (r) => `are not ${status}, e.g. ${idOf(r)} (${r.status})`).map((p) => `${q.name}: ${p}`), sourceOf(q.load));
      }
      return findings.outcome('status=open and status=closed each return only that status');
    },
  },
  /** status=open,closed is accepted and lists what no status filter lists. */
  {
    id: 'requests-filter-status-list',
    title: 'status=open,closed is accepted and equals no filter',
    specRef: REF,
    severity: 'error',
    fix: 'Accept status=open,closed and return both.',
    run: filterCheck(() => ({ status: 'open,closed' }), sameAsDefault('status=open,closed'), 'same requests as no status filter', 0),
  },
  /** start_date/end_date bound requested_datetime (inclusive). */
  {
    id: 'requests-filter-dates',
    title: 'start_date/end_date bound requested_datetime',
    specRef: REF,
    severity: 'error',
    fix: 'Return only requests whose requested_datetime lies between start_date and end_date.',
    run: filterCheck((ctx) => {
      const { start, end } = dateWindow(ctx.now);
      return { start_date: w3c(start, 0), end_date: w3c(end, 0) };
    }, (answer, _base, ctx) => withinWindow(ctx.now)(answer), 'every request lies within the window', 0),
  },
  /** The same window written with Z, +05:30 and -08:00 is accepted and gives the same requests. */
  {
    id: 'requests-date-offsets',
    title: 'Query dates with Z and with ±hh:mm offsets are accepted alike',
    specRef: `${REF}; digest §1 (Dates)`,
    severity: 'error',
    fix: 'Parse query dates with Z and with ±hh:mm offsets as the same instant.',
    async run(ctx) {
      const { start, end } = dateWindow(ctx.now);
      const forms = [0, 330, -480].map((offset) => ({ start_date: w3c(start, offset), end_date: w3c(end, offset) }));
      const answers: Queried[] = [];
      for (const query of forms) answers.push(await queryRequests(ctx, query));
      const findings = new Findings();
      const [zulu, ...offsets] = answers;
      for (const a of answers) if (a.list === null) findings.add(notAnswered(a), sourceOf(a.load));
      if (zulu?.list) {
        for (const a of offsets) if (a.list) findings.addAll(differentRequests(a.list, zulu.list, ctx.now, [a.name, zulu.name]), sourceOf(a.load));
      }
      return findings.outcome('Z, +05:30 and -08:00 forms of the same window give the same requests');
    },
  },
  /** service_request_id=a,b returns exactly those requests, ignoring status and dates that would exclude them. */
  {
    id: 'requests-filter-ids',
    title: 'service_request_id=a,b returns those requests and ignores other filters',
    specRef: REF,
    severity: 'error',
    fix: 'With service_request_id=a,b, return those requests and ignore the other filters.',
    run: filterCheck(
      (_ctx, base) => {
        const picked = base.filter((r) => r.service_request_id !== null).slice(0, 2);
        if (picked.length === 0) return 'no request in the default list has an id';
        const other = picked[0]?.status === 'open' ? 'closed' : 'open';
        return {
          service_request_id: picked.map(idOf).join(','),
          status: other,
          start_date: '2001-01-01T00:00:00Z',
          end_date: '2001-01-02T00:00:00Z',
        };
      },
      (answer, base) => {
        const wanted = base.filter((r) => r.service_request_id !== null).slice(0, 2).map(idOf);
        const got = answer.map(idOf);
        const missing = wanted.filter((id) => !got.includes(id));
        const extra = got.filter((id) => !wanted.includes(id));
        return [
          ...(missing.length > 0 ? [`missing ${missing.join(', ')} (were other filters applied?)`] : []),
          ...(extra.length > 0 ? [`also lists ${extra.slice(0, 3).join(', ')}`] : []),
        ];
      },
      'exactly the asked-for requests, other filters ignored',
    ),
  },
  /** A 120-day start_date..end_date span is refused with 400, or clamped so no more than 90 days come back. */
  {
    id: 'requests-90-day-limit',
    title: 'A start_date..end_date span over 90 days is refused (400) or clamped',
    specRef: `${REF}: the start_date..end_date span may not exceed 90 days; digest §8 leaves the answer open (400 recommended, or clamp)`,
    severity: 'error',
    fix: 'Refuse a date span over 90 days with 400, or clamp it to 90 days.',
    async run(ctx) {
      const q = await queryRequests(ctx, { start_date: w3c(daysAgo(ctx.now, 120), 0), end_date: w3c(ctx.now, 0) });
      if (q.load.kind === 'status' && q.load.exchange.response.status === 400) return pass(`${q.name}: refused with 400`);
      if (q.list === null) return fail(`${notAnswered(q)}; expected 400, or 200 with at most 90 days of requests`, evidenceOfLoad(q.load));
      const times = q.list.flatMap((r) => requestedAt(r) ?? []);
      // reduce, not Math.max(...times): a huge answer must not overflow the argument list
      const span = times.length === 0 ? 0 : times.reduce((a, b) => Math.max(a, b)) - times.reduce((a, b) => Math.min(a, b));
      return span <= MAX_SPAN_MS + 3_600_000
        ? pass(`${q.name}: accepted; the requests returned span ${describeDays(span)} (clamped, or no older data)`)
        : fail(`${q.name}: accepted and returned requests spanning ${describeDays(span)}; the spec caps a query at 90 days`, evidenceOfLoad(q.load));
    },
  },
  /** Reports whether the default list is sorted by requested_datetime (the spec leaves order open). */
  {
    id: 'requests-sort-order',
    title: 'Requests are sorted by requested_datetime',
    specRef: `${REF} (order not specified; newest first recommended)`,
    severity: 'info',
    fix: 'Sort requests by requested_datetime, newest first (the order most clients expect).',
    async run(ctx) {
      const base = await defaultRequests(ctx, 2);
      if (isOutcome(base)) return base;
      const times = base.list.flatMap((r) => requestedAt(r) ?? []);
      const pairs = times.slice(1).map((t, i) => t - (times[i] as number));
      if (pairs.every((d) => d <= 0)) return pass('newest first (requested_datetime descending)');
      if (pairs.every((d) => d >= 0)) return pass('oldest first (requested_datetime ascending)');
      return fail('the default list is not sorted by requested_datetime', evidenceOfLoad(base.load));
    },
  },
];
