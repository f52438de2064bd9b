/** Service Discovery (spec: Service Discovery; digest §2). Skipped when no discovery document was given or found. */
import { parseW3CDateTime, type Format } from '@o311/georeport';
import { fail, pass, skip, type Check, type CheckOutcome } from '../check.js';
import type { CheckContext } from '../context.js';
import type { Load } from '../context/load.js';
import { entriesOf, member, objectsIn, show, textOf, type RawObject, type RawValue } from '../raw/value.js';
import { documentOutcome } from './support/document-check.js';
import { firstProblems, isHttpUrl, oneOf, required } from './support/fields.js';
import { Findings } from './support/findings.js';

const REF = 'GeoReport v2 §Service Discovery; digest §2';
const V2_SPECIFICATION = /GeoReport_v2\/?$/i;

type DiscoveryDoc = { format: Format; root: RawObject; endpoints: RawObject[]; load: Extract<Load<unknown>, { kind: 'ok' }> };

const endpointsOf = (root: RawObject): RawObject[] => objectsIn(entriesOf(member(root, 'endpoints'), 'endpoint'));

function formatsOf(endpoint: RawObject): string[] {
  return entriesOf(member(endpoint, 'formats'), 'format').flatMap((f) => {
    const t = textOf(f);
    return t === null ? [] : [t.trim()];
  });
}

const noDiscovery = (ctx: CheckContext): CheckOutcome =>
  skip(ctx.target.note ?? 'no discovery document was given or found next to the base URL');

/** The readable discovery documents; a check runs on those and skips when there are none. */
async function discoveryDocs(ctx: CheckContext): Promise<DiscoveryDoc[] | CheckOutcome> {
  if (ctx.target.discovery === null) return noDiscovery(ctx);
  const docs: DiscoveryDoc[] = [];
  for (const format of ['xml', 'json'] as const) {
    const load = await ctx.discovery(format);
    if (load?.kind !== 'ok') continue;
    const root = load.items[0] ?? {};
    docs.push({ format, root, endpoints: endpointsOf(root), load });
  }
  return docs.length > 0 ? docs : skip('neither discovery.xml nor discovery.json could be read (see discovery-xml, discovery-json)');
}

/** A rule over each readable discovery document. */
function perDiscovery(rule: (doc: DiscoveryDoc) => string[], passMessage: string): Check['run'] {
  return async (ctx) => {
    const docs = await discoveryDocs(ctx);
    if (!Array.isArray(docs)) return docs;
    const findings = new Findings();
    for (const doc of docs) findings.addAll(rule(doc).map((p) => `discovery.${doc.format}: ${p}`), doc.load.exchange);
    return findings.outcome(passMessage);
  };
}

const perEndpoint = (rule: (e: RawObject) => (string | null)[]) => (doc: DiscoveryDoc): string[] =>
  doc.endpoints.flatMap((e, i) => firstProblems(...rule(e)).map((p) => `endpoint ${i}: ${p}`));

const isV2 = (e: RawObject): boolean => V2_SPECIFICATION.test(textOf(member(e, 'specification'))?.trim() ?? '');

/** A sortable stamp: ISO 8601 (with or without zone) or the spec example's `YYYY-MM-DD hh:mm`. */
function stampTime(text: string): number | null {
  const t = text.trim();
  const iso = parseW3CDateTime(t);
  if (iso !== undefined) return iso;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(t);
  if (m === null) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  return Number.isNaN(ms) ? null : ms;
}

function changesetProblem(v: RawValue | undefined, now: number): string | null {
  const t = textOf(v);
  if (t === null || t.trim() === '') return null; // discovery-fields reports it
  const ms = stampTime(t);
  if (ms === null) return `changeset ${show(v)} is not a sortable date stamp`;
  return ms > now + 86_400_000 ? `changeset ${show(v)} lies in the future` : null;
}

function documentCheck(format: Format): Check['run'] {
  return async (ctx) => {
    if (ctx.target.discovery === null) return noDiscovery(ctx);
    const load = await ctx.discovery(format);
    if (load === null) return noDiscovery(ctx);
    return documentOutcome(load, { name: `discovery.${format}`, unreachableFails: ctx.target.discoveryGiven });
  };
}

export const discoveryChecks: readonly Check[] = [
  /** discovery.xml exists and is a <discovery> document (both formats are mandatory). */
  { id: 'discovery-xml', title: 'discovery.xml answers with a <discovery> document', specRef: REF, severity: 'error', formats: ['xml'], fix: 'Serve discovery.xml with a <discovery> root element and an XML content type.', run: documentCheck('xml') },
  /** discovery.json exists and is a JSON object, even when the API offers no other JSON. */
  { id: 'discovery-json', title: 'discovery.json answers with a JSON object', specRef: REF, severity: 'error', formats: ['json'], fix: 'Serve discovery.json as a JSON object with the discovery fields.', run: documentCheck('json') },
  /** The discovery URL is a stable URL ending in /discovery.xml or /discovery.json. */
  {
    id: 'discovery-url',
    title: 'The discovery URL ends in /discovery.xml or /discovery.json',
    specRef: REF,
    severity: 'warning',
    fix: 'Publish the discovery document at a URL ending in /discovery.xml or /discovery.json.',
    async run(ctx) {
      const url = ctx.target.discoveryUrl;
      if (url === null) return noDiscovery(ctx);
      return /\/discovery\.(xml|json)$/i.test(new URL(url).pathname)
        ? pass(`${url} is a discovery URL with a format extension`)
        : fail(`${url} does not end in /discovery.xml or /discovery.json`);
    },
  },
  /** changeset, contact, key_service and endpoints are present; contact and key_service are not empty. */
  {
    id: 'discovery-fields',
    title: 'Discovery has changeset, contact, key_service and endpoints',
    specRef: REF,
    severity: 'error',
    fix: 'Fill in changeset, contact, key_service and the endpoints list in the discovery document.',
    run: perDiscovery(
      (d) => firstProblems(required(d.root, 'changeset'), required(d.root, 'contact'), required(d.root, 'key_service'),
        member(d.root, 'endpoints') === undefined ? 'endpoints is missing' : null),
      'changeset, contact, key_service and endpoints are all there',
    ),
  },
  /** The document and endpoint changesets are sortable date stamps, not in the future. */
  {
    id: 'discovery-changeset',
    title: 'Discovery changesets are sortable date stamps, not in the future',
    specRef: REF,
    severity: 'warning',
    fix: 'Use a date and time in the past as changeset (for example 2026-01-31T09:00:00Z) and update it when the endpoints change.',
    async run(ctx) {
      return perDiscovery(
        (d) => firstProblems(
          changesetProblem(member(d.root, 'changeset'), ctx.now),
          ...d.endpoints.map((e, i) => {
            const p = changesetProblem(member(e, 'changeset'), ctx.now);
            return p === null ? null : `endpoint ${i}: ${p}`;
          }),
        ),
        'every changeset reads as a date stamp',
      )(ctx);
    },
  },
  /** At least one endpoint, each with specification, url, changeset, type and a non-empty formats list. */
  {
    id: 'discovery-endpoints',
    title: 'Discovery lists endpoints with specification, url, changeset, type and formats',
    specRef: REF,
    severity: 'error',
    fix: 'Give every endpoint its specification, url, changeset, type and formats.',
    run: perDiscovery(
      (d) => [
        ...(d.endpoints.length === 0 ? ['no endpoint listed'] : []),
        ...perEndpoint((e) => [
          required(e, 'specification'), required(e, 'url'), required(e, 'changeset'), required(e, 'type'),
          formatsOf(e).length === 0 ? 'formats is missing or empty' : null,
        ])(d),
      ],
      'every endpoint has all its fields',
    ),
  },
  /** Endpoint type is production or test. */
  {
    id: 'discovery-endpoint-type',
    title: 'Endpoint type is production or test',
    specRef: REF,
    severity: 'warning',
    fix: "Set each endpoint's type to production or test.",
    run: perDiscovery(perEndpoint((e) => [oneOf(e, 'type', ['production', 'test'])]), 'every endpoint type is production or test'),
  },
  /** Endpoint url is an absolute http(s) URL. */
  {
    id: 'discovery-endpoint-url',
    title: 'Endpoint url is an absolute http(s) URL',
    specRef: REF,
    severity: 'warning',
    fix: "Write each endpoint's url as an absolute http or https URL.",
    run: perDiscovery(
      perEndpoint((e) => {
        const t = textOf(member(e, 'url'))?.trim();
        if (t === undefined || t === '') return [null];
        return [isHttpUrl(t) ? null : `url ${show(t)} is not an absolute http(s) URL`];
      }),
      'every endpoint url is absolute',
    ),
  },
  /** One endpoint declares the GeoReport v2 specification (http://wiki.open311.org/GeoReport_v2). */
  {
    id: 'discovery-v2-endpoint',
    title: 'Discovery lists a GeoReport v2 endpoint',
    specRef: REF,
    severity: 'error',
    fix: 'List the GeoReport v2 endpoint with specification http://wiki.open311.org/GeoReport_v2.',
    run: perDiscovery(
      (d) => (d.endpoints.some(isV2) ? [] : ['no endpoint has specification http://wiki.open311.org/GeoReport_v2']),
      'a GeoReport v2 endpoint is listed',
    ),
  },
  /** Every GeoReport v2 endpoint lists text/xml: XML is required. */
  {
    id: 'discovery-v2-xml',
    title: 'GeoReport v2 endpoints list text/xml among their formats',
    specRef: `${REF}; digest §1`,
    severity: 'error',
    fix: 'Add text/xml to the formats of the GeoReport v2 endpoint, since XML is the required format.',
    run: perDiscovery(
      perEndpoint((e) => [!isV2(e) || formatsOf(e).some((f) => f.toLowerCase() === 'text/xml') ? null : `formats ${show(formatsOf(e))} lack text/xml`]),
      'every v2 endpoint lists text/xml',
    ),
  },
  /** When the endpoint serves JSON, discovery announces application/json (JSON must be announced). */
  {
    id: 'discovery-json-announced',
    title: 'JSON, when served, is announced in the discovery formats',
    specRef: `${REF}; digest §1`,
    severity: 'error',
    formats: ['json'],
    fix: "Add application/json to the endpoint's formats in discovery, since it serves JSON.",
    async run(ctx) {
      const services = await ctx.services('json');
      if (services.kind !== 'ok') return skip('the endpoint does not serve services.json');
      return perDiscovery(
        (d) => (d.endpoints.filter(isV2).some((e) => formatsOf(e).some((f) => f.toLowerCase() === 'application/json'))
          ? []
          : ['services.json answers with JSON but no v2 endpoint lists application/json']),
        'application/json is announced',
      )(ctx);
    },
  },
];
