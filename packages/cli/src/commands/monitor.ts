/**
 * `o311 monitor run`: the status monitor without an HTTP listener. Without
 * `--once` it runs the monitor's jobs on the database's queue (beside any
 * `o311 serve`, which then needs no --monitor) until SIGINT/SIGTERM, then
 * stops gracefully. With `--once` it polls every target now, whatever its
 * due time, records the samples (alerts are queued for the monitor
 * processes), prints a table or JSON and exits 0, also when endpoints are
 * down: only a failure of the command itself exits 1. Endpoints this server
 * serves itself are polled in process, through an app that never listens.
 */
import { Command, Option } from 'commander';
import type { AppOptions, FastifyInstance, JobQueue, PolledTarget, ServiceContext } from '@o311/server';
import type { Store } from '@o311/store';
import { openDatabase, redactUrl, resolveDatabaseUrl } from '../database.js';
import { UsageError } from '../errors.js';
import { println, type CliIo } from '../io.js';
import { renderTable } from '../table.js';
import { addDatabaseOption, checkPublicUrl, integerIn, type DatabaseOptions } from './options.js';

/** The server's MONITOR_BOUNDS, not imported: loading the HTTP stack waits until the command runs. */
export const MONITOR_FAILURES = { min: 1, max: 100 } as const;
export const MONITOR_TIMEOUT_MS = { min: 100, max: 120_000 } as const;

/** The monitor's `<flag> <n>` option (o311 monitor run, o311 serve): failed polls in a row that open an incident. */
export const monitorFailuresOption = (flag: string): Option =>
  new Option(`${flag} <n>`, 'failed polls in a row that open an incident (default 3)').argParser(integerIn(MONITOR_FAILURES.min, MONITOR_FAILURES.max));

/** The monitor's `<flag> <ms>` option (o311 monitor run, o311 serve): how long one poll may take. */
export const monitorTimeoutOption = (flag: string, description: string): Option =>
  new Option(`${flag} <ms>`, description).argParser(integerIn(MONITOR_TIMEOUT_MS.min, MONITOR_TIMEOUT_MS.max));

export interface MonitorRunOptions extends DatabaseOptions {
  once: boolean;
  json: boolean;
  failures?: number;
  timeout?: number;
  allowPrivateEndpoints: boolean;
  publicUrl?: string;
}

const cell = (value: string | number | null): string => (value === null ? '-' : String(value));

export function polledTable(rows: readonly PolledTarget[]): string {
  return renderTable(
    ['SLUG', 'STATE', 'HTTP', 'LATENCY', 'ERROR'],
    rows.map((r) => [
      r.slug,
      r.paused ? `${r.state} (paused)` : r.state,
      cell(r.http_status),
      r.latency_ms === null ? '-' : `${Math.round(r.latency_ms)} ms`,
      cell(r.error_kind),
    ]),
  );
}

async function runOnce(io: CliIo, o: MonitorRunOptions, store: Store, jobs: JobQueue): Promise<FastifyInstance> {
  let services: ServiceContext | undefined;
  const app = await buildMonitorApp(store, jobs, o, {
    plugins: [async (_app, ctx) => {
      services = ctx;
    }],
  });
  const { monitorRuntime, pollAllTargets } = await import('@o311/server');
  if (!services) throw new Error('the app was built without its service context');
  const rt = monitorRuntime(app, services, { failuresToOpen: o.failures, timeoutMs: o.timeout, allowPrivate: o.allowPrivateEndpoints });
  const rows = await pollAllTargets(rt);
  if (o.json) println(io.stdout, JSON.stringify(rows, null, 2));
  else println(io.stdout, rows.length === 0 ? 'no registry endpoints to poll (add some with `o311 discovery` or the registry pages)' : polledTable(rows));
  return app;
}

/** An app that never listens: it answers the polls of local endpoints in process and runs no job but the monitor's. */
async function buildMonitorApp(
  store: Store, jobs: JobQueue, o: MonitorRunOptions, extra: Pick<AppOptions, 'plugins' | 'monitor'>,
): Promise<FastifyInstance> {
  const { buildApp } = await import('@o311/server');
  return buildApp({
    store, jobs, publicUrl: checkPublicUrl(o.publicUrl), monitorOnly: true, discovery: { allowPrivate: o.allowPrivateEndpoints }, ...extra,
  });
}

export async function monitorRun(io: CliIo, o: MonitorRunOptions): Promise<void> {
  if (o.json && !o.once) throw new UsageError('--json goes with --once: a running monitor prints no table');
  const url = resolveDatabaseUrl(o.database, io.env);
  const stop = o.once ? undefined : io.shutdownSignal();
  const store = await openDatabase(url);
  let app: FastifyInstance | undefined;
  let jobs: JobQueue | undefined;
  try {
    const { startJobQueue } = await import('@o311/server');
    jobs = await startJobQueue(url);
    if (o.once) {
      app = await runOnce(io, o, store, jobs);
      return;
    }
    app = await buildMonitorApp(store, jobs, o, { monitor: { failuresToOpen: o.failures, timeoutMs: o.timeout } });
    await app.ready();
    println(io.stdout, `o311 monitor is polling the registry's endpoints (database ${redactUrl(url)}); press Ctrl+C to stop`);
    const signal = await stop!;
    println(io.stdout, `${signal}: shutting down`);
  } finally {
    // The app first (no new in-process answers), then the queue, which waits for running polls.
    await app?.close().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    await store.close();
  }
  println(io.stdout, 'stopped');
}

export function monitorCommand(io: CliIo): Command {
  const monitor = new Command('monitor').description('the status monitor of the registry\'s endpoints');
  addDatabaseOption(
    monitor.command('run')
      .description('run the monitor\'s jobs (polls, rollups, conformance runs, alerts) until Ctrl+C; --once polls every endpoint now and prints the outcome')
      .option('--once', 'poll every endpoint now (whatever its next poll time), record, print a table and exit', false)
      .option('--json', 'with --once: print JSON instead of a table', false)
      .addOption(monitorFailuresOption('--failures'))
      .addOption(monitorTimeoutOption('--timeout', 'milliseconds one poll may take (default 10000)'))
      .option('--allow-private-endpoints', 'poll endpoints (and post webhooks) on private, loopback and link-local addresses; refused by default', false)
      .option('--public-url <url>', 'public base URL of the o311 server, for the status links in alert mails'),
  ).action(async (o: MonitorRunOptions) => monitorRun(io, o));
  return monitor;
}
