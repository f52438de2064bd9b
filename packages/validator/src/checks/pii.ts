/**
 * Personal data (digest §6 submitter details, §10 the public request object has no
 * such fields): reporters' contact details must never be published.
 */
import type { Format } from '@o311/georeport';
import { isOutcome, skip, type Check } from '../check.js';
import type { CheckContext } from '../context.js';
import { REQUESTS } from '../context/documents.js';
import { PII_PROBE } from '../context/writer.js';
import { isRawObject, member, textOf, type RawObject } from '../raw/value.js';
import { requestsSources, singleRequestSources } from './support/areas.js';
import { Findings } from './support/findings.js';
import { gather } from './support/sources.js';
import { readBack, receiptFor } from './support/write.js';

const REF = 'GeoReport v2 §POST Service Request (submitter details) and §GET Service Requests; digest §6, §10';
const PERSONAL_KEYS = ['email', 'phone', 'first_name', 'last_name', 'device_id'];

interface PersonalField {
  /** `email`, `extended_attributes.phone`… */
  path: string;
  value: string;
}

/** Personal fields with a value, on the request or inside its extended_attributes. */
function personalFields(r: RawObject): PersonalField[] {
  const ext = member(r, 'extended_attributes');
  const scopes: [string, RawObject][] = [['', r], ...(isRawObject(ext) ? [['extended_attributes.', ext] as [string, RawObject]] : [])];
  return scopes.flatMap(([prefix, o]) =>
    PERSONAL_KEYS.flatMap((k) => {
      const value = textOf(member(o, k));
      return value === null || value.trim() === '' ? [] : [{ path: `${prefix}${k}`, value }];
    }),
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Seven or more digits, with only phone punctuation around them. */
const PHONE = /^\+?[\d\s().-]+$/;

/** A value someone could be reached with: an email address or a phone number. */
export const looksLikeContact = (value: string): boolean => {
  const v = value.trim();
  return EMAIL.test(v) || (PHONE.test(v) && v.replace(/\D/g, '').length >= 7);
};

/** A rule over every personal field of every request object the run read. */
function personalFieldRule(pick: (f: PersonalField) => boolean, shows: string, passMessage: string): Check['run'] {
  return async (ctx) => {
    const docs = await requestDocuments(ctx);
    if (docs.length === 0) return skip('no request documents to examine');
    const findings = new Findings();
    let examined = 0;
    for (const doc of docs) {
      doc.load.items.forEach((r, i) => {
        examined++;
        const found = personalFields(r).filter(pick).map((f) => f.path);
        if (found.length > 0) findings.add(`${doc.name}: request ${i} shows ${shows}${found.join(', ')}`, doc.load.exchange);
      });
    }
    return findings.outcome(`${examined} request object(s) in ${docs.length} document(s) ${passMessage}`);
  };
}

/** Every request document the run reads: lists, sampled single requests, and the extensions=true list. */
async function requestDocuments(ctx: CheckContext) {
  const format: Format = await ctx.primaryFormat();
  const [lists, singles, extended] = await Promise.all([
    requestsSources(ctx),
    singleRequestSources(ctx),
    gather([{ name: `requests.${format}?extensions=true`, format, load: ctx.load(REQUESTS, 'requests', format, { extensions: 'true' }) }]),
  ]);
  return [...lists.docs, ...singles.docs, ...extended.docs];
}

/** The probe values as they could appear in a body (the phone also as bare digits). */
const probeNeedles = (): { field: string; needle: string }[] => [
  ...Object.entries(PII_PROBE).map(([field, value]) => ({ field, needle: value.toLowerCase() })),
  { field: 'phone', needle: PII_PROBE.phone.replace(/\D/g, '') },
];

export const piiChecks: readonly Check[] = [
  /**
   * No request object (list, single, extensions=true) carries an email, phone, first/last name or
   * device_id value. A warning: the field may hold a placeholder or an agency's desk; real contact
   * data is pii-contact-values' error.
   */
  {
    id: 'pii-fields-absent',
    title: 'No request shows email, phone, names or device_id',
    specRef: REF,
    severity: 'warning',
    fix: 'Remove email, phone, first_name, last_name and device_id from public request lists.',
    run: personalFieldRule(() => true, '', 'show no personal fields'),
  },
  /** No personal field of a request object holds a working email address or phone number: publishing one is a privacy breach. */
  {
    id: 'pii-contact-values',
    title: 'No request shows an email address or phone number',
    specRef: REF,
    severity: 'error',
    fix: 'Remove e-mail addresses and phone numbers from public descriptions and notes, or mask them.',
    run: personalFieldRule((f) => looksLikeContact(f.value), 'contact data in ', 'show no email address or phone number'),
  },
  /**
   * The probe email/names/phone/device_id of the test POST appear in no GET answer made after it.
   * An error: a public endpoint publishing what a reporter gave in confidence is a privacy breach.
   */
  {
    id: 'pii-not-echoed',
    title: 'Submitted personal data appears in no later GET',
    specRef: REF,
    severity: 'error',
    fix: "Never publish the reporter's e-mail, phone or name in GET answers.",
    write: true,
    async run(ctx) {
      const r = await receiptFor(ctx, 'realtime');
      if (isOutcome(r)) return r.status === 'skip' ? r : skip('the realtime test POST failed (see post-realtime-receipt)');
      if (r.id === null) return skip('the realtime test POST returned no id to read back');
      const { id } = r;
      const format = await ctx.primaryFormat();
      await Promise.all([
        ...(await ctx.formats()).map((f) => readBack(ctx, id, f)),
        ctx.fresh('requests', format, { service_request_id: id }),
        ctx.fresh(`requests/${id}`, format, { extensions: 'true' }),
      ]);
      const after = r.submission.fetched.seq;
      const findings = new Findings();
      let examined = 0;
      for (const call of ctx.calls()) {
        if (!call.ok || call.seq <= after || call.exchange.request.method !== 'GET') continue;
        examined++;
        const body = call.exchange.response.body.toLowerCase();
        const leaked = [...new Set(probeNeedles().filter((n) => body.includes(n.needle)).map((n) => n.field))];
        if (leaked.length > 0) findings.add(`GET ${call.exchange.request.url} shows the submitted ${leaked.join(', ')}`, call.exchange);
      }
      return findings.outcome(`none of the submitted personal data appears in ${examined} later GET answer(s)`);
    },
  },
];
