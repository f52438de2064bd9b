/**
 * A `monitor.poll` job: one chunk of targets polled (@o311/monitor's
 * pollBatch records every sample in one write and opens or closes
 * incidents), then an alert queued for each event those changes made, a
 * rollup when a polled target has no figures yet (first-figures.ts) and a
 * conformance run when it never had a score (first-conformance.ts).
 */
import { pollBatch } from '@o311/monitor';
import type { RecordedPolls } from '@o311/store';
import { queueAlert } from './alert.js';
import { LOCAL_BASE_URL } from './local-transport.js';
import type { MonitorRuntime } from './monitor-runtime.js';

export async function pollChunk(rt: MonitorRuntime, slugs: readonly string[]): Promise<RecordedPolls> {
  const { ctx } = rt;
  const recorded = await pollBatch(slugs, {
    store: ctx.store,
    options: { transport: rt.pollTransport, allowPrivate: rt.allowPrivate, timeoutMs: rt.options.timeoutMs, now: ctx.now },
    localBaseUrl: LOCAL_BASE_URL,
    failuresToOpen: rt.options.failuresToOpen,
  });
  for (const event of recorded.events) await queueAlert(ctx, event.id);
  await rt.firstFigures.afterPolls(ctx, slugs);
  await rt.firstConformance.afterPolls(slugs);
  return recorded;
}
