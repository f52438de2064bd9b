/**
 * The transport of one validator run: the client's, with the server's
 * private-address rule, at most {@link CALL_TIMEOUT_MS} and {@link MAX_ANSWER_BYTES}
 * per call, and nothing after the run's deadline (calls are cut to the time left,
 * later ones refused at once), so that a hanging target ends the run on time.
 * It tells whether the deadline cut a call: such a run failed, whatever the
 * validator made of the missing answers. URLs of this server's own public
 * origin are answered in process when the app is given (own-endpoint.ts).
 */
import type { FastifyInstance } from 'fastify';
import { createTransport, NetworkError, type Transport } from '@o311/client';
import type { PublicOrigin } from '../http/public-origin.js';
import { withOwnEndpoint } from './own-endpoint.js';

export const CALL_TIMEOUT_MS = 10_000;
export const MAX_ANSWER_BYTES = 2 * 1024 * 1024;
const USER_AGENT = 'o311-validator/0.1 (web)';

export interface RunTransportSettings {
  allowPrivate: boolean;
  /** Epoch ms after which no call is made. */
  deadline: number;
  /** Instead of the network (tests). */
  base?: Transport;
  /** This server's app and public origin: its own endpoint is validated in process. */
  own?: { app: Pick<FastifyInstance, 'inject'>; origin: Pick<PublicOrigin, 'announced'> };
}

export interface RunTransport {
  transport: Transport;
  /** A call was cut short or refused because of the deadline. */
  reachedDeadline(): boolean;
}

export function runTransport(settings: RunTransportSettings): RunTransport {
  const network = settings.base ?? createTransport({ allowPrivate: settings.allowPrivate, userAgent: USER_AGENT });
  const base = settings.own ? withOwnEndpoint(settings.own.app, settings.own.origin, network) : network;
  let reached = false;
  const transport: Transport = async (request, options) => {
    const left = settings.deadline - Date.now();
    if (left <= 0) {
      reached = true;
      throw new NetworkError('timeout', request.url, 'Not sent: the run reached its time limit.');
    }
    const timeoutMs = Math.min(options?.timeoutMs ?? CALL_TIMEOUT_MS, CALL_TIMEOUT_MS);
    try {
      return await base(request, {
        ...options,
        allowPrivate: settings.allowPrivate,
        maxBytes: Math.min(options?.maxBytes ?? MAX_ANSWER_BYTES, MAX_ANSWER_BYTES),
        timeoutMs: Math.min(timeoutMs, left),
      });
    } catch (e) {
      if (e instanceof NetworkError && e.kind === 'timeout' && left < timeoutMs) reached = true;
      throw e;
    }
  };
  return { transport, reachedDeadline: () => reached };
}
