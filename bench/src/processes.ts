/** Child processes of the benchmark: the o311 CLI, a server to load, and their memory. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface Finished {
  stdout: string;
  stderr: string;
  seconds: number;
}

export function run(command: string, args: string[]): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
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

/** Starts a long-running child and resolves once a stdout line matches `ready`. */
export function start(command: string, args: string[], ready: RegExp): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
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
