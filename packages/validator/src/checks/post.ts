/**
 * POST Service Request (spec: POST Service Request; digest §6, §11.1). Write mode only:
 * one test request per service type, read back; invalid submissions must be refused.
 */
import { fail, isOutcome, pass, skip, type Check, type CheckOutcome } from '../check.js';
import type { CheckContext, FormFields } from '../context.js';
import { evidenceOf } from '../context/evidence.js';
import { sourceOf } from '../context/load.js';
import { replaced, UNICODE_PROBE, without, type TestFields } from '../context/writer.js';
import { Findings } from './support/findings.js';
import { UNKNOWN } from './support/probes.js';
import {
  anyValidFields, POST_REF, readBack, readBackProblem, receiptFor, refusalCheck, type Receipt,
} from './support/write.js';

const TYPES_REF = `${POST_REF}; digest §4 (type), §11.1 item 5`;
const LOCATION_KEYS = ['lat', 'long', 'address_string', 'address_id'];

/** The realtime test request's id, or the outcome explaining why there is none. */
async function createdId(ctx: CheckContext): Promise<{ receipt: Receipt; id: string } | CheckOutcome> {
  const receipt = await receiptFor(ctx, 'realtime');
  if (isOutcome(receipt)) return receipt.status === 'skip' ? receipt : skip(`the realtime test POST failed (see post-realtime-receipt): ${receipt.message}`);
  if (receipt.id === null) return skip('the realtime test POST returned no service_request_id (see post-realtime-receipt)');
  return { receipt, id: receipt.id };
}

const mapFields = async (ctx: CheckContext, alter: (f: FormFields) => FormFields) => {
  const valid = await anyValidFields(ctx);
  return valid.ok ? { ok: true as const, value: alter(valid.value) } : valid;
};

/** Valid fields for a service with an input attribute of the wanted kind, altered by `alter`. */
async function withAttribute(ctx: CheckContext, want: 'required' | 'list', alter: (t: TestFields) => FormFields) {
  const got = await ctx.writer.fieldsWithAttribute(want);
  return got.ok ? { ok: true as const, value: alter(got.value) } : got;
}

const attributeKeys = (code: string): string[] => [`attribute[${code}]`, `attribute[${code}][]`];

export const postChecks: readonly Check[] = [
  /** POST to the first submittable realtime service answers 200/201 with one request holding a service_request_id. */
  {
    id: 'post-realtime-receipt',
    title: 'POST to a realtime service returns a service_request_id',
    specRef: TYPES_REF,
    severity: 'error',
    fix: 'Answer a POST to a realtime service with the new service_request_id.',
    write: true,
    async run(ctx) {
      const r = await receiptFor(ctx, 'realtime');
      if (isOutcome(r)) return r;
      const status = r.exchange.response.status;
      if (status !== 200 && status !== 201) return fail(`POST answered HTTP ${status}, expected 200 or 201`, evidenceOf(r.exchange));
      return r.id !== null
        ? pass(`created request ${r.id} (service ${r.submission.service.service_code})`)
        : fail('the receipt of a realtime service has no service_request_id', evidenceOf(r.exchange));
    },
  },
  /** A realtime receipt carries no token (token and service_request_id must not appear together). */
  {
    id: 'post-realtime-no-token',
    title: 'A realtime POST returns no token',
    specRef: TYPES_REF,
    severity: 'error',
    fix: 'Leave token out of the receipt of a realtime service, which has an id at once.',
    write: true,
    async run(ctx) {
      const r = await receiptFor(ctx, 'realtime');
      if (isOutcome(r)) return r.status === 'skip' ? r : skip('no readable realtime receipt (see post-realtime-receipt)');
      return r.token === null ? pass('no token in the realtime receipt') : fail(`the realtime receipt has token '${r.token}'`, evidenceOf(r.exchange));
    },
  },
  /** POST to a batch service returns a token and no service_request_id. */
  {
    id: 'post-batch-token',
    title: 'POST to a batch service returns a token and no service_request_id',
    specRef: TYPES_REF,
    severity: 'error',
    fix: 'Answer a POST to a batch service with a token, and the id later through tokens/{token}.',
    write: true,
    async run(ctx) {
      const r = await receiptFor(ctx, 'batch');
      if (isOutcome(r)) return r;
      const problems = [
        ...(r.token === null ? ['no token'] : []),
        ...(r.id !== null ? [`a service_request_id ('${r.id}') alongside the token`] : []),
      ];
      return problems.length === 0 ? pass(`token '${r.token ?? ''}' returned`) : fail(`batch receipt: ${problems.join('; ')}`, evidenceOf(r.exchange));
    },
  },
  /** POST to a blackbox service returns neither a service_request_id nor a token. */
  {
    id: 'post-blackbox-no-id',
    title: 'POST to a blackbox service returns neither id nor token',
    specRef: TYPES_REF,
    severity: 'error',
    fix: 'Answer a POST to a blackbox service with neither an id nor a token, or change the service type.',
    write: true,
    async run(ctx) {
      const r = await receiptFor(ctx, 'blackbox');
      if (isOutcome(r)) return r;
      const found = [r.id === null ? null : `service_request_id '${r.id}'`, r.token === null ? null : `token '${r.token}'`].filter((x) => x !== null);
      return found.length === 0 ? pass('the blackbox receipt has no id and no token') : fail(`blackbox receipt has ${found.join(' and ')}`, evidenceOf(r.exchange));
    },
  },
  /** The realtime test request is readable at once at requests/{id}, with the posted service_code. */
  {
    id: 'post-readback',
    title: 'The posted request is readable at requests/{id}',
    specRef: `${POST_REF}; digest §9`,
    severity: 'error',
    fix: 'Make a new request readable at requests/{id} as soon as its id is returned.',
    write: true,
    async run(ctx) {
      const created = await createdId(ctx);
      if (isOutcome(created)) return created;
      const format = await ctx.primaryFormat();
      const load = await readBack(ctx, created.id, format);
      const one = load.kind === 'ok' ? load.read?.value[0] : undefined;
      if (one === undefined) return fail(readBackProblem(load, created.id, format), evidenceOf(sourceOf(load)));
      const posted = created.receipt.submission.service.service_code;
      return one.service_code === posted
        ? pass(`requests/${created.id}.${format} shows the new request`)
        : fail(`requests/${created.id}.${format} has service_code '${one.service_code ?? ''}', posted '${posted}'`, evidenceOf(sourceOf(load)));
    },
  },
  /** A description with "Ünïcødé ✓ <&>" comes back unchanged in every offered format. */
  {
    id: 'post-utf8-roundtrip',
    title: 'A UTF-8 description survives POST and GET in both formats',
    specRef: 'GeoReport v2 §Encoding; digest §1 (Encoding)',
    severity: 'error',
    fix: 'Store and serve text as UTF-8 end to end so that accents and other scripts survive.',
    write: true,
    async run(ctx) {
      const created = await createdId(ctx);
      if (isOutcome(created)) return created;
      const findings = new Findings();
      for (const format of await ctx.formats()) {
        const load = await readBack(ctx, created.id, format);
        const one = load.kind === 'ok' ? load.read?.value[0] : undefined;
        if (one === undefined) findings.add(readBackProblem(load, created.id, format), sourceOf(load));
        else if (!(one.description ?? '').includes(UNICODE_PROBE)) {
          findings.add(`requests/${created.id}.${format}: description ${JSON.stringify(one.description)} lacks ${JSON.stringify(UNICODE_PROBE)}`, sourceOf(load));
        }
      }
      return findings.outcome(`"${UNICODE_PROBE}" read back intact`);
    },
  },
  /** Without api_key the POST is refused with 403. */
  {
    id: 'post-missing-api-key', title: 'POST without api_key gives 403', specRef: `${POST_REF}; digest §11`, severity: 'error', fix: 'Refuse a POST without api_key with 403.', write: true,
    run: refusalCheck({ what: 'without api_key', expect: 403, needsKey: false, fields: (ctx) => mapFields(ctx, (f) => without(f, 'api_key')) }),
  },
  /** With an invalid api_key the POST is refused with 403. */
  {
    id: 'post-invalid-api-key', title: 'POST with an invalid api_key gives 403', specRef: `${POST_REF}; digest §11`, severity: 'error', fix: 'Refuse a POST with an unknown api_key with 403.', write: true,
    run: refusalCheck({ what: 'with an invalid api_key', expect: 403, needsKey: false, fields: (ctx) => mapFields(ctx, (f) => replaced(f, 'api_key', 'o311-validator-invalid-key')) }),
  },
  /** With an unknown service_code the POST is refused with 404. */
  {
    id: 'post-unknown-service', title: 'POST with an unknown service_code gives 404', specRef: `${POST_REF}; digest §11`, severity: 'error', fix: 'Refuse a POST with an unknown service_code with 404.', write: true,
    run: refusalCheck({ what: 'with an unknown service_code', expect: 404, needsKey: true, fields: (ctx) => mapFields(ctx, (f) => replaced(f, 'service_code', UNKNOWN.service)) }),
  },
  /** Without service_code the POST is refused with 400. */
  {
    id: 'post-missing-service-code', title: 'POST without service_code gives 400', specRef: `${POST_REF}; digest §11`, severity: 'error', fix: 'Refuse a POST without service_code with 400.', write: true,
    run: refusalCheck({ what: 'without service_code', expect: 400, needsKey: true, fields: (ctx) => mapFields(ctx, (f) => without(f, 'service_code')) }),
  },
  /** Without lat/long, address_string or address_id the POST is refused with 400. */
  {
    id: 'post-missing-location', title: 'POST without any location gives 400', specRef: `${POST_REF}; digest §11.1 item 1`, severity: 'error', fix: 'Refuse a POST without lat and long, address_string or address_id with 400.', write: true,
    run: refusalCheck({ what: 'without a location', expect: 400, needsKey: true, fields: (ctx) => mapFields(ctx, (f) => without(f, ...LOCATION_KEYS)) }),
  },
  /** With lat but no long (and no address) the POST is refused with 400. */
  {
    id: 'post-lone-lat', title: 'POST with lat but no long gives 400', specRef: `${POST_REF}; digest §11.1 item 1`, severity: 'error', fix: 'Refuse a POST with lat but no long (or the other way round) with 400.', write: true,
    run: refusalCheck({
      what: 'with lat alone', expect: 400, needsKey: true,
      fields: (ctx) => mapFields(ctx, (f) => {
        const lat = f.find(([k]) => k === 'lat')?.[1] ?? '45.5';
        return [...without(f, ...LOCATION_KEYS), ['lat', lat]];
      }),
    }),
  },
  /** Without a required attribute the POST is refused with 400. */
  {
    id: 'post-missing-required-attribute', title: 'POST without a required attribute gives 400', specRef: `${POST_REF}; digest §11.1 item 2`, severity: 'error', fix: 'Refuse a POST that lacks a required attribute with 400 naming it.', write: true,
    run: refusalCheck({
      what: 'without a required attribute', expect: 400, needsKey: true,
      fields: (ctx) => withAttribute(ctx, 'required', (t) => {
        const code = t.attributes.find((a) => a.variable && a.required)?.code ?? '';
        return without(t.fields, ...attributeKeys(code));
      }),
    }),
  },
  /** With a list attribute value that is not one of its keys the POST is refused with 400. */
  {
    id: 'post-bad-list-value', title: 'POST with a list value outside the keys gives 400', specRef: `${POST_REF}; digest §11.1 item 2`, severity: 'error', fix: 'Refuse a list attribute value that is not one of its keys with 400.', write: true,
    run: refusalCheck({
      what: 'with a list value outside the keys', expect: 400, needsKey: true,
      fields: (ctx) => withAttribute(ctx, 'list', (t) => {
        const code = t.attributes.find((a) => a.variable && a.datatype.endsWith('valuelist') && (a.values?.length ?? 0) > 0)?.code ?? '';
        return [...without(t.fields, ...attributeKeys(code)), [`attribute[${code}]`, 'o311-validator-not-a-key']];
      }),
    }),
  },
];
