/** Worker processes for the multi-process contract: started from test/fixtures/worker.mjs, stopped or killed by the test. */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import type { JobQueueOptions } from '@o311/jobs';
import { waitFor } from './helpers.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/worker.mjs', import.meta.url));

export interface WorkerSettings {
  url: string;
  options: JobQueueOptions;
  name: string;
  concurrency?: number;
  pollIntervalMs: number;
  cron?: string;
  hangOnFirstAttempt?: boolean;
  /** How long each run takes, ms (default 5). */
  jobMs?: number;
}

/** One run, as a worker process logged it. */
export interface RunLine {
  id: string;
  attempt: number;
  pid: number;
  at: number;
}

export interface WorkerProcess {
  pid: number;
  /** Resolves with the id of the job whose first attempt now hangs (hangOnFirstAttempt). */
  hanging: Promise<string>;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** Starts worker processes and reads their run logs; stops what is left after each test. */
export function useWorkerProcesses(): {
  start(settings: WorkerSettings): Promise<WorkerProcess>;
  runs(): RunLine[];
} {
  let dir: string | undefined;
  const children: ChildProcess[] = [];
  const logs: string[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
    logs.length = 0;
  });
  const exited = (child: ChildProcess): Promise<void> =>
    child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
  return {
    async start(settings) {
      dir ??= await mkdtemp(join(tmpdir(), 'o311-jobs-'));
      const log = join(dir, `runs-${logs.length}.jsonl`);
      logs.push(log);
      const child = fork(FIXTURE, [JSON.stringify({ ...settings, log })], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      const hanging = new Promise<string>((resolve) => {
        child.on('message', (m) => {
          if (typeof m === 'string' && m.startsWith('started ')) resolve(m.slice('started '.length));
        });
      });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('worker process not ready after 20 s')), 20_000);
        child.once('exit', (code) => reject(new Error(`worker process exited with ${code} before it was ready`)));
        child.on('message', (m) => {
          if (m === 'ready') {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      return {
        pid: child.pid!,
        hanging,
        async stop() {
          child.send('stop');
          await waitFor('the worker process to exit', () => child.exitCode !== null || child.signalCode !== null);
        },
        async kill() {
          child.kill('SIGKILL');
          await exited(child);
        },
      };
    },
    runs() {
      return logs
        .filter((log) => existsSync(log))
        .flatMap((log) => readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as RunLine));
    },
  };
}
