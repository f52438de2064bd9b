/** What one list answer says beyond its requests: whether the endpoint pages, whether the list was cut. */
import { DEFAULT_MAX_RESULTS, mayBeCapped, type Answer, type ClientRequest, type QuirkProfile } from '@o311/client';

const PAGING_HEADERS = ['x-total-count', 'x-page-count', 'x-next-page-url'];

export const showsPaging = (headers: Readonly<Record<string, string>>): boolean =>
  PAGING_HEADERS.some((h) => h in headers) || /rel="?next"?/i.test(headers.link ?? '');

export function totalOf(headers: Readonly<Record<string, string>>): number | undefined {
  const raw = headers['x-total-count'];
  const n = Number(raw);
  return raw !== undefined && raw.trim() !== '' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** An unpaged answer that may hold less than the window has. */
export function isCapped(count: number, profile: QuirkProfile | undefined, pageSizeSent: number | undefined): boolean {
  return mayBeCapped(count, Math.min(profile?.maxResults ?? DEFAULT_MAX_RESULTS, pageSizeSent ?? Infinity));
}

/** Epoch ms of a datetime the client read (ISO with offset), or undefined. */
export const timeOf = (value: string | null): number | undefined => {
  if (value === null) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
};

/**
 * Whether an answer to updated_after/updated_before kept to them: false when a request's updated_datetime
 * lies outside (a second's slack for the precision of query dates); undefined when no request tells.
 */
export function honoursUpdated(answer: Answer<ClientRequest[]>, start: number, end: number): boolean | undefined {
  let told = false;
  for (const r of answer.data) {
    const t = timeOf(r.updated_datetime);
    if (t === undefined) continue;
    if (t < start - 1000 || t > end + 1000) return false;
    told = true;
  }
  return told ? true : undefined;
}
