/**
 * What the contract suites need to know of each engine: fast settings for
 * tests, and the granularity the engine works at (pg-boss counts retry delays
 * and leases in whole seconds and fires cron at most once a minute).
 */
import type { JobQueueOptions } from '@o311/jobs';
import type { TestDialect } from '../../../test-support/databases.js';

export interface EngineUnderTest {
  dialect: TestDialect;
  options: JobQueueOptions;
  /** Poll interval of the tests' workers, ms. */
  pollIntervalMs: number;
  /** The shortest lease the engine honours. */
  leaseMs: number;
  /** A retry delay the engine honours exactly. */
  retryDelayMs: number;
  cron: {
    expression: string;
    /** The engine may fire the last tick before the schedule was made when it is this recent (pg-boss: 60 s). */
    lookbackMs: number;
    /** Runs to wait for before judging the count. */
    minRuns: number;
  };
}

export const engines: Record<TestDialect, EngineUnderTest> = {
  sqlite: {
    dialect: 'sqlite',
    options: { maintenanceIntervalMs: 50 },
    pollIntervalMs: 25,
    leaseMs: 1000,
    retryDelayMs: 200,
    cron: { expression: '* * * * * *', lookbackMs: 0, minRuns: 3 },
  },
  postgres: {
    dialect: 'postgres',
    options: { maintenanceIntervalMs: 1000 },
    pollIntervalMs: 50,
    leaseMs: 1000,
    retryDelayMs: 1000,
    cron: { expression: '* * * * *', lookbackMs: 60_000, minRuns: 1 },
  },
};
