/**
 * What the harvest jobs share in one process: the services they use, how they
 * reach endpoints (this server's own jurisdictions in process, as the monitor
 * does, so a local source is harvested offline; every other endpoint through
 * the client's guarded network transport), and the harvester's options.
 */
import type { FastifyInstance } from 'fastify';
import { createTransport, type Transport } from '@o311/client';
import type { HarvestOptions } from '@o311/harvest';
import { injectTransport, splitTransport } from '../monitor/local-transport.js';
import type { ServiceContext } from '../services/context.js';
import { HARVEST_INTERVAL_MS } from './harvest-options.js';

export interface HarvestSettings {
  /** Reach private and loopback endpoints (the server's `--allow-private-endpoints`). */
  allowPrivate: boolean;
  /** The harvester's budget and manners (defaults: HARVEST_DEFAULTS). */
  harvest?: HarvestOptions;
  /** Between runs of a caught-up endpoint; default HARVEST_INTERVAL_MS. */
  intervalMs?: number;
}

export interface HarvestRuntime {
  ctx: Pick<ServiceContext, 'store' | 'jobs' | 'now'>;
  transport: Transport;
  allowPrivate: boolean;
  options: HarvestOptions;
  intervalMs: number;
}

/** `ready` holds back in-process calls until the app is ready (see injectTransport). */
export function harvestRuntime(
  app: Pick<FastifyInstance, 'inject'>, ctx: HarvestRuntime['ctx'], settings: HarvestSettings, ready?: Promise<void>,
): HarvestRuntime {
  return {
    ctx,
    transport: splitTransport(injectTransport(app, undefined, ready), createTransport()),
    allowPrivate: settings.allowPrivate,
    options: settings.harvest ?? {},
    intervalMs: settings.intervalMs ?? HARVEST_INTERVAL_MS,
  };
}
