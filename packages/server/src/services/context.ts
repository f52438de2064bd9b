/** What the services need: the store, the job queue, the clock, the shared rate limits and the limits. */
import type { Discovery } from '../discovery-api/create-point-discovery.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Open311Failure } from '@o311/georeport';
import type { JobQueue } from '@o311/jobs';
import type { ApiKey, Jurisdiction, Store } from '@o311/store';
import type { CredentialBox } from '@o311/router';
import type { PublicOrigin } from '../http/public-origin.js';
import type { ReadCache } from '../http/read-cache.js';
import type { SharedRateLimiter } from '../http/shared-rate-limiter.js';
import type { SandboxConfig } from '../sandbox/sandbox.js';
import type { KeyRequestDecision } from './key-requests.js';
import type { Geocoder } from '@o311/geocoder';

export interface Limits {
  bodyLimitBytes: number;
  mediaLimitBytes: number;
  maxMediaFiles: number;
  /** All media files of one request together. */
  mediaTotalLimitBytes: number;
  /** Pixels of one uploaded image (width × height): decompression bombs are refused. */
  maxMediaPixels: number;
  /** GET requests without paging: the spec's cap. */
  maxResults: number;
  maxPageSize: number;
  defaultPageSize: number;
  /** servicerequestupdates answers at most this many updates. */
  maxUpdates: number;
}

export interface ServiceContext {
  store: Store;
  /** Point lookups over the registry and the endpoints' service lists, shared by the API and the web page. */
  discovery: Discovery;
  /** Typed addresses → points: the jurisdiction's gazetteer, then the configured external service (services/geocoding.ts). */
  geocoder: Geocoder;
  /** Background work: every process enqueues, and runs the handlers it registered (jobs/job-names.ts). */
  jobs: JobQueue;
  /**
   * Per-minute limits (API keys' POST quotas, citizen submissions, follow
   * confirmations), shared through the database by every server process.
   */
  postLimits: SharedRateLimiter;
  readCache: ReadCache;
  limits: Limits;
  now: () => number;
  /** The sandbox the server serves beside production (discovery lists it as `test`), if any. */
  sandbox?: SandboxConfig;
  /** Seals and opens the federated endpoint's upstream API keys; absent without O311_ROUTER_SECRET. */
  routerCredentials?: CredentialBox;
  /** The first retry of a federated delivery waits this long (ms), doubling after; default ROUTER_RETRY_DELAY_MS. */
  routerRetryDelayMs?: number;
  /** Configured public base URL, if any. */
  publicUrl: string | undefined;
  /** The base of every absolute link in an answer (never a foreign Host header). */
  origin: PublicOrigin;
  /** Where uploads are spooled while a request is read; default: the system's temporary folder. */
  uploadDir?: string;
  /**
   * The web apps' 404 page for a browser asking for an unknown page (set by a
   * plugin); without it, or for API URLs, the answer is the standard error document.
   */
  htmlNotFound?: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  /**
   * The web apps' page for a browser whose page or form was refused with a 4xx
   * (e.g. a form carrying a NUL character); set by a plugin. Without it, or for
   * API URLs, the answer is the standard error document.
   */
  htmlFailure?: (request: FastifyRequest, reply: FastifyReply, failure: Open311Failure) => Promise<unknown>;
  /**
   * Told after every public change of a request made through the APIs (a status
   * change, a mySociety update), e.g. to mail its followers; set by a plugin.
   * It must not throw: the change has already happened.
   */
  publicChange?: (request: FastifyRequest, jurisdictionId: string, requestId: string) => Promise<void>;
  /**
   * Told after a request is filed through POST requests (not a replay) with the
   * reporter's e-mail, e.g. to mail them a receipt; set by a plugin. It must not
   * throw: the request is filed.
   */
  requestFiled?: (request: FastifyRequest, j: Jurisdiction, key: ApiKey, requestId: string) => Promise<void>;
  /** Told when a developer's key is issued or their request refused (the web apps mail them); set by a plugin. */
  keyRequestDecided?: (decision: KeyRequestDecision) => Promise<void>;
}
