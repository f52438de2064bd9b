/**
 * The transport of one validator run: the client's, with the server's
 * private-address rule, at most {@link CALL_TIMEOUT_MS} and {@link MAX_ANSWER_BYTES}
 * per call, and nothing after the run's deadline (calls are cut to the time left,
 * later ones refused at once), so that a hanging target ends the run on time.
 */
import { createTransport, NetworkError, type Transport } from '@o311/client';

export const CALL_TIMEOUT_MS = 10_000;
export const MAX_ANSWER_BYTES = 2 * 1024 * 1024;
const USER_AGENT = 'o311-validator/0.1 (web)';

export interface RunTransportSettings {
  allowPrivate: boolean;
  /** Epoch ms after which no call is made. */
  deadline: number;
  /** Instead of the network (tests). */
  base?: Transport;
}

export function runTransport(settings: RunTransportSettings): Transport {
  const base = settings.base ?? createTransport({ allowPrivate: settings.allowPrivate, userAgent: USER_AGENT });
  return async (request, options) => {
    const left = settings.deadline - Date.now();
    if (left <= 0) throw new NetworkError('timeout', request.url, 'Not sent: the run reached its time limit.');
    return base(request, {
      ...options,
      allowPrivate: settings.allowPrivate,
      maxBytes: Math.min(options?.maxBytes ?? MAX_ANSWER_BYTES, MAX_ANSWER_BYTES),
      timeoutMs: Math.min(options?.timeoutMs ?? CALL_TIMEOUT_MS, CALL_TIMEOUT_MS, left),
    });
  };
}
