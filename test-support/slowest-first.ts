/**
 * The order vitest starts test files in: slowest first, so that the run does not end with one worker busy on a
 * long file while the other sits idle. A file's time comes from vitest's cache of the last run when there is
 * one (a working copy), else from the table below (a clean clone, as on CI, where vitest would otherwise start
 * the largest files first: the long multi-process and browser files are short, and came last).
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds each of the slowest files took in a full run with two workers (3 December 2026, 242 files); files not listed
 * took under 4 s. Only the order matters: a file missing here runs after these, largest first.
 */
const MEASURED_SECONDS: ReadonlyMap<string, number> = new Map([
  ['packages/cli/test/serve.test.ts', 84],
  ['tests/multi-process/federation.test.ts', 79],
  ['packages/jobs/test/postgres.test.ts', 29],
  ['packages/web/test/browser/a11y.test.ts', 26],
  ['packages/store/test/postgres.test.ts', 26],
  ['packages/web/test/back-office-a11y.test.ts', 22],
  ['packages/validator/test/faults.test.ts', 20],
  ['packages/server/test/monitor-jobs.test.ts', 19],
  ['packages/web/test/browser/discover.test.ts', 19],
  ['packages/discovery/test/seed.test.ts', 18],
  ['packages/store/test/sqlite.test.ts', 17],
  ['packages/web/test/browser/keyboard.test.ts', 15],
  ['packages/server/test/federated-delivery-load.test.ts', 15],
  ['packages/jobs/test/sqlite.test.ts', 14],
  ['packages/demo/test/seed.test.ts', 13],
  ['tests/multi-process/workers.test.ts', 13],
  ['packages/web/test/browser/status.test.ts', 12],
  ['packages/cli/test/monitor.test.ts', 11],
  ['packages/web/test/browser/validate.test.ts', 10],
  ['packages/server/test/federated-read.test.ts', 9],
  ['tests/durability.test.ts', 8],
  ['packages/server/test/validation-runs.test.ts', 8],
  ['packages/server/test/federated-missing-field.test.ts', 8],
  ['packages/cli/test/import.test.ts', 8],
  ['packages/web/test/validate.test.ts', 8],
  ['tests/multi-process/sigkill.test.ts', 7],
  ['tests/multi-process/shared-state.test.ts', 7],
  ['packages/web/test/staff-a11y.test.ts', 7],
  ['packages/store/test/postgres-import.test.ts', 6],
  ['packages/cli/test/boundaries-import.test.ts', 6],
  ['packages/cli/test/serve-jobs.test.ts', 6],
  ['packages/web/test/browser/account.test.ts', 5],
  ['packages/web/test/browser/journey.test.ts', 5],
  ['packages/server/test/monitor-staff-api.test.ts', 5],
  ['packages/cli/test/keys-tokens.test.ts', 5],
  ['packages/server/test/federated-write.test.ts', 5],
  ['packages/server/test/connections.test.ts', 5],
  ['packages/web/test/browser/routed-report.test.ts', 5],
  ['packages/server/test/staff.test.ts', 4],
  ['packages/cli/test/discovery.test.ts', 4],
  ['packages/store/test/scope.test.ts', 4],
  ['packages/server/test/hostile-input.test.ts', 4],
]);

export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const estimate = (spec: TestSpecification): { seconds: number; size: number } => {
      const path = relative(root, spec.moduleId).split('\\').join('/');
      const key = `${spec.project.name}:${path}`;
      const cached = this.ctx.cache.getFileTestResults(key)?.duration;
      return {
        seconds: cached !== undefined ? cached / 1000 : (MEASURED_SECONDS.get(path) ?? 0),
        size: this.ctx.cache.getFileStats(key)?.size ?? 0,
      };
    };
    const estimates = new Map(files.map((spec) => [spec, estimate(spec)]));
    return [...files].sort((a, b) => {
      const x = estimates.get(a)!;
      const y = estimates.get(b)!;
      return y.seconds - x.seconds || y.size - x.size;
    });
  }
}
