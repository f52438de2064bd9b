/**
 * The `validate.run` job: one stored run, start to end. The validator runs
 * read-only unless the run asked for write checks (its sealed key is opened
 * here only, and the store erases it when the run ends), within a whole-run
 * deadline and the transport's per-call bounds; progress is saved as checks
 * finish; the report is stored trimmed. A run that cannot be done (refused
 * target, crash, deadline) is failed with a sentence, never a stack. A
 * finished monitor run records the endpoint's conformance score.
 */
import type { FastifyInstance } from 'fastify';
import { NetworkError, type Transport } from '@o311/client';
import type { ValidationRun } from '@o311/store';
import { CHECKS, validate, ValidatorUsageError, type ValidateOptions, type ValidationReport } from '@o311/validator';
import type { Format } from '@o311/georeport';
import { recordConformance } from '../monitor/conformance.js';
import { servedHere } from '../monitor/conformance-runs.js';
import type { ServiceContext } from '../services/context.js';
import { JOB, SCHEDULE, type ValidateRunData } from '../jobs/job-names.js';
import { ProgressSaver } from './progress-saver.js';
import { isOwnUrl } from './own-endpoint.js';
import { openRunKey } from './run-key.js';
import { runTransport } from './run-transport.js';
import { storedReport } from './stored-report.js';

/** A run ends by then, finished or failed. */
export const RUN_DEADLINE_MS = 3 * 60_000;
/** Runs kept per URL by the daily prune, and how long any finished run stays before it may go. */
export const KEEP_RUNS_PER_URL = 20;
export const KEEP_ANY_RUN_MS = 24 * 60 * 60_000;

export interface ValidationJobSettings {
  /** Reach private and loopback targets (the server's `--allow-private-endpoints`). */
  allowPrivate: boolean;
  /** The whole-run deadline (default {@link RUN_DEADLINE_MS}); shorter in tests. */
  deadlineMs?: number;
  /** Instead of the network (tests). */
  transport?: Transport;
  /** This server's app: runs of its own public URL are answered by it in process (own-endpoint.ts). */
  app?: Pick<FastifyInstance, 'inject'>;
}

const FORMATS_OF: Readonly<Record<ValidationRun['format'], readonly Format[]>> = { both: ['xml', 'json'], xml: ['xml'], json: ['json'] };

class RunFailure extends Error {}

const minutes = (ms: number): string => (ms % 60_000 === 0 ? `${ms / 60_000} minutes` : `${Math.round(ms / 1000)} seconds`);
const tooLong = (deadlineMs: number): RunFailure =>
  new RunFailure(`The run took longer than ${minutes(deadlineMs)} and was stopped: the endpoint answers too slowly or not at all.`);

/**
 * validate(), or a RunFailure when the deadline passes first or cut a call
 * short (the transport refuses the calls left, so the validator ends soon after).
 */
async function validateBy(options: ValidateOptions, deadlineMs: number, reachedDeadline: () => boolean): Promise<ValidationReport> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(tooLong(deadlineMs)), deadlineMs);
  });
  try {
    const report = await Promise.race([validate(options), late]);
    if (reachedDeadline()) throw tooLong(deadlineMs);
    return report;
  } finally {
    clearTimeout(timer);
  }
}

/** Why a private target was refused, when the report says so (the CLI makes this a usage error). */
function refusedTarget(report: ValidationReport, refusals: readonly NetworkError[]): string | null {
  const host = URL.canParse(report.target.url) ? new URL(report.target.url).host : null;
  const refused = refusals.find((e) => URL.canParse(e.url) && new URL(e.url).host === host);
  return refused === undefined ? null : `${host ?? 'The target'} is a loopback, private or link-local address, which this server does not check.`;
}

/**
 * Why a monitor run of an endpoint this server serves cannot be answered in
 * process here, or null. Such a run names the public URL of the process that
 * queued it; when this process has another one (`o311 monitor run` without
 * the --public-url of `o311 serve`), the run must not go to the network.
 */
async function misplacedOwnRun(ctx: ValidationJobContext, run: ValidationRun, settings: ValidationJobSettings): Promise<string | null> {
  if (run.source !== 'monitor' || run.endpoint_slug === null || (settings.app && isOwnUrl(ctx.origin, run.url))) return null;
  const endpoint = await ctx.store.getEndpoint(run.endpoint_slug);
  if (endpoint === undefined || !servedHere(endpoint)) return null;
  return `This server’s own endpoint is checked in process at its public URL (${ctx.origin.announced}), not at ${run.url}: give o311 monitor run the same --public-url as o311 serve.`;
}

/** What running a run needs (a monitor run records its score: the monitor's services). */
export type ValidationJobContext = Pick<ServiceContext, 'store' | 'jobs' | 'now' | 'origin' | 'routerCredentials'>;

export async function runValidation(ctx: ValidationJobContext, runId: string, settings: ValidationJobSettings): Promise<void> {
  const runs = ctx.store.validations;
  const run = await runs.get(runId);
  if (run === undefined || run.state === 'done' || run.state === 'failed') return;
  const checks = CHECKS;
  const started = await runs.start(runId, checks.length, ctx.now());
  if (started === undefined) return;
  const deadlineMs = settings.deadlineMs ?? RUN_DEADLINE_MS;
  const refusals: NetworkError[] = [];
  const bounded = runTransport({
    allowPrivate: settings.allowPrivate,
    deadline: Date.now() + deadlineMs,
    ...(settings.transport && { base: settings.transport }),
    ...(settings.app && { own: { app: settings.app, origin: ctx.origin } }),
  });
  const transport: Transport = async (request, options) => {
    try {
      return await bounded.transport(request, options);
    } catch (e) {
      if (e instanceof NetworkError && e.kind === 'private-address') refusals.push(e);
      throw e;
    }
  };
  const progress = new ProgressSaver(runs, runId);
  try {
    const apiKey = started.api_key_sealed !== null && ctx.routerCredentials ? openRunKey(ctx.routerCredentials, run.url, started.api_key_sealed) : undefined;
    const misplaced = await misplacedOwnRun(ctx, run, settings);
    if (misplaced !== null) throw new RunFailure(misplaced);
    if (run.write && apiKey === undefined) throw new RunFailure('The API key of this write run cannot be opened (the server’s O311_ROUTER_SECRET changed or is missing); start the run again.');
    const report = await validateBy({
      url: run.url,
      write: run.write,
      ...(apiKey !== undefined && { apiKey }),
      ...(run.jurisdiction_id !== null && { jurisdictionId: run.jurisdiction_id }),
      formats: FORMATS_OF[run.format],
      allowPrivate: settings.allowPrivate,
      transport,
      checks,
      onProgress: progress.add,
    }, deadlineMs, bounded.reachedDeadline);
    await progress.flush();
    const refused = refusedTarget(report, refusals);
    if (refused !== null) throw new RunFailure(refused);
    const kept = storedReport(report);
    await runs.finish(runId, kept, kept.summary, ctx.now());
    const finished = await runs.get(runId);
    if (finished?.source === 'monitor' && finished.endpoint_slug !== null) await recordConformance(ctx, finished, kept);
  } catch (e) {
    await progress.stop();
    const reason = e instanceof RunFailure || e instanceof ValidatorUsageError ? e.message : 'The run stopped because of an error in the validator; try again later.';
    // The run is over either way: a retry would only find it failed. A failing store throws here, and the job is retried.
    await runs.fail(runId, reason, ctx.now());
  }
}

/** The daily prune: the newest runs per URL stay, and any run for a day after it ended. How many were removed. */
export const pruneValidationRuns = (ctx: Pick<ServiceContext, 'store' | 'now'>): Promise<number> =>
  ctx.store.validations.prune(KEEP_RUNS_PER_URL, ctx.now() - KEEP_ANY_RUN_MS);

/**
 * The runs and the daily prune. Given the app, runs are taken once it is
 * ready: a run of this server's own endpoint injects into it, and an inject
 * while the app is still being built (a run left queued by the monitor
 * before a restart is taken at once) would start it early, refusing the
 * routes still to come.
 */
export async function registerValidationJobs(
  ctx: ServiceContext,
  settings: ValidationJobSettings & { app?: Pick<FastifyInstance, 'inject' | 'addHook'> },
): Promise<void> {
  const takeRuns = (): Promise<void> =>
    ctx.jobs.work<ValidateRunData>(JOB.validateRun, (job) => runValidation(ctx, job.data.runId, settings), { concurrency: 2 });
  if (settings.app) settings.app.addHook('onReady', takeRuns);
  else await takeRuns();
  await ctx.jobs.work(JOB.validatePrune, async () => {
    await pruneValidationRuns(ctx);
  });
  // A missed prune is made up by the next day's.
  await ctx.jobs.schedule(JOB.validatePrune, SCHEDULE[JOB.validatePrune], {}, { retryLimit: 0 });
}
