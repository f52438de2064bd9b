/**
 * Real `o311 serve` processes for the multi-process tests (the built CLI:
 * `npm test` runs `tsc -b` first), and a database prepared for them: the demo
 * city without requests, a service to post to, and keys.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { seedDemoCity } from '@o311/demo';
import { openStore, type Store } from '@o311/store';
import type { FreshDatabase, TestDialect } from '../../test-support/databases.js';
import { freshMigratedUrl } from '../../test-support/migrated-databases.js';

const cli = fileURLToPath(new URL('../../packages/cli/bin/o311.js', import.meta.url));

export interface Server {
  child: ChildProcess;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Every line the process wrote so far, stdout and stderr. */
  output: string[];
  /** Resolves with the exit code (or signal) once the process ended. */
  exited: Promise<number | string>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<number | string>;
  /** Resolves with the match of the first output line (already written or still to come) that matches. */
  line(pattern: RegExp): Promise<RegExpExecArray>;
}

/**
 * Starts `o311 serve … --port 0` (a `--port` in `extra` wins) and resolves once it printed its
 * GeoReport URL; `env` is added to this process's environment.
 */
export function serve(databaseUrl: string, extra: readonly string[] = [], env: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, [cli, 'serve', '--database', databaseUrl, '--port', '0', '--host', '127.0.0.1', ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const output: string[] = [];
  const waiting = new Set<{ pattern: RegExp; resolve: (m: RegExpExecArray) => void }>();
  const line = (pattern: RegExp): Promise<RegExpExecArray> => {
    for (const seen of output) {
      const m = pattern.exec(seen);
      if (m) return Promise.resolve(m);
    }
    return new Promise((resolve) => waiting.add({ pattern, resolve }));
  };
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return new Promise<Server>((resolve, reject) => {
    const read = (stream: NodeJS.ReadableStream): void => {
      createInterface({ input: stream }).on('line', (text) => {
        output.push(text);
        for (const w of waiting) {
          const found = w.pattern.exec(text);
          if (found) {
            waiting.delete(w);
            w.resolve(found);
          }
        }
        const m = /GeoReport v2\s+(http:\/\/[^/\s]+)\/open311\/v2\//.exec(text);
        if (m?.[1]) {
          resolve({
            child, origin: m[1], output, exited, line,
            stop: () => {
              child.kill('SIGTERM');
              return exited;
            },
          });
        }
      });
    };
    read(child.stdout!);
    read(child.stderr!);
    void exited.then((how) => reject(new Error(`o311 serve ended (${how}) before listening:\n${output.join('\n')}`)));
  });
}

/** Runs one `o311` command to its end; `env` is added to this process's environment. */
export function runCli(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Stops every server still running (SIGKILL: the test is over). */
export async function killAll(servers: readonly Server[]): Promise<void> {
  await Promise.all(
    servers
      .filter((s) => s.child.exitCode === null && s.child.signalCode === null)
      .map((s) => {
        s.child.kill('SIGKILL');
        return s.exited;
      }),
  );
}

export interface PreparedDatabase extends FreshDatabase {
  jurisdiction_id: string;
  /** A realtime service without required questions: a POST needs only a place. */
  service_code: string;
  /** Another service, for catalog changes. */
  other_service_code: string;
  /** Unlimited, untrusted. */
  apiKey: string;
  /** An admin staff token for /api/v1. */
  staffToken: string;
  /** Opens the store on the database for checks (close it). */
  open(): Promise<Store>;
}

export async function prepareDatabase(dialect: TestDialect): Promise<PreparedDatabase> {
  const db = await freshMigratedUrl(dialect);
  const store = await openStore(db.url);
  try {
    await store.migrate();
    const { jurisdiction_id } = await seedDemoCity(store, { requests: 0 });
    const services = await store.listServices(jurisdiction_id);
    const plain = services.find((s) => s.type === 'realtime' && !s.attributes.some((a) => a.required && a.variable));
    const other = services.find((s) => s !== plain);
    if (!plain || !other) throw new Error('the demo city needs a realtime service without required questions, and another');
    const { secret: apiKey } = await store.createApiKey({ name: 'multi-process', rate_limit_per_minute: 0, trusted: false });
    const { secret: staffToken } = await store.createStaffToken({ name: 'multi-process', role: 'admin' });
    return {
      ...db, jurisdiction_id, service_code: plain.service_code, other_service_code: other.service_code, apiKey, staffToken,
      open: () => openStore(db.url),
    };
  } finally {
    await store.close();
  }
}

export type PostOutcome = { status: number; id?: string } | { status: 'failed'; error: unknown };

/** A GeoReport POST of a request described by `description`. */
export async function postRequest(origin: string, db: PreparedDatabase, description: string, apiKey = db.apiKey): Promise<PostOutcome> {
  const body = new URLSearchParams({ api_key: apiKey, service_code: db.service_code, lat: '41.5868', long: '-93.625', description });
  try {
    const res = await fetch(`${origin}/open311/v2/requests.json`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString(),
    });
    const text = await res.text();
    if (res.status !== 200 && res.status !== 201) return { status: res.status };
    const [receipt] = JSON.parse(text) as { service_request_id?: string }[];
    return { status: res.status, id: receipt?.service_request_id };
  } catch (error) {
    return { status: 'failed', error };
  }
}

export async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
