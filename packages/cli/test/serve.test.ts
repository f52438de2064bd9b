/**
 * The real executable (bin/o311.js → dist/bin.js, built first): `serve --demo`
 * on SQLite and PostgreSQL answers HTTP, rotates the demo key at every start
 * and stops cleanly on SIGTERM; failures are one line with the right exit code.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { RegistryLookup } from '@o311/discovery';
import { openStore } from '@o311/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'packages/cli/bin/o311.js');
const run = promisify(execFile);

interface Running {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpExecArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(args: string[]): Running {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, O311_DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => { out += s; });
  child.stderr?.setEncoding('utf8').on('data', (s: string) => { err += s; });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitFor(pattern, ms = 60_000) {
      const until = Date.now() + ms;
      for (;;) {
        const m = pattern.exec(out);
        if (m) return m;
        if (child.exitCode !== null) throw new Error(`o311 exited (${child.exitCode}) before printing ${pattern}:\n${out}\n${err}`);
        if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}:\n${out}\n${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

const local = (url: string): string => url.replace('//localhost:', '//127.0.0.1:');

beforeAll(async () => {
  // The executable runs compiled code: bring dist/ up to date (incremental, fast when nothing changed).
  await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'packages/cli'], { cwd: ROOT });
}, 180_000);

describe.each(dialects)('o311 serve --demo on %s', (dialect) => {
  let db: FreshDatabase;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    db = await freshUrl(dialect);
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await db?.cleanup();
  });

  it('seeds the demo city, prints URLs and a key, answers HTTP, and stops on SIGTERM', async () => {
    const s = start(['serve', '--demo', '--port', '0', '--database', db.url]);
    children.push(s.child);
    await s.waitFor(/press Ctrl\+C to stop/);
    const out = s.stdout();
    expect(out).toMatch(/seeded 13 services and 5000 requests in \d+\.\d s/);
    expect(out).toMatch(/seeded the discovery registry with 3556 boundaries and 35 endpoints in \d+\.\d s/);
    expect(out).toMatch(/web apps serve City of Riverton \(riverton\.example\), the primary jurisdiction/);
    const georeport = local(/GeoReport v2\s+(http:\/\/localhost:\d+\/open311\/v2\/)\n/.exec(out)?.[1] ?? '');
    const discovery = local(/discovery\s+(http:\/\/localhost:\d+\/open311\/discovery\.json)\n/.exec(out)?.[1] ?? '');
    const docs = local(/API docs\s+(http:\/\/localhost:\d+\/docs)\n/.exec(out)?.[1] ?? '');
    const key = /demo API key\s+(o311k_\S+)\n/.exec(out)?.[1] ?? '';
    expect(georeport).not.toBe('');
    expect(key).not.toBe('');
    expect(out).toContain(`curl '${georeport.replace('127.0.0.1', 'localhost')}services.json'`);
    // Without --public-url, the links' origin is said at start-up.
    expect(out).toMatch(/public URL\s+http:\/\/localhost:\d+ \(links in mail, feeds and discovery; set --public-url/);
    // Every channel is named: the contact centre, the e-mail intake (off unless asked for), the SMS simulator.
    expect(out).toMatch(/take a call\s+http:\/\/localhost:\d+\/staff\/calls /);
    expect(out).toMatch(/e-mail intake\s+off \(--intake-address ADDRESS --smtp-in PORT/);
    expect(out).toMatch(/SMS\s+http:\/\/localhost:\d+\/channels\/sms\/simulator \(simulator\)/);

    const services = await fetch(`${georeport}services.json`);
    expect(services.status).toBe(200);
    const list = (await services.json()) as { service_code: string }[];
    expect(list.length).toBeGreaterThanOrEqual(10);
    expect(list.map((x) => x.service_code)).toContain('POTHOLE');
    expect((await fetch(discovery)).status).toBe(200);
    expect((await fetch(docs)).status).toBeLessThan(400);
    const developers = local(/developers\s+(http:\/\/localhost:\d+\/developers) /.exec(out)?.[1] ?? '');
    expect((await fetch(developers)).status).toBe(200);

    const post = await fetch(`${georeport}requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        api_key: key, service_code: 'POTHOLE', lat: '41.5868', long: '-93.625', 'attribute[LOCATION]': 'travel_lane', 'attribute[SIZE]': 'medium',
      }),
    });
    expect(post.status).toBeLessThan(300);
    expect(((await post.json()) as { service_request_id?: string }[])[0]?.service_request_id).toBeTruthy();

    // Without --smtp the demo prints its mail, so a sign-in link can be followed.
    expect(out).toMatch(/e-mail\s+printed below instead of sent \(--smtp URL to send it\)/);
    const origin = new URL(georeport).origin;
    const asked = await fetch(`${origin}/account/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams({ email: 'newcomer@example.org' }),
    });
    expect(asked.status).toBe(200);
    const printed = await s.waitFor(/mail to newcomer@example\.org: .+\n(?:  \| .*\n)*?  \| .*(http:\/\/[^/\s]+\/account\/link\?token=\S+)/, 15_000);
    const link = await fetch(local(printed[1]!));
    expect(link.status).toBe(200);

    s.child.kill('SIGTERM');
    expect(await s.exited).toEqual({ code: 0, signal: null });
    expect(s.stdout()).toMatch(/SIGTERM: shutting down\nstopped\n$/);
    expect(s.stderr()).toBe('');

    // A second start keeps the data, and replaces the demo key.
    const again = start(['serve', '--demo', '--port', '0', '--database', db.url]);
    children.push(again.child);
    await again.waitFor(/press Ctrl\+C to stop/);
    expect(again.stdout()).not.toContain('seeding');
    expect(again.stdout()).not.toContain('discovery registry');
    const newKey = /demo API key\s+(o311k_\S+)\n/.exec(again.stdout())?.[1] ?? '';
    expect(newKey).not.toBe(key);
    again.child.kill('SIGINT');
    expect((await again.exited).code).toBe(0);

    const store = await openStore(db.url);
    try {
      expect(await store.findApiKey(key)).toBeUndefined();
      expect(await store.findApiKey(newKey)).toMatchObject({ name: 'demo' });
      expect((await store.listApiKeys()).filter((k) => k.name === 'demo' && k.revoked_at === null)).toHaveLength(1);
      expect(await store.countRequests({ jurisdiction_id: 'riverton.example' })).toBe(5001);
      const tiers = (await new RegistryLookup(store).lookup(-93.625, 41.5868)).map((h) => h.endpoint.tier);
      expect(tiers).toEqual(['city', 'county', 'state', 'nation']);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('serves a sandbox beside production (its public key printed, listed by discovery as test) unless --no-sandbox', async () => {
    const s = start(['serve', '--port', '0', '--database', db.url]);
    children.push(s.child);
    await s.waitFor(/press Ctrl\+C to stop/);
    const base = local(/sandbox\s+(http:\/\/localhost:\d+\/open311\/sandbox\/v2\/)/.exec(s.stdout())?.[1] ?? '');
    const key = /sandbox key\s+(o311k_\S+) \(public\)\n/.exec(s.stdout())?.[1] ?? '';
    expect(base).not.toBe('');
    expect(key).not.toBe('');
    const discovery = (await (await fetch(base.replace('/open311/sandbox/v2/', '/open311/discovery.json'))).json()) as { endpoints: { type: string }[] };
    expect(discovery.endpoints.map((e) => e.type)).toEqual(['production', 'test']);
    const post = await fetch(`${base}requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        api_key: key, service_code: 'POTHOLE', lat: '41.5868', long: '-93.625', 'attribute[LOCATION]': 'travel_lane', 'attribute[SIZE]': 'medium',
      }),
    });
    expect(post.status).toBe(200);
    s.child.kill('SIGTERM');
    expect((await s.exited).code).toBe(0);

    const without = start(['serve', '--no-sandbox', '--port', '0', '--database', db.url]);
    children.push(without.child);
    await without.waitFor(/press Ctrl\+C to stop/);
    expect(without.stdout()).not.toContain('sandbox');
    without.child.kill('SIGTERM');
    expect((await without.exited).code).toBe(0);
  }, 120_000);
});

describe('the o311 executable', () => {
  const o311 = async (args: string[], env: Record<string, string> = {}) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, O311_DATABASE_URL: 'sqlite::memory:', ...env } });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, stdout: x.stdout, stderr: x.stderr };
    }
  };

  it('exits 2 with one line on a usage error, 1 on a failure, never a stack trace', async () => {
    const usage = await o311(['tokens', 'create', '--name', 'x', '--role', 'emperor']);
    expect(usage.code).toBe(2);
    expect(usage.stderr.trimEnd().split('\n')).toHaveLength(1);
    const failure = await o311(['keys', 'revoke', 'missing']);
    expect(failure).toMatchObject({ code: 1, stdout: '', stderr: 'error: no API key with id missing; see `o311 keys list`\n' });
    const busy = await o311(['import', join(ROOT, 'package.json'), '--database', 'postgres://nobody@127.0.0.1:1/x']);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/^error: cannot open database postgres:\/\/nobody@127\.0\.0\.1:1\/x: .+\n$/);
    for (const r of [usage, failure, busy]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses to serve the web apps for a jurisdiction the database does not hold (--jurisdiction, O311_JURISDICTION)', async () => {
    const r = await o311(['serve', '--port', '0', '--jurisdiction', 'nowhere.example']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: --jurisdiction: no jurisdiction 'nowhere.example' in the database (known: none yet)\n");
  });

  it('refuses to bind the web apps to the sandbox, whose requests never reach staff', async () => {
    const r = await o311(['serve', '--demo', '--port', '0', '--jurisdiction', 'sandbox']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: --jurisdiction: 'sandbox' is the sandbox for client developers; its requests never reach staff\n");
  });

  it('refuses a header deadline longer than the request deadline, in one line', async () => {
    const r = await o311(['serve', '--port', '0', '--headers-timeout', '90']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --headers-timeout (90) must not exceed --request-timeout (60)\n');
  });

  it('refuses a federated delivery retry delay out of its bounds, in one line', async () => {
    for (const ms of ['50', '600001', 'soon']) {
      const r = await o311(['serve', '--port', '0', '--router-retry-delay', ms]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`error: option '--router-retry-delay <ms>' argument '${ms}' is invalid. expected a whole number from 100 to 600000. (see --help)\n`);
    }
  });

  it('prints a created key as the last line of stdout', async () => {
    const r = await o311(['keys', 'create', '--name', 'script']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^o311k_[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a port that is taken, in one line, whether it comes from --port or $PORT', async () => {
    const first = start(['serve', '--port', '0', '--database', 'sqlite::memory:']);
    try {
      const port = (await first.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)/))[1] ?? '';
      const second = await o311(['serve', '--port', port, '--database', 'sqlite::memory:']);
      expect(second).toMatchObject({ code: 1, stderr: `error: port ${port} on 127.0.0.1 is already in use; choose another with --port\n` });
      // $PORT stands for --port (as platforms that assign the port set it).
      const fromEnv = await o311(['serve', '--database', 'sqlite::memory:'], { PORT: port });
      expect(fromEnv).toMatchObject({ code: 1, stderr: `error: port ${port} on 127.0.0.1 is already in use; choose another with --port\n` });
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
  }, 120_000);
});
