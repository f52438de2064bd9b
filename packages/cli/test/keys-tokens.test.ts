/** `o311 keys` and `o311 tokens` against fresh SQLite and PostgreSQL databases. */
import { openStore, type Store } from '@o311/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { cli } from './support.js';

describe.each(dialects)('keys and tokens on %s', (dialect) => {
  let db: FreshDatabase;
  let store: Store;
  let database: string[];

  beforeAll(async () => {
    db = await freshUrl(dialect);
    database = ['--database', db.url];
    // The CLI migrates on first use; the test's own store reads what it wrote.
    expect((await cli(['keys', 'list', ...database])).code).toBe(0);
    store = await openStore(db.url);
  });
  afterAll(async () => {
    await store?.close();
    await db?.cleanup();
  });

  it('creates an API key, printing the secret last, and the secret authenticates', async () => {
    const r = await cli(['keys', 'create', '--name', 'Fix app', ...database]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.last).toMatch(/^o311k_\S{20,}$/);
    const key = await store.findApiKey(r.last);
    expect(key).toMatchObject({ name: 'Fix app', rate_limit_per_minute: 120, trusted: false, revoked_at: null });
    expect(r.stdout).toContain(key?.id);
  });

  it('takes --client, the program that uses the key, and refuses one it does not know', async () => {
    const r = await cli(['keys', 'create', '--name', 'Riverton FMS', '--client', 'fixmystreet', ...database]);
    expect(r.code).toBe(0);
    expect(await store.findApiKey(r.last)).toMatchObject({ name: 'Riverton FMS', client: 'fixmystreet' });
    expect((await cli(['keys', 'list', ...database])).stdout).toMatch(/Riverton FMS.*fixmystreet/);
    expect((await cli(['keys', 'create', '--name', 'x', '--client', 'netscape', ...database])).code).toBe(2);
  });

  it('takes --rate-limit (0 = unlimited) and --trusted', async () => {
    const r = await cli(['keys', 'create', '--name', 'partner', '--rate-limit', '0', '--trusted', ...database]);
    expect(r.code).toBe(0);
    expect(await store.findApiKey(r.last)).toMatchObject({ name: 'partner', rate_limit_per_minute: 0, trusted: true });
    const list = await cli(['keys', 'list', ...database]);
    expect(list.code).toBe(0);
    expect(list.stdout.split('\n')[0]).toMatch(/^ID\s+NAME\s+RATE LIMIT\s+TRUSTED\s+CLIENT\s+CREATED\s+REVOKED$/);
    expect(list.stdout).toMatch(/partner\s+unlimited\s+yes/);
    expect(list.stdout).toMatch(/Fix app\s+120\/min\s+no/);
    expect(list.stdout).not.toContain('o311k_');
  });

  it('revokes a key so that it stops authenticating', async () => {
    const created = await cli(['keys', 'create', '--name', 'short-lived', ...database]);
    const key = await store.findApiKey(created.last);
    expect(key).toBeDefined();
    const r = await cli(['keys', 'revoke', key?.id ?? '', ...database]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`revoked API key ${key?.id}`);
    expect(await store.findApiKey(created.last)).toBeUndefined();
    const list = await cli(['keys', 'list', ...database]);
    expect(list.stdout).toMatch(/short-lived\s+120\/min\s+no\s+-\s+\d{4}-\d\d-\d\d \d\d:\d\dZ\s+\d{4}-\d\d-\d\d \d\d:\d\dZ/);
    const again = await cli(['keys', 'revoke', key?.id ?? '', ...database]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already revoked');
    const unknown = await cli(['keys', 'revoke', 'no-such-id', ...database]);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toBe('error: no API key with id no-such-id; see `o311 keys list`\n');
  });

  it('creates staff tokens of each role, lists and revokes them', async () => {
    for (const role of ['admin', 'agent', 'viewer'] as const) {
      const r = await cli(['tokens', 'create', '--name', `${role} bot`, '--role', role, ...database]);
      expect(r.code).toBe(0);
      expect(r.last).toMatch(/^o311s_\S{20,}$/);
      expect(await store.findStaffToken(r.last)).toMatchObject({ name: `${role} bot`, role, revoked_at: null });
    }
    const list = await cli(['tokens', 'list', ...database]);
    expect(list.stdout).toMatch(/admin bot\s+admin/);
    expect(list.stdout).toMatch(/viewer bot\s+viewer/);
    const made = await cli(['tokens', 'create', '--name', 'temp', '--role', 'agent', ...database]);
    const token = await store.findStaffToken(made.last);
    const revoked = await cli(['tokens', 'revoke', token?.id ?? '', ...database]);
    expect(revoked.code).toBe(0);
    expect(await store.findStaffToken(made.last)).toBeUndefined();
  });

  it('scopes staff tokens to the jurisdictions given with --jurisdiction; admins default to all', async () => {
    for (const id of ['north.example', 'south.example']) {
      await store.saveJurisdiction({ id, name: id, contact: 'c', key_service: 'k', timezone: 'UTC' });
    }
    const both = await cli(['tokens', 'create', '--name', 'two', '--role', 'agent',
      '--jurisdiction', 'north.example', '--jurisdiction', 'south.example', ...database]);
    expect(both.code, both.stderr).toBe(0);
    expect((await store.findStaffToken(both.last))?.jurisdictions).toEqual(['north.example', 'south.example']);
    const admin = await cli(['tokens', 'create', '--name', 'root', '--role', 'admin', ...database]);
    expect((await store.findStaffToken(admin.last))?.jurisdictions).toBe('global');
    expect((await cli(['tokens', 'list', ...database])).stdout).toMatch(/two\s+agent\s+north\.example south\.example/);
    const unknown = await cli(['tokens', 'create', '--name', 'x', '--role', 'agent', '--jurisdiction', 'east.example', ...database]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no jurisdiction 'east\.example'/);
  });

  it('answers bad input with one line on stderr and exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['tokens', 'create', '--name', 'x', '--role', 'boss'], /^error: option '--role <role>' argument 'boss' is invalid\. Allowed choices are admin, agent, viewer\./],
      [['tokens', 'create', '--name', 'x'], /^error: required option '--role <role>' not specified/],
      [['keys', 'create', '--name', 'x', '--rate-limit', '-5'], /^error: option '--rate-limit <per-minute>' argument '-5' is invalid/],
      // The staff API and the back office allow at most 100,000 a minute too.
      [['keys', 'create', '--name', 'x', '--rate-limit', '100001'], /^error: option '--rate-limit <per-minute>' argument '100001' is invalid/],
      [['keys', 'create'], /^error: required option '--name <name>' not specified/],
      [['keys', 'create', '--name', '   '], /must not be empty/],
      [['keys', 'frobnicate'], /^error: unknown command 'frobnicate'/],
      [['keys', 'list', '--bogus'], /^error: unknown option '--bogus'/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli([...argv, ...database]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('database selection', () => {
  it('reports an unreachable or malformed database in one line, exit 1 or 2', async () => {
    const unreachable = await cli(['keys', 'list', '--database', 'postgres://nobody:secret@127.0.0.1:1/none']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/^error: cannot open database postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none: .+\n$/);
    expect(unreachable.stderr).not.toContain('secret');
    const bad = await cli(['keys', 'list', '--database', 'mysql://x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: unsupported database URL scheme "mysql:"/);
  });

  it('uses $O311_DATABASE_URL when --database is not given', async () => {
    const db = await freshUrl('sqlite');
    try {
      const made = await cli(['keys', 'create', '--name', 'from env'], { O311_DATABASE_URL: db.url });
      expect(made.code).toBe(0);
      const store = await openStore(db.url);
      try {
        expect(await store.findApiKey(made.last)).toMatchObject({ name: 'from env' });
      } finally {
        await store.close();
      }
    } finally {
      await db.cleanup();
    }
  });

  it('prints help and the version with exit 0', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/serve[\s\S]*keys[\s\S]*tokens[\s\S]*import/);
    const version = await cli(['--version']);
    expect(version).toMatchObject({ code: 0, last: '0.1.0' });
  });
});
