/** Placeholder: harvesting registry endpoints into dashboard sources, issue 13. */
import type { FastifyInstance } from 'fastify';
import type { ServiceContext } from '../services/context.js';

export async function registerHarvest(
  _app: Pick<FastifyInstance, 'inject' | 'addHook'>, _ctx: ServiceContext, _options: { allowPrivate: boolean },
): Promise<void> {}
