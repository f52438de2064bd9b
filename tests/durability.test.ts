/**
 * Kill the server with SIGKILL in the middle of a POST load: every request it
 * acknowledged must be there after a restart, whole (with its history entry).
 */
import { describe, it, expect, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openStore } from '@o311/store';
import { seedDemoCity } from '@o311/demo';
import { dialects, freshUrl } from '../test-support/databases.js';

const cli = fileURLToPath(new URL('../packages/cli/bin/o311.js', import.meta.url));

function serve(databaseUrl: string): Promise<{ child: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [cli, 'serve', '--database', databaseUrl, '--port', '0', '--host', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = /(http:\/\/[^\s]+?\/open311\/v2\/)/.exec(line);
      if (m?.[1]) resolve({ child, base: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.on('error', reject);
  });
}

describe.each(dialects)('acknowledged requests survive SIGKILL (%s)', (dialect) => {
  const children: ChildProcess[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
    await Promise.all(running.map((c) => new Promise((r) => c.once('exit', r).kill('SIGKILL'))));
    for (const cleanup of cleanups) await cleanup();
  });

  it('keeps every acknowledged POST', async () => {
    const database = await freshUrl(dialect);
    cleanups.push(database.cleanup);
    const url = database.url;
    const setup = await openStore(url);
    await setup.migrate();
    const { jurisdiction_id } = await seedDemoCity(setup, { requests: 0 });
    const service = (await setup.listServices(jurisdiction_id)).find(
      (s) => s.type === 'realtime' && !s.attributes.some((a) => a.required && a.variable),
    );
    expect(service, 'the demo city needs a realtime service without required questions').toBeDefined();
    const { secret } = await setup.createApiKey({ name: 'durability', rate_limit_per_minute: 0, trusted: false });
    await setup.close();

    const { child, base } = await serve(url);
    children.push(child);
    const exited = new Promise((r) => child.once('exit', r));
    const acknowledged: string[] = [];
    let killed = false;
    const body = new URLSearchParams({
      api_key: secret, service_code: service!.service_code, lat: '41.88', long: '-87.63', description: 'durability',
    }).toString();

    const worker = async () => {
      while (!killed) {
        try {
          const res = await fetch(`${base}requests.json`, {
            method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body,
          });
          if (res.status !== 200) throw new Error(`unexpected status ${res.status}: ${await res.text()}`);
          const [receipt] = (await res.json()) as { service_request_id: string }[];
          acknowledged.push(receipt!.service_request_id);
          if (acknowledged.length >= 300 && !killed) {
            killed = true;
            child.kill('SIGKILL');
          }
        } catch (e) {
          if (!killed) throw e;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    await exited;
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);

    const restarted = await serve(url);
    children.push(restarted.child);
    const ids = [...acknowledged];
    for (let i = 0; i < ids.length; i += 100) {
      const batch = ids.slice(i, i + 100);
      const res = await fetch(`${restarted.base}requests.json?service_request_id=${batch.join(',')}`);
      const found = ((await res.json()) as { service_request_id: string }[]).map((r) => r.service_request_id);
      expect(new Set(found)).toEqual(new Set(batch));
    }
    restarted.child.kill('SIGTERM');

    const check = await openStore(url);
    const events = await check.listEventsFor(ids);
    expect(ids.every((id) => events.get(id)?.some((e) => e.type === 'submitted'))).toBe(true);
    await check.close();
  }, 120_000);
});
