/**
 * `o311 serve`: runs the HTTP server (GeoReport v2, staff API, docs and the web
 * apps: citizen reporting at /, tracker at /track, back office at /staff) until
 * SIGINT/SIGTERM, then closes the server, the job queue and the store, in that
 * order. Background jobs run on a queue in the store's database.
 * `--demo` seeds the demo city (and its staff accounts) into an empty database
 * and hands out a fresh `demo` API key at every start.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Command, Option } from 'commander';
import type { FastifyInstance, JobQueue, SandboxConfig } from '@o311/server';
import { rotateApiKey, type Store } from '@o311/store';
import { openDatabase, redactUrl, resolveDatabaseUrl } from '../database.js';
import { CliError, UsageError, describeError } from '../errors.js';
import { println, type CliIo } from '../io.js';
import { MAX_WORKERS, superviseWorkers, workerRole, type AnnouncedOrigin, type Handoff } from './cluster.js';
import { monitorFailuresOption, monitorTimeoutOption } from './monitor.js';
import { resolveGeocoderUrl } from './geocoder-url.js';
import { addDatabaseOption, checkPublicUrl, integerIn, type DatabaseOptions } from './options.js';
import { intakeAddresses } from './intake-options.js';
import { checkSmsOptions, smsServeOptions, smsText, type SmsServeOptions } from './sms-options.js';

export const DEFAULT_PORT = 3311;
export const DEFAULT_HOST = '127.0.0.1';
export const DEMO_KEY_NAME = 'demo';

export interface ServeOptions extends DatabaseOptions, SmsServeOptions {
  port: number;
  host: string;
  publicUrl?: string;
  demo: boolean;
  log: boolean;
  /** MiB of encoded GET answers kept for reuse; 0 turns the cache off. */
  readCache: number;
  /** Serve the citizen app, tracker and staff back office (commander's `--no-web`). */
  web: boolean;
  tiles?: string;
  smtp?: string;
  /** Print e-mail on stdout instead of leaving it in the outbox (commander's `--mail-log`); on for --demo without --smtp. */
  mailLog?: boolean;
  /** The jurisdiction the web apps serve (else $O311_JURISDICTION, else the primary one). */
  jurisdiction?: string;
  /** Seconds (commander's `--headers-timeout` etc.); undefined: the server's defaults. */
  headersTimeout?: number;
  requestTimeout?: number;
  keepAliveTimeout?: number;
  idleTimeout?: number;
  maxRequestsPerSocket?: number;
  /** Serve a sandbox beside production (commander's `--no-sandbox`). */
  sandbox: boolean;
  /** Server processes on node:cluster (1..MAX_WORKERS); undefined: this process serves. */
  workers?: number;
  /** Let discovery reach endpoints on private and loopback addresses (service lists, registry checks). */
  allowPrivateEndpoints: boolean;
  /** A Nominatim-compatible service asked after the gazetteer (else $O311_GEOCODER_URL). */
  geocoderUrl?: string;
  /** ms before a federated delivery's first retry (commander's `--router-retry-delay`); undefined: the server's 30 s. */
  routerRetryDelay?: number;
  /** Run the status monitor's jobs (commander's `--monitor`/`--no-monitor`); undefined: on for --demo only. */
  monitor?: boolean;
  /** Failed polls in a row that open an incident; undefined: the monitor's 3. */
  monitorFailures?: number;
  /** ms one poll may take; undefined: the monitor's 10 s. */
  monitorTimeout?: number;
  /** The city's e-mail intake addresses (ADDRESS or ADDRESS=JURISDICTION); none: no intake. */
  intakeAddress?: string[];
  /** Listen for inbound SMTP on this port (needs intakeAddress). */
  smtpIn?: number;
  smtpInHost: string;
}

interface DemoAccess {
  apiKey: string;
  staff: { email: string; password: string; role: string }[];
}

/** The URLs a person uses, from the public URL or the address actually bound. */
export function serverUrls(base: string): {
  base: string; georeport: string; discovery: string; docs: string; staff: string;
} {
  const root = base.replace(/\/+$/, '');
  return {
    base: root,
    staff: `${root}/staff`,
    georeport: `${root}/open311/v2/`,
    discovery: `${root}/open311/discovery.json`,
    docs: `${root}/docs`,
  };
}


/** The server's default (DEFAULT_TIMEOUTS.requestMs), not imported: the other commands do not load the HTTP stack. */
const DEFAULT_REQUEST_TIMEOUT_S = 60;
const seconds = (s: number | undefined): number | undefined => (s === undefined ? undefined : s * 1000);
/** The server's ROUTER_RETRY_DELAY_BOUNDS, not imported for the same reason. */
const ROUTER_RETRY_DELAY_MS = { min: 100, max: 600_000 };

async function listen(app: FastifyInstance, port: number, host: string): Promise<number> {
  try {
    await app.listen({ port, host });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'EADDRINUSE') throw new CliError(`port ${port} on ${host} is already in use; choose another with --port`, { cause: e });
    if (code === 'EACCES') throw new CliError(`not allowed to listen on port ${port}; use a port above 1023`, { cause: e });
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new CliError(`cannot listen on host ${host}: no such local address`, { cause: e });
    throw new CliError(`cannot start the server: ${describeError(e)}`, { cause: e });
  }
  return (app.server.address() as AddressInfo).port;
}

/** The discovery registry's seed, with the demo's county, state and nation when the demo city is there, into an empty registry. */
async function seedEmptyRegistry(io: CliIo, store: Store, demo: boolean): Promise<void> {
  if ((await store.listEndpoints({ limit: 1, offset: 0 })).length > 0) return;
  const { seedDiscovery } = await import('./discovery-seed.js');
  const seeded = await seedDiscovery(store, { demo, overwrite: false });
  const { boundaries, endpoints } = seeded.registry;
  println(io.stdout, `seeded the discovery registry with ${boundaries.added} boundaries and ${endpoints.added} endpoints in ${seeded.seconds.toFixed(1)} s`);
}

/** Seeds the demo city and its staff when the database has no jurisdiction yet, and an empty discovery registry; rotates the demo key. */
async function prepareDemo(io: CliIo, store: Store, web: boolean): Promise<DemoAccess> {
  const { DEMO_JURISDICTION, isSeeded, seedDemoCity } = await import('@o311/demo');
  if ((await store.listJurisdictions()).length === 0) {
    println(io.stdout, `seeding the demo city ${DEMO_JURISDICTION.name} (${DEMO_JURISDICTION.id})…`);
    const t = performance.now();
    const seeded = await seedDemoCity(store);
    println(io.stdout, `seeded ${seeded.services} services and ${seeded.requests} requests in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } else if (!(await isSeeded(store))) {
    println(io.stderr, 'note: the database already has jurisdictions, so the demo city was not added');
  }
  await seedEmptyRegistry(io, store, await isSeeded(store));
  const { secret } = await rotateApiKey(store, { name: DEMO_KEY_NAME, rate_limit_per_minute: 600, trusted: true });
  const staff = web ? await (await import('@o311/web')).seedDemoStaff(store) : [];
  return { apiKey: secret, staff };
}

/**
 * The jurisdiction the web apps are bound to: `--jurisdiction`, else
 * $O311_JURISDICTION, else (undefined) the server's primary one at each request.
 */
async function webJurisdiction(io: CliIo, store: Store, option: string | undefined): Promise<{ configured: string | undefined }> {
  const configured = option ?? (io.env.O311_JURISDICTION || undefined);
  if (configured === undefined) return { configured };
  const chosen = await store.getJurisdiction(configured);
  if (!chosen) {
    const known = (await store.listJurisdictions()).filter((j) => !j.sandbox).map((j) => j.id).join(', ') || 'none yet';
    throw new UsageError(`--jurisdiction: no jurisdiction '${configured}' in the database (known: ${known})`);
  }
  if (chosen.sandbox) {
    throw new UsageError(`--jurisdiction: '${configured}' is the sandbox for client developers; its requests never reach staff`);
  }
  return { configured };
}

/** e.g. `Riverton (riverton.example), the primary jurisdiction`; undefined while there is none. */
async function describeServed(store: Store, configured: string | undefined): Promise<string | undefined> {
  const j = configured !== undefined ? await store.getJurisdiction(configured) : await store.primaryJurisdiction();
  if (!j) return undefined;
  return `${j.name} (${j.id}), ${configured !== undefined ? 'chosen with --jurisdiction' : 'the primary jurisdiction (--jurisdiction ID to choose)'}`;
}

/** Mail is printed: asked for, or a demo without SMTP (so that a sign-in link can be followed). */
const printsMail = (o: Pick<ServeOptions, 'mailLog' | 'demo' | 'smtp'>): boolean => o.smtp === undefined && (o.mailLog === true || o.demo);

/** The setting that holds a demo's router secret (see demoRouterSecret). */
const DEMO_ROUTER_SECRET = 'demo.router-secret';

/**
 * A demo without O311_ROUTER_SECRET gets one of its own, kept in its database
 * (shared by its workers), so that upstream keys, webhook secrets and the web
 * validator's write checks can be tried. Beside the values it seals, it guards
 * nothing: a real deployment sets the variable.
 */
async function demoRouterSecret(io: CliIo, store: Store, demo: boolean): Promise<string | undefined> {
  const { ROUTER_SECRET_ENV } = await import('@o311/server');
  if (!demo || (io.env[ROUTER_SECRET_ENV] ?? '') !== '') return undefined;
  return store.claimSetting(DEMO_ROUTER_SECRET, randomBytes(32).toString('base64url'));
}

/** The monitor runs: asked for, or a demo unless --no-monitor. */
const monitors = (o: Pick<ServeOptions, 'monitor' | 'demo'>): boolean => o.monitor ?? o.demo;

/** The banner's e-mail intake line. */
function intakeText(o: Pick<ServeOptions, 'intakeAddress' | 'smtpIn' | 'smtpInHost'>): string | undefined {
  if (!o.intakeAddress?.length) return undefined;
  const addresses = o.intakeAddress.map((a) => a.split('=')[0]).join(', ');
  return o.smtpIn === undefined
    ? `${addresses} (no listener: --smtp-in PORT; files by hand with o311 mail ingest FILE.eml)`
    : `${addresses} (SMTP on ${o.smtpInHost}:${o.smtpIn})`;
}

/** The banner's e-mail line: where mail goes, unless through SMTP. */
function mailText(o: Pick<ServeOptions, 'mailLog' | 'demo' | 'smtp' | 'web'>): string | undefined {
  if (!o.web || o.smtp !== undefined) return undefined;
  return printsMail(o) ? 'printed below instead of sent (--smtp URL to send it)' : 'kept in the database outbox (--smtp URL to send it, --mail-log to print it)';
}

function printBanner(
  io: CliIo, origin: AnnouncedOrigin, bound: string, demo: DemoAccess | undefined, web: boolean,
  sandbox: (SandboxConfig & { base: string }) | undefined, served: string | undefined, workers: string | undefined,
  mail: string | undefined, monitor: boolean, geocoder?: string, intake?: string, sms?: string,
): void {
  const u = serverUrls(origin.announced);
  const out = (line = ''): void => println(io.stdout, line);
  const demoKey = demo?.apiKey;
  out(`o311 is listening on ${bound}`);
  out(`  public URL     ${u.base}${origin.configured ? '' : ' (links in mail, feeds and discovery; set --public-url to the address people use)'}`);
  if (web) {
    if (served !== undefined) out(`  web apps serve ${served}`);
    out(`  report & track ${u.base}/`);
    out(`  my reports     ${u.base}/account (sign in with a link sent by e-mail)`);
    if (mail !== undefined) out(`  e-mail         ${mail}`);
    out(`  e-mail intake  ${intake ?? 'off (--intake-address ADDRESS --smtp-in PORT: mail to the city becomes a request)'}`);
    if (sms !== undefined) out(`  SMS            ${sms}`);
    out(`  staff          ${u.staff}`);
    for (const s of demo?.staff ?? []) out(`                   ${s.role.padEnd(6)} ${s.email} / ${s.password}`);
    out(`  take a call    ${u.staff}/calls (the contact centre: admins, and agents an admin lets take calls)`);
    out(`  who covers it  ${u.base}/discover`);
    out(`  validator      ${u.base}/validate (checks any Open311 endpoint, like the W3C validator)`);
    if (monitor) out(`  status         ${u.base}/status (every registry endpoint, polled by the monitor)`);
    out(`  dashboard      ${u.base}/dashboard (the Daily Brief: filters, map and charts of the requests)`);
    out(`  open data      ${u.base}/open-data (every public request as CSV, GeoJSON, monthly GeoReport files, Atom)`);
    out(`  developers     ${u.base}/developers (the API, self-service API keys, client SDK samples)`);
    if (geocoder !== undefined) out(`  geocoder       ${geocoder} (typed addresses not in the jurisdiction's gazetteer)`);
  }
  if (monitor && !web) out('  monitor        polling the registry\'s endpoints (its /status pages need the web apps)');
  out(`  GeoReport v2   ${u.georeport}`);
  out(`  discovery      ${u.discovery}`);
  out(`  lookup API     ${u.base}/discovery/v1/lookup.json?lat=LAT&long=LONG`);
  out(`  federated      ${u.base}/federated/open311/v2/ (every endpoint covering a point, one API key)`);
  out(`  API docs       ${u.docs}`);
  if (sandbox) {
    out(`  sandbox        ${u.base}${sandbox.base}/ (never reaches staff, emptied daily)`);
    out(`  sandbox key    ${sandbox.apiKey} (public)`);
  }
  if (workers !== undefined) out(`  workers        ${workers}`);
  if (demoKey !== undefined) {
    out(`  demo API key   ${demoKey}`);
    out('try:');
    out(`  curl '${u.georeport}services.json'`);
    out(`  curl -X POST '${u.georeport}requests.json' -d api_key=${demoKey} -d service_code=POTHOLE \\`);
    out('       -d lat=41.5868 -d long=-93.625 -d \'attribute[LOCATION]=travel_lane\' -d \'attribute[SIZE]=medium\' \\');
    out('       --data-urlencode \'description=Pothole in front of City Hall\'');
    out(`  curl '${u.base}/federated/open311/v2/services.json?lat=41.5868&long=-93.625'`);
  } else {
    out('try:');
    out(`  curl '${u.georeport}services.json'`);
    out('  (clients need an API key to submit: o311 keys create --name NAME)');
  }
  out('press Ctrl+C to stop');
}

/** What is prepared once per start (by the one process, or by the primary of `--workers`). */
interface Prepared {
  handoff: Handoff;
  /** `workers`: the line about `--workers`' processes. */
  banner(origin: AnnouncedOrigin, port: number, workers?: string): Promise<void>;
}

/** Demo city and keys, the sandbox and its key, the web apps' jurisdiction checked. */
async function prepare(io: CliIo, store: Store, o: ServeOptions, url: string): Promise<Prepared> {
  // Options that cannot work are refused before the demo's seeding, which takes a while.
  checkSmsOptions(o, io.env, await import('@o311/sms'));
  const demo = o.demo ? await prepareDemo(io, store, o.web) : undefined;
  const { ensureSandbox, SANDBOX_BASE } = await import('@o311/server');
  const sandbox = o.sandbox ? await ensureSandbox(store) : undefined;
  const served = o.web ? await webJurisdiction(io, store, o.jurisdiction) : undefined;
  const servedText = served ? await describeServed(store, served.configured) : undefined;
  const empty = !o.demo && (await store.listJurisdictions()).length === 0;
  const sms = await smsServeOptions(o, io.env, store);
  return {
    handoff: { sandbox, webJurisdiction: served?.configured },
    banner: async (origin, port, workers) => {
      const bound = `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port} (database ${redactUrl(url)})`;
      printBanner(
        io, origin, bound, demo, o.web, sandbox && { ...sandbox, base: SANDBOX_BASE }, servedText, workers, mailText(o), monitors(o), o.geocoderUrl, intakeText(o),
        smsText(sms, serverUrls(origin.announced).base),
      );
      if (empty) {
        println(io.stderr, 'note: the database has no jurisdiction yet: start with --demo for the demo city, or create one with the staff API (POST /api/v1/jurisdictions)');
      }
    },
  };
}

function checkWorkers(io: CliIo, workers: number, url: string): void {
  if (!url.startsWith('sqlite:')) return;
  if (url === 'sqlite::memory:') throw new UsageError('--workers needs a database file or PostgreSQL: each process would have its own in-memory database');
  if (workers > 1) {
    println(io.stderr, `note: ${workers} workers on SQLite share one database file (WAL): reads run in parallel, writes wait for each other; use PostgreSQL for many writers`);
  }
}

/** The e-mail intake's plugin (and the web apps' part of it), with `--intake-address`. */
async function emailIntake(store: Store, o: ServeOptions, jurisdictionId: string | undefined) {
  if (!o.intakeAddress?.length) {
    if (o.smtpIn !== undefined) throw new UsageError('--smtp-in needs --intake-address: the listener accepts mail only for the city\'s addresses');
    return undefined;
  }
  const { emailIntakePlugin, DEFAULT_MAIL_LIMITS } = await import('@o311/email-intake');
  const options = { addresses: await intakeAddresses(store, o.intakeAddress, jurisdictionId ?? o.jurisdiction), limits: DEFAULT_MAIL_LIMITS };
  const smtp = o.smtpIn === undefined ? undefined : { port: o.smtpIn, host: o.smtpInHost };
  return { options, plugin: emailIntakePlugin({ ...options, ...(smtp && { smtp }) }) };
}

export async function serve(io: CliIo, o: ServeOptions): Promise<void> {
  const publicUrl = checkPublicUrl(o.publicUrl);
  if (o.headersTimeout !== undefined && o.headersTimeout > (o.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT_S)) {
    throw new UsageError(`--headers-timeout (${o.headersTimeout}) must not exceed --request-timeout (${o.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT_S})`);
  }
  const url = resolveDatabaseUrl(o.database, io.env);
  o = { ...o, geocoderUrl: await resolveGeocoderUrl(io, o.geocoderUrl, o.allowPrivateEndpoints) };
  const worker = workerRole();
  // Listen for SIGINT/SIGTERM from the start, so that a stop during seeding is graceful too.
  let stopping: string | undefined;
  const stop = (worker ? Promise.race([io.shutdownSignal(), worker.stopRequested]) : io.shutdownSignal()).then((signal) => (stopping = signal));
  if (o.workers !== undefined && !worker) {
    checkWorkers(io, o.workers, url);
    return superviseWorkers(io, {
      workers: o.workers,
      stop,
      prepare: async () => {
        const store = await openDatabase(url);
        try {
          const prepared = await prepare(io, store, o, url);
          return { handoff: prepared.handoff, banner: (port, origin, workers) => prepared.banner(origin, port, workers) };
        } finally {
          await store.close();
        }
      },
    });
  }
  const store = await openDatabase(url);
  let app: FastifyInstance | undefined;
  let jobs: JobQueue | undefined;
  try {
    // A worker serves what its primary prepared.
    const prepared = worker ? undefined : await prepare(io, store, o, url);
    const { sandbox, webJurisdiction: jurisdictionId } = worker?.handoff ?? prepared!.handoff;
    if (stopping === undefined) {
      // Loaded here, not at start-up: the other commands do not need the HTTP stack.
      const { buildApp, startJobQueue } = await import('@o311/server');
      jobs = await startJobQueue(url);
      const intake = await emailIntake(store, o, jurisdictionId);
      const sms = await smsServeOptions(o, io.env, store);
      const plugins = [
        ...(intake ? [intake.plugin] : []),
        ...(o.web
          ? [(await import('@o311/web')).webPlugin({
              tileUrl: o.tiles, smtpUrl: o.smtp, publicUrl, jurisdictionId,
              ...(printsMail(o) && { mailLog: (text: string) => println(io.stdout, text) }),
              ...(intake && { emailIntake: intake.options }),
              ...(sms && { sms: { ...sms, jurisdictionId } }),
            })]
          : []),
      ];
      app = await buildApp({
        store, jobs, publicUrl, logger: o.log, readCacheBytes: o.readCache * 1024 * 1024, plugins,
        homePath: o.web ? '/developers' : '/',
        sandbox,
        discovery: { allowPrivate: o.allowPrivateEndpoints },
        geocoderUrl: o.geocoderUrl,
        routerRetryDelayMs: o.routerRetryDelay,
        routerSecret: await demoRouterSecret(io, store, o.demo),
        ...(monitors(o) && { monitor: { failuresToOpen: o.monitorFailures, timeoutMs: o.monitorTimeout } }),
        timeouts: {
          headersMs: seconds(o.headersTimeout),
          requestMs: seconds(o.requestTimeout),
          keepAliveMs: seconds(o.keepAliveTimeout),
          idleMs: seconds(o.idleTimeout),
          maxRequestsPerSocket: o.maxRequestsPerSocket,
        },
      });
      const port = await listen(app, o.port, o.host);
      if (worker) worker.listening(port, { announced: app.publicOrigin.announced, configured: app.publicOrigin.configured });
      else await prepared?.banner(app.publicOrigin, port);
    }
    const signal = await stop;
    if (!worker) println(io.stdout, `${signal}: shutting down`);
    if (app) {
      const closing = app;
      app = undefined;
      await closing.close();
    }
  } finally {
    if (app) await app.close().catch(() => undefined);
    await jobs?.stop().catch(() => undefined);
    await store.close();
  }
  if (!worker) println(io.stdout, 'stopped');
}

export function serveCommand(io: CliIo): Command {
  return addDatabaseOption(
    new Command('serve')
      .description('run the Open311 server (GeoReport v2 at /open311/v2/, staff API at /api/v1, docs at /docs)')
      .addOption(new Option('--port <port>', 'TCP port (0 = any free port)').env('PORT').argParser(integerIn(0, 65_535)).default(DEFAULT_PORT))
      .addOption(new Option('--host <host>', 'interface to listen on (0.0.0.0 for all)').default(DEFAULT_HOST))
      .option('--public-url <url>', 'public base URL behind a proxy, e.g. https://311.example.org (used in discovery and links)')
      .option('--demo', 'seed the demo city into an empty database and print a fresh demo API key', false)
      .option('--log', 'log every HTTP request as JSON on stdout', false)
      .addOption(
        new Option('--read-cache <MiB>', 'memory for reusing encoded GET requests answers until the data changes (0 = off)')
          .argParser(integerIn(0, 4096))
          .default(32),
      )
      .option('--no-web', 'serve only the APIs, without the citizen app, tracker and staff back office')
      .option('--tiles <url>', 'map tile URL template for the web apps (default OpenStreetMap)')
      .option('--smtp <url>', 'send e-mail through smtp://user:pass@host:port (default: outbox in the database only)')
      .option('--mail-log', 'print each e-mail (sign-in links, follower notices) on stdout instead of leaving it in the outbox; on with --demo unless --smtp is given')
      .option('--jurisdiction <id>', 'the jurisdiction the web apps serve (default: $O311_JURISDICTION, else the primary jurisdiction)')
      .addOption(new Option('--headers-timeout <s>', 'seconds a client has to send the request headers (default 15)').argParser(integerIn(1, 3600)))
      .addOption(new Option('--request-timeout <s>', 'seconds a client has to send a whole request, body included (default 60)').argParser(integerIn(1, 3600)))
      .addOption(new Option('--keep-alive-timeout <s>', 'seconds an idle keep-alive connection is kept open (default 5)').argParser(integerIn(0, 3600)))
      .addOption(new Option('--idle-timeout <s>', 'seconds without traffic before a connection is closed (default 30)').argParser(integerIn(0, 3600)))
      .option('--no-sandbox', 'serve no sandbox (by default a sandbox jurisdiction with a public key is served at /open311/sandbox/v2/)')
      .option('--geocoder-url <url>', `a Nominatim-compatible search service asked for typed addresses the jurisdiction's gazetteer does not know (default: $O311_GEOCODER_URL; none)`)
      .option('--allow-private-endpoints', 'let discovery reach registry endpoints on private, loopback and link-local addresses (service lists, checks); refused by default', false)
      .addOption(
        new Option('--workers <n>', `serve from n processes sharing the port (1 to ${MAX_WORKERS}, node:cluster); one that dies is replaced`)
          .argParser(integerIn(1, MAX_WORKERS)),
      )
      .addOption(
        new Option('--router-retry-delay <ms>', 'milliseconds before a federated delivery is tried again, doubling at each further try (default 30000)')
          .argParser(integerIn(ROUTER_RETRY_DELAY_MS.min, ROUTER_RETRY_DELAY_MS.max)),
      )
      .option('--monitor', 'run the status monitor: poll every registry endpoint on its interval, record uptime and latency, alert contacts (on with --demo)')
      .option('--no-monitor', 'do not run the status monitor, also with --demo')
      .addOption(monitorFailuresOption('--monitor-failures'))
      .addOption(monitorTimeoutOption('--monitor-timeout', 'milliseconds one poll of the monitor may take (default 10000)'))
      .option('--intake-address <address...>', "the city's e-mail intake address(es): mail to it becomes a request (ADDRESS, or ADDRESS=JURISDICTION; default jurisdiction: the web apps')")
      .addOption(new Option('--smtp-in <port>', 'listen for inbound e-mail (SMTP, as the MX behind the city\'s mail domain) on this port; needs --intake-address').argParser(integerIn(0, 65_535)))
      .addOption(new Option('--smtp-in-host <host>', 'interface of the SMTP listener (0.0.0.0 for all)').default(DEFAULT_HOST))
      .option('--sms-provider <name>', 'the SMS channel: twilio (its webhook at /channels/sms/inbound/twilio) or neutral (signed JSON at /channels/sms/inbound) (default: $O311_SMS_PROVIDER; none)')
      .option('--sms-secret <secret>', "Twilio's auth token, or the neutral webhook's HMAC key (default: $O311_SMS_SECRET)")
      .option('--twilio-account-sid <sid>', 'send texts (status updates, receipts) through Twilio with this account (default: $TWILIO_ACCOUNT_SID; else they stay in the database)')
      .option('--sms-from <number>', 'the number (or Messaging Service SID) texts are sent from (default: $O311_SMS_FROM)')
      .option('--sms-number <number...>', "the city's SMS number(s): messages to any other are refused (NUMBER, or NUMBER=JURISDICTION; default jurisdiction: the web apps')")
      .option('--sms-simulator', 'serve the SMS simulator at /channels/sms/simulator, where anyone may text as any number: demos and development only (on with --demo)')
      .option('--no-sms-simulator', 'no SMS simulator, also with --demo')
      .addOption(new Option('--max-requests-per-socket <n>', 'requests on one connection before it is closed (default 1000, 0 = no limit)').argParser(integerIn(0, 1_000_000))),
  ).action(async (o: ServeOptions) => serve(io, o));
}
