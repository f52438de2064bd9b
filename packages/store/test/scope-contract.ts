/**
 * Contract of jurisdiction scoping (migration 0007): the stored primary
 * jurisdiction, staff users and staff tokens scoped to jurisdictions, and the
 * staff lists filtered by a scope. Run from sqlite.test.ts and postgres.test.ts.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { GLOBAL_SCOPE, openStore, type Jurisdiction, type NewStaffUser, type Store } from '@o311/store';
import { freshUrl, type FreshDatabase, type TestDialect } from '../../../test-support/databases.js';
import { freshMigratedUrl } from '../../../test-support/migrated-databases.js';
import { uid } from './fixtures.js';
import { withSchemaBefore } from './schema-before.js';

const SCOPE_MIGRATION = '0007_jurisdiction_scope';
const PHC = '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';

const city = (id: string, extra: Partial<Jurisdiction> = {}): Jurisdiction =>
  ({ id, name: `City ${id}`, contact: 'ops@example.org', key_service: 'ask', timezone: 'UTC', ...extra });

/** A migrated store on a database of its own (the primary jurisdiction is per database). */
async function withOwnStore(dialect: TestDialect, work: (store: Store, db: FreshDatabase) => Promise<void>): Promise<void> {
  const db = await freshMigratedUrl(dialect);
  const store = await openStore(db.url);
  try {
    await store.migrate();
    await work(store, db);
  } finally {
    await store.close();
    await db.cleanup();
  }
}


export function runScopeContract(dialect: TestDialect): void {
  describe(`Store contract, jurisdiction scope: ${dialect}`, () => {
    const user = (store: Store, overrides: Partial<NewStaffUser> = {}) =>
      store.createUser({ email: `${uid('u')}@example.org`, name: 'Staff', role: 'agent', department_id: null, password_hash: PHC, ...overrides });

    describe('primary jurisdiction', () => {
      it('is the first jurisdiction saved, whatever the order of the ids, and stays put', () =>
        withOwnStore(dialect, async (store) => {
          expect(await store.primaryJurisdiction()).toBeUndefined();
          await store.saveJurisdiction(city('zeta'));
          await store.saveJurisdiction(city('alpha'));
          expect((await store.primaryJurisdiction())?.id).toBe('zeta');
          await store.saveJurisdiction(city('zeta', { name: 'Zeta renamed' }));
          expect(await store.primaryJurisdiction()).toMatchObject({ id: 'zeta', name: 'Zeta renamed' });
        }));

      it('is never a sandbox, and moves only when asked to an existing jurisdiction', () =>
        withOwnStore(dialect, async (store) => {
          await store.saveJurisdiction(city('play', { sandbox: true }));
          expect(await store.primaryJurisdiction()).toBeUndefined();
          await store.saveJurisdiction(city('town'));
          await store.saveJurisdiction(city('village'));
          expect((await store.primaryJurisdiction())?.id).toBe('town');
          expect(await store.setPrimaryJurisdiction('play')).toBe(false);
          expect(await store.setPrimaryJurisdiction('nowhere')).toBe(false);
          expect(await store.setPrimaryJurisdiction('village')).toBe(true);
          expect((await store.primaryJurisdiction())?.id).toBe('village');
        }));

      it('keeps a sandbox a sandbox and a city a city across updates, so an update never makes a sandbox primary', () =>
        withOwnStore(dialect, async (store) => {
          await store.saveJurisdiction(city('play', { sandbox: true }));
          // The staff API's PUT sends no sandbox field.
          expect(await store.saveJurisdiction(city('play', { name: 'Renamed' }))).toMatchObject({ name: 'Renamed', sandbox: true });
          expect(await store.getJurisdiction('play')).toMatchObject({ sandbox: true });
          expect(await store.primaryJurisdiction()).toBeUndefined();
          await store.saveJurisdiction(city('town'));
          expect(await store.saveJurisdiction(city('town', { sandbox: true }))).not.toHaveProperty('sandbox');
          expect((await store.primaryJurisdiction())?.id).toBe('town');
        }));

      it('is gone with its jurisdiction; the next one saved takes the role', () =>
        withOwnStore(dialect, async (store) => {
          await store.saveJurisdiction(city('first'));
          expect(await store.deleteJurisdiction('first')).toBe(true);
          expect(await store.primaryJurisdiction()).toBeUndefined();
          await store.saveJurisdiction(city('second'));
          expect((await store.primaryJurisdiction())?.id).toBe('second');
        }));
    });

    describe('scoped staff accounts', () => {
      it('makes admins global and other roles primary-only by default', () =>
        withOwnStore(dialect, async (store) => {
          await store.saveJurisdiction(city('home'));
          await store.saveJurisdiction(city('away'));
          expect((await user(store, { role: 'admin' })).jurisdictions).toBe(GLOBAL_SCOPE);
          expect((await user(store, { role: 'viewer' })).jurisdictions).toEqual(['home']);
          expect((await store.createStaffToken({ name: 'ci', role: 'admin' })).token.jurisdictions).toBe(GLOBAL_SCOPE);
          expect((await store.createStaffToken({ name: 'bot', role: 'agent' })).token.jurisdictions).toEqual(['home']);
        }));

      it('keeps the given scope, refuses a global one for other roles than admin', () =>
        withOwnStore(dialect, async (store) => {
          const scoped = await user(store, { role: 'admin', jurisdictions: ['away'] });
          expect(scoped.jurisdictions).toEqual(['away']);
          expect((await store.getUser(scoped.id))?.jurisdictions).toEqual(['away']);
          await expect(user(store, { role: 'agent', jurisdictions: GLOBAL_SCOPE })).rejects.toThrow(/only admins/);
          await expect(store.createStaffToken({ name: 'x', role: 'viewer', jurisdictions: GLOBAL_SCOPE })).rejects.toThrow(/only admins/);
          const { token, secret } = await store.createStaffToken({ name: 'two', role: 'agent', jurisdictions: ['a', 'b'] });
          expect((await store.findStaffToken(secret))?.jurisdictions).toEqual(['a', 'b']);
          expect(token.jurisdictions).toEqual(['a', 'b']);
        }));

      it('changes the scope with the role: a global admin demoted to agent keeps only the primary jurisdiction', () =>
        withOwnStore(dialect, async (store) => {
          await store.saveJurisdiction(city('home'));
          const admin = await user(store, { role: 'admin' });
          expect((await store.updateUser(admin.id, { role: 'agent' }))?.jurisdictions).toEqual(['home']);
          expect((await store.updateUser(admin.id, { jurisdictions: ['home', 'away'] }))?.jurisdictions).toEqual(['home', 'away']);
          expect((await store.updateUser(admin.id, { role: 'admin', jurisdictions: GLOBAL_SCOPE }))?.jurisdictions).toBe(GLOBAL_SCOPE);
          await expect(store.updateUser(admin.id, { role: 'viewer', jurisdictions: GLOBAL_SCOPE })).rejects.toThrow(/only admins/);
          expect((await store.getUser(admin.id))?.role).toBe('admin');
        }));

      it('lists only the users and tokens whose scope lies within the given one', () =>
        withOwnStore(dialect, async (store) => {
          const global = await user(store, { role: 'admin', jurisdictions: GLOBAL_SCOPE });
          const a = await user(store, { jurisdictions: ['a'] });
          const b = await user(store, { jurisdictions: ['b'] });
          const ab = await user(store, { jurisdictions: ['a', 'b'] });
          const ids = async (within?: Parameters<Store['listUsers']>[0]) => (await store.listUsers(within)).map((u) => u.id).sort();
          expect(await ids()).toEqual([global.id, a.id, b.id, ab.id].sort());
          expect(await ids(GLOBAL_SCOPE)).toEqual([global.id, a.id, b.id, ab.id].sort());
          expect(await ids(['a'])).toEqual([a.id]);
          expect(await ids(['a', 'b'])).toEqual([a.id, b.id, ab.id].sort());

          const tokenA = (await store.createStaffToken({ name: 'a', role: 'agent', jurisdictions: ['a'] })).token;
          const tokenG = (await store.createStaffToken({ name: 'g', role: 'admin', jurisdictions: GLOBAL_SCOPE })).token;
          expect((await store.listStaffTokens(['a'])).map((t) => t.id)).toEqual([tokenA.id]);
          expect((await store.listStaffTokens(['b'])).map((t) => t.id)).toEqual([]);
          // Both may be made in the same millisecond: their order is then the ids', not the creation's.
          expect((await store.listStaffTokens()).map((t) => t.id).sort()).toEqual([tokenA.id, tokenG.id].sort());
        }));
    });

    it('migration 0007 makes existing admins global, other accounts primary-only, and stores a primary (never a sandbox)', async () => {
      const db = await freshUrl(dialect);
      try {
        await withSchemaBefore(db.url, SCOPE_MIGRATION, async (db) => {
          // Two cities and a sandbox; "aaa" sorts first but "zzz" has the oldest request after the sandbox's.
          for (const [id, sandbox] of [['aaa', 0], ['play', 1], ['zzz', 0]] as const) {
            await sql`insert into jurisdictions (id, name, contact, key_service, timezone, services_changed_at, sandbox)
                      values (${id}, ${id}, '', '', 'UTC', 0, ${sandbox})`.execute(db);
          }
          await sql`insert into requests (jurisdiction_id, service_code, service_name, status, public_status, requested_at, updated_at, attributes, media_ids)
                    values ('play', 's', 'S', 'open', 'open', 0, 0, '{}', '[]'), ('zzz', 's', 'S', 'open', 'open', 1, 1, '{}', '[]'),
                           ('aaa', 's', 'S', 'open', 'open', 2, 2, '{}', '[]')`.execute(db);
          for (const [email, role] of [['root@x.org', 'admin'], ['doer@x.org', 'agent']] as const) {
            await sql`insert into staff_users (id, email, name, role, department_id, password_hash, active, locale, created_at, failed_logins, locked_until)
                      values (${email}, ${email}, 'n', ${role}, null, ${PHC}, 1, null, 0, 0, null)`.execute(db);
            await sql`insert into staff_tokens (id, name, role, secret_hash, created_at, revoked_at)
                      values (${email}, 't', ${role}, ${email}, 0, null)`.execute(db);
          }
        });
        const store = await openStore(db.url);
        try {
          await store.migrate();
          expect((await store.primaryJurisdiction())?.id).toBe('zzz');
          expect((await store.getUser('root@x.org'))?.jurisdictions).toBe(GLOBAL_SCOPE);
          expect((await store.getUser('doer@x.org'))?.jurisdictions).toEqual(['zzz']);
          const tokens = new Map((await store.listStaffTokens()).map((t) => [t.id, t.jurisdictions]));
          expect(tokens.get('root@x.org')).toBe(GLOBAL_SCOPE);
          expect(tokens.get('doer@x.org')).toEqual(['zzz']);
        } finally {
          await store.close();
        }
      } finally {
        await db.cleanup();
      }
    });
  });
}
