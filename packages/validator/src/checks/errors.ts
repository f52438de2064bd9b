/**
 * Errors (spec: Errors; digest §11): the statuses for each error case the spec
 * names, and the shape of error bodies — checked on the standard probes
 * (unknown service, request and token; bad date; bad status) in each format.
 */
import type { Exchange } from '@o311/client';
import type { Format } from '@o311/georeport';
import { skip, type Check } from '../check.js';
import type { CheckContext } from '../context.js';
import { ERRORS } from '../context/documents.js';
import { isSuccess } from '../context/load.js';
import { parseRaw } from '../raw/document.js';
import { extract } from '../raw/shape.js';
import { member, show, textOf, type RawObject } from '../raw/value.js';
import { isDecimal, required } from './support/fields.js';
import { Findings } from './support/findings.js';
import { parseMediaType, TOLERATED_TYPES } from './support/media-type.js';
import { PROBES, runProbe, STANDARD_PROBES, type ErrorProbe } from './support/probes.js';

const REF = 'GeoReport v2 §Errors; digest §11';

/** Each format: the probe must answer `probe.expect` (or one of `also`). */
function statusCheck(probe: ErrorProbe, also: (status: number) => boolean = () => false): Check['run'] {
  return async (ctx) => {
    const findings = new Findings();
    for (const format of await ctx.formats()) {
      const fetched = await runProbe(ctx, probe, format);
      if (!fetched.ok) {
        if (fetched.failure.kind === 'no-base') return skip(fetched.failure.message);
        findings.add(`${probe.what} (${format}): ${fetched.failure.message}`, fetched.failure);
        continue;
      }
      const { status } = fetched.exchange.response;
      if (status !== probe.expect && !also(status)) {
        findings.add(`${probe.what} (${format}) answered HTTP ${status}, expected ${probe.expect}`, fetched.exchange);
      }
    }
    return findings.outcome(`${probe.what} answers HTTP ${probe.expect}`);
  };
}

interface ErrorAnswer {
  probe: ErrorProbe;
  format: Format;
  exchange: Exchange;
}

/** The standard probes' answers that were errors (≥ 400), optionally in one format. */
async function errorAnswers(ctx: CheckContext, only?: Format): Promise<ErrorAnswer[]> {
  const out: ErrorAnswer[] = [];
  for (const format of await ctx.formats()) {
    if (only !== undefined && format !== only) continue;
    for (const probe of STANDARD_PROBES) {
      const fetched = await runProbe(ctx, probe, format);
      if (fetched.ok && !isSuccess(fetched.exchange.response.status)) out.push({ probe, format, exchange: fetched.exchange });
    }
  }
  return out;
}

/** The error items of an answer, or the reasons it is not an error document. */
function readErrorDocument(a: ErrorAnswer): { items: RawObject[]; problems: string[] } {
  const parsed = parseRaw(a.exchange.response.body, a.format);
  if (!parsed.ok) return { items: [], problems: [parsed.error] };
  const { items, problems } = extract(parsed.doc, ERRORS);
  return { items, problems: items.length === 0 ? [...problems, 'no error items'] : problems };
}

const label = (a: ErrorAnswer): string => `${a.probe.what} (${a.format}, HTTP ${a.exchange.response.status})`;

/** A rule over every error answer of the standard probes. */
function errorRule(rule: (a: ErrorAnswer) => string[], passMessage: string, only?: Format): Check['run'] {
  return async (ctx) => {
    const answers = await errorAnswers(ctx, only);
    if (answers.length === 0) return skip(`no error answers to examine${only ? ` in ${only.toUpperCase()}` : ''}`);
    const findings = new Findings();
    for (const a of answers) findings.addAll(rule(a).map((p) => `${label(a)}: ${p}`), a.exchange);
    return findings.outcome(`${answers.length} error answer(s) ${passMessage}`);
  };
}

/** Error items that read; shape problems are the document checks' business. */
const itemsOf = (a: ErrorAnswer): RawObject[] => readErrorDocument(a).items;

const documentRule = (a: ErrorAnswer): string[] => {
  const { items, problems } = readErrorDocument(a);
  return [...problems, ...items.flatMap((e, i) => [required(e, 'code'), required(e, 'description')].flatMap((p) => (p === null ? [] : [`error ${i}: ${p}`])))];
};

export const errorsChecks: readonly Check[] = [
  /** services/{unknown} answers 404. */
  { id: 'errors-unknown-service', title: 'An unknown service_code gives 404', specRef: `${REF}; digest §5`, severity: 'error', fix: 'Answer 404 with an error document when the service_code does not exist.', run: statusCheck(PROBES.unknownService) },
  /** requests/{unknown} answers 404. */
  { id: 'errors-unknown-request', title: 'An unknown service_request_id gives 404', specRef: `${REF}; digest §9`, severity: 'error', fix: 'Answer 404 with an error document when the service_request_id does not exist.', run: statusCheck(PROBES.unknownRequest) },
  /** tokens/{unknown} answers 404. */
  { id: 'errors-unknown-token', title: 'An unknown token gives 404', specRef: `${REF}; digest §7`, severity: 'error', fix: 'Answer 404 with an error document when the token does not exist.', run: statusCheck(PROBES.unknownToken) },
  /** requests?start_date=yesterday answers 400. */
  { id: 'errors-bad-date', title: 'A malformed start_date gives 400', specRef: `${REF}; digest §11.1 item 3`, severity: 'error', fix: 'Answer 400 with an error document when start_date or end_date is not a valid date.', run: statusCheck(PROBES.badDate) },
  /** requests?start_date=…&end_date=… without a timezone answers 400 (the timezone is mandatory; lenient servers accept). */
  {
    id: 'errors-date-without-timezone',
    title: 'Query dates without a timezone give 400',
    specRef: 'GeoReport v2 §Dates; digest §1 (Dates), §11.1 item 3',
    severity: 'warning',
    fix: 'Refuse query dates without Z or an offset with 400, since their time zone is unknown.',
    run: statusCheck(PROBES.dateWithoutTimezone),
  },
  /** requests?status=o311-invalid answers 400. */
  { id: 'errors-bad-status', title: 'A status outside open|closed gives 400', specRef: `${REF}; digest §11.1 item 4`, severity: 'error', fix: 'Answer 400 when status is anything other than open, closed or a comma list of both.', run: statusCheck(PROBES.badStatus) },
  /** services?jurisdiction_id=unknown answers 404; a single-jurisdiction server may ignore it (2xx). */
  {
    id: 'errors-unknown-jurisdiction',
    title: 'An unknown jurisdiction_id gives 404 (or is ignored by a single-jurisdiction server)',
    specRef: `${REF}; digest §1 (jurisdiction_id), §4`,
    severity: 'warning',
    fix: 'Answer 404 for a jurisdiction_id the server does not serve (a single-jurisdiction server may ignore it).',
    run: statusCheck(PROBES.unknownJurisdiction, isSuccess),
  },
  /** XML error answers are <errors><error><code/><description/></error></errors>. */
  {
    id: 'errors-document-xml',
    title: 'XML error answers are <errors><error><code/><description/></error></errors>',
    specRef: REF,
    severity: 'error',
    formats: ['xml'],
    fix: 'Send errors as <errors><error><code>…</code><description>…</description></error></errors>.',
    run: errorRule(documentRule, 'are <errors> documents', 'xml'),
  },
  /** JSON error answers are [{"code": …, "description": …}]. */
  {
    id: 'errors-document-json',
    title: 'JSON error answers are [{"code":…,"description":…}]',
    specRef: `${REF}; digest §1.1`,
    severity: 'error',
    formats: ['json'],
    fix: 'Send JSON errors as an array of objects with code and description.',
    run: errorRule(documentRule, 'are arrays of {code, description}', 'json'),
  },
  /** Each error's code equals the HTTP status (the spec allows a more specific code; interoperability prefers equal). */
  {
    id: 'errors-code-matches-status',
    title: 'Error codes equal the HTTP status',
    specRef: REF,
    severity: 'warning',
    fix: "Put the HTTP status (for example 404) in each error's code.",
    run: errorRule(
      (a) => itemsOf(a).flatMap((e) => {
        const code = textOf(member(e, 'code'));
        if (code === null || code.trim() === '') return [];
        return isDecimal(code) && Number(code) === a.exchange.response.status ? [] : [`code ${show(member(e, 'code'))} differs from the HTTP status`];
      }),
      'carry the HTTP status as code',
    ),
  },
  /** Each error's description is non-empty text (it is shown to end users). */
  {
    id: 'errors-description',
    title: 'Error descriptions are not empty',
    specRef: REF,
    severity: 'warning',
    fix: "Say in each error's description what went wrong.",
    run: errorRule(
      (a) => itemsOf(a).flatMap((e, i) => {
        const d = textOf(member(e, 'description'));
        return d === null || d.trim() === '' ? [`error ${i} has no description text`] : [];
      }),
      'describe the problem',
    ),
  },
  /** Error answers carry the requested format's media type (not an HTML page). */
  {
    id: 'errors-content-type',
    title: "Error answers carry the requested format's content type",
    specRef: `${REF}; digest §13.11`,
    severity: 'warning',
    fix: 'Send error answers in the format the URL asked for, with its content type (text/xml for .xml, application/json for .json).',
    run: errorRule(
      (a) => {
        const type = parseMediaType(a.exchange.response.headers['content-type']);
        return type !== null && TOLERATED_TYPES[a.format].includes(type.essence) ? [] : [`Content-Type is ${type?.essence ?? 'missing'}`];
      },
      'carry the format\'s content type',
    ),
  },
];
