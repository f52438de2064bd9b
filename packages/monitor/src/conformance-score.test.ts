/** The conformance score: severity weights over the checks that ran, from a report and from a summary. */
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '@o311/validator';
import { conformanceScore, MEAN_PASSED_WEIGHT } from './conformance-score.js';

const result = (severity: CheckResult['severity'], status: CheckResult['status']): Pick<CheckResult, 'severity' | 'status'> => ({ severity, status });

describe('conformanceScore', () => {
  it('weighs passed checks over all checks that ran: error 5, warning 2, info 1; skipped ones do not count', () => {
    const results = [
      result('error', 'pass'), result('error', 'pass'), result('error', 'fail'),
      result('warning', 'pass'), result('warning', 'fail'),
      result('info', 'fail'),
      result('error', 'skip'), result('warning', 'skip'),
    ];
    // Passed 5+5+2 = 12 of 5+5+5+2+2+1 = 20.
    expect(conformanceScore({ results })).toBe(60);
  });

  it('is 100 when everything passed or nothing ran, 0 when everything that ran failed', () => {
    expect(conformanceScore({ results: [result('error', 'pass'), result('info', 'skip')] })).toBe(100);
    expect(conformanceScore({ results: [result('error', 'skip')] })).toBe(100);
    expect(conformanceScore({ results: [] })).toBe(100);
    expect(conformanceScore({ results: [result('warning', 'fail'), result('info', 'skip')] })).toBe(0);
    expect(conformanceScore({ errors: 0, warnings: 0, info: 0, passed: 0 })).toBe(100);
    expect(conformanceScore({ errors: 2, warnings: 0, info: 0, passed: 0 })).toBe(0);
  });

  it('from a summary, weighs each passed check as the mean read-only check', () => {
    expect(MEAN_PASSED_WEIGHT).toBeGreaterThan(1);
    expect(MEAN_PASSED_WEIGHT).toBeLessThan(5);
    const passed = 10 * MEAN_PASSED_WEIGHT;
    const failed = 1 * 5 + 2 * 2 + 3 * 1;
    expect(conformanceScore({ errors: 1, warnings: 2, info: 3, passed: 10 })).toBe(Math.round((100 * passed) / (passed + failed)));
    // An error costs more than a warning, which costs more than an info.
    const base = { errors: 0, warnings: 0, info: 0, passed: 20 };
    const e = conformanceScore({ ...base, errors: 1 });
    const w = conformanceScore({ ...base, warnings: 1 });
    const i = conformanceScore({ ...base, info: 1 });
    expect(e).toBeLessThan(w);
    expect(w).toBeLessThan(i);
  });
});
