/**
 * The CheckContext: everything a check may ask about the target, computed once
 * per run and shared. Resources are addressed by path and format
 * (`fetch('services/001', 'json')`); GETs are memoised by the fetcher, parsed
 * documents here, and the shared data (service list, sampled definitions,
 * recent requests, test submissions) on first use.
 */
import type { ClientRequest, Exchange } from '@o311/client';
import type {
  Attribute, Discovery, Format, RequestReceipt, Service, ServiceDefinition,
} from '@o311/georeport';
import type { Evidence } from './check.js';
import { encodeForm, type FormFields } from './context/answers.js';
import { DEFINITION, DISCOVERY, RECEIPTS, REQUESTS, SERVICES, type DocKind } from './context/documents.js';
import { evidenceOf } from './context/evidence.js';
import type { FetchFailure, Fetched, Fetcher } from './context/fetcher.js';
import { interpret, type Load } from './context/load.js';
import { memoBy, once } from './context/memo.js';
import { V2_SPECIFICATION, type Target } from './context/target.js';
import { Writer } from './context/writer.js';

export type { Load } from './context/load.js';
export type { Fetched, FetchFailure } from './context/fetcher.js';
export type { Target } from './context/target.js';
export type { FormFields } from './context/answers.js';

export interface RunSettings {
  write: boolean;
  apiKey: string | null;
  jurisdictionId: string | null;
  /** Sent as lat and long with the service and request lists, for endpoints whose lists depend on where (a federation). */
  location: Location | null;
  /** The response formats the run tests (at least one): the others are never asked for by shared data. */
  formats: readonly Format[];
}

export interface Location {
  lat: number;
  long: number;
}

/** The lists a location is sent with (a check that sends its own lat and long keeps them). */
const LOCATED_PATHS: ReadonlySet<string> = new Set(['services', 'requests']);

export type Query = Readonly<Record<string, string>>;

/** How many service definitions a run reads (those with metadata=true, in list order). */
export const DEFINITION_SAMPLE = 10;
/** How many request ids the single-request checks try. */
export const REQUEST_SAMPLE = 3;

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';

export interface CheckContext {
  readonly target: Target;
  readonly settings: RunSettings;
  /** Start of the run (epoch ms); date windows are computed from it. */
  readonly now: number;
  /** Absolute URL of a resource (`services/001` + format + query, jurisdiction_id added); null without a base URL. */
  resource(path: string, format: Format, query?: Query): string | null;
  /** Memoised GET of a resource (a failure naming the missing base URL when there is none). */
  fetch(path: string, format: Format, query?: Query, headers?: Record<string, string>): Promise<Fetched>;
  /** Memoised GET of any URL. */
  fetchUrl(url: string, headers?: Record<string, string>): Promise<Fetched>;
  /** Un-memoised GET of a resource: for reads that must come after a write. */
  fresh(path: string, format: Format, query?: Query): Promise<Fetched>;
  /** POST a form to a resource (default `requests`); jurisdiction_id added when configured. Never memoised. */
  post(format: Format, fields: FormFields, path?: string): Promise<Fetched>;
  /** Memoised GET + parse of a resource as a document. */
  load<T>(kind: DocKind<T>, path: string, format: Format, query?: Query): Promise<Load<T>>;
  /** Parse an already fetched answer as a document (memoised per call and document kind). */
  interpret<T>(kind: DocKind<T>, fetched: Fetched, format: Format): Load<T>;

  /** The discovery document in a format; null when none was given or found. */
  discovery(format: Format): Promise<Load<Discovery> | null>;
  /** JSON is offered when discovery announces it or services.json answers with JSON. */
  jsonOffered(): Promise<boolean>;
  /** 'xml', plus 'json' when offered. */
  formats(): Promise<Format[]>;
  /** The format the shared data is read from: XML when it works, else JSON. */
  primaryFormat(): Promise<Format>;
  services(format: Format): Promise<Load<Service[]>>;
  /** The service list as the client reads it (primary format); [] when unavailable. */
  serviceList(): Promise<Service[]>;
  /** Codes of the sampled services with metadata=true (at most {@link DEFINITION_SAMPLE}). */
  definitionCodes(): Promise<string[]>;
  definition(code: string, format: Format): Promise<Load<ServiceDefinition>>;
  /** GET requests with no parameters (the default window). */
  requests(format: Format): Promise<Load<ClientRequest[]>>;
  requestList(): Promise<ClientRequest[]>;
  /** Up to {@link REQUEST_SAMPLE} ids from the default window. */
  sampleRequestIds(): Promise<string[]>;
  /** Write mode: valid test fields, and the run's one test request per service type. */
  readonly writer: Writer;

  /** Every call made so far. */
  calls(): readonly Fetched[];
  evidence(source: Exchange | FetchFailure): Evidence;
}

export interface ContextInit {
  target: Target;
  settings: RunSettings;
  fetcher: Fetcher;
  now: number;
}

const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

export function createContext({ target, settings, fetcher, now }: ContextInit): CheckContext {
  const parsed = new Map<string, Load<unknown>>();

  const noBase = (path: string): Fetched => ({
    ok: false,
    seq: 0,
    failure: { request: { method: 'GET', url: path }, message: `no GeoReport base URL (${target.note ?? 'unknown'})`, kind: 'no-base' },
  });

  // POSTs carry jurisdiction_id in the body, GETs in the query.
  const buildUrl = (path: string, format: Format, query: Query, addJurisdiction: boolean): string | null => {
    if (target.baseUrl === null) return null;
    const url = new URL(`${encodePath(path)}.${format}`, target.baseUrl);
    for (const [k, v] of Object.entries(query)) url.searchParams.append(k, v);
    if (addJurisdiction && settings.jurisdictionId !== null && !('jurisdiction_id' in query)) {
      url.searchParams.append('jurisdiction_id', settings.jurisdictionId);
    }
    const location = settings.location;
    if (addJurisdiction && location !== null && LOCATED_PATHS.has(path) && !('lat' in query) && !('long' in query)) {
      url.searchParams.append('lat', String(location.lat));
      url.searchParams.append('long', String(location.long));
    }
    return url.href;
  };
  const resource = (path: string, format: Format, query: Query = {}): string | null => buildUrl(path, format, query, true);

  const ctx: CheckContext = {
    target,
    settings,
    now,
    resource,
    fetch(path, format, query, headers) {
      const url = resource(path, format, query);
      return url === null ? Promise.resolve(noBase(`${path}.${format}`)) : fetcher.get(url, headers);
    },
    fetchUrl: (url, headers) => fetcher.get(url, headers),
    fresh(path, format, query) {
      const url = resource(path, format, query);
      return url === null ? Promise.resolve(noBase(`${path}.${format}`)) : fetcher.send({ method: 'GET', url });
    },
    post(format, fields, path = 'requests') {
      const url = buildUrl(path, format, {}, false);
      if (url === null) return Promise.resolve(noBase(`${path}.${format}`));
      const withJurisdiction: FormFields =
        settings.jurisdictionId !== null && !fields.some(([k]) => k === 'jurisdiction_id')
          ? [...fields, ['jurisdiction_id', settings.jurisdictionId]]
          : fields;
      return fetcher.send({
        method: 'POST',
        url,
        headers: { 'content-type': FORM_CONTENT_TYPE },
        body: encodeForm(withJurisdiction),
      });
    },
    async load(kind, path, format, query) {
      return ctx.interpret(kind, await ctx.fetch(path, format, query), format);
    },
    interpret<T>(kind: DocKind<T>, fetched: Fetched, format: Format): Load<T> {
      const key = `${kind.label}\n${format}\n${fetched.seq}`;
      const known = parsed.get(key);
      // Same call, same document kind: the same Load<T> was stored for it.
      if (known !== undefined && fetched.seq !== 0) return known as Load<T>;
      const load = interpret(fetched, kind, format);
      parsed.set(key, load);
      return load;
    },
    discovery: memoBy(async (format: Format) => {
      if (target.discovery === null) return null;
      return ctx.interpret(DISCOVERY, await fetcher.get(target.discovery[format]), format);
    }),
    jsonOffered: once(async () => {
      for (const format of ['json', 'xml'] as const) {
        const d = await ctx.discovery(format);
        const endpoints = d?.kind === 'ok' ? (d.read?.value.endpoints ?? []) : [];
        const formats = endpoints.filter((e) => V2_SPECIFICATION.test(e.specification)).flatMap((e) => e.formats);
        if (formats.some((f) => /json/i.test(f))) return true;
      }
      const services = await ctx.services('json');
      return services.kind === 'ok';
    }),
    formats: once(async () => {
      const offered: Format[] = (await ctx.jsonOffered()) ? ['xml', 'json'] : ['xml'];
      return offered.filter((f) => settings.formats.includes(f));
    }),
    primaryFormat: once(async () => {
      if (!settings.formats.includes('xml')) return 'json';
      if (!settings.formats.includes('json')) return 'xml';
      const xml = await ctx.services('xml');
      if (xml.kind === 'ok' && xml.read !== null) return 'xml';
      return (await ctx.jsonOffered()) ? 'json' : 'xml';
    }),
    services: memoBy((format: Format) => ctx.load(SERVICES, 'services', format)),
    serviceList: once(async () => {
      const load = await ctx.services(await ctx.primaryFormat());
      return load.kind === 'ok' ? (load.read?.value ?? []) : [];
    }),
    definitionCodes: once(async () =>
      (await ctx.serviceList()).filter((s) => s.metadata).slice(0, DEFINITION_SAMPLE).map((s) => s.service_code),
    ),
    definition: (code, format) => ctx.load(DEFINITION, `services/${code}`, format),
    requests: memoBy((format: Format) => ctx.load(REQUESTS, 'requests', format)),
    requestList: once(async () => {
      const load = await ctx.requests(await ctx.primaryFormat());
      return load.kind === 'ok' ? (load.read?.value ?? []) : [];
    }),
    sampleRequestIds: once(async () =>
      (await ctx.requestList()).flatMap((r) => (r.service_request_id === null ? [] : [r.service_request_id])).slice(0, REQUEST_SAMPLE),
    ),
    writer: new Writer({
      apiKey: settings.apiKey,
      now,
      serviceList: () => ctx.serviceList(),
      definitionAttributes: (code) => definitionAttributes(ctx, code),
      sampleLocation: () => sampleLocation(ctx),
      submitForm: async (fields) => {
        const fetched = await ctx.post('xml', fields);
        return { fetched, receipt: ctx.interpret<RequestReceipt[]>(RECEIPTS, fetched, 'xml') };
      },
    }),
    calls: () => fetcher.log,
    evidence: evidenceOf,
  };
  return ctx;
}

async function definitionAttributes(ctx: CheckContext, code: string): Promise<Attribute[] | null> {
  const load = await ctx.definition(code, await ctx.primaryFormat());
  return load.kind === 'ok' ? (load.read?.value.attributes ?? null) : null;
}

/** A point where the endpoint has requests already, so a test request lands inside the jurisdiction. */
async function sampleLocation(ctx: CheckContext): Promise<{ lat: number; long: number } | null> {
  for (const r of await ctx.requestList()) {
    if (r.lat !== null && r.long !== null && (r.lat !== 0 || r.long !== 0)) return { lat: r.lat, long: r.long };
  }
  return null;
}
