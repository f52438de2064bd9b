/**
 * The monitor's conformance score: a read-only validator run of every
 * monitored endpoint (source 'monitor', through the web validator's job;
 * queued daily and after a new endpoint's first successful poll, see
 * conformance-runs.ts), and, when such a run finishes, its score recorded
 * (a drop of DEFAULT_SCORE_DROP points or more is an event, alerted like an
 * incident) and its summary line kept as the registry's last check.
 */
import { summaryLine } from '@o311/discovery';
import { conformanceScore, DEFAULT_SCORE_DROP } from '@o311/monitor';
import type { ValidationRun } from '@o311/store';
import type { ValidationReport } from '@o311/validator';
import { queueAlert } from './alert.js';
import type { MonitorServices } from './monitor-runtime.js';

/** Called by the validator's job when a run finishes; does nothing for runs the monitor did not start. */
export async function recordConformance(ctx: MonitorServices, run: ValidationRun, report: ValidationReport): Promise<void> {
  const slug = run.endpoint_slug;
  if (slug === null || run.source !== 'monitor') return;
  const at = run.finished_at ?? ctx.now();
  const { summary } = report;
  const event = await ctx.store.monitor.recordScore({
    slug, at, score: conformanceScore(report), errors: summary.errors, warnings: summary.warnings,
    passed: summary.passed, failed: summary.failed, skipped: summary.skipped, run_id: run.id,
  }, { dropBy: DEFAULT_SCORE_DROP });
  if (event) await queueAlert(ctx, event.id);
  await ctx.store.recordEndpointCheck(slug, { at, ok: summary.errors === 0, summary: summaryLine(summary) });
}
