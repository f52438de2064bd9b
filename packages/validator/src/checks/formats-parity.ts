/** XML and JSON give the same data (digest §1 Formats, §1.1: JSON is a mapping of the XML). Needs JSON. */
import type { ClientRequest } from '@o311/client';
import type { Attribute, Discovery, Service } from '@o311/georeport';
import { skip, type Check, type CheckOutcome } from '../check.js';
import type { CheckContext, Load } from '../context.js';
import { REQUESTS } from '../context/documents.js';
import { sourceOf } from '../context/load.js';
import { differences, matchBy } from './support/compare.js';
import { Findings } from './support/findings.js';
import { runProbe, STANDARD_PROBES } from './support/probes.js';
import { differentRequests } from './support/requests.js';

const REF = 'GeoReport v2 §Formats; digest §1, §1.1';
const NAMES: [string, string] = ['xml', 'json'];

const noJson = async (ctx: CheckContext): Promise<CheckOutcome | null> =>
  (await ctx.jsonOffered()) ? null : skip('JSON is not offered; nothing to compare');

const readOf = <T>(load: Load<T> | null): T | null => (load?.kind === 'ok' ? (load.read?.value ?? null) : null);

/** Loads a thing in both formats and compares the readings; skips unless both read. */
function parity<T>(
  what: string,
  get: (ctx: CheckContext, format: 'xml' | 'json') => Promise<Load<T> | null>,
  compare: (xml: T, json: T) => string[],
): Check['run'] {
  return async (ctx) => {
    const unavailable = await noJson(ctx);
    if (unavailable !== null) return unavailable;
    const [xml, json] = await Promise.all([get(ctx, 'xml'), get(ctx, 'json')]);
    const [x, j] = [readOf(xml), readOf(json)];
    if (x === null || j === null || json === null) return skip(`${what} could not be read in both formats`);
    const findings = new Findings();
    findings.addAll(compare(x, j), sourceOf(json));
    return findings.outcome(`${what}: XML and JSON agree`);
  };
}

const SERVICE_FIELDS = ['service_name', 'description', 'metadata', 'type', 'keywords', 'group'] as const satisfies readonly (keyof Service)[];
const ATTRIBUTE_FIELDS = ['variable', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values'] as const satisfies readonly (keyof Attribute)[];
const REQUEST_FIELDS = [
  'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice',
  'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url',
] as const satisfies readonly (keyof ClientRequest)[];

/** Items matched by key; unmatched keys and field differences become problems. */
function compareLists<T>(xml: readonly T[], json: readonly T[], key: (t: T) => string | null, fields: (a: T, b: T) => string[], noun: string): string[] {
  const { pairs, onlyA, onlyB } = matchBy(xml, json, key);
  return [
    ...onlyA.map((k) => `${noun} '${k}' only in XML`),
    ...onlyB.map((k) => `${noun} '${k}' only in JSON`),
    ...pairs.flatMap(([a, b]) => fields(a, b).map((d) => `${noun} '${key(a) ?? ''}': ${d}`)),
  ];
}

export const parityChecks: readonly Check[] = [
  /** discovery.xml and discovery.json carry the same contact, key_service, changeset and endpoints. */
  {
    id: 'parity-discovery',
    title: 'discovery.xml and discovery.json agree',
    specRef: 'GeoReport v2 §Service Discovery; digest §2',
    severity: 'warning',
    formats: ['xml', 'json'],
    fix: 'Build discovery.xml and discovery.json from the same data.',
    async run(ctx) {
      if (ctx.target.discovery === null) return skip('no discovery document');
      const [x, j] = await Promise.all([ctx.discovery('xml'), ctx.discovery('json')]);
      const [xml, json] = [readOf<Discovery>(x), readOf<Discovery>(j)];
      if (xml === null || json === null || j === null) return skip('the discovery document could not be read in both formats');
      const findings = new Findings();
      findings.addAll(differences(xml, json, ['changeset', 'contact', 'key_service', 'endpoints'], NAMES), sourceOf(j));
      return findings.outcome('discovery.xml and discovery.json agree');
    },
  },
  /** services.xml and services.json list the same services with the same fields. */
  {
    id: 'parity-services',
    title: 'services.xml and services.json list the same services',
    specRef: REF,
    severity: 'error',
    formats: ['xml', 'json'],
    fix: 'Build services.xml and services.json from the same data.',
    run: parity('the service list', (ctx, f) => ctx.services(f), (x, j) =>
      compareLists(x, j, (s) => s.service_code, (a, b) => differences(a, b, SERVICE_FIELDS, NAMES), 'service')),
  },
  /** Each sampled definition has the same attributes in XML and JSON. */
  {
    id: 'parity-definition',
    title: 'Service definitions agree between XML and JSON',
    specRef: REF,
    severity: 'error',
    formats: ['xml', 'json'],
    fix: 'Build the XML and JSON service definitions from the same data.',
    async run(ctx) {
      const unavailable = await noJson(ctx);
      if (unavailable !== null) return unavailable;
      const codes = await ctx.definitionCodes();
      if (codes.length === 0) return skip('no service with metadata=true');
      const findings = new Findings();
      let compared = 0;
      for (const code of codes) {
        const [xml, json] = [await ctx.definition(code, 'xml'), await ctx.definition(code, 'json')];
        const [x, j] = [readOf(xml), readOf(json)];
        if (x === null || j === null) continue;
        compared++;
        findings.addAll(
          compareLists(x.attributes, j.attributes, (a) => a.code, (a, b) => differences(a, b, ATTRIBUTE_FIELDS, NAMES), `services/${code} attribute`),
          sourceOf(json),
        );
      }
      return compared === 0 ? skip('no definition could be read in both formats') : findings.outcome(`${compared} definition(s) agree`);
    },
  },
  /** requests/{id} gives the same request in XML and JSON. */
  {
    id: 'parity-request',
    title: 'requests/{id} agrees between XML and JSON',
    specRef: REF,
    severity: 'error',
    formats: ['xml', 'json'],
    fix: 'Build requests/{id}.xml and requests/{id}.json from the same data.',
    async run(ctx) {
      const id = (await ctx.sampleRequestIds())[0];
      if (id === undefined) return skip('no request id to look up');
      return parity(`requests/${id}`, (c, f) => c.load(REQUESTS, `requests/${id}`, f), (x, j) =>
        compareLists(x, j, (r) => r.service_request_id, (a, b) => differences(a, b, REQUEST_FIELDS, NAMES), 'request'))(ctx);
    },
  },
  /** requests.xml and requests.json list the same requests (ignoring ones that arrived in between). */
  {
    id: 'parity-requests',
    title: 'requests.xml and requests.json list the same requests',
    specRef: REF,
    severity: 'warning',
    formats: ['xml', 'json'],
    fix: 'Build requests.xml and requests.json from the same query and data.',
    async run(ctx) {
      return parity('the default requests list', (c, f) => c.requests(f), (x, j) => differentRequests(x, j, ctx.now, ['requests.xml', 'requests.json']))(ctx);
    },
  },
  /** Each refused call (unknown service, bad date…) gets the same HTTP status in XML and JSON. */
  {
    id: 'parity-errors',
    title: 'Error statuses agree between XML and JSON',
    specRef: `${REF}; digest §11`,
    severity: 'warning',
    formats: ['xml', 'json'],
    fix: 'Give the same HTTP status for the same mistake in XML and in JSON.',
    async run(ctx) {
      const unavailable = await noJson(ctx);
      if (unavailable !== null) return unavailable;
      const findings = new Findings();
      for (const probe of STANDARD_PROBES) {
        const [x, j] = await Promise.all([runProbe(ctx, probe, 'xml'), runProbe(ctx, probe, 'json')]);
        if (!x.ok || !j.ok) continue;
        const [sx, sj] = [x.exchange.response.status, j.exchange.response.status];
        if (sx !== sj) findings.add(`${probe.what}: XML answered ${sx}, JSON ${sj}`, j.exchange);
      }
      return findings.outcome('each refused call gets the same status in both formats');
    },
  },
];
