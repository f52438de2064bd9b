/** What the services need: the store, the clock, the POST limiter and the limits. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '@o311/store';
import type { SlidingWindowLimiter } from '../http/rate-limit.js';
import type { ReadCache } from '../http/read-cache.js';

export interface Limits {
  bodyLimitBytes: number;
  mediaLimitBytes: number;
  maxMediaFiles: number;
  /** GET requests without paging: the spec's cap. */
  maxResults: number;
  maxPageSize: number;
  defaultPageSize: number;
  /** servicerequestupdates answers at most this many updates. */
  maxUpdates: number;
}

export interface ServiceContext {
  store: Store;
  limiter: SlidingWindowLimiter;
  readCache: ReadCache;
  limits: Limits;
  now: () => number;
  /** Configured public base URL, if any. */
  publicUrl: string | undefined;
  /**
   * The web apps' 404 page for a browser asking for an unknown page (set by a
   * plugin); without it, or for API URLs, the answer is the standard error document.
   */
  htmlNotFound?: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  /**
   * Told after every public change of a request made through the APIs (a status
   * change, a mySociety update), e.g. to mail its followers; set by a plugin.
   * It must not throw: the change has already happened.
   */
  publicChange?: (request: FastifyRequest, jurisdictionId: string, requestId: string) => Promise<void>;
}
