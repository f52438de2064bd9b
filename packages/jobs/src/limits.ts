/**
 * The bounds of every input of the queue, checked once here so that both
 * engines refuse the same things with the same messages.
 */
import { Cron } from 'croner';
import { invalid } from './errors.js';
import { JOB_STATES, type EnqueueOptions, type JobListFilter, type JobState, type WorkOptions } from './queue.js';

const NAME = /^[a-z][a-z0-9._-]{0,63}$/i;
/** Serialized JSON, in bytes of UTF-8. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
export const MAX_RETRY_LIMIT = 100;
const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;
export const MAX_RETRY_DELAY_MS = DAY;
/** pg-boss refuses an expiry of 24 hours or more. */
export const MAX_LEASE_MS = 12 * HOUR;
export const MIN_LEASE_MS = SECOND;
export const MAX_DELAY_MS = 366 * DAY;
const MAX_SINGLETON_KEY = 200;
const MAX_CONCURRENCY = 100;
const MIN_POLL_MS = 10;
const MAX_POLL_MS = 60 * SECOND;
/** Stored failure messages are cut to this many characters. */
export const MAX_ERROR_CHARS = 2000;

export const DEFAULTS = {
  retryLimit: 5,
  retryDelayMs: 10 * SECOND,
  backoff: true,
  leaseMs: 15 * 60 * SECOND,
  concurrency: 1,
  pollIntervalMs: SECOND,
} as const;

/** Enqueue options with every default applied. */
export interface ResolvedEnqueueOptions {
  runAt: number;
  retryLimit: number;
  retryDelayMs: number;
  backoff: boolean;
  singletonKey: string | null;
  leaseMs: number;
}

export function checkName(name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw invalid(
      `job name must be 1-64 letters, digits, ".", "_" or "-", starting with a letter; got ${JSON.stringify(name)?.slice(0, 80)}`,
    );
  }
  return name;
}

/** The payload as JSON text, refused when it is not JSON or too large. */
export function serializePayload(data: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(data ?? null);
  } catch (e) {
    throw invalid(`job payload is not serializable as JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (text === undefined) throw invalid('job payload is not serializable as JSON (a function or a symbol)');
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES) {
    throw invalid(`job payload is ${bytes} bytes of JSON; the limit is ${MAX_PAYLOAD_BYTES}`);
  }
  return text;
}

function integerIn(label: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(`${label} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

export function resolveEnqueueOptions(options: EnqueueOptions = {}, now: number): ResolvedEnqueueOptions {
  const runAt = options.runAt ?? now;
  if (typeof runAt !== 'number' || !Number.isFinite(runAt)) throw invalid(`runAt must be ms since the epoch, got ${String(runAt)}`);
  if (runAt - now > MAX_DELAY_MS) throw invalid(`runAt is more than ${MAX_DELAY_MS / DAY} days ahead`);
  const singletonKey = options.singletonKey ?? null;
  if (singletonKey !== null && (typeof singletonKey !== 'string' || singletonKey.length < 1 || singletonKey.length > MAX_SINGLETON_KEY)) {
    throw invalid(`singletonKey must be a string of 1-${MAX_SINGLETON_KEY} characters`);
  }
  const backoff = options.backoff ?? DEFAULTS.backoff;
  if (typeof backoff !== 'boolean') throw invalid('backoff must be true or false');
  return {
    runAt: Math.round(runAt),
    retryLimit: integerIn('retryLimit', options.retryLimit ?? DEFAULTS.retryLimit, 0, MAX_RETRY_LIMIT),
    retryDelayMs: integerIn('retryDelayMs', options.retryDelayMs ?? DEFAULTS.retryDelayMs, 0, MAX_RETRY_DELAY_MS),
    backoff,
    singletonKey,
    leaseMs: integerIn('leaseMs', options.leaseMs ?? DEFAULTS.leaseMs, MIN_LEASE_MS, MAX_LEASE_MS),
  };
}

export function resolveWorkOptions(options: WorkOptions = {}): Required<WorkOptions> {
  return {
    concurrency: integerIn('concurrency', options.concurrency ?? DEFAULTS.concurrency, 1, MAX_CONCURRENCY),
    pollIntervalMs: integerIn('pollIntervalMs', options.pollIntervalMs ?? DEFAULTS.pollIntervalMs, MIN_POLL_MS, MAX_POLL_MS),
  };
}

/** A parsed cron expression (5 fields, or 6 with seconds first) in a valid time zone. */
export function parseCron(expression: unknown, timezone = 'UTC'): Cron {
  if (typeof expression !== 'string' || expression.length > 200) throw invalid('cron expression must be a string of at most 200 characters');
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw invalid(`unknown time zone ${JSON.stringify(timezone)}`);
  }
  try {
    return new Cron(expression, { timezone, paused: true, mode: '5-or-6-parts' });
  } catch (e) {
    throw invalid(
      `invalid cron expression ${JSON.stringify(expression)} (5 fields, or 6 with seconds first): ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

export function boundedMessage(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS - 1)}…` : text;
}

const MAX_LIST = 1000;
const MAX_OFFSET = 1_000_000;

export function resolveListFilter(filter: JobListFilter): {
  states: readonly JobState[] | undefined;
  name: string | undefined;
  limit: number;
  offset: number;
} {
  const states = filter.states;
  if (states !== undefined) {
    if (!Array.isArray(states) || states.length === 0) throw invalid('states must be a non-empty list of job states');
    for (const state of states) {
      if (!JOB_STATES.includes(state)) throw invalid(`unknown job state ${JSON.stringify(state)}; expected one of ${JOB_STATES.join(', ')}`);
    }
  }
  return {
    states,
    name: filter.name === undefined ? undefined : checkName(filter.name),
    limit: integerIn('limit', filter.limit, 1, MAX_LIST),
    offset: integerIn('offset', filter.offset ?? 0, 0, MAX_OFFSET),
  };
}

/** Upkeep more often than this would spin; less often than hourly would leave lost jobs for too long. */
export function checkMaintenanceInterval(ms: number): number {
  return integerIn('maintenanceIntervalMs', ms, 10, 3_600_000);
}
