import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import SlowestFirst from './test-support/slowest-first.js';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@o311/georeport': src('georeport'),
      '@o311/store': src('store'),
      '@o311/geocoder': src('geocoder'),
      '@o311/jobs': src('jobs'),
      '@o311/discovery': src('discovery'),
      '@o311/server': src('server'),
      '@o311/demo': src('demo'),
      '@o311/client': src('client'),
      '@o311/validator': src('validator'),
      '@o311/web': src('web'),
      '@o311/router': src('router'),
      '@o311/monitor': src('monitor'),
      '@o311/harvest': src('harvest'),
      '@o311/email-intake': src('email-intake'),
      '@o311/sms': src('sms'),
    },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    // Vitest's default is one worker per core but one (1 on a 2-core CI machine); many files mostly wait on
    // child processes, browsers and databases, so two run side by side: 746 s instead of 957 s here.
    maxWorkers: 2,
    // A worker runs file after file in one process, importing each module once: fastify, pg and the packages'
    // sources were loaded again for every file (import 205 s, now 22 s). With the slowest files first, the
    // whole suite took 443 s instead of 557 s here (2,760 tests instead of 2,488). No test relies on a fresh
    // module state: none mocks a module, and those that set an environment variable put it back.
    isolate: false,
    sequence: { sequencer: SlowestFirst },
    reporters: ['default', './test-support/plain-summary.ts'],
  },
});
