/**
 * Requests the server must refuse, shared by the status checks, the error-document
 * checks and the format-parity check (each is fetched once per format per run).
 */
import type { Format } from '@o311/georeport';
import type { Exchange } from '@o311/client';
import type { CheckContext, Fetched, Load, Query } from '../../context.js';
import { REQUESTS } from '../../context/documents.js';
import { exchangeOf } from '../../context/load.js';
import { w3c, daysAgo } from './dates.js';

/** Identifiers that should not exist on any server. */
export const UNKNOWN = {
  service: 'o311-validator-unknown-service',
  request: '9999999999',
  token: 'o311-validator-unknown-token',
  jurisdiction: 'o311-validator-unknown.example',
} as const;

export interface ErrorProbe {
  key: string;
  /** What is wrong with the call, for messages. */
  what: string;
  path: string;
  query(now: number): Query;
  expect: number;
}

export const recentWindow = (now: number): Query => ({ start_date: w3c(daysAgo(now, 7), 0), end_date: w3c(now, 0) });

export const PROBES = {
  unknownService: { key: 'unknown-service', what: 'an unknown service_code', path: `services/${UNKNOWN.service}`, query: () => ({}), expect: 404 },
  unknownRequest: { key: 'unknown-request', what: 'an unknown service_request_id', path: `requests/${UNKNOWN.request}`, query: () => ({}), expect: 404 },
  unknownToken: { key: 'unknown-token', what: 'an unknown token', path: `tokens/${UNKNOWN.token}`, query: () => ({}), expect: 404 },
  badDate: { key: 'bad-date', what: 'start_date=yesterday', path: 'requests', query: () => ({ start_date: 'yesterday' }), expect: 400 },
  badStatus: { key: 'bad-status', what: 'status=o311-invalid', path: 'requests', query: () => ({ status: 'o311-invalid' }), expect: 400 },
  dateWithoutTimezone: {
    key: 'date-without-timezone',
    what: 'start_date and end_date without a timezone',
    path: 'requests',
    query: (now: number) => ({ start_date: w3c(daysAgo(now, 7), null), end_date: w3c(now, null) }),
    expect: 400,
  },
  unknownJurisdiction: {
    key: 'unknown-jurisdiction',
    what: 'an unknown jurisdiction_id',
    path: 'services',
    query: () => ({ jurisdiction_id: UNKNOWN.jurisdiction }),
    expect: 404,
  },
} as const satisfies Record<string, ErrorProbe>;

/** The probes every error-document check looks at. */
export const STANDARD_PROBES: readonly ErrorProbe[] = [
  PROBES.unknownService, PROBES.unknownRequest, PROBES.unknownToken, PROBES.badDate, PROBES.badStatus,
];

export const runProbe = (ctx: CheckContext, probe: ErrorProbe, format: Format): Promise<Fetched> =>
  ctx.fetch(probe.path, format, probe.query(ctx.now));

/** The documents every run reads: discovery, services, requests, sampled definitions and single requests, per format. */
export async function coreDocuments(ctx: CheckContext): Promise<{ name: string; load: Load<unknown> }[]> {
  const formats = await ctx.formats();
  const [codes, ids] = await Promise.all([ctx.definitionCodes(), ctx.sampleRequestIds()]);
  const named = async (name: string, load: Promise<Load<unknown> | null>) => {
    const l = await load;
    return l === null ? [] : [{ name, load: l }];
  };
  const lists = await Promise.all([
    ...(['xml', 'json'] as const).map((f) => named(`discovery.${f}`, ctx.discovery(f))),
    ...formats.flatMap((f) => [
      named(`services.${f}`, ctx.services(f)),
      named(`requests.${f}`, ctx.requests(f)),
      ...codes.map((c) => named(`services/${c}.${f}`, ctx.definition(c, f))),
      ...ids.map((id) => named(`requests/${id}.${f}`, ctx.load(REQUESTS, `requests/${id}`, f))),
    ]),
  ]);
  return lists.flat();
}

/**
 * The answers the transport-level checks examine: the core documents and the standard
 * error probes. A fixed set, so these checks see the same calls whatever ran before them.
 */
export async function coreExchanges(ctx: CheckContext): Promise<Exchange[]> {
  const [documents, formats] = await Promise.all([coreDocuments(ctx), ctx.formats()]);
  const probes = await Promise.all(formats.flatMap((f) => STANDARD_PROBES.map((p) => runProbe(ctx, p, f))));
  const all = [
    ...documents.flatMap(({ load }) => exchangeOf(load) ?? []),
    ...probes.flatMap((f) => (f.ok ? [f.exchange] : [])),
  ];
  return [...new Set(all)];
}
