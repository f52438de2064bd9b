/**
 * `o311 validate`'s checks (read-only) against the federated endpoint: no check
 * of severity error or warning fails, whether the run names one endpoint
 * (jurisdiction_id = a slug: a remote county read as XML, the router's own
 * city) or a point in the overlap of three (validate's location).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate, type CheckResult, type ValidateOptions } from '@o311/validator';
import { IN_ALL, startFederation, type Federation } from './support/federation.js';

const describeResults = (rs: readonly CheckResult[]): string => rs.map((r) => `${r.id} [${r.severity}]: ${r.message}`).join('\n') || '(none)';

describe('the federated endpoint passes the validator', () => {
  let f: Federation;

  beforeAll(async () => {
    f = await startFederation('sqlite');
  });
  afterAll(async () => {
    await f?.close();
  });

  it.each<[string, Partial<ValidateOptions>]>([
    ['jurisdiction_id = a remote endpoint\'s slug', { jurisdictionId: 'sangamon' }],
    ['jurisdiction_id = the local endpoint\'s slug', { jurisdictionId: 'springfield' }],
    ['a location covered by three endpoints', { location: IN_ALL }],
  ])('with %s', async (_what, scope) => {
    const report = await validate({ url: `${f.router.url}/federated/open311/discovery.json`, allowPrivate: true, timeoutMs: 10_000, ...scope });
    expect(report.target.baseUrl).toBe(`${f.router.url}/federated/open311/v2/`);
    const failed = report.results.filter((r) => r.status === 'fail' && r.severity !== 'info');
    expect(failed, describeResults(failed)).toEqual([]);
    // The lists and documents were really examined, not skipped.
    for (const id of ['services-xml', 'services-json', 'definition-available', 'requests-xml', 'requests-json', 'request-single-json', 'parity-requests']) {
      expect(report.results.find((r) => r.id === id)?.status, id).toBe('pass');
    }
  });

  it('fails the lists without a scope, as a plain run would', async () => {
    const report = await validate({ url: `${f.router.url}/federated/open311/discovery.json`, allowPrivate: true, timeoutMs: 10_000 });
    expect(report.results.find((r) => r.id === 'services-xml')).toMatchObject({ status: 'fail', message: expect.stringMatching(/400/) });
  });
});
