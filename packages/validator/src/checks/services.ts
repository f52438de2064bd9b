/** GET Service List (spec: GET Service List; digest §4). */
import { SERVICE_TYPES, type Format } from '@o311/georeport';
import { fail, pass, skip, type Check } from '../check.js';
import { member, textOf, type RawObject } from '../raw/value.js';
import { servicesSources } from './support/areas.js';
import { documentOutcome, formatOffered } from './support/document-check.js';
import { booleanText, duplicates, jsonType, oneOf, present, required } from './support/fields.js';
import { docRule, itemRule } from './support/sources.js';

const REF = 'GeoReport v2 §GET Service List; digest §4';
const TYPES_REF = `${REF}; digest §1 (Typing)`;

const serviceRule = (rule: (item: RawObject, format: Format) => (string | null)[], only?: Format) =>
  itemRule({ sources: servicesSources, what: 'service list', noun: 'service', idKey: 'service_code', rule, ...(only ? { only } : {}) });

const documentCheck = (format: Format): Check['run'] => async (ctx) =>
  (await formatOffered(ctx, format)) ?? documentOutcome(await ctx.services(format), { name: `services.${format}` });

export const servicesChecks: readonly Check[] = [
  /** services.xml answers 200 with <services><service>…. */
  { id: 'services-xml', title: 'services.xml answers with <services><service>…', specRef: REF, severity: 'error', formats: ['xml'], fix: 'Serve services.xml with a <services> root holding one <service> per service.', run: documentCheck('xml') },
  /** services.json (when JSON is offered) answers with a top-level array of service objects. */
  { id: 'services-json', title: 'services.json answers with a top-level array', specRef: `${REF}; digest §1.1`, severity: 'error', formats: ['json'], fix: 'Serve services.json as a top-level JSON array of services.', run: documentCheck('json') },
  /** The list holds at least one service (nothing can be reported otherwise). */
  {
    id: 'services-not-empty',
    title: 'The service list is not empty',
    specRef: REF,
    severity: 'warning',
    fix: 'Publish at least one service.',
    async run(ctx) {
      const load = await ctx.services(await ctx.primaryFormat());
      if (load.kind !== 'ok') return skip('the service list could not be read (see services-xml)');
      return load.items.length > 0
        ? pass(`${load.items.length} service(s) listed`)
        : fail('the service list is empty', ctx.evidence(load.exchange));
    },
  },
  /** service_code, service_name, metadata and type are present and not empty. */
  {
    id: 'services-required-fields',
    title: 'Each service has service_code, service_name, metadata and type',
    specRef: REF,
    severity: 'error',
    fix: 'Give every service service_code, service_name, metadata and type.',
    run: serviceRule((s) => [required(s, 'service_code'), required(s, 'service_name'), required(s, 'metadata'), required(s, 'type')]),
  },
  /** description, keywords and group are listed (they may be empty). */
  {
    id: 'services-listed-fields',
    title: 'Each service lists description, keywords and group (may be empty)',
    specRef: REF,
    severity: 'warning',
    fix: 'List description, keywords and group for every service, empty when there is nothing to say.',
    run: serviceRule((s) => [present(s, 'description'), present(s, 'keywords'), present(s, 'group')]),
  },
  /** service_code is a unique ID of the request type. */
  {
    id: 'services-code-unique',
    title: 'service_code values are unique',
    specRef: REF,
    severity: 'error',
    fix: 'Give each service its own service_code.',
    run: docRule({
      sources: servicesSources,
      what: 'service list',
      rule: (items) => duplicates(items.map((s) => textOf(member(s, 'service_code')))).map((c) => `service_code '${c}' is listed more than once`),
      passMessage: () => 'every service_code is unique',
    }),
  },
  /**
   * metadata is true or false: the words in XML (all XML is text), a real boolean in JSON —
   * open311/schema-validation service.json types it `boolean` (digest §1 Typing, §14), so
   * `"metadata":"true"` is an error, not a typing nicety.
   */
  {
    id: 'services-metadata-boolean',
    title: 'metadata is true or false (JSON: a boolean)',
    specRef: TYPES_REF,
    severity: 'error',
    fix: 'Write metadata as the words true or false (JSON booleans in JSON).',
    run: serviceRule((s, format) => [booleanText(s, 'metadata', format)]),
  },
  /** type is exactly realtime, batch or blackbox. */
  { id: 'services-type', title: 'type is realtime, batch or blackbox', specRef: REF, severity: 'error', fix: "Set each service's type to realtime, batch or blackbox.", run: serviceRule((s) => [oneOf(s, 'type', SERVICE_TYPES)]) },
  /** JSON: service_code, service_name and type are strings, description/keywords/group string or null (metadata: services-metadata-boolean). */
  {
    id: 'services-json-types',
    title: 'JSON services use string codes, names and texts',
    specRef: TYPES_REF,
    severity: 'warning',
    formats: ['json'],
    fix: 'Write codes, names and texts of services as JSON strings.',
    run: serviceRule(
      (s) => [
        jsonType(s, 'service_code', 'string', false), jsonType(s, 'service_name', 'string', false),
        jsonType(s, 'type', 'string', false),
        jsonType(s, 'description', 'string', true), jsonType(s, 'keywords', 'string', true), jsonType(s, 'group', 'string', true),
      ],
      'json',
    ),
  },
];
