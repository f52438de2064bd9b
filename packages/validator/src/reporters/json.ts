/** JSON report: the contract's summary and results, plus target, title, evidence and timings. */
import type { ValidationReport } from '../run.js';

export function formatJson(report: ValidationReport): string {
  const { target, startedAt, durationMs, summary, results } = report;
  const document = {
    target,
    startedAt,
    durationMs,
    summary,
    results: results.map((r) => ({
      id: r.id,
      severity: r.severity,
      status: r.status,
      specRef: r.specRef,
      message: r.message,
      title: r.title,
      fix: r.fix,
      durationMs: r.durationMs,
      ...(r.evidence !== undefined ? { evidence: r.evidence } : {}),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
