/**
 * What the monitor's job handlers share in one process: the services they
 * use, the resolved options, and the transports (polls reach local endpoints
 * in process, everything else through the client's guarded network transport).
 */
import type { Transport } from '@o311/client';
import type { ServiceContext } from '../services/context.js';
import type { FirstConformance } from './first-conformance.js';
import type { FirstFigures } from './first-figures.js';
import type { ResolvedMonitorOptions } from './monitor-options.js';

export type MonitorServices = Pick<ServiceContext, 'store' | 'jobs' | 'now' | 'origin' | 'routerCredentials'>;

export interface MonitorRuntime {
  ctx: MonitorServices;
  options: ResolvedMonitorOptions;
  /** Reach private and loopback endpoints and webhooks (the server's `--allow-private-endpoints`). */
  allowPrivate: boolean;
  /** Polls: local endpoints in process, remote ones over the network. */
  pollTransport: Transport;
  /** Webhooks: the network only. */
  networkTransport: Transport;
  /** Queues a rollup when a polled target has no figures yet. */
  firstFigures: FirstFigures;
  /** Queues a new endpoint's first conformance run after its first successful poll. */
  firstConformance: FirstConformance;
}

/** The public page of an endpoint's status, from the configured origin (never a request's Host). */
export const statusUrl = (ctx: Pick<ServiceContext, 'origin'>, slug: string): string =>
  `${ctx.origin.announced}/status/${encodeURIComponent(slug)}`;
