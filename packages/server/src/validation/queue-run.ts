/**
 * queueValidationRun: the one way a validator run starts (the /validate page, its
 * JSON API, the monitor's daily conformance run). It checks what was asked,
 * stores the run and queues its `validate.run` job; the job does the rest
 * (validation-job.ts). Refusals come back as a sentence, never thrown.
 */
import { createHash } from 'node:crypto';
import type { NewValidationRun, ValidationFormat, ValidationRun, ValidationSource } from '@o311/store';
import type { JobQueue } from '@o311/jobs';
import type { Discovery } from '../discovery-api/create-point-discovery.js';
import type { ServiceContext } from '../services/context.js';
import { JOB, validateRunOptions, type ValidateRunData } from '../jobs/job-names.js';
import { matchEndpoint } from './endpoint-match.js';
import { runAllowance } from './run-limits.js';
import { isOwnUrl } from './own-endpoint.js';
import { checkTarget, targetShape, type HostResolver } from './validation-target.js';
import { sealRunKey } from './run-key.js';

export interface ValidationRunInput {
  /** The endpoint or discovery URL, as typed. */
  url: string;
  /** The registry endpoint it is, when the caller knows; else matched by URL. */
  endpointSlug?: string | null;
  source: ValidationSource;
  format: ValidationFormat;
  /** Run the write checks (test requests are created at the target). */
  write: boolean;
  apiKey: string | null;
  jurisdictionId: string | null;
  /** Who asks ({@link clientOf} of the address); null: not rate limited (the monitor). */
  client: string | null;
}

export interface RunRefusal {
  refused: string;
  /** 400: the input (or a write run this server cannot hold a key for); 429: too many runs (retry after). */
  status: 400 | 429;
  retryAfterSeconds?: number;
}

/** What starting a run needs: a ServiceContext has it all. */
export interface ValidationContext extends Pick<ServiceContext, 'store' | 'now' | 'routerCredentials' | 'origin'> {
  jobs: Pick<JobQueue, 'enqueue'>;
  /** Its `remote.allowPrivate` is the server's `--allow-private-endpoints`. */
  discovery: Pick<Discovery, 'remote'>;
}

/** The longest jurisdiction_id and API key accepted. */
export const MAX_JURISDICTION_LENGTH = 200;
export const MAX_API_KEY_LENGTH = 1024;

/** A client's address as runs keep it: hashed, never shown. */
export const clientOf = (address: string): string => createHash('sha256').update(`o311 validate ${address}`).digest('base64url').slice(0, 32);

const refusal = (refused: string, status: RunRefusal['status'] = 400, retryAfterSeconds?: number): RunRefusal =>
  retryAfterSeconds === undefined ? { refused, status } : { refused, status, retryAfterSeconds };

export const isRefusal = (r: ValidationRun | RunRefusal): r is RunRefusal => 'refused' in r;

export async function queueValidationRun(
  ctx: ValidationContext,
  input: ValidationRunInput,
  resolve?: HostResolver,
): Promise<ValidationRun | RunRefusal> {
  const shape = targetShape(input.url);
  if (!shape.ok) return refusal(shape.reason);
  const jurisdictionId = input.jurisdictionId?.trim() || null;
  if (jurisdictionId !== null && (jurisdictionId.length > MAX_JURISDICTION_LENGTH || /[\u0000-\u001f\u007f]/.test(jurisdictionId))) {
    return refusal(`The jurisdiction_id is 1 to ${MAX_JURISDICTION_LENGTH} characters on one line.`);
  }
  const apiKey = input.apiKey?.trim() || null;
  if (apiKey !== null && (apiKey.length > MAX_API_KEY_LENGTH || /[\u0000-\u001f\u007f]/.test(apiKey))) {
    return refusal(`An API key is 1 to ${MAX_API_KEY_LENGTH} characters on one line.`);
  }
  if (input.write && apiKey === null) return refusal('Write checks post test requests and need the endpoint’s API key: enter one, or turn the write checks off.');
  if (input.write && ctx.routerCredentials === undefined) {
    return refusal('Write checks are not available here: the server needs O311_ROUTER_SECRET set to hold an API key while the run lasts.');
  }
  const now = ctx.now();
  if (input.client !== null) {
    const allowance = await runAllowance(ctx.store.validations, input.client, input.write, now);
    if (!allowance.ok) return refusal(allowance.reason, 429, allowance.retryAfterSeconds);
  }
  // Last: it may wait on DNS. This server's own endpoint is validated in process (own-endpoint.ts), whatever its address.
  const target = isOwnUrl(ctx.origin, shape.url) ? shape : await checkTarget(shape.url, ctx.discovery.remote.allowPrivate, resolve);
  if (!target.ok) return refusal(target.reason);
  const run: NewValidationRun = {
    url: target.url,
    endpoint_slug: input.endpointSlug ?? (await matchEndpoint(ctx.store, target.url)),
    source: input.source,
    format: input.format,
    write: input.write,
    jurisdiction_id: jurisdictionId,
    // Only write runs need the key; a read-only run never keeps one.
    api_key_sealed: input.write && apiKey !== null && ctx.routerCredentials ? sealRunKey(ctx.routerCredentials, target.url, apiKey) : null,
    client: input.client,
  };
  const created = await ctx.store.validations.create(run, now);
  const data: ValidateRunData = { runId: created.id };
  await ctx.jobs.enqueue(JOB.validateRun, data, validateRunOptions(data));
  return created;
}
