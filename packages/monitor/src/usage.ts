/**
 * Comprehensiveness and citizen utilisation of an endpoint, from its service
 * list and its requests of the last 30 days (the spec's default window is 90
 * days; one list is what most servers give without paging). At most three
 * calls: services, requests since 30 days ago and, when that answer was capped,
 * requests since 7 days ago (so the 7-day count is exact more often).
 */
import { mayBeCapped, type ClientRequest, type Open311Client } from '@o311/client';
import type { UsageSample } from '@o311/store';
import { clientFor } from './endpoint-client.js';
import { pollFailure } from './poll-error.js';
import type { PollOptions } from './poll-options.js';
import type { PollTarget } from './poll-target.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Headers by which a server says there is more than it sent. */
const NEXT_PAGE = /rel="?next"?/i;

interface Listed {
  requests: ClientRequest[];
  capped: boolean;
}

async function requestsSince(client: Open311Client, start: number, end: number): Promise<Listed> {
  const { data, exchange } = await client.requests({ start_date: new Date(start), end_date: new Date(end) });
  const headers = exchange.response.headers;
  const total = Number(headers['x-total-count']);
  const capped =
    mayBeCapped(data.length, client.options.profile?.maxResults) ||
    (Number.isFinite(total) && total > data.length) ||
    headers['x-next-page-url'] !== undefined ||
    NEXT_PAGE.test(headers.link ?? '');
  return { requests: data, capped };
}

const has = (value: string | null | undefined): boolean => value !== null && value !== undefined && value.trim() !== '';

const share = (list: readonly ClientRequest[], test: (r: ClientRequest) => boolean): number | null =>
  list.length === 0 ? null : list.filter(test).length / list.length;

const requestedAt = (r: ClientRequest): number => (r.requested_datetime === null ? NaN : Date.parse(r.requested_datetime));

/** Requests whose date cannot be read count in the 30-day window they were listed for, never in the 7-day one. */
const countSince = (list: readonly ClientRequest[], since: number): number => list.filter((r) => requestedAt(r) >= since).length;

export async function sampleUsage(target: PollTarget, options: PollOptions): Promise<UsageSample | { failed: string }> {
  const at = options.now();
  try {
    const client = await clientFor(target, options);
    const services = (await client.services()).data.length;
    const month = await requestsSince(client, at - 30 * DAY_MS, at);
    const week = month.capped ? await requestsSince(client, at - 7 * DAY_MS, at) : undefined;
    // Servers that ignore start_date list older requests too: those are left out.
    const list = month.requests.filter((r) => !(requestedAt(r) < at - 30 * DAY_MS));
    const dates = list.map(requestedAt).filter((t) => Number.isFinite(t));
    const lastWeek = Math.max(countSince(list, at - 7 * DAY_MS), week === undefined ? 0 : countSince(week.requests, at - 7 * DAY_MS));
    return {
      slug: target.slug,
      at,
      services,
      sampled: list.length,
      with_location: share(list, (r) => r.lat !== null && r.long !== null),
      with_address: share(list, (r) => has(r.address)),
      with_updated: share(list, (r) => r.updated_datetime !== null),
      with_media: share(list, (r) => has(r.media_url)),
      with_status_notes: share(list, (r) => has(r.status_notes)),
      requests_7d: lastWeek,
      requests_30d: list.length,
      capped: month.capped || (week?.capped ?? false),
      open: list.filter((r) => r.status === 'open').length,
      closed: list.filter((r) => r.status === 'closed').length,
      newest_at: dates.length === 0 ? null : dates.reduce((a, b) => Math.max(a, b)),
    };
  } catch (err) {
    return { failed: pollFailure(err).message };
  }
}
