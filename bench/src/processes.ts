/** Child processes of the benchmark: the o311 CLI, a server to load, and their memory. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface Finished {
  stdout: string;
  stderr: string;
  seconds: number;
}

/** `env` is added to this process's environment (so for `start`). */
export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ stdout, stderr, seconds });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.trim()}`));
    });
  });
}

/** `o311 keys create` (unlimited, untrusted) on the database: the key's secret, which the command prints last. */
export async function createKey(cli: string, databaseUrl: string, name: string): Promise<string> {
  const { stdout } = await run('node', [cli, 'keys', 'create', '--name', name, '--rate-limit', '0', '--database', databaseUrl]);
  const key = stdout.trim().split('\n').at(-1);
  if (!key) throw new Error(`o311 keys create printed no key: ${stdout}`);
  return key;
}

/** Starts a long-running child and resolves once a stdout line matches `ready`. */
export function start(
  command: string, args: string[], ready: RegExp, env: Record<string, string> = {},
): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = line.match(ready);
      if (match) resolve({ child, match });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`${command} exited early with ${code}`)));
  });
}

export interface Memory {
  /** Resident set, MB. */
  rssMb: number;
  /** Of which the process's own memory (heap, stacks, buffers), MB. */
  ownMb: number;
  /** Of which pages of mapped files (code, the memory-mapped database): the kernel's shared, reclaimable file cache, MB. */
  fileMb: number;
}

export function memoryOf(pid: number): Memory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rssMb: mb('VmRSS'), ownMb: mb('RssAnon'), fileMb: mb('RssFile') + mb('RssShmem') };
}

export const rssMegabytes = (pid: number): number => memoryOf(pid).rssMb;

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.removeAllListeners('exit');
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
