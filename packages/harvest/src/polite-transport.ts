/**
 * The harvester's manners towards an endpoint: one call at a time, at least
 * `spacingMs` between the start of one and the next, each bounded in time and
 * size, and named as o311's harvester in its User-Agent. It also counts the
 * calls, which a run's budget is measured in.
 */
import type { Transport } from '@o311/client';
import type { Clock } from './clock.js';
import type { ResolvedHarvestOptions } from './options.js';

export interface PoliteTransport {
  transport: Transport;
  calls(): number;
}

export function politeTransport(
  inner: Transport, o: Pick<ResolvedHarvestOptions, 'spacingMs' | 'timeoutMs' | 'maxBytes' | 'userAgent'>, clock: Clock,
): PoliteTransport {
  let calls = 0;
  let lastStart: number | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const transport: Transport = (request, options = {}) => {
    const turn = queue.then(async () => {
      if (lastStart !== undefined) {
        const due = lastStart + o.spacingMs - clock.now();
        if (due > 0) await clock.sleep(due);
      }
      lastStart = clock.now();
      calls++;
      return inner(
        { ...request, headers: { ...request.headers, 'user-agent': o.userAgent } },
        { ...options, timeoutMs: Math.min(options.timeoutMs ?? o.timeoutMs, o.timeoutMs), maxBytes: o.maxBytes, userAgent: o.userAgent },
      );
    });
    queue = turn.catch(() => undefined);
    return turn;
  };
  return { transport, calls: () => calls };
}
