/** GET requests with parameters, and comparing the answers (helpers of the requests-* checks). */
import type { ClientRequest } from '@o311/client';
import { parseW3CDateTime, type Format } from '@o311/georeport';
import { skip, type CheckOutcome } from '../../check.js';
import type { CheckContext, Load, Query } from '../../context.js';
import { REQUESTS } from '../../context/documents.js';
import { evidenceOf } from '../../context/evidence.js';
import { loadProblem, sourceOf } from '../../context/load.js';

/** Requests whose requested_datetime is this recent may have arrived between two calls. */
const IN_FLIGHT_MS = 5 * 60_000;

export interface Queried {
  format: Format;
  name: string;
  load: Load<ClientRequest[]>;
  /** The client's reading of the answer; null unless it was a readable 2xx document. */
  list: ClientRequest[] | null;
}

export const describeQuery = (query: Query): string =>
  `requests?${Object.entries(query).map(([k, v]) => `${k}=${v}`).join('&')}`;

/** GET requests in the primary format with `query`. */
export async function queryRequests(ctx: CheckContext, query: Query): Promise<Queried> {
  const format = await ctx.primaryFormat();
  const load = await ctx.load(REQUESTS, 'requests', format, query);
  const list = load.kind === 'ok' ? (load.read?.value ?? null) : null;
  return { format, name: describeQuery(query), load, list };
}

/** The default list, read. */
export type DefaultRequests = Queried & { list: ClientRequest[] };

/**
 * The default list in the primary format (no parameters), or the skip of a
 * check that needs it when it is unavailable or has fewer than `min` requests.
 */
export async function defaultRequests(ctx: CheckContext, min = 1): Promise<DefaultRequests | CheckOutcome> {
  const format = await ctx.primaryFormat();
  const load = await ctx.requests(format);
  const q: Queried = { format, name: `requests.${format}`, load, list: load.kind === 'ok' ? (load.read?.value ?? null) : null };
  if (q.list === null) return skip(`the default requests list is not available (${loadProblem(q.load, q.name)})`);
  if (q.list.length < min) return skip(`the default requests list has ${q.list.length} request(s); ${min} needed`);
  return { ...q, list: q.list };
}

export const requestedAt = (r: ClientRequest): number | null =>
  r.requested_datetime === null ? null : (parseW3CDateTime(r.requested_datetime) ?? null);

export const evidenceOfLoad = (load: Load<unknown>) => evidenceOf(sourceOf(load));

/** Problems when two answers that should be equal list different requests (ignoring ones that just arrived). */
export function differentRequests(a: readonly ClientRequest[], b: readonly ClientRequest[], now: number, names: [string, string]): string[] {
  const settled = (list: readonly ClientRequest[]) =>
    new Set(list.flatMap((r) => {
      const at = requestedAt(r);
      return r.service_request_id === null || (at !== null && at > now - IN_FLIGHT_MS) ? [] : [r.service_request_id];
    }));
  const [sa, sb] = [settled(a), settled(b)];
  const onlyA = [...sa].filter((id) => !sb.has(id));
  const onlyB = [...sb].filter((id) => !sa.has(id));
  const list = (ids: string[]) => `${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ` and ${ids.length - 3} more` : ''}`;
  return [
    ...(onlyA.length > 0 ? [`${names[0]} has ${onlyA.length} request(s) ${names[1]} lacks (${list(onlyA)})`] : []),
    ...(onlyB.length > 0 ? [`${names[1]} has ${onlyB.length} request(s) ${names[0]} lacks (${list(onlyB)})`] : []),
  ];
}

/** Problem text for a call expected to succeed that did not. */
export const notAnswered = (q: Queried): string => loadProblem(q.load, q.name);
