/**
 * Plain-text report: failures grouped by severity with spec reference and evidence, then skips, then a summary line.
 * Read on terminals, so control characters the target sent are shown escaped, never acted on.
 */
import type { Severity } from '../check.js';
import type { CheckResult, ValidationReport } from '../run.js';
import { escapeTerminal } from './escape.js';

const HEADINGS: Readonly<Record<Severity, string>> = { error: 'ERRORS', warning: 'WARNINGS', info: 'INFO' };

const indent = (text: string, prefix: string): string => text.split('\n').map((l) => `${prefix}${l}`).join('\n');

function failure(r: CheckResult): string {
  const lines = [`  ✗ ${r.id} — ${r.title}`, `    ${r.specRef}`, indent(r.message, '    '), `    fix: ${r.fix}`];
  if (r.evidence !== undefined) lines.push(indent(r.evidence.request, '    > '), indent(r.evidence.response, '    < '));
  return lines.join('\n');
}

export function summaryLine(report: ValidationReport): string {
  const s = report.summary;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${s.info} info; ` +
    `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped in ${(report.durationMs / 1000).toFixed(1)} s`;
}

export function formatText(report: ValidationReport): string {
  const out = [
    `o311 validator — ${report.target.url}`,
    `  endpoint:  ${report.target.baseUrl ?? '(not determined)'}`,
    `  discovery: ${report.target.discoveryUrl ?? '(none found)'}`,
    `  started:   ${report.startedAt}`,
    '',
  ];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const failed = report.results.filter((r) => r.status === 'fail' && r.severity === severity);
    if (failed.length === 0) continue;
    out.push(`${HEADINGS[severity]} (${failed.length})`, ...failed.map(failure), '');
  }
  const skipped = report.results.filter((r) => r.status === 'skip');
  if (skipped.length > 0) out.push(`SKIPPED (${skipped.length})`, ...skipped.map((r) => `  - ${r.id}: ${r.message}`), '');
  const passed = report.results.filter((r) => r.status === 'pass');
  if (passed.length > 0) out.push(`PASSED (${passed.length})`, ...passed.map((r) => `  ✓ ${r.id}: ${r.message}`), '');
  out.push(summaryLine(report));
  return `${escapeTerminal(out.join('\n'))}\n`;
}
