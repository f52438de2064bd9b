/** validate(): resolve the target, run the checks (a few at a time) against one shared context, report. */
import { performance } from 'node:perf_hooks';
import { createTransport, type Transport } from '@o311/client';
import { FORMATS, type Format } from '@o311/georeport';
import type { Check, CheckOutcome, CheckStatus, Evidence, Severity } from './check.js';
import { ALL_CHECKS } from './checks/index.js';
import { createContext, type CheckContext, type Location } from './context.js';
import { Fetcher } from './context/fetcher.js';
import { failureText } from './context/load.js';
import { parseTarget, resolveTarget } from './context/target.js';
import { ValidatorUsageError } from './usage-error.js';

export interface ValidateOptions {
  /** Discovery document URL or GeoReport base URL. */
  url: string;
  write?: boolean;
  apiKey?: string;
  jurisdictionId?: string;
  /** Where: sent as lat and long with the service and request lists (an endpoint whose lists depend on it, e.g. a federation). */
  location?: Location;
  /** Default false: refuse private, loopback and link-local targets. */
  allowPrivate?: boolean;
  /** Per HTTP call. */
  timeoutMs?: number;
  /**
   * The response formats to test (default both): checks about a format left out
   * are skipped, and the shared data is read in a chosen one.
   */
  formats?: readonly Format[];
  /** Tests may inject one. */
  transport?: Transport;
  checks?: readonly Check[];
  /** Called as each check finishes (in completion order). A throwing callback is ignored. */
  onProgress?: (done: number, total: number, result: CheckResult) => void;
}

export interface CheckResult {
  id: string;
  title: string;
  severity: Severity;
  status: CheckStatus;
  specRef: string;
  message: string;
  /** How to fix a failure (the check's `fix`). */
  fix: string;
  evidence?: Evidence;
  durationMs: number;
}

export interface ValidationReport {
  target: { url: string; baseUrl: string | null; discoveryUrl: string | null };
  startedAt: string;
  durationMs: number;
  /** errors/warnings/info count FAILED checks of that severity. */
  summary: { errors: number; warnings: number; info: number; passed: number; failed: number; skipped: number };
  results: CheckResult[];
}

export const CHECKS: readonly Check[] = ALL_CHECKS;

/** Checks run at once; HTTP calls are limited separately (see context/fetcher.ts). */
const CHECK_CONCURRENCY = 4;
const USER_AGENT = 'o311-validator/0.1';

function checkOptions(options: ValidateOptions): readonly Check[] {
  parseTarget(options.url);
  if (options.timeoutMs !== undefined && !(Number.isFinite(options.timeoutMs) && options.timeoutMs > 0)) {
    throw new ValidatorUsageError(`timeoutMs must be a positive number of milliseconds, not ${options.timeoutMs}`);
  }
  const where = options.location;
  if (where !== undefined && !(Math.abs(where.lat) <= 90 && Math.abs(where.long) <= 180)) {
    throw new ValidatorUsageError(`location must be a latitude from -90 to 90 and a longitude from -180 to 180, not ${where.lat},${where.long}`);
  }
  const formats = options.formats;
  if (formats !== undefined && (formats.length === 0 || formats.some((f) => !FORMATS.includes(f)))) {
    throw new ValidatorUsageError(`formats must list xml, json or both, not '${formats.join(',')}'`);
  }
  const checks = options.checks ?? CHECKS;
  const ids = new Set<string>();
  for (const c of checks) {
    if (ids.has(c.id)) throw new ValidatorUsageError(`check '${c.id}' is listed twice`);
    ids.add(c.id);
  }
  return checks;
}

/**
 * Checks that still run when the GeoReport endpoint cannot be reached at all: the
 * connectivity check, and discovery (which may live on another host). Every other
 * check is skipped then, rather than failing once per call.
 */
const RUN_WHEN_UNREACHABLE = (id: string): boolean => id === 'http-reachable' || id.startsWith('discovery-') || id === 'parity-discovery';

/** Why nothing can be asked of the endpoint, or null when services.xml got an HTTP answer. */
async function unreachable(ctx: CheckContext): Promise<string | null> {
  const load = await ctx.services('xml');
  return load.kind === 'unreachable' ? `not run: the GeoReport endpoint could not be reached (${failureText(load.failure)})` : null;
}

const FORMAT_NAMES: Readonly<Record<Format, string>> = { xml: 'XML', json: 'JSON' };

/** Why a check about a format the run leaves out is skipped, or null when it runs. */
function formatLeftOut(check: Check, chosen: readonly Format[]): string | null {
  const missing = (check.formats ?? []).filter((f) => !chosen.includes(f));
  if (missing.length === 0) return null;
  return `not run: this check is about ${missing.map((f) => FORMAT_NAMES[f]).join(' and ')}, which this run does not test (only ${chosen.map((f) => FORMAT_NAMES[f]).join(' and ')} was chosen)`;
}

async function runOne(check: Check, ctx: CheckContext, write: boolean, blocked: string | null): Promise<CheckResult> {
  const started = performance.now();
  let outcome: CheckOutcome;
  const leftOut = formatLeftOut(check, ctx.settings.formats);
  if (check.write === true && !write) {
    outcome = { status: 'skip', message: 'write check: enable write mode (--write) to POST test requests' };
  } else if (leftOut !== null) {
    outcome = { status: 'skip', message: leftOut };
  } else if (blocked !== null && !RUN_WHEN_UNREACHABLE(check.id)) {
    outcome = { status: 'skip', message: blocked };
  } else {
    try {
      outcome = await check.run(ctx);
    } catch (e) {
      outcome = { status: 'fail', message: `internal error in the check: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  const { id, title, severity, specRef, fix } = check;
  const result: CheckResult = { id, title, severity, status: outcome.status, specRef, message: outcome.message, fix, durationMs: Math.round(performance.now() - started) };
  if (outcome.evidence !== undefined) result.evidence = outcome.evidence;
  return result;
}

export function summarise(results: readonly CheckResult[]): ValidationReport['summary'] {
  const failed = results.filter((r) => r.status === 'fail');
  return {
    errors: failed.filter((r) => r.severity === 'error').length,
    warnings: failed.filter((r) => r.severity === 'warning').length,
    info: failed.filter((r) => r.severity === 'info').length,
    passed: results.filter((r) => r.status === 'pass').length,
    failed: failed.length,
    skipped: results.filter((r) => r.status === 'skip').length,
  };
}

export async function validate(options: ValidateOptions): Promise<ValidationReport> {
  const checks = checkOptions(options);
  const write = options.write === true;
  const transportOptions = {
    allowPrivate: options.allowPrivate === true,
    userAgent: USER_AGENT,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  };
  const transport = options.transport ?? createTransport(transportOptions);
  const startedAt = new Date();
  const t0 = performance.now();
  const fetcher = new Fetcher(transport, transportOptions);
  const target = await resolveTarget(options.url, fetcher, write);
  const ctx = createContext({
    target,
    fetcher,
    now: startedAt.getTime(),
    settings: {
      write,
      apiKey: options.apiKey ?? null,
      jurisdictionId: options.jurisdictionId ?? null,
      location: options.location ?? null,
      formats: options.formats ?? FORMATS,
    },
  });

  const blocked = await unreachable(ctx);
  const results: CheckResult[] = new Array<CheckResult>(checks.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < checks.length) {
      const index = next++;
      const result = await runOne(checks[index] as Check, ctx, write, blocked);
      results[index] = result;
      done++;
      try {
        options.onProgress?.(done, checks.length, result);
      } catch {
        // A reporter's bug must not abort a run that has already touched the target.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHECK_CONCURRENCY, checks.length) }, worker));

  return {
    target: { url: options.url, baseUrl: target.baseUrl, discoveryUrl: target.discoveryUrl },
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    summary: summarise(results),
    results,
  };
}
