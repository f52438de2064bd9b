/** The validator in write mode against o311 itself, on both dialects: no error-level failure. */
import { CHECKS, validate } from '@o311/validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { startO311, type LiveO311 } from './support/o311-server.js';
import { describeFailures, failed } from './support/report.js';

describe.each(dialects)('o311 on %s passes the validator', (dialect) => {
  let o311: LiveO311;

  beforeAll(async () => {
    o311 = await startO311(dialect);
  });
  afterAll(async () => {
    await o311?.close();
  });

  it('fails no error-level check in write mode, and no warning', async () => {
    const report = await validate({ url: o311.discoveryUrl, write: true, apiKey: o311.apiKey, allowPrivate: true, timeoutMs: 10_000 });
    expect(report.target.baseUrl).toBe(`${o311.origin}/open311/v2/`);
    expect(failed(report, 'error'), describeFailures(failed(report, 'error'))).toEqual([]);
    expect(failed(report, 'warning'), describeFailures(failed(report, 'warning'))).toEqual([]);
    const writeChecks = new Set(CHECKS.filter((c) => c.write).map((c) => c.id));
    const skippedWrites = report.results.filter((r) => writeChecks.has(r.id) && r.status === 'skip');
    expect(skippedWrites, describeFailures(skippedWrites)).toEqual([]);
  });
});
