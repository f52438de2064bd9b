/**
 * `o311 discover LAT LONG`: the Open311 endpoints of every tier that cover a
 * point, from the local registry (--database) or another o311 server's
 * discovery API (--remote), as text grouped by tier or as the API's JSON.
 * With --services, each endpoint's service list (an unreachable endpoint is
 * listed with the reason). Outbound requests to loopback, private and
 * link-local addresses are refused unless --allow-private (as `o311 validate`).
 */
import { Command, Option } from 'commander';
import { createTransport, NetworkError } from '@o311/client';
import {
  decodeErrors, decodeLookup, encodeLookup, isOpen311Failure, type LocatedEndpoint, type LookupAnswer,
} from '@o311/georeport';
import { createPointDiscovery, parseLookupQuery } from '@o311/server';
import { resolveDatabaseUrl, withDatabase } from '../database.js';
import { CliError, UsageError, describeError } from '../errors.js';
import { println, type CliIo } from '../io.js';
import { addDatabaseOption, integerIn, type DatabaseOptions } from './options.js';
import { targetUrl } from './validate.js';

export const DISCOVER_FORMATS = ['text', 'json'] as const;
export type DiscoverFormat = (typeof DISCOVER_FORMATS)[number];
const DEFAULT_TIMEOUT_MS = 10_000;

export interface DiscoverOptions extends DatabaseOptions {
  services: boolean;
  format: DiscoverFormat;
  remote?: string;
  tier?: string;
  allowPrivate: boolean;
  timeout: number;
}

/** The lookup's query, checked by the same rules as the API's (a usage error otherwise). */
function queryOf(lat: string, long: string, o: DiscoverOptions) {
  try {
    return parseLookupQuery({ lat, long, services: String(o.services), ...(o.tier !== undefined && { tier: o.tier }) });
  } catch (e) {
    if (isOpen311Failure(e)) throw new UsageError(e.message);
    throw e;
  }
}

async function fromDatabase(io: CliIo, q: ReturnType<typeof queryOf>, o: DiscoverOptions): Promise<LookupAnswer> {
  return withDatabase(resolveDatabaseUrl(o.database, io.env), async (store) => {
    const { points, lists } = createPointDiscovery(store, { allowPrivate: o.allowPrivate, timeoutMs: o.timeout });
    try {
      return await points.lookup(q, q);
    } finally {
      await lists.settled();
    }
  });
}

async function fromRemote(remote: string, q: ReturnType<typeof queryOf>, o: DiscoverOptions): Promise<LookupAnswer> {
  const url = new URL('discovery/v1/lookup.json', targetUrl(remote).replace(/\/?$/, '/'));
  url.search = new URLSearchParams({
    lat: String(q.lat), long: String(q.long), ...(q.tier !== undefined && { tier: q.tier }), ...(q.services && { services: 'true' }),
  }).toString();
  const transport = createTransport({ allowPrivate: o.allowPrivate, timeoutMs: o.timeout });
  let body: string;
  let status: number;
  try {
    ({ body, status } = (await transport({ method: 'GET', url: url.href })).response);
  } catch (e) {
    if (e instanceof NetworkError && e.kind === 'private-address') {
      throw new UsageError(`refusing to ask ${url.host}: it is a loopback, private or link-local address; add --allow-private to ask a local server`);
    }
    throw new CliError(`cannot reach ${url.origin}: ${describeError(e)}`, { cause: e });
  }
  if (status !== 200) {
    let why = `HTTP ${status}`;
    try {
      why += `: ${decodeErrors(body, 'json').map((e) => e.description).join('; ')}`;
    } catch {
      // not an error document: the status says enough
    }
    throw new CliError(`${url.origin} answered ${why}`);
  }
  try {
    return decodeLookup(body, 'json');
  } catch (e) {
    throw new CliError(`${url.href} did not answer a discovery lookup: ${describeError(e)}`, { cause: e });
  }
}

const orDash = (s: string | null): string => s ?? '-';

function endpointLines(e: LocatedEndpoint): string[] {
  const where = e.local ? `served here (jurisdiction ${orDash(e.jurisdiction_id)})` : orDash(e.base_url ?? e.discovery_url);
  const lines = [`  ${e.name} [${e.slug}]${e.status === 'production' ? '' : ` (${e.status})`}: ${where}`];
  lines.push(`    boundary: ${e.boundary.name} (${e.boundary.id}${e.boundary.approximate ? ', approximate' : ''})`);
  if (e.api_key_url !== null) lines.push(`    API keys: ${e.api_key_url}`);
  if (e.services_error !== undefined) lines.push(`    services unavailable: ${e.services_error}`);
  if (e.services !== undefined) {
    lines.push(`    services (${e.services.length}):`);
    for (const s of e.services) lines.push(`      ${s.service_code}: ${s.service_name}`);
  }
  return lines;
}

/** Text for people: a heading per tier, smallest first, each endpoint with its boundary (and services). */
export function formatLookupText(a: LookupAnswer, at: { lat: number; long: number }): string {
  const point = `${at.lat}, ${at.long}`;
  if (a.endpoints.length === 0) return `no endpoint covers ${point}`;
  const lines = [`${point}: ${a.endpoints.length} endpoint${a.endpoints.length === 1 ? '' : 's'}`];
  let tier: string | undefined;
  for (const e of a.endpoints) {
    if (e.tier !== tier) {
      tier = e.tier;
      lines.push('', `${tier}:`);
    }
    lines.push(...endpointLines(e));
  }
  return lines.join('\n');
}

export async function runDiscover(io: CliIo, lat: string, long: string, o: DiscoverOptions): Promise<LookupAnswer> {
  if (o.remote !== undefined && o.database !== undefined) throw new UsageError('use either --database or --remote, not both');
  const q = queryOf(lat, long, o);
  const answer = o.remote === undefined ? await fromDatabase(io, q, o) : await fromRemote(o.remote, q, o);
  println(io.stdout, o.format === 'json' ? encodeLookup(answer, 'json') : formatLookupText(answer, q));
  return answer;
}

export function discoverCommand(io: CliIo): Command {
  return addDatabaseOption(
    new Command('discover')
      .description('list the Open311 endpoints of every tier that cover a point, smallest tier first')
      .argument('<lat>', 'latitude, decimal degrees (WGS 84)')
      .argument('<long>', 'longitude, decimal degrees (WGS 84)')
      .option('--services', 'also list each endpoint\'s services', false)
      .addOption(new Option('--tier <tier>', 'only endpoints of this tier (city, county, state, nation, …)'))
      .addOption(new Option('--format <format>', 'output format').choices(DISCOVER_FORMATS).default('text'))
      .option('--remote <url>', 'ask another o311 server\'s discovery API (e.g. https://311.example.org) instead of the local registry')
      .option('--allow-private', 'allow loopback, private and link-local addresses (a --remote on this machine, endpoints on an intranet)', false)
      .addOption(new Option('--timeout <ms>', 'timeout of each HTTP call in milliseconds').argParser(integerIn(1, 600_000)).default(DEFAULT_TIMEOUT_MS)),
  ).action(async (lat: string, long: string, o: DiscoverOptions) => {
    await runDiscover(io, lat, long, o);
  });
}

