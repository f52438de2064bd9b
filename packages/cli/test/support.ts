/** Test helpers: a captured CliIo and fresh databases. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../src/io.js';
import { runCli } from '../src/program.js';

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
  /** Last non-empty line of stdout. */
  last: string;
}

export function captureIo(env: Record<string, string | undefined> = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: { write: (s: string) => out.push(s), isTTY: false },
    stderr: { write: (s: string) => err.push(s), isTTY: false },
    env,
    shutdownSignal: () => new Promise<string>(() => undefined),
  };
}

/** Runs the CLI in-process, as `o311 ...argv`. */
export async function cli(argv: readonly string[], env: Record<string, string | undefined> = {}): Promise<Captured> {
  const io = captureIo(env);
  const code = await runCli(argv, io);
  const stdout = io.out.join('');
  const lines = stdout.split('\n').filter((l) => l.trim() !== '');
  return { code, stdout, stderr: io.err.join(''), last: lines.at(-1) ?? '' };
}

/** A temp folder for files a test writes; removed by `cleanup`. */
export async function scratch(): Promise<{ dir: string; file(name: string, text: string): Promise<string>; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'o311-cli-'));
  return {
    dir,
    async file(name, text) {
      const path = join(dir, name);
      await writeFile(path, text);
      return path;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
