/** Reading a ValidationReport in assertions. */
import type { CheckResult, Severity, ValidationReport } from '@o311/validator';

export const failed = (report: ValidationReport, severity?: Severity): CheckResult[] =>
  report.results.filter((r) => r.status === 'fail' && (severity === undefined || r.severity === severity));

export function resultOf(report: ValidationReport, id: string): CheckResult {
  const found = report.results.find((r) => r.id === id);
  if (found === undefined) throw new Error(`the report has no check '${id}' (checks: ${report.results.map((r) => r.id).join(', ')})`);
  return found;
}

/** One line per failed check, for assertion messages. */
export const describeFailures = (results: readonly CheckResult[]): string =>
  results.map((r) => `${r.id} [${r.severity}]: ${r.message}`).join('\n') || '(none)';
