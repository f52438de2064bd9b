/**
 * The validator against the real o311 (SQLite, demo city) behind the fault
 * server: with no fault on it fails no error-level check and no warning; with
 * each fault on, the check meant for that fault fails, the checks listed in
 * `alsoCaughtBy` fail too, and no other error-level check does.
 */
import { validate, type ValidationReport } from '@o311/validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLOW_MS } from '../src/checks/performance.js';
import type { FaultSetting } from './support/fault.js';
import { startFaultServer, type FaultServer } from './support/fault-server.js';
import { createFaults } from './support/faults/index.js';
import { describeFailures, failed, resultOf } from './support/report.js';

/** How long the slow fault waits: just over the validator's response-time threshold (perf-response-time). */
const SLOW_FAULT_MS = SLOW_MS + 200;

// The API key is known once the server runs; faults read it when they apply.
const setting: FaultSetting = { apiKey: '', slowMs: SLOW_FAULT_MS };
const FAULTS = createFaults(setting);

describe('validator against o311 behind the fault server', () => {
  let server: FaultServer;

  beforeAll(async () => {
    server = await startFaultServer('sqlite');
    setting.apiKey = server.apiKey;
  });
  afterAll(async () => {
    await server?.close();
  });

  const run = (): Promise<ValidationReport> =>
    validate({ url: server.discoveryUrl, write: true, apiKey: server.apiKey, allowPrivate: true, timeoutMs: 10_000 });

  it('has at least 15 faults, each with a distinct name', () => {
    expect(FAULTS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(FAULTS.map((f) => f.name)).size).toBe(FAULTS.length);
  });

  it('o311 without faults fails no error-level check and no warning', async () => {
    server.use(null);
    const report = await run();
    expect(failed(report, 'error'), describeFailures(failed(report, 'error'))).toEqual([]);
    expect(failed(report, 'warning'), describeFailures(failed(report, 'warning'))).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });

  it.each(FAULTS.map((f) => [f.name, f] as const))('%s is caught', async (_name, fault) => {
    server.use(fault);
    try {
      const report = await run();
      const expected = resultOf(report, fault.expectedCheck);
      expect(expected.status, `${fault.expectedCheck} should fail: ${expected.message}`).toBe('fail');
      const allowed = new Set([fault.expectedCheck, ...(fault.alsoCaughtBy ?? [])]);
      const unrelated = failed(report, 'error').filter((r) => !allowed.has(r.id));
      expect(unrelated, `error-level checks failing besides ${[...allowed].join(', ')}:\n${describeFailures(unrelated)}`).toEqual([]);
      const missed = (fault.alsoCaughtBy ?? []).filter((id) => resultOf(report, id).status !== 'fail');
      expect(missed, 'alsoCaughtBy lists checks this fault no longer trips').toEqual([]);
    } finally {
      server.use(null);
    }
  });
});
