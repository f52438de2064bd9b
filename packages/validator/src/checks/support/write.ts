/** Helpers of the write-mode checks: the receipt of a test POST, fresh read-backs, negative POSTs. */
import type { ClientRequest, Exchange } from '@o311/client';
import type { Format, ServiceType } from '@o311/georeport';
import { fail, pass, skip, type CheckOutcome } from '../../check.js';
import type { CheckContext, FormFields, Load } from '../../context.js';
import { REQUESTS } from '../../context/documents.js';
import { evidenceOf } from '../../context/evidence.js';
import { isSuccess, loadProblem } from '../../context/load.js';
import type { Attempt, TestSubmission } from '../../context/writer.js';
import { memberText } from '../../raw/value.js';
import { errorDescription } from './error-text.js';
import { summarise } from './findings.js';

export const POST_REF = 'GeoReport v2 §POST Service Request; digest §6';

export interface Receipt {
  submission: TestSubmission;
  exchange: Exchange;
  id: string | null;
  token: string | null;
}

const blankToNull = (s: string | null): string | null => (s === null || s.trim() === '' ? null : s.trim());

/** The test POST for `type` and its one receipt item, or the outcome explaining why there is none. */
export async function receiptFor(ctx: CheckContext, type: ServiceType): Promise<Receipt | CheckOutcome> {
  const attempt = await ctx.writer.submit(type);
  if (!attempt.ok) return skip(attempt.reason);
  const submission = attempt.value;
  const { fetched, receipt } = submission;
  if (!fetched.ok) return fail(`POST requests.xml failed: ${fetched.failure.message}`, evidenceOf(fetched.failure));
  const { exchange } = fetched;
  if (receipt.kind !== 'ok') return fail(`POST requests.xml (${submission.service.service_code}): ${loadProblem(receipt, 'the receipt')}`, evidenceOf(exchange));
  const problems = [...receipt.shapeProblems];
  if (receipt.items.length !== 1) problems.push(`${receipt.items.length} <request> items in the receipt, expected one`);
  if (problems.length > 0) return fail(`POST requests.xml receipt: ${summarise(problems)}`, evidenceOf(exchange));
  const item = receipt.items[0] ?? {};
  return {
    submission,
    exchange,
    id: blankToNull(memberText(item, 'service_request_id')),
    token: blankToNull(memberText(item, 'token')),
  };
}

/** The new request read back (fresh, once per run and format). */
const readBacks = new WeakMap<CheckContext, Map<string, Promise<Load<ClientRequest[]>>>>();

export function readBack(ctx: CheckContext, id: string, format: Format): Promise<Load<ClientRequest[]>> {
  let cache = readBacks.get(ctx);
  if (cache === undefined) readBacks.set(ctx, (cache = new Map()));
  const key = `${id}\n${format}`;
  let pending = cache.get(key);
  if (pending === undefined) {
    pending = ctx.fresh(`requests/${id}`, format).then((f) => ctx.interpret(REQUESTS, f, format));
    cache.set(key, pending);
  }
  return pending;
}

export const readBackProblem = (load: Load<unknown>, id: string, format: Format): string => loadProblem(load, `requests/${id}.${format}`);

/** Valid fields for any submittable service (realtime first), or why there is none. */
export async function anyValidFields(ctx: CheckContext): Promise<Attempt<FormFields>> {
  const reasons: string[] = [];
  for (const type of ['realtime', 'batch', 'blackbox'] as const) {
    const got = await ctx.writer.fields(type);
    if (got.ok) return { ok: true, value: got.value.fields };
    reasons.push(got.reason);
  }
  return { ok: false, reason: reasons.join('; ') };
}

export interface Refusal {
  /** The altered fields to POST, or why they cannot be built. */
  fields(ctx: CheckContext): Promise<Attempt<FormFields>>;
  expect: number;
  what: string;
  /** Needs a valid api_key (so that the server gets past the key check to the case being tested). */
  needsKey: boolean;
}

/** POSTs an invalid submission and expects it to be refused with `expect`. */
export function refusalCheck(r: Refusal): (ctx: CheckContext) => Promise<CheckOutcome> {
  return async (ctx) => {
    if (r.needsKey && ctx.settings.apiKey === null) return skip('needs an api_key to get past the key check');
    const fields = await r.fields(ctx);
    if (!fields.ok) return skip(fields.reason);
    const fetched = await ctx.post('xml', fields.value);
    if (!fetched.ok) return fail(`POST ${r.what}: ${fetched.failure.message}`, evidenceOf(fetched.failure));
    const { status } = fetched.exchange.response;
    if (status === r.expect) {
      const said = errorDescription(fetched.exchange, 'xml');
      return pass(`POST ${r.what} refused with ${status}${said === null ? '' : `: ${said}`}`);
    }
    const created = isSuccess(status) ? ' (the server accepted it and may have created a request)' : '';
    return fail(`POST ${r.what} answered HTTP ${status}, expected ${r.expect}${created}`, evidenceOf(fetched.exchange));
  };
}
