/**
 * The spec's default window: GET requests without dates lists only the last 90
 * days. The plain default list alone cannot show a server that ignores the rule
 * once a city has over 1000 requests in 90 days (the 1000 newest are all
 * recent: the demo city of `npm start` is such a city), so the check also asks
 * for one service at a time, without dates, for the services that have older
 * requests. Warning level: many real servers ignore the rule.
 */
import type { ClientRequest } from '@o311/client';
import { fail, isOutcome, pass, type Check, type CheckOutcome } from '../check.js';
import type { CheckContext } from '../context.js';
import { daysAgo, MS_PER_DAY, w3c } from './support/dates.js';
import { defaultRequests, evidenceOfLoad, queryRequests, requestedAt, type Queried } from './support/requests.js';

const REF = 'GeoReport v2 §GET Service Requests (start_date, end_date: "the last 90 days"); digest §8';
/** One day of slack for time zones. */
const limitOf = (now: number): number => daysAgo(now, 90) - MS_PER_DAY;
/** Services probed one at a time, at most. */
const PROBED_SERVICES = 3;

const olderThanWindow = (list: readonly ClientRequest[], now: number): ClientRequest[] =>
  list.filter((r) => (requestedAt(r) ?? Infinity) < limitOf(now));

function failure(q: Queried, old: readonly ClientRequest[]): CheckOutcome {
  const first = old[0] as ClientRequest;
  return fail(
    `${q.name}: ${old.length} request(s) are older than 90 days, e.g. ${first.service_request_id ?? '(no id)'} ` +
      `requested ${first.requested_datetime ?? '?'}`,
    evidenceOfLoad(q.load),
  );
}

/** Service codes of requests from 91 to 180 days ago (an explicit, valid 90-day window), rarest first. */
async function servicesWithOlderRequests(ctx: CheckContext): Promise<string[]> {
  const older = await queryRequests(ctx, { start_date: w3c(daysAgo(ctx.now, 180), 0), end_date: w3c(daysAgo(ctx.now, 91), 0) });
  const counts = new Map<string, number>();
  for (const r of olderThanWindow(older.list ?? [], ctx.now)) {
    if (r.service_code !== null) counts.set(r.service_code, (counts.get(r.service_code) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => a[1] - b[1]).map(([code]) => code).slice(0, PROBED_SERVICES);
}

export const defaultWindowCheck: Check = {
  id: 'requests-default-window',
  title: 'Without dates, only the last 90 days are returned',
  specRef: REF,
  severity: 'warning',
  fix: 'Without start_date and end_date, return only requests of the last 90 days.',
  async run(ctx) {
    const base = await defaultRequests(ctx);
    if (isOutcome(base)) return base;
    const old = olderThanWindow(base.list, ctx.now);
    if (old.length > 0) return failure(base, old);
    const codes = await servicesWithOlderRequests(ctx);
    for (const service_code of codes) {
      const q = await queryRequests(ctx, { service_code });
      const oldOfService = olderThanWindow(q.list ?? [], ctx.now);
      if (oldOfService.length > 0) return failure(q, oldOfService);
    }
    const probed = codes.length === 0
      ? 'no request older than 90 days was found to probe further with'
      : `so are those of service_code ${codes.join(', ')} asked for without dates`;
    return pass(`all ${base.list.length} requests of the default list are from the last 90 days; ${probed}`);
  },
};
