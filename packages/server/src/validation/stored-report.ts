/**
 * What a run keeps of the validator's report: the JSON reporter's document
 * with each side of the evidence cut to {@link MAX_EVIDENCE_CHARS} (the
 * reporters' downloads are made from it again, so it reads back as a report).
 */
import { formatReport, type CheckResult, type ValidationReport } from '@o311/validator';

/** Characters kept of what was sent and of what came back, per result. */
export const MAX_EVIDENCE_CHARS = 2048;

const trim = (text: string): string =>
  text.length <= MAX_EVIDENCE_CHARS ? text : `${text.slice(0, MAX_EVIDENCE_CHARS)}\n… (${text.length - MAX_EVIDENCE_CHARS} more characters not kept)`;

export function trimResult(r: CheckResult): CheckResult {
  return r.evidence === undefined ? r : { ...r, evidence: { request: trim(r.evidence.request), response: trim(r.evidence.response) } };
}

/** The report as stored: the JSON reporter's shape, evidence trimmed. */
export function storedReport(report: ValidationReport): ValidationReport {
  return JSON.parse(formatReport({ ...report, results: report.results.map(trimResult) }, 'json')) as ValidationReport;
}
