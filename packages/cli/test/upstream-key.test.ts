/**
 * `o311 discovery upstream-key` (issue 11): the key is read from a file,
 * sealed with O311_ROUTER_SECRET before it reaches the database, never
 * printed; without the secret the command says what to set. Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CredentialBox } from '@o311/server';
import type { Store } from '@o311/store';
import { dialects, type FreshDatabase } from '../../../test-support/databases.js';
import { withFreshStore } from '../../../test-support/fresh-store.js';
import { cli, scratch } from './support.js';

const SECRET = 'cli test router secret, 32 chars';
const KEY = 'story-county-upstream-key-42';

describe.each(dialects)('o311 discovery upstream-key on %s', (dialect) => {
  let db: FreshDatabase;
  let store: Store;
  let files: Awaited<ReturnType<typeof scratch>>;
  withFreshStore(dialect, (opened) => ({ db, store } = opened));
  beforeAll(async () => {
    files = await scratch();
  });
  afterAll(() => files?.cleanup());

  const run = (args: string[], env: Record<string, string> = { O311_ROUTER_SECRET: SECRET }) => cli(['discovery', 'upstream-key', ...args, '--database', db.url], env);

  it('seals the key from the file, says it is set, and removes it; the key never appears in any output', async () => {
    await store.saveEndpoint({
      slug: 'story', name: 'Story County', tier: 'county', country: 'US', base_url: 'https://story.example/open311/v2/', discovery_url: null,
      jurisdiction_id: null, local: false, formats: ['json'], api_key_url: null, terms_url: null, contact_email: null, status: 'production',
      boundary_id: null, quirks: null, notes: '',
    });
    const keyFile = await files.file('story.key', `${KEY}\n`);
    expect(await run(['status', 'story'])).toMatchObject({ code: 0, stdout: "'story': no upstream API key set\n" });
    const set = await run(['set', 'story', '--key-file', keyFile]);
    expect(set).toMatchObject({ code: 0, stderr: '', stdout: "stored the upstream API key of 'story' (sealed; it is never shown again)\n" });
    const sealed = await store.federation.credential('story');
    expect(sealed).not.toContain(KEY);
    expect(new CredentialBox(SECRET).open('story', sealed!)).toBe(KEY);
    expect(await run(['status', 'story'])).toMatchObject({ code: 0, stdout: "'story': an upstream API key is set and opens with O311_ROUTER_SECRET\n" });
    const wrong = await run(['status', 'story'], { O311_ROUTER_SECRET: `${SECRET}-other` });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/does not open/);
    expect(await run(['remove', 'story'])).toMatchObject({ code: 0, stdout: "removed the upstream API key of 'story'\n" });
    expect(await store.federation.credential('story')).toBeUndefined();
    const again = await run(['remove', 'story']);
    expect(again).toMatchObject({ code: 0, stdout: "'story' had no upstream API key\n" });
    for (const r of [set, wrong, again]) expect(r.stdout + r.stderr).not.toContain(KEY);
  });

  it('says what to set without a secret, and refuses unknown endpoints and files that hold no key', async () => {
    const keyFile = await files.file('k.key', KEY);
    const noSecret = await run(['set', 'story', '--key-file', keyFile], {});
    expect(noSecret.code).toBe(1);
    expect(noSecret.stderr).toMatch(/start the server with O311_ROUTER_SECRET set/);
    expect((await run(['set', 'nope', '--key-file', keyFile])).stderr).toBe("error: no registry endpoint 'nope'\n");
    const empty = await run(['set', 'story', '--key-file', await files.file('empty.key', '\n')]);
    expect(empty.stderr).toMatch(/^error: the key file does not hold a key/);
    expect((await run(['set', 'story', '--key-file', `${files.dir}/missing.key`])).stderr).toMatch(/^error: cannot read the key file/);
    expect(await store.federation.credential('story')).toBeUndefined();
  });
});
