/**
 * What the user pointed us at: a discovery document (`…/discovery`, `…/discovery.xml`,
 * `…/discovery.json`) or a GeoReport v2 base URL. From a discovery document the v2
 * endpoint is picked; from a base URL a discovery document is looked for nearby.
 */
import { isDiscoveryUrl } from '@o311/client';
import type { Discovery, Format } from '@o311/georeport';
import { ValidatorUsageError } from '../usage-error.js';
import { DISCOVERY } from './documents.js';
import type { Fetcher } from './fetcher.js';
import { interpret, loadProblem } from './load.js';

export interface Target {
  /** As given. */
  url: string;
  /** The GeoReport v2 endpoint, ending in '/'; null when it could not be determined (see `note`). */
  baseUrl: string | null;
  /** Discovery document URLs (both formats, siblings), or null when none was given or found. */
  discovery: Readonly<Record<Format, string>> | null;
  /** The discovery URL as given or found (the one the report names). */
  discoveryUrl: string | null;
  /** True when the user gave a discovery URL (then its checks fail, rather than skip, when it is missing). */
  discoveryGiven: boolean;
  /** Why baseUrl is null or discovery missing, in words. */
  note: string | null;
}

/** Tolerant on purpose (for choosing an endpoint); discovery-v2-endpoint checks the exact token. */
export const V2_SPECIFICATION = /georeport[_ -]?v2/i;

export type ParsedTarget =
  | { kind: 'discovery'; url: URL; siblings: Record<Format, string> }
  | { kind: 'base'; base: string };

/** Syntax only; throws {@link ValidatorUsageError} for anything that is not an absolute http(s) URL. */
export function parseTarget(raw: string): ParsedTarget {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ValidatorUsageError(`Not a URL: '${raw}'. Give a GeoReport v2 base URL or a discovery document URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidatorUsageError(`Only http: and https: URLs can be validated, not '${url.protocol}'.`);
  }
  url.hash = '';
  if (isDiscoveryUrl(url.href)) return { kind: 'discovery', url, siblings: discoverySiblings(url) };
  const base = new URL(url.href);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  base.search = '';
  return { kind: 'base', base: base.href };
}

function discoverySiblings(url: URL): Record<Format, string> {
  const at = (name: string): string => {
    const u = new URL(name, url);
    u.search = url.search;
    return u.href;
  };
  return { xml: at('discovery.xml'), json: at('discovery.json') };
}

/** Where a discovery document may sit relative to a base URL, nearest-to-conventional first. */
export function discoveryCandidates(base: string): Record<Format, string>[] {
  const dirs = ['../', './', '../../'].map((rel) => new URL(rel, base).href);
  return [...new Set(dirs)].map((dir) => discoverySiblings(new URL(dir)));
}

/** The GeoReport v2 endpoint of a discovery document; test endpoints first when writing. */
export function pickEndpoint(discovery: Discovery, discoveryUrl: string, write: boolean): string | null {
  const v2 = discovery.endpoints.filter((e) => V2_SPECIFICATION.test(e.specification) && e.url.trim() !== '');
  const preferred = write ? 'test' : 'production';
  const chosen = v2.find((e) => e.type === preferred) ?? v2[0];
  if (chosen === undefined) return null;
  try {
    const u = new URL(chosen.url.trim(), discoveryUrl);
    if (!u.pathname.endsWith('/')) u.pathname += '/';
    return u.href;
  } catch {
    return null;
  }
}

async function readDiscoveryAt(fetcher: Fetcher, urls: Record<Format, string>, first: Format) {
  const order: Format[] = first === 'json' ? ['json', 'xml'] : ['xml', 'json'];
  const problems: string[] = [];
  let unreachable = true;
  for (const format of order) {
    const load = interpret(await fetcher.get(urls[format]), DISCOVERY, format);
    if (load.kind === 'ok' && load.read !== null) return { url: urls[format], discovery: load.read.value, problems, unreachable: false };
    if (load.kind !== 'unreachable') unreachable = false;
    problems.push(load.kind === 'ok' ? `${urls[format]}: ${load.readError ?? 'unreadable'}` : loadProblem(load, urls[format]));
  }
  return { url: null, discovery: null, problems, unreachable };
}

export async function resolveTarget(raw: string, fetcher: Fetcher, write: boolean): Promise<Target> {
  const parsed = parseTarget(raw);
  if (parsed.kind === 'discovery') {
    const first: Format = /\.json$/i.test(parsed.url.pathname) ? 'json' : 'xml';
    const found = await readDiscoveryAt(fetcher, parsed.siblings, first);
    const base = found.discovery === null || found.url === null ? null : pickEndpoint(found.discovery, found.url, write);
    let note: string | null = null;
    if (found.discovery === null) note = `No readable discovery document: ${found.problems.join('; ')}`;
    else if (base === null) note = 'The discovery document lists no GeoReport v2 endpoint with a URL.';
    return { url: raw, baseUrl: base, discovery: parsed.siblings, discoveryUrl: parsed.url.href, discoveryGiven: true, note };
  }
  for (const candidate of discoveryCandidates(parsed.base)) {
    const found = await readDiscoveryAt(fetcher, candidate, 'json');
    if (found.url !== null) {
      return { url: raw, baseUrl: parsed.base, discovery: candidate, discoveryUrl: found.url, discoveryGiven: false, note: null };
    }
    if (found.unreachable) break; // same host: no point knocking on its other paths
  }
  return {
    url: raw, baseUrl: parsed.base, discovery: null, discoveryUrl: null, discoveryGiven: false,
    note: 'No discovery document found next to the base URL (tried discovery.json/.xml in it and its parents).',
  };
}
