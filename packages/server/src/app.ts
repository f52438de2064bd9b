/**
 * The o311 HTTP server: GeoReport v2 under /open311, the staff API under
 * /api/v1, interactive docs at /docs.
 *
 * Layers: routes (HTTP only: src/georeport, src/staff) -> services (logic:
 * src/services) -> store. Wire formats come from @o311/georeport's encoders only;
 * public request data only through src/projection.
 */
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import type { JobQueue } from '@o311/jobs';
import type { Store } from '@o311/store';
import { CredentialBox, ROUTER_SECRET_ENV } from '@o311/router';
import { registerHome } from './docs/home.js';
import { registerDocsUi, registerOpenApi } from './docs/openapi.js';
import { registerGeoreportRoutes } from './georeport/routes.js';
import { registerFederatedRoutes } from './federated/routes.js';
import { createPointDiscovery, type DiscoveryOptions } from './discovery-api/create-point-discovery.js';
import { registerDiscoveryApi } from './discovery-api/routes.js';
import { startPrivateJobQueue } from './jobs/job-queue.js';
import { registerRegistryChecks } from './jobs/registry-checks.js';
import { checkRouterRetryDelay, registerRouterDelivery } from './jobs/router-delivery.js';
import { localDeliverer } from './federated/local-deliverer.js';
import { registerServerJobs } from './jobs/server-jobs.js';
import { registerValidationJobs } from './validation/validation-job.js';
import type { MonitorOptions } from './monitor/monitor-options.js';
import { registerMonitor } from './monitor/register-monitor.js';
import { registerDashboard } from './dashboard/register-dashboard.js';
import { registerHarvest } from './dashboard/register-harvest.js';
import { registerWebhooks } from './webhooks/register-webhooks.js';
import { registerOpenDataRoutes } from './open-data/routes.js';
import { clientErrorHandler } from './http/client-errors.js';
import { registerBodyParsers } from './http/content-types.js';
import { registerCompression } from './http/compression.js';
import { registerCors } from './http/cors.js';
import { answerCacheHitsFirst } from './http/cache-hits-first.js';
import { canonicalGeoreportUrl } from './http/duplicate-slashes.js';
import { frameworkErrorHandler, installErrorHandling } from './http/errors.js';
import { PublicOrigin } from './http/public-origin.js';
import { ReadCache } from './http/read-cache.js';
import { SharedRateLimiter } from './http/shared-rate-limiter.js';
import { closeSilentConnections, resolveTimeouts, timeoutOptions, type ServerTimeouts } from './http/timeouts.js';
import type { Limits, ServiceContext } from './services/context.js';
import { DEFAULT_MAX_PIXELS } from './media/check-image.js';
import { registerSandboxRoutes } from './sandbox/routes.js';
import type { SandboxConfig } from './sandbox/sandbox.js';
import { registerStaffRoutes } from './staff/routes.js';
import { createGeocoder } from './services/geocoding.js';

export interface AppOptions {
  store: Store;
  /**
   * The job queue, started, on the store's database (`startJobQueue`); its owner
   * stops it after closing the app. Without it the app starts a queue of its own
   * in memory and stops it when it closes.
   */
  jobs?: JobQueue;
  /**
   * Base of every absolute link (discovery, media, paging, e-mails, feeds). Without it, links
   * follow the request's Host only when it names the address the server listens on (or
   * localhost for a loopback or all-interfaces bind); any other Host gets `app.publicOrigin.announced`.
   */
  publicUrl?: string;
  /** Header, request, keep-alive and idle deadlines; see DEFAULT_TIMEOUTS. */
  timeouts?: Partial<ServerTimeouts>;
  logger?: boolean;
  /** Largest urlencoded form, default 64 KiB. */
  bodyLimitBytes?: number;
  /** Largest uploaded media file, default 10 MiB. */
  mediaLimitBytes?: number;
  /** Most media files per request, default 3. */
  maxMediaFiles?: number;
  /** Largest total of the media files of one request, default 24 MiB. */
  mediaTotalLimitBytes?: number;
  /** Most pixels (width × height, read from the header) of one uploaded image, default 60 million. */
  maxMediaPixels?: number;
  /** Where uploads are spooled while a request is read (removed after); default: the system's temporary folder. */
  uploadDir?: string;
  /** Bytes of encoded GET answers kept for reuse, default 32 MiB; 0 turns the cache off. */
  readCacheBytes?: number;
  /** Further route sets (the web apps), registered after the APIs with the same service context. */
  plugins?: readonly AppPlugin[];
  /** A sandbox for client developers (see sandbox/sandbox.ts: ensureSandbox makes one). */
  sandbox?: SandboxConfig;
  /** The clock (epoch ms) of rate limits and other time rules; default `Date.now`. Tests pass a fixed one. */
  now?: () => number;
  /** Where the developers' landing page lives; default `/` (the web apps move it to `/developers`). */
  homePath?: string;
  /** The discovery API's service lists (e.g. `allowPrivate` to fetch from loopback in tests). */
  discovery?: DiscoveryOptions;
  /**
   * A Nominatim-compatible service asked after the gazetteer (`serve --geocoder-url`); reached at a private
   * or loopback address only with `discovery.allowPrivate`.
   */
  geocoderUrl?: string;
  /**
   * The secret that seals the federated endpoint's upstream API keys; default
   * O311_ROUTER_SECRET of the environment. Without one, upstream keys cannot be set or used.
   */
  routerSecret?: string;
  /**
   * The first retry of a federated delivery waits this long (ms, 100 to 600,000), doubling after;
   * default 30 s. Short in tests and benchmarks.
   */
  routerRetryDelayMs?: number;
  /**
   * Run the status monitor's jobs in this process (`serve --monitor`); it polls private and
   * loopback endpoints only with `discovery.allowPrivate`. Without it the process runs none of them.
   */
  monitor?: MonitorOptions;
  /**
   * Register no background jobs but the monitor's (`o311 monitor run`: an app built only to
   * answer the polls of local endpoints in process, on a queue it shares with the servers).
   */
  monitorOnly?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Where this app's absolute links point (announce `publicOrigin.announced` at start-up). */
    publicOrigin: PublicOrigin;
  }
}

export type AppPlugin = (app: FastifyInstance, ctx: ServiceContext) => Promise<void>;

export const DEFAULT_LIMITS: Limits = {
  bodyLimitBytes: 64 * 1024,
  mediaLimitBytes: 10 * 1024 * 1024,
  maxMediaFiles: 3,
  mediaTotalLimitBytes: 24 * 1024 * 1024,
  maxMediaPixels: DEFAULT_MAX_PIXELS,
  maxResults: 1000,
  maxPageSize: 500,
  defaultPageSize: 50,
  maxUpdates: 1000,
};

/** An empty secret is none; a short one stops the start with CredentialError `no-secret`, which says what to set. */
const routerCredentials = (secret: string | undefined): CredentialBox | undefined =>
  secret === undefined || secret === '' ? undefined : new CredentialBox(secret);

/** JSON bodies of the staff API (service definitions with translations can be large). */
const JSON_BODY_LIMIT = 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  if (options.jobs) return buildAppWith(options, options.jobs);
  const jobs = await startPrivateJobQueue();
  try {
    const app = await buildAppWith(options, jobs);
    app.addHook('onClose', () => jobs.stop());
    return app;
  } catch (e) {
    await jobs.stop({ graceMs: 0 });
    throw e;
  }
}

async function buildAppWith(options: AppOptions, jobs: JobQueue): Promise<FastifyInstance> {
  const limits: Limits = {
    ...DEFAULT_LIMITS,
    bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_LIMITS.bodyLimitBytes,
    mediaLimitBytes: options.mediaLimitBytes ?? DEFAULT_LIMITS.mediaLimitBytes,
    maxMediaFiles: options.maxMediaFiles ?? DEFAULT_LIMITS.maxMediaFiles,
    mediaTotalLimitBytes: options.mediaTotalLimitBytes ?? DEFAULT_LIMITS.mediaTotalLimitBytes,
    maxMediaPixels: options.maxMediaPixels ?? DEFAULT_LIMITS.maxMediaPixels,
  };
  const timeouts = resolveTimeouts(options.timeouts);
  const origin = new PublicOrigin(options.publicUrl);
  const now = options.now ?? Date.now;
  const ctx: ServiceContext = {
    store: options.store,
    discovery: createPointDiscovery(options.store, { now, ...options.discovery }),
    geocoder: createGeocoder(options.store, {
      url: options.geocoderUrl, allowPrivate: options.discovery?.allowPrivate === true, onError: (e) => app.log.warn({ err: e }, 'external geocoder failed'),
    }),
    jobs,
    postLimits: new SharedRateLimiter(options.store.rateLimits),
    readCache: new ReadCache({ maxBytes: options.readCacheBytes ?? 32 * 1024 * 1024, ttlMs: 1000 }),
    limits,
    now,
    publicUrl: options.publicUrl,
    origin,
    uploadDir: options.uploadDir,
    sandbox: options.sandbox,
    routerCredentials: routerCredentials(options.routerSecret ?? process.env[ROUTER_SECRET_ENV]),
    routerRetryDelayMs: checkRouterRetryDelay(options.routerRetryDelayMs),
  };

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    // `/open311/v2/services/` and `/open311/v2/services` are different resources.
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 500 },
    rewriteUrl: canonicalGeoreportUrl,
    ajv: { customOptions: { allErrors: true } },
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    ...timeoutOptions(timeouts),
  });
  closeSilentConnections(app.server, timeouts);
  if (!options.logger) answerCacheHitsFirst(app, { cache: ctx.readCache, dataVersion: () => ctx.store.dataVersion(), origin });
  app.decorate('publicOrigin', origin);
  app.addHook('onListen', async () => {
    const address = app.server.address();
    if (address !== null && typeof address === 'object') origin.listening(address satisfies AddressInfo);
  });

  installErrorHandling(app, limits, ctx);
  await registerCompression(app);
  registerCors(app);
  await registerBodyParsers(app, limits);
  await registerOpenApi(app, options.sandbox);

  registerGeoreportRoutes(app, ctx);
  registerFederatedRoutes(app, ctx);
  registerDiscoveryApi(app, ctx, { lookupsBeforeRouting: !options.logger });
  registerOpenDataRoutes(app, ctx);
  if (options.sandbox) registerSandboxRoutes(app, ctx, options.sandbox);
  await registerStaffRoutes(app, ctx);
  if (!options.monitorOnly) {
    await registerServerJobs(ctx);
    await registerRegistryChecks(ctx, { allowPrivate: options.discovery?.allowPrivate === true });
    await registerRouterDelivery(ctx, { allowPrivate: options.discovery?.allowPrivate === true, local: localDeliverer(ctx) });
    await registerValidationJobs(ctx, { allowPrivate: options.discovery?.allowPrivate === true, app });
    await registerDashboard(ctx);
    await registerHarvest(app, ctx, { allowPrivate: options.discovery?.allowPrivate === true });
    await registerWebhooks(app, ctx, { allowPrivate: options.discovery?.allowPrivate === true });
  }
  if (options.monitor) await registerMonitor(app, ctx, { ...options.monitor, allowPrivate: options.discovery?.allowPrivate === true });
  for (const plugin of options.plugins ?? []) await plugin(app, ctx);
  registerHome(app, origin, options.homePath, options.sandbox);

  await registerDocsUi(app);
  return app;
}
