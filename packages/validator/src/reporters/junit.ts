/**
 * JUnit XML: one testsuite per area, one testcase per check. Failed error and
 * warning checks are <failure type="error|warning">; a failed info check is
 * reported as passing with its message in <system-out>, so CI does not go red
 * over an optional extension.
 */
import { areaOf } from '../areas.js';
import type { CheckResult, ValidationReport } from '../run.js';
import { escapeMarkup as x } from './escape.js';

const seconds = (ms: number): string => (ms / 1000).toFixed(3);
const isFailure = (r: CheckResult): boolean => r.status === 'fail' && r.severity !== 'info';

function testcase(r: CheckResult, area: string): string {
  const open = `    <testcase classname="o311.validator.${x(area)}" name="${x(`${r.id}: ${r.title}`)}" time="${seconds(r.durationMs)}">`;
  const body: string[] = [];
  if (isFailure(r)) {
    const evidence = r.evidence === undefined ? '' : `\n\n${r.evidence.request}\n\n${r.evidence.response}`;
    body.push(`      <failure type="${r.severity}" message="${x(r.message)}">${x(`${r.specRef}\n${r.message}\nHow to fix: ${r.fix}${evidence}`)}</failure>`);
  } else if (r.status === 'skip') {
    body.push(`      <skipped message="${x(r.message)}"/>`);
  } else {
    body.push(`      <system-out>${x(`${r.status === 'fail' ? '[info] ' : ''}${r.message}`)}</system-out>`);
  }
  return [open, ...body, '    </testcase>'].join('\n');
}

export function formatJunit(report: ValidationReport): string {
  const areas = new Map<string, CheckResult[]>();
  for (const r of report.results) {
    const area = areaOf(r.id);
    areas.set(area, [...(areas.get(area) ?? []), r]);
  }
  const count = (rs: readonly CheckResult[]) => ({
    tests: rs.length,
    failures: rs.filter(isFailure).length,
    skipped: rs.filter((r) => r.status === 'skip').length,
    time: seconds(rs.reduce((t, r) => t + r.durationMs, 0)),
  });
  const attrs = (c: ReturnType<typeof count>): string =>
    `tests="${c.tests}" failures="${c.failures}" errors="0" skipped="${c.skipped}" time="${c.time}"`;
  const suites = [...areas].map(([area, rs]) =>
    [`  <testsuite name="${x(area)}" ${attrs(count(rs))} timestamp="${x(report.startedAt.replace(/\.\d+Z$/, ''))}">`,
      ...rs.map((r) => testcase(r, area)),
      '  </testsuite>'].join('\n'));
  const all = count(report.results);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${x(`o311 validator: ${report.target.url}`)}" tests="${all.tests}" failures="${all.failures}" errors="0" skipped="${all.skipped}" time="${seconds(report.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
