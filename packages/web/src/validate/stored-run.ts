/**
 * A run's stored report and partial results read back as the validator's
 * types. The job wrote them with the JSON reporter (server/src/validation);
 * anything else (a row written by another version) reads as no report.
 */
import type { ValidationRun } from '@o311/store';
import type { CheckResult, ValidationReport } from '@o311/validator';

const isResult = (v: unknown): v is CheckResult =>
  v !== null && typeof v === 'object' && typeof (v as Partial<CheckResult>).id === 'string' && typeof (v as Partial<CheckResult>).status === 'string';

export function reportOf(run: ValidationRun): ValidationReport | null {
  const r = run.report;
  if (r === null || typeof r !== 'object') return null;
  const { results, summary, target } = r as Partial<ValidationReport>;
  if (!Array.isArray(results) || !results.every(isResult) || summary === undefined || target === undefined) return null;
  return r as ValidationReport;
}

export const partialOf = (run: ValidationRun): CheckResult[] => run.partial.filter(isResult);
