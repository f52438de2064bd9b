/**
 * `o311 monitor run --once`: every target that is not paused polled now,
 * whatever its due time, in chunks as the jobs do, recorded the same way
 * (alerts queued for the monitor processes), then each target's outcome.
 */
import type { MonitorState, PollErrorKind } from '@o311/store';
import type { MonitorRuntime } from './monitor-runtime.js';
import { pollChunk } from './poll.js';
import { POLL_CHUNK } from './tick.js';

/** One target's outcome, for the table. */
export interface PolledTarget {
  slug: string;
  state: MonitorState;
  paused: boolean;
  /** Null for a paused target, or a poll without an answer. */
  http_status: number | null;
  latency_ms: number | null;
  error_kind: PollErrorKind | null;
  error: string | null;
}

export async function pollAllTargets(rt: MonitorRuntime): Promise<PolledTarget[]> {
  const { monitor } = rt.ctx.store;
  await monitor.syncTargets(rt.ctx.now());
  const targets = await monitor.listTargets();
  const polled = targets.filter((t) => !t.paused).map((t) => t.slug);
  for (let i = 0; i < polled.length; i += POLL_CHUNK) await pollChunk(rt, polled.slice(i, i + POLL_CHUNK));
  const after = new Map((await monitor.listTargets()).map((t) => [t.slug, t]));
  const rows: PolledTarget[] = [];
  for (const before of targets) {
    const t = after.get(before.slug) ?? before;
    const [sample] = before.paused ? [] : await monitor.listSamples({ slug: t.slug, limit: 1 });
    rows.push({
      slug: t.slug, state: t.state, paused: t.paused,
      http_status: sample?.http_status ?? null, latency_ms: sample?.latency_ms ?? null,
      error_kind: sample?.error_kind ?? null, error: sample?.error ?? null,
    });
  }
  return rows;
}
