/**
 * `o311 mail ingest FILE.eml` on SQLite: a message becomes a request filed by
 * e-mail (its verdict printed as JSON), the same file again files nothing new,
 * and a message for no jurisdiction or without --intake-address is refused;
 * `serve` refuses a listener without an intake address.
 */
import { newService, openStore, type Store } from '@o311/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { cli, scratch } from './support.js';

const MAIL = [
  'From: Jane <jane@example.org>',
  'To: report@riverton.example',
  'Subject: Pothole by the school',
  'Message-ID: <cli-1@example.org>',
  'Date: Fri, 04 Dec 2026 10:00:00 +0000',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Address: 1 Main St',
  'A deep pothole.',
  '',
].join('\r\n');

describe('mail ingest', () => {
  let db: FreshDatabase;
  let store: Store;
  let files: Awaited<ReturnType<typeof scratch>>;
  let database: string[];

  beforeAll(async () => {
    db = await freshUrl('sqlite');
    database = ['--database', db.url];
    store = await openStore(db.url);
    await store.migrate();
    await store.saveJurisdiction({ id: 'riverton', name: 'Riverton', contact: '311', key_service: 'ask', timezone: 'America/Chicago' });
    // Alphabetically first, but not the primary: a bare intake address must never land here.
    await store.saveJurisdiction({ id: 'aardvark', name: 'Aardvark', contact: '311', key_service: 'ask', timezone: 'America/Chicago' });
    expect((await store.primaryJurisdiction())?.id).toBe('riverton');
    await store.saveService(newService({ jurisdiction_id: 'riverton', service_code: 'POTHOLE', service_name: 'Pothole', keywords: 'pothole' }));
    files = await scratch();
  });
  afterAll(async () => {
    await files?.cleanup();
    await store?.close();
    await db?.cleanup();
  });

  it('files a message once and prints the verdict', async () => {
    const file = await files.file('pothole.eml', MAIL);
    const first = await cli(['mail', 'ingest', file, '--intake-address', 'report@riverton.example', ...database]);
    expect(first.code, first.stderr).toBe(0);
    const verdict = JSON.parse(first.last) as { verdict: string; requestId: string; replayed: boolean };
    expect(verdict).toMatchObject({ verdict: 'filed', replayed: false });
    const r = await store.getRequest('riverton', verdict.requestId);
    expect(r).toMatchObject({ service_code: 'POTHOLE', channel: 'email', address: '1 Main St' });
    const again = await cli(['mail', 'ingest', file, '--intake-address', 'report@riverton.example', ...database]);
    expect(JSON.parse(again.last)).toEqual({ ...verdict, replayed: true });
  });

  it("takes a reply to the thread's address (read from its To header) as the reporter's update, and holds a stranger's", async () => {
    const first = await cli(['mail', 'ingest', await files.file('first.eml', MAIL.replace('cli-1@', 'cli-thread@')), '--intake-address', 'report@riverton.example', ...database]);
    const { requestId } = JSON.parse(first.last) as { requestId: string };
    const thread = (await store.mailIntake.threadOf('riverton', requestId))!;
    const reply = (from: string, id: string) => MAIL
      .replace('To: report@riverton.example', `To: report+${thread.token}@riverton.example`)
      .replace('From: Jane <jane@example.org>', `From: ${from}`)
      .replace('Message-ID: <cli-1@example.org>', `Message-ID: <${id}@example.org>\r\nIn-Reply-To: <cli-thread@example.org>`)
      .replace('A deep pothole.', 'It got deeper.');
    const own = await cli(['mail', 'ingest', await files.file('reply.eml', reply('jane@example.org', 'cli-reply')), '--intake-address', 'report@riverton.example', ...database]);
    expect(JSON.parse(own.last)).toEqual({ verdict: 'update', requestId, replayed: false });
    const stranger = await cli(['mail', 'ingest', await files.file('stranger.eml', reply('mallory@evil.example', 'cli-mallory')), '--intake-address', 'report@riverton.example', ...database]);
    expect(JSON.parse(stranger.last)).toEqual({ verdict: 'quarantined', reason: 'not-the-reporter' });
  });

  it('refuses an intake address of no jurisdiction, and a missing file', async () => {
    const file = await files.file('other.eml', MAIL);
    const unknown = await cli(['mail', 'ingest', file, '--intake-address', 'report@riverton.example=atlantis', ...database]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no jurisdiction atlantis');
    expect((await cli(['mail', 'ingest', `${files.dir}/missing.eml`, '--intake-address', 'report@riverton.example', ...database])).code).toBe(2);
    const folder = await cli(['mail', 'ingest', files.dir, '--intake-address', 'report@riverton.example', ...database]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`${files.dir} is not a file`);
  });

  it('serve refuses --smtp-in without an intake address, and an address that is none', async () => {
    const bare = await cli(['serve', '--smtp-in', '2599', '--port', '0', '--no-web', '--no-sandbox', ...database]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--smtp-in needs --intake-address');
    const bad = await cli(['serve', '--intake-address', 'not-an-address', '--port', '0', '--no-web', '--no-sandbox', ...database]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not an e-mail address');
  });
});
