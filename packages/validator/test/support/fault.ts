/**
 * A fault: one named way of breaking the GeoReport v2 contract, applied by the
 * fault server as a rewrite of the request before o311 sees it and/or of o311's
 * answer, and the validator check meant to catch it.
 */
import type { FrontAnswer, FrontRequest } from './exchange.js';
import type { GeoreportRoute } from './georeport-route.js';

/** o311 itself: one request in, its answer out. */
export type Upstream = (request: FrontRequest) => Promise<FrontAnswer>;

export interface Fault {
  readonly name: string;
  readonly description: string;
  /** The check that must fail while the fault is on. */
  readonly expectedCheck: string;
  /**
   * Other checks this fault trips, and must trip: every error-level check not listed must
   * still pass (warnings may list themselves to be asserted too).
   */
  readonly alsoCaughtBy?: readonly string[];
  /** Rewrites the request before o311 answers it. */
  request?(request: FrontRequest, route: GeoreportRoute): FrontRequest;
  /** Answers in o311's place, asking o311 as often as it likes (e.g. a query split in parts). */
  exchange?(request: FrontRequest, route: GeoreportRoute, upstream: Upstream): Promise<FrontAnswer>;
  /** Rewrites o311's answer. */
  response?(answer: FrontAnswer, route: GeoreportRoute, request: FrontRequest): FrontAnswer;
}

/** What a fault may need to know about the server it breaks. */
export interface FaultSetting {
  /** A valid API key (for faults that accept bad ones). */
  apiKey: string;
  /** How long the slow faults wait before answering. */
  slowMs: number;
}
