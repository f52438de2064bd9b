import { describe, expect, it } from 'vitest';
import type { CheckResult, ValidationReport } from '@o311/validator';
import { MAX_EVIDENCE_CHARS, storedReport, trimResult } from './stored-report.js';

const result = (over: Partial<CheckResult> = {}): CheckResult => ({
  id: 'services-xml', title: 'services.xml answers', severity: 'error', status: 'fail', specRef: 'digest §4', message: 'bad',
  fix: 'Serve services.xml.', durationMs: 4, ...over,
});

describe('stored report', () => {
  it('keeps at most MAX_EVIDENCE_CHARS of each side, saying how much was cut', () => {
    const long = 'x'.repeat(MAX_EVIDENCE_CHARS + 500);
    const trimmed = trimResult(result({ evidence: { request: 'GET /services.xml', response: long } }));
    expect(trimmed.evidence?.request).toBe('GET /services.xml');
    expect(trimmed.evidence?.response).toBe(`${'x'.repeat(MAX_EVIDENCE_CHARS)}\n… (500 more characters not kept)`);
    expect(trimResult(result())).toEqual(result());
  });

  it('is the JSON reporter’s document, read back as a report', () => {
    const report: ValidationReport = {
      target: { url: 'https://city.example/v2/', baseUrl: 'https://city.example/v2/', discoveryUrl: null },
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 10,
      summary: { errors: 1, warnings: 0, info: 0, passed: 0, failed: 1, skipped: 0 },
      results: [result({ evidence: { request: 'GET', response: 'y'.repeat(MAX_EVIDENCE_CHARS * 3) } })],
    };
    const kept = storedReport(report);
    expect(kept.summary).toEqual(report.summary);
    expect(kept.results[0]).toMatchObject({ id: 'services-xml', fix: 'Serve services.xml.', status: 'fail' });
    expect(kept.results[0]?.evidence?.response.length).toBeLessThan(MAX_EVIDENCE_CHARS + 50);
    expect(JSON.parse(JSON.stringify(kept))).toEqual(kept);
  });
});
