/**
 * The conformance score of a validator run, 0..100, shown on /status and
 * compared day to day for score-drop alerts.
 *
 * Each check that ran (passed or failed; skipped ones do not count) weighs by
 * its severity: error 5, warning 2, info 1. The score is the weight of the
 * passed checks over the weight of all that ran, times 100, rounded to a whole
 * number; 100 when nothing ran. From a report the weights are exact. A summary
 * only names the severity of failed checks, so each passed check there weighs
 * the mean weight of the validator's read-only checks.
 */
import { CHECKS, type CheckResult, type Severity } from '@o311/validator';

export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = Object.freeze({ error: 5, warning: 2, info: 1 });

/** A validator summary: failed checks per severity, and passed ones. */
export interface ScoredSummary {
  errors: number;
  warnings: number;
  info: number;
  passed: number;
}

const readOnly = CHECKS.filter((c) => c.write !== true);
/** The weight a passed check of unknown severity is given (a summary). */
export const MEAN_PASSED_WEIGHT = readOnly.reduce((sum, c) => sum + SEVERITY_WEIGHTS[c.severity], 0) / Math.max(1, readOnly.length);

const ratio = (passed: number, all: number): number => (all <= 0 ? 100 : Math.round((100 * passed) / all));

export function conformanceScore(from: ScoredSummary | { results: readonly Pick<CheckResult, 'severity' | 'status'>[] }): number {
  if ('results' in from) {
    let passed = 0;
    let all = 0;
    for (const r of from.results) {
      if (r.status === 'skip') continue;
      const w = SEVERITY_WEIGHTS[r.severity];
      all += w;
      if (r.status === 'pass') passed += w;
    }
    return ratio(passed, all);
  }
  const passed = from.passed * MEAN_PASSED_WEIGHT;
  const failed = from.errors * SEVERITY_WEIGHTS.error + from.warnings * SEVERITY_WEIGHTS.warning + from.info * SEVERITY_WEIGHTS.info;
  return ratio(passed, passed + failed);
}
