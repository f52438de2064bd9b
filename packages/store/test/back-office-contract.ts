/**
 * The contract suite of the back-office part of the Store (back-office.ts).
 * sqlite.test.ts and postgres.test.ts run it against a fresh database of
 * their dialect.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Department,
  type InboxFilter,
  type NewStaffUser,
  type Priority,
  type StaffUser,
  type Store,
  type TriagedRequest,
} from '@o311/store';
import type { FreshDatabase, TestDialect } from '../../../test-support/databases.js';
import { addJurisdiction, HOUR, imported, newRequest, T0, uid, withFreshStore } from './fixtures.js';
import { rawCount, rawQuery } from './raw.js';

const PHC = '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export function runBackOfficeContract(dialect: TestDialect): void {
  describe(`Back-office contract: ${dialect}`, () => {
    let db: FreshDatabase;
    let store: Store;
    withFreshStore(dialect, (opened) => ({ db, store } = opened));

    const jurisdiction = (): Promise<string> => addJurisdiction(store);

    const user = (overrides: Partial<NewStaffUser> = {}): Promise<StaffUser> =>
      store.createUser({ email: `${uid('u')}@example.org`, name: 'Staff', role: 'agent', department_id: null, password_hash: PHC, ...overrides });

    const department = (jurisdiction_id: string, name = 'Roads'): Promise<Department> =>
      store.saveDepartment({ jurisdiction_id, name, email: null });

    const auditOf = (request_id: string) => store.listAudit({ request_id, limit: 100 });

    describe('staff users', () => {
      it('lower-cases the e-mail and finds the user by it in any case, with the password hash', async () => {
        const email = `${uid('Ada')}@Example.ORG`;
        const u = await store.createUser({ email, name: 'Ada', role: 'admin', department_id: null, password_hash: PHC, locale: 'fr' });
        expect(u).toEqual({
          id: expect.any(String),
          email: email.toLowerCase(),
          name: 'Ada',
          role: 'admin',
          jurisdictions: 'global',
          department_id: null,
          call_taker: false,
          active: true,
          locale: 'fr',
          created_at: expect.any(Number),
          failed_logins: 0,
          locked_until: null,
        });
        expect(await store.getUser(u.id)).toEqual(u);
        expect(await store.findUserByEmail(email.toUpperCase())).toEqual({ ...u, password_hash: PHC });
        expect(await store.findUserByEmail('nobody@example.org')).toBeUndefined();
        expect(await store.getUser('nope')).toBeUndefined();
        expect((await user()).locale).toBeNull();
      });

      it('refuses a second user with the same e-mail in another case', async () => {
        const u = await user();
        await expect(user({ email: u.email.toUpperCase() })).rejects.toThrow(/exists/);
        expect((await store.listUsers()).filter((x) => x.email === u.email)).toEqual([u]);
      });

      it('lists users by e-mail', async () => {
        await user();
        const emails = (await store.listUsers()).map((u) => u.email);
        expect(emails.length).toBeGreaterThan(1);
        expect(emails).toEqual([...emails].sort());
      });

      it('updates the given fields only', async () => {
        const j = await jurisdiction();
        const d = await department(j);
        const u = await user({ locale: 'es' });
        const updated = await store.updateUser(u.id, { name: 'Renamed', role: 'viewer', department_id: d.id, active: false, password_hash: 'new-hash' });
        expect(updated).toEqual({ ...u, name: 'Renamed', role: 'viewer', department_id: d.id, active: false });
        expect(await store.updateUser(u.id, {})).toEqual(updated);
        expect(await store.updateUser(u.id, { locale: null })).toEqual({ ...updated, locale: null });
        expect((await store.findUserByEmail(u.email))?.password_hash).toBe('new-hash');
        expect(await store.updateUser('nope', { name: 'x' })).toBeUndefined();
      });

      it('keeps the call-taker capability of an account (issue 15), false unless given', async () => {
        const u = await user();
        expect(u.call_taker).toBe(false);
        expect(await store.updateUser(u.id, { call_taker: true })).toEqual({ ...u, call_taker: true });
        expect((await user({ call_taker: true })).call_taker).toBe(true);
      });

      it('locks the account once failures reach the limit, and a success resets it', async () => {
        const u = await user();
        const lockout = { maxFailures: 3, lockMs: 15 * 60_000 };
        expect(await store.recordLoginFailure(u.id, T0, lockout)).toMatchObject({ failed_logins: 1, locked_until: null });
        expect(await store.recordLoginFailure(u.id, T0 + 1, lockout)).toMatchObject({ failed_logins: 2, locked_until: null });
        expect(await store.recordLoginFailure(u.id, T0 + 2, lockout)).toMatchObject({ failed_logins: 3, locked_until: T0 + 2 + lockout.lockMs });
        expect(await store.getUser(u.id)).toMatchObject({ failed_logins: 3, locked_until: T0 + 2 + lockout.lockMs });
        // Every further failure locks again, from its own time.
        expect(await store.recordLoginFailure(u.id, T0 + 5, lockout)).toMatchObject({ failed_logins: 4, locked_until: T0 + 5 + lockout.lockMs });
        await store.recordLoginSuccess(u.id);
        expect(await store.getUser(u.id)).toMatchObject({ failed_logins: 0, locked_until: null });
        expect(await store.recordLoginFailure('nope', T0, lockout)).toBeUndefined();
      });

      it('counts every one of concurrent failures', async () => {
        const u = await user();
        const lockout = { maxFailures: 5, lockMs: 1000 };
        await Promise.all(Array.from({ length: 5 }, () => store.recordLoginFailure(u.id, T0, lockout)));
        expect(await store.getUser(u.id)).toMatchObject({ failed_logins: 5, locked_until: T0 + 1000 });
      });
    });

    describe('sessions', () => {
      it('keeps only the hash of the secret, and a CSRF token of its own per session', async () => {
        const u = await user();
        const { session, secret } = await store.createSession({ user_id: u.id, ttl_ms: HOUR, at: T0 });
        expect(secret).toMatch(/^o311w_/);
        expect(secret.slice('o311w_'.length)).toMatch(SECRET);
        expect(session).toEqual({
          id: expect.any(String),
          user_id: u.id,
          csrf_token: expect.stringMatching(SECRET),
          created_at: T0,
          expires_at: T0 + HOUR,
          last_seen_at: T0,
          revoked_at: null,
        });
        const rows = await rawQuery(db.url, `select * from staff_sessions where id = '${session.id}'`);
        expect(rows[0]?.secret_hash).toBe(sha256(secret));
        expect(JSON.stringify(rows)).not.toContain(secret);
        const other = await store.createSession({ user_id: u.id, ttl_ms: HOUR, at: T0 });
        expect(other.session.csrf_token).not.toBe(session.csrf_token);
        expect(other.secret).not.toBe(secret);
      });

      it('finds a live session with its user until it expires', async () => {
        const u = await user();
        const { session, secret } = await store.createSession({ user_id: u.id, ttl_ms: HOUR, at: T0 });
        expect(await store.findSession(secret, T0 + 1)).toEqual({ session, user: u });
        expect(await store.findSession(secret, T0 + HOUR - 1)).toEqual({ session, user: u });
        expect(await store.findSession(secret, T0 + HOUR)).toBeUndefined();
        // Without a time: now, long after T0 + 1 hour.
        expect(await store.findSession(secret)).toBeUndefined();
        expect(await store.findSession(`${secret}x`, T0)).toBeUndefined();
        expect(await store.findSession('', T0)).toBeUndefined();
        const now = await store.createSession({ user_id: u.id, ttl_ms: HOUR });
        expect((await store.findSession(now.secret))?.session.id).toBe(now.session.id);
      });

      it('touchSession moves last_seen_at', async () => {
        const u = await user();
        const { session, secret } = await store.createSession({ user_id: u.id, ttl_ms: HOUR, at: T0 });
        await store.touchSession(session.id, T0 + 60_000);
        expect((await store.findSession(secret, T0 + 60_001))?.session).toEqual({ ...session, last_seen_at: T0 + 60_000 });
      });

      it('revokes one session, or every live session of a user', async () => {
        const u = await user();
        const other = await user();
        const at = T0;
        const [a, b, c] = await Promise.all([1, 2, 3].map(() => store.createSession({ user_id: u.id, ttl_ms: HOUR, at })));
        const theirs = await store.createSession({ user_id: other.id, ttl_ms: HOUR, at });
        expect(await store.revokeSession(a!.session.id)).toBe(true);
        expect(await store.findSession(a!.secret, at + 1)).toBeUndefined();
        expect(await store.revokeSession(a!.session.id)).toBe(true);
        expect(await store.revokeSession('nope')).toBe(false);
        expect(await store.findSession(b!.secret, at + 1)).toBeDefined();
        expect(await store.revokeUserSessions(u.id)).toBe(2);
        expect(await store.revokeUserSessions(u.id)).toBe(0);
        expect(await store.findSession(b!.secret, at + 1)).toBeUndefined();
        expect(await store.findSession(c!.secret, at + 1)).toBeUndefined();
        expect((await store.findSession(theirs.secret, at + 1))?.user.id).toBe(other.id);
      });

      it('does not find the session of an inactive user', async () => {
        const u = await user();
        const { secret } = await store.createSession({ user_id: u.id, ttl_ms: HOUR, at: T0 });
        await store.updateUser(u.id, { active: false });
        expect(await store.findSession(secret, T0 + 1)).toBeUndefined();
        await store.updateUser(u.id, { active: true });
        expect((await store.findSession(secret, T0 + 1))?.user.active).toBe(true);
      });
    });

    describe('departments', () => {
      it('saves, updates and lists the departments of a jurisdiction by name', async () => {
        const j = await jurisdiction();
        const roads = await store.saveDepartment({ jurisdiction_id: j, name: 'Roads', email: null });
        const parks = await store.saveDepartment({ jurisdiction_id: j, name: 'Parks', email: 'parks@example.org' });
        expect(roads).toEqual({ id: expect.any(String), jurisdiction_id: j, name: 'Roads', email: null });
        expect(await store.listDepartments(j)).toEqual([parks, roads]);
        const renamed = await store.saveDepartment({ ...roads, name: 'Streets', email: 'streets@example.org' });
        expect(renamed).toEqual({ ...roads, name: 'Streets', email: 'streets@example.org' });
        expect(await store.listDepartments(j)).toEqual([parks, renamed]);
        expect(await store.listDepartments(await jurisdiction())).toEqual([]);
      });

      it('refuses to delete a department while requests or users are assigned to it', async () => {
        const j = await jurisdiction();
        const d = await department(j);
        const r = await store.createRequest(newRequest(j));
        await store.updateTriage({ jurisdiction_id: j, request_id: r.id, actor: 'test', assigned_department_id: d.id });
        expect(await store.deleteDepartment(d.id)).toBe(false);
        await store.updateTriage({ jurisdiction_id: j, request_id: r.id, actor: 'test', assigned_department_id: null });
        const u = await user({ department_id: d.id });
        expect(await store.deleteDepartment(d.id)).toBe(false);
        await store.updateUser(u.id, { department_id: null });
        expect(await store.deleteDepartment(d.id)).toBe(true);
        expect(await store.listDepartments(j)).toEqual([]);
        expect(await store.deleteDepartment(d.id)).toBe(false);
      });

      it('go with their jurisdiction, once it may be deleted, and so do its templates', async () => {
        const j = uid('j');
        await store.saveJurisdiction({ id: j, name: 'Empty', contact: '', key_service: '', timezone: 'UTC' });
        const d = await department(j);
        await store.saveTemplate({ jurisdiction_id: j, name: 'Done', body: 'Fixed.', status: 'fixed' });
        const u = await user({ department_id: d.id });
        expect(await store.deleteJurisdiction(j)).toBe(true);
        expect(await store.listDepartments(j)).toEqual([]);
        expect(await store.listTemplates(j)).toEqual([]);
        expect((await store.getUser(u.id))?.department_id).toBeNull();
      });
    });

    describe('triage', () => {
      it('starts untriaged, for created and imported requests alike', async () => {
        const j = await jurisdiction();
        const r = await store.createRequest(newRequest(j));
        const untriaged = { assigned_department_id: null, assigned_user_id: null, priority: 'normal', duplicate_of: null };
        expect(await store.getTriagedRequest(j, r.id)).toEqual({ ...r, ...untriaged });
        await store.importRequests([imported(j)]);
        const [row] = await store.listRequests({ jurisdiction_id: j, service_codes: ['pothole'], requested_to: T0, limit: 1, offset: 0 });
        expect(await store.getTriagedRequest(j, row!.id)).toEqual({ ...row, ...untriaged });
        expect(await store.getTriagedRequest(j, 'junk')).toBeUndefined();
        expect(await store.getTriagedRequest(await jurisdiction(), r.id)).toBeUndefined();
      });

      it('writes the staff-only fields, one audit entry each, without touching the public record or the data version', async () => {
        const j = await jurisdiction();
        const d = await department(j);
        const u = await user();
        const r = await store.createRequest(newRequest(j, { requested_at: T0 }));
        const version = await store.dataVersion();
        const t = await store.updateTriage({ jurisdiction_id: j, request_id: r.id, actor: 'alice', assigned_department_id: d.id, assigned_user_id: u.id, priority: 'urgent' });
        expect(t).toEqual({ ...r, assigned_department_id: d.id, assigned_user_id: u.id, priority: 'urgent', duplicate_of: null });
        expect(await store.getTriagedRequest(j, r.id)).toEqual(t);
        expect(await store.getRequest(j, r.id)).toEqual(r);
        expect(await store.dataVersion()).toBe(version);
        const audit = await auditOf(r.id);
        expect(audit.map((e) => e.action).sort()).toEqual(['request.assigned_department_id', 'request.assigned_user_id', 'request.priority']);
        expect(audit.find((e) => e.action === 'request.priority')).toEqual({
          id: expect.any(String),
          at: expect.any(Number),
          actor: 'alice',
          action: 'request.priority',
          jurisdiction_id: j,
          request_id: r.id,
          details: { from: 'normal', to: 'urgent' },
        });
        expect(audit.find((e) => e.action === 'request.assigned_user_id')?.details).toEqual({ from: null, to: u.id });
      });

      it('treats expected_at as public: it moves updated_at and the data version', async () => {
        const j = await jurisdiction();
        const r = await store.createRequest(newRequest(j, { requested_at: T0 }));
        const version = await store.dataVersion();
        const before = Date.now();
        const t = await store.updateTriage({ jurisdiction_id: j, request_id: r.id, actor: 'bob', expected_at: T0 + 72 * HOUR });
        expect(t?.expected_at).toBe(T0 + 72 * HOUR);
        expect(t?.updated_at).toBeGreaterThanOrEqual(before);
        expect(await store.getRequest(j, r.id)).toEqual({ ...r, expected_at: T0 + 72 * HOUR, updated_at: t?.updated_at });
        expect(await store.dataVersion()).not.toBe(version);
        expect(await auditOf(r.id)).toEqual([
          expect.objectContaining({ actor: 'bob', action: 'request.expected_at', details: { from: T0 + 48 * HOUR, to: T0 + 72 * HOUR } }),
        ]);
        const cleared = await store.updateTriage({ jurisdiction_id: j, request_id: r.id, actor: 'bob', expected_at: null });
        expect(cleared?.expected_at).toBeNull();
      });

      it('writes nothing for values that do not change, and audits only the ones that do', async () => {
        const j = await jurisdiction();
        const d = await department(j);
        const r = await store.createRequest(newRequest(j, { requested_at: T0 }));
        const version = await store.dataVersion();
        const same = await store.updateTriage({
          jurisdiction_id: j, request_id: r.id, actor: 'x', priority: 'normal', assigned_user_id: null, expected_at: r.expected_at,
        });
        expect(same).toEqual(await store.getTriagedRequest(j, r.id));
        expect(same?.updated_at).toBe(T0);
        expect(await auditOf(r.id)).toEqual([]);
        await store.updateTriage({ jurisdiction_id: j, request_id: r.id, actor: 'x', priority: 'high' });
        await store.updateTriage({ jurisdiction_id: j, request_id: r.id, actor: 'y', priority: 'high', assigned_department_id: d.id });
        const audit = await auditOf(r.id);
        expect(audit.map((e) => [e.actor, e.action])).toEqual([['y', 'request.assigned_department_id'], ['x', 'request.priority']]);
        expect((await store.getRequest(j, r.id))?.updated_at).toBe(T0);
        expect(await store.dataVersion()).toBe(version);
      });

      it('marks a duplicate of another request of the same jurisdiction', async () => {
        const j = await jurisdiction();
        const original = await store.createRequest(newRequest(j));
        const r = await store.createRequest(newRequest(j));
        const elsewhere = await store.createRequest(newRequest(await jurisdiction()));
        const change = { jurisdiction_id: j, request_id: r.id, actor: 'x' };
        expect((await store.updateTriage({ ...change, duplicate_of: original.id }))?.duplicate_of).toBe(original.id);
        for (const bad of [r.id, elsewhere.id, 'junk', '999999999']) {
          await expect(store.updateTriage({ ...change, duplicate_of: bad })).rejects.toThrow(/original/);
        }
        expect((await store.updateTriage({ ...change, duplicate_of: null }))?.duplicate_of).toBeNull();
        expect((await auditOf(r.id)).map((e) => e.details)).toEqual([{ from: original.id, to: null }, { from: null, to: original.id }]);
      });

      it('rejects a department of another jurisdiction or an unknown priority, and writes nothing then', async () => {
        const j = await jurisdiction();
        const mine = await department(j);
        const theirs = await department(await jurisdiction());
        const r = await store.createRequest(newRequest(j));
        const change = { jurisdiction_id: j, request_id: r.id, actor: 'x' };
        await expect(store.updateTriage({ ...change, assigned_department_id: theirs.id })).rejects.toThrow(/department/);
        await expect(store.updateTriage({ ...change, assigned_department_id: 'nope' })).rejects.toThrow(/department/);
        await expect(store.updateTriage({ ...change, assigned_department_id: mine.id, priority: String('extreme') as Priority })).rejects.toThrow(/priority/);
        expect(await store.getTriagedRequest(j, r.id)).toMatchObject({ assigned_department_id: null, priority: 'normal' });
        expect(await auditOf(r.id)).toEqual([]);
      });

      it('answers undefined for an unknown request', async () => {
        const j = await jurisdiction();
        const r = await store.createRequest(newRequest(j));
        expect(await store.updateTriage({ jurisdiction_id: await jurisdiction(), request_id: r.id, actor: 'x', priority: 'low' })).toBeUndefined();
        expect(await store.updateTriage({ jurisdiction_id: j, request_id: 'junk', actor: 'x', priority: 'low' })).toBeUndefined();
        expect((await store.getTriagedRequest(j, r.id))?.priority).toBe('normal');
      });

      it('keeps the history of an imported request when its expected_at moves', async () => {
        const j = await jurisdiction();
        await store.importRequests([imported(j, { status: 'closed', status_notes: 'done', updated_at: T0 + HOUR })]);
        const [row] = await store.listRequests({ jurisdiction_id: j, limit: 1, offset: 0 });
        const history = await store.listEvents(j, row!.id);
        expect(history.map((e) => e.type)).toEqual(['submitted', 'status_change']);
        await store.updateTriage({ jurisdiction_id: j, request_id: row!.id, actor: 'x', expected_at: T0 + 5 * HOUR });
        expect(await store.listEvents(j, row!.id)).toEqual(history);
      });
    });

    describe('inbox', () => {
      let j: string;
      let d1: Department;
      let d2: Department;
      let u1: StaffUser;
      /** The seeded requests by name, as triaged. */
      const r: Record<string, TriagedRequest> = {};

      beforeAll(async () => {
        j = await jurisdiction();
        d1 = await department(j, 'Roads');
        d2 = await department(j, 'Parks');
        u1 = await user();
        const at = (h: number) => T0 + h * HOUR;
        const a = await store.createRequest(newRequest(j, { description: 'Deep POTHOLE near school', address: '1 Main St', requested_at: at(0) }));
        const b = await store.createRequest(newRequest(j, { description: '100% blocked_lane', address: '2 Oak Ave', requested_at: at(1) }));
        const c = await store.createRequest(newRequest(j, { service_code: 'graffiti', description: 'Tag on wall', address: '3 Elm St', requested_at: at(2) }));
        const d = await store.createRequest(newRequest(j, { service_code: 'graffiti', description: 'back\\slash art', address: null, requested_at: at(2) }));
        const e = await store.createRequest(newRequest(j, { description: null, address: '5 Pine_Rd', requested_at: at(3), lat: 40, long: -80 }));
        await store.changeStatus({ jurisdiction_id: j, request_id: b.id, status: 'in_progress', note: 'Crew dispatched', author: null, at: at(5) });
        await store.changeStatus({ jurisdiction_id: j, request_id: c.id, status: 'closed', note: 'Removed', author: null, at: at(4) });
        await store.changeStatus({ jurisdiction_id: j, request_id: d.id, status: 'fixed', note: null, author: null, at: at(6) });
        const triage = { jurisdiction_id: j, actor: 'seed' };
        await store.updateTriage({ ...triage, request_id: a.id, priority: 'urgent', assigned_department_id: d1.id, assigned_user_id: u1.id });
        await store.updateTriage({ ...triage, request_id: b.id, priority: 'high', assigned_department_id: d1.id });
        await store.updateTriage({ ...triage, request_id: c.id, priority: 'low' });
        await store.updateTriage({ ...triage, request_id: e.id, assigned_department_id: d2.id });
        for (const [name, req] of Object.entries({ a, b, c, d, e })) r[name] = (await store.getTriagedRequest(j, req.id))!;
      });

      const nameOf = (t: TriagedRequest): string => Object.keys(r).find((n) => r[n]!.id === t.id) ?? `?${t.id}`;
      const list = async (f: Partial<InboxFilter> = {}): Promise<string[]> =>
        (await store.listInbox({ jurisdiction_id: j, limit: 100, offset: 0, ...f })).map(nameOf);
      /** The names found, sorted; and the count must agree. */
      const found = async (f: Partial<InboxFilter>): Promise<string[]> => {
        const names = await list(f);
        const { limit: _l, offset: _o, sort: _s, ...criteria } = { jurisdiction_id: j, limit: 0, offset: 0, ...f };
        expect(await store.countInbox(criteria), JSON.stringify(f)).toBe(names.length);
        return names.sort();
      };

      it('returns triaged requests, newest first by default', async () => {
        expect(await list()).toEqual(['e', 'd', 'c', 'b', 'a']);
        expect((await store.listInbox({ jurisdiction_id: j, limit: 1, offset: 4 }))[0]).toEqual(r.a);
        expect(r.a).toMatchObject({ priority: 'urgent', assigned_department_id: d1.id, assigned_user_id: u1.id });
        expect(await store.countInbox({ jurisdiction_id: j })).toBe(5);
      });

      it('filters by public or extended statuses, either matching', async () => {
        expect(await found({ statuses: ['in_progress'] })).toEqual(['b']);
        expect(await found({ statuses: ['open'] })).toEqual(['a', 'b', 'e']);
        expect(await found({ statuses: ['closed'] })).toEqual(['c', 'd']);
        expect(await found({ statuses: ['fixed'] })).toEqual(['d']);
        expect(await found({ statuses: ['fixed', 'in_progress'] })).toEqual(['b', 'd']);
        expect(await found({ statuses: ['closed', 'in_progress'] })).toEqual(['b', 'c', 'd']);
        expect(await found({ statuses: ['open', 'closed'] })).toEqual(['a', 'b', 'c', 'd', 'e']);
        expect(await found({ statuses: ['planned'] })).toEqual([]);
        expect(await found({ statuses: [] })).toEqual(['a', 'b', 'c', 'd', 'e']);
      });

      it('searches description, address, status notes, service name and id, ignoring case', async () => {
        expect(await found({ text: 'SCHOOL' })).toEqual(['a']);
        expect(await found({ text: 'oak ave' })).toEqual(['b']);
        expect(await found({ text: 'crew' })).toEqual(['b']);
        expect(await found({ text: 'GRAFF' })).toEqual(['c', 'd']);
        expect(await found({ text: 'pothole' })).toEqual(['a', 'b', 'e']);
        expect(await found({ text: r.c!.id })).toEqual(['c']);
        expect(await found({ text: 'no such thing' })).toEqual([]);
        expect(await found({ text: '   ' })).toEqual(['a', 'b', 'c', 'd', 'e']);
      });

      it('takes LIKE wildcards and the escape character in the text literally', async () => {
        expect(await found({ text: '%' })).toEqual(['b']);
        expect(await found({ text: '0% b' })).toEqual(['b']);
        expect(await found({ text: '_' })).toEqual(['b', 'e']);
        expect(await found({ text: 'e_r' })).toEqual(['e']);
        expect(await found({ text: '\\' })).toEqual(['d']);
        expect(await found({ text: "'" })).toEqual([]);
      });

      it('filters by assignment and priority', async () => {
        expect(await found({ assigned_department_id: d1.id })).toEqual(['a', 'b']);
        expect(await found({ assigned_department_id: d2.id })).toEqual(['e']);
        expect(await found({ assigned_user_id: u1.id })).toEqual(['a']);
        expect(await found({ unassigned: true })).toEqual(['c', 'd']);
        expect(await found({ unassigned: true, assigned_department_id: d1.id })).toEqual([]);
        expect(await found({ priorities: ['urgent', 'high'] })).toEqual(['a', 'b']);
        expect(await found({ priorities: ['normal'] })).toEqual(['d', 'e']);
        expect(await found({ priorities: [] })).toEqual(['a', 'b', 'c', 'd', 'e']);
      });

      it('applies the filters of the public list, and all filters together', async () => {
        expect(await found({ service_codes: ['graffiti'] })).toEqual(['c', 'd']);
        expect(await found({ requested_from: T0 + 2 * HOUR })).toEqual(['c', 'd', 'e']);
        expect(await found({ updated_to: T0 + 4 * HOUR })).toEqual(['a', 'c', 'e']);
        expect(await found({ bbox: { min_lat: 41, max_lat: 42, min_long: -88, max_long: -87 } })).toEqual(['a', 'b', 'c', 'd']);
        expect(await found({ near: { lat: 40, long: -80, radius_m: 1000 } })).toEqual(['e']);
        expect(await found({ statuses: ['open'], text: 'pothole', priorities: ['urgent', 'normal'] })).toEqual(['a', 'e']);
        expect(await found({ statuses: ['open'], text: 'pothole', assigned_department_id: d1.id, priorities: ['high'] })).toEqual(['b']);
      });

      it('with ids, ignores every other filter', async () => {
        expect(await found({ ids: [r.a!.id, r.c!.id, 'junk'] })).toEqual(['a', 'c']);
        expect(await found({ ids: [r.a!.id, r.c!.id], statuses: ['in_progress'], text: 'zzz' })).toEqual(['a', 'c']);
        expect(await found({ ids: ['junk'] })).toEqual([]);
        expect(await list({ ids: [r.a!.id, r.c!.id], sort: { by: 'requested_at', direction: 'asc' } })).toEqual(['a', 'c']);
      });

      it('sorts by each key in both directions, ties by id in the same direction, no expected time last', async () => {
        const sorted = (by: NonNullable<InboxFilter['sort']>['by'], direction: 'asc' | 'desc') => list({ sort: { by, direction } });
        expect(await sorted('requested_at', 'desc')).toEqual(['e', 'd', 'c', 'b', 'a']);
        expect(await sorted('requested_at', 'asc')).toEqual(['a', 'b', 'c', 'd', 'e']);
        expect(await sorted('updated_at', 'desc')).toEqual(['d', 'b', 'c', 'e', 'a']);
        expect(await sorted('updated_at', 'asc')).toEqual(['a', 'e', 'c', 'b', 'd']);
        expect(await sorted('expected_at', 'asc')).toEqual(['a', 'b', 'e', 'c', 'd']);
        expect(await sorted('expected_at', 'desc')).toEqual(['e', 'b', 'a', 'd', 'c']);
        expect(await sorted('priority', 'desc')).toEqual(['a', 'b', 'e', 'd', 'c']);
        expect(await sorted('priority', 'asc')).toEqual(['c', 'd', 'e', 'b', 'a']);
      });

      it('pages through a sort without gaps or repeats', async () => {
        const sort = { by: 'priority', direction: 'desc' } as const;
        const pages = [];
        for (let offset = 0; offset < 6; offset += 2) pages.push(...(await list({ sort, limit: 2, offset })));
        expect(pages).toEqual(await list({ sort }));
        expect(await list({ sort: { by: 'requested_at', direction: 'asc' }, limit: 2, offset: 1 })).toEqual(['b', 'c']);
      });
    });

    describe('audit log', () => {
      it('appends entries and lists them newest first, filtered', async () => {
        const actor = uid('actor');
        const j = uid('j');
        const request_id = uid('r');
        const e1 = await store.appendAudit({ at: T0, actor, action: 'user.create', jurisdiction_id: null, request_id: null, details: { email: 'x@example.org' } });
        const e2 = await store.appendAudit({ at: T0 + 1, actor, action: 'request.status', jurisdiction_id: j, request_id, details: { from: 'open', to: 'closed' } });
        const e3 = await store.appendAudit({ at: T0 + 1, actor, action: 'service.save', jurisdiction_id: j, request_id: null, details: { nested: { list: [1, 'two', null], flag: true } } });
        const before = Date.now();
        const e4 = await store.appendAudit({ actor, action: 'login.failed', jurisdiction_id: null, request_id: null, details: {} });
        expect(e1).toEqual({ id: expect.any(String), at: T0, actor, action: 'user.create', jurisdiction_id: null, request_id: null, details: { email: 'x@example.org' } });
        expect(e4.at).toBeGreaterThanOrEqual(before);
        expect(await store.listAudit({ actor, limit: 10 })).toEqual([e4, e3, e2, e1]);
        expect(await store.listAudit({ actor, limit: 2 })).toEqual([e4, e3]);
        expect(await store.listAudit({ actor, before: T0 + 1, limit: 10 })).toEqual([e1]);
        expect(await store.listAudit({ jurisdiction_id: j, limit: 10 })).toEqual([e3, e2]);
        expect(await store.listAudit({ request_id, limit: 10 })).toEqual([e2]);
        expect(await store.listAudit({ request_id, actor: 'someone else', limit: 10 })).toEqual([]);
      });
    });

    describe('response templates', () => {
      it('saves, updates, lists by name and deletes the templates of a jurisdiction', async () => {
        const j = await jurisdiction();
        const fixed = await store.saveTemplate({ jurisdiction_id: j, name: 'Fixed', body: 'We fixed it.', status: 'fixed' });
        const any = await store.saveTemplate({ jurisdiction_id: j, name: 'Ack', body: 'Thanks!', status: null });
        expect(fixed).toEqual({ id: expect.any(String), jurisdiction_id: j, name: 'Fixed', body: 'We fixed it.', status: 'fixed' });
        expect(await store.listTemplates(j)).toEqual([any, fixed]);
        const changed = await store.saveTemplate({ ...fixed, body: 'Repaired.', status: 'closed' });
        expect(changed).toEqual({ ...fixed, body: 'Repaired.', status: 'closed' });
        expect(await store.listTemplates(await jurisdiction())).toEqual([]);
        expect(await store.deleteTemplate(any.id)).toBe(true);
        expect(await store.deleteTemplate(any.id)).toBe(false);
        expect(await store.listTemplates(j)).toEqual([changed]);
      });
    });

    describe('saved filters', () => {
      it('belong to one user: listed, updated and deleted only by them', async () => {
        const alice = await user();
        const bob = await user();
        const mine = await store.saveFilter({ user_id: alice.id, name: 'Urgent', query: 'priority=urgent' });
        const open = await store.saveFilter({ user_id: alice.id, name: 'Open', query: 'status=open' });
        const theirs = await store.saveFilter({ user_id: bob.id, name: 'Mine', query: `assignee=${bob.id}` });
        expect(mine).toEqual({ id: expect.any(String), user_id: alice.id, name: 'Urgent', query: 'priority=urgent' });
        expect(await store.listSavedFilters(alice.id)).toEqual([open, mine]);
        expect(await store.listSavedFilters(bob.id)).toEqual([theirs]);
        const renamed = await store.saveFilter({ ...mine, name: 'Hot' });
        expect(renamed).toEqual({ ...mine, name: 'Hot' });
        await expect(store.saveFilter({ ...theirs, user_id: alice.id, name: 'Stolen' })).rejects.toThrow(/another user/);
        expect(await store.listSavedFilters(bob.id)).toEqual([theirs]);
        expect(await store.deleteSavedFilter(alice.id, theirs.id)).toBe(false);
        expect(await store.deleteSavedFilter(bob.id, theirs.id)).toBe(true);
        expect(await store.listSavedFilters(bob.id)).toEqual([]);
        expect(await store.listSavedFilters(alice.id)).toEqual([renamed, open]);
      });
    });

    describe('followers', () => {
      it('adds a follower once per request and e-mail, whatever the case; a repeat renews only the confirm secret', async () => {
        const j = await jurisdiction();
        const r = await store.createRequest(newRequest(j));
        const first = await store.addFollower({ jurisdiction_id: j, request_id: r.id, email: 'Citizen@Example.org', at: T0 });
        expect(first.follower).toEqual({ id: expect.any(String), jurisdiction_id: j, request_id: r.id, email: 'citizen@example.org', created_at: T0, confirmed_at: null, locale: null });
        for (const secret of [first.confirmSecret, first.unsubscribeSecret]) expect(secret.slice('o311f_'.length)).toMatch(SECRET);
        expect(first.confirmSecret).not.toBe(first.unsubscribeSecret);
        const again = await store.addFollower({ jurisdiction_id: j, request_id: r.id, email: 'CITIZEN@example.ORG', locale: 'es', at: T0 + 1 });
        expect(again.follower).toEqual({ ...first.follower, locale: 'es' });
        expect(again.confirmSecret).not.toBe(first.confirmSecret);
        expect(again.unsubscribeSecret).toBe(first.unsubscribeSecret);
        expect(await rawCount(db.url, `followers where request_id = ${r.id}`)).toBe(1);
        const rows = await rawQuery(db.url, `select * from followers where request_id = ${r.id}`);
        expect(rows[0]).toMatchObject({ confirm_hash: sha256(again.confirmSecret), unsubscribe_secret: first.unsubscribeSecret });
        // The earlier confirm link is dead; unsubscribe links in e-mails already sent keep working.
        expect(await store.confirmFollower(first.confirmSecret)).toBeUndefined();
        expect((await store.unsubscribe(first.unsubscribeSecret))?.id).toBe(first.follower.id);
      });

      it('lists only the followers who confirmed (double opt-in)', async () => {
        const j = await jurisdiction();
        const r = await store.createRequest(newRequest(j));
        const ann = await store.addFollower({ jurisdiction_id: j, request_id: r.id, email: 'ann@example.org', at: T0 });
        const ben = await store.addFollower({ jurisdiction_id: j, request_id: r.id, email: 'ben@example.org', at: T0 + 1 });
        expect(await store.listConfirmedFollowers(j, r.id)).toEqual([]);
        const confirmed = await store.confirmFollower(ann.confirmSecret, T0 + 5);
        expect(confirmed).toEqual({ ...ann.follower, confirmed_at: T0 + 5 });
        expect(await store.confirmFollower(ann.confirmSecret, T0 + 9)).toEqual(confirmed);
        expect(await store.listConfirmedFollowers(j, r.id)).toEqual([{ ...confirmed, unsubscribeSecret: ann.unsubscribeSecret }]);
        await store.confirmFollower(ben.confirmSecret, T0 + 6);
        expect((await store.listConfirmedFollowers(j, r.id)).map((f) => f.email)).toEqual(['ann@example.org', 'ben@example.org']);
        // Following again keeps the confirmation.
        const repeat = await store.addFollower({ jurisdiction_id: j, request_id: r.id, email: 'ann@example.org' });
        expect(repeat.follower).toEqual(confirmed);
        expect(repeat.unsubscribeSecret).toBe(ann.unsubscribeSecret);
        expect(await store.listConfirmedFollowers(await jurisdiction(), r.id)).toEqual([]);
        expect(await store.listConfirmedFollowers(j, 'junk')).toEqual([]);
        expect(await store.confirmFollower('o311f_unknown')).toBeUndefined();
      });

      it('removes the follower with the unsubscribe secret', async () => {
        const j = await jurisdiction();
        const r = await store.createRequest(newRequest(j));
        const ann = await store.addFollower({ jurisdiction_id: j, request_id: r.id, email: 'ann@example.org', at: T0 });
        const confirmed = await store.confirmFollower(ann.confirmSecret, T0 + 1);
        expect(await store.findFollowerToUnsubscribe(ann.unsubscribeSecret)).toEqual(confirmed);
        expect(await store.findFollowerToUnsubscribe('o311f_unknown')).toBeUndefined();
        expect(await store.unsubscribe(ann.unsubscribeSecret)).toEqual(confirmed);
        expect(await store.findFollowerToUnsubscribe(ann.unsubscribeSecret)).toBeUndefined();
        expect(await store.unsubscribe(ann.unsubscribeSecret)).toBeUndefined();
        expect(await store.listConfirmedFollowers(j, r.id)).toEqual([]);
        expect(await store.unsubscribe('o311f_unknown')).toBeUndefined();
      });

      it('refuses to follow a request that does not exist in the jurisdiction', async () => {
        const j = await jurisdiction();
        const elsewhere = await store.createRequest(newRequest(await jurisdiction()));
        for (const request_id of [elsewhere.id, '999999999', 'junk']) {
          await expect(store.addFollower({ jurisdiction_id: j, request_id, email: 'a@example.org' })).rejects.toThrow(/unknown request/);
        }
      });
    });

    describe('e-mail outbox', () => {
      it('lists messages oldest first, in the order queued, and records attempts', async () => {
        const to = `${uid('m')}@example.org`;
        const one = await store.enqueueMail({ to, subject: 'One', text: 'first', html: null }, T0);
        const two = await store.enqueueMail({ to, subject: 'Two', text: 'second', html: '<p>second</p>' }, T0);
        const older = await store.enqueueMail({ to, subject: 'Zero', text: 'older', html: null }, T0 - 1);
        expect(one).toEqual({ id: expect.any(String), to, subject: 'One', text: 'first', html: null, created_at: T0, sent_at: null, attempts: 0, last_error: null, threading: null });
        expect(await store.listOutbox({ to, limit: 10 })).toEqual([older, one, two]);
        expect(await store.listOutbox({ to, limit: 1 })).toEqual([older]);
        await store.markMailFailed(older.id, 'SMTP 451 try later');
        await store.markMailSent(one.id, T0 + 10);
        const failed = { ...older, attempts: 1, last_error: 'SMTP 451 try later' };
        const sent = { ...one, sent_at: T0 + 10, attempts: 1 };
        expect(await store.listOutbox({ to, unsent: true, limit: 10 })).toEqual([failed, two]);
        expect(await store.listOutbox({ to, limit: 10 })).toEqual([failed, sent, two]);
        await store.markMailSent(older.id, T0 + 20);
        expect(await store.listOutbox({ to, unsent: true, limit: 10 })).toEqual([two]);
        await expect(store.markMailSent('junk', T0)).resolves.toBeUndefined();
        await expect(store.markMailFailed('999999999', 'x')).resolves.toBeUndefined();
        const now = Date.now();
        expect((await store.enqueueMail({ to, subject: 'Now', text: '', html: null })).created_at).toBeGreaterThanOrEqual(now);
      });

      it('queues a message under a key once: the same key again queues nothing, other keys and keyless messages queue', async () => {
        const to = `${uid('once')}@example.org`;
        const key = `followers.notify:${uid('r')}:1:7`;
        const first = await store.enqueueMailOnce({ to, subject: 'Once', text: 'first', html: null }, key, T0);
        expect(first).toEqual({ id: expect.any(String), to, subject: 'Once', text: 'first', html: null, created_at: T0, sent_at: null, attempts: 0, last_error: null, threading: null });
        expect(await store.enqueueMailOnce({ to, subject: 'Once', text: 'retried', html: null }, key, T0 + 1)).toBeUndefined();
        await store.markMailSent(first!.id, T0 + 2);
        expect(await store.enqueueMailOnce({ to, subject: 'Once', text: 'after sending', html: null }, key, T0 + 3)).toBeUndefined();
        const other = await store.enqueueMailOnce({ to, subject: 'Other', text: 'other key', html: null }, `${key}0`, T0 + 4);
        const plain = [
          await store.enqueueMail({ to, subject: 'Plain', text: 'a', html: null }, T0 + 5),
          await store.enqueueMail({ to, subject: 'Plain', text: 'b', html: null }, T0 + 6),
        ];
        expect((await store.listOutbox({ to, limit: 10 })).map((m) => m.text)).toEqual(['first', 'other key', 'a', 'b']);
        expect(other?.id).not.toBe(first?.id);
        expect(new Set(plain.map((m) => m.id)).size).toBe(2);
      });

      it('lists the messages of every recipient without `to`', async () => {
        const a = await store.enqueueMail({ to: `${uid('a')}@example.org`, subject: 'A', text: 'a', html: null }, T0 - 10 * HOUR);
        const b = await store.enqueueMail({ to: `${uid('b')}@example.org`, subject: 'B', text: 'b', html: null }, T0 - 10 * HOUR);
        const unsent = await store.listOutbox({ unsent: true, limit: 2 });
        expect(unsent).toEqual([a, b]);
      });

      it('finds one message by id', async () => {
        const m = await store.enqueueMail({ to: `${uid('g')}@example.org`, subject: 'G', text: 'g', html: '<p>g</p>' }, T0);
        expect(await store.getMail(m.id)).toEqual(m);
        await store.markMailFailed(m.id, 'SMTP 421');
        expect(await store.getMail(m.id)).toEqual({ ...m, attempts: 1, last_error: 'SMTP 421' });
        for (const id of ['junk', '999999999', '', '-1']) expect(await store.getMail(id)).toBeUndefined();
      });

      it('forgets messages sent before a time and unsent ones queued before it, keeping the rest', async () => {
        // Times long before every other test's messages, which the prune must not touch.
        const mail = (subject: string, at: number) => store.enqueueMail({ to: `${uid('p')}@example.org`, subject, text: subject, html: null }, at);
        const sentEarly = await mail('sent early', 1_000);
        const sentLate = await mail('sent late', 1_000);
        const unsentOld = await mail('unsent old', 2_000);
        const unsentNew = await mail('unsent new', 3_000);
        await store.markMailSent(sentEarly.id, 2_000);
        await store.markMailSent(sentLate.id, 4_000);
        expect(await store.pruneOutbox(2_500)).toBe(2);
        expect(await store.getMail(sentEarly.id)).toBeUndefined();
        expect(await store.getMail(unsentOld.id)).toBeUndefined();
        expect((await store.getMail(sentLate.id))?.subject).toBe('sent late');
        expect((await store.getMail(unsentNew.id))?.subject).toBe('unsent new');
        expect(await store.pruneOutbox(2_500)).toBe(0);
      });

      it('lists the unsent messages never tried within a creation window (the delivery sweep)', async () => {
        const base = T0 + 1000 * HOUR;
        const mail = (subject: string, at: number) =>
          store.enqueueMail({ to: `${uid('w')}@example.org`, subject, text: subject, html: null }, at);
        await mail('too old', base - 1);
        const first = await mail('first', base);
        const tried = await mail('tried', base + 1);
        const sent = await mail('sent', base + 2);
        const last = await mail('last', base + 9);
        await mail('too new', base + 10);
        await store.markMailFailed(tried.id, 'SMTP 451');
        await store.markMailSent(sent.id, base + 3);
        const window = { unsent: true, untried: true, createdFrom: base, createdBefore: base + 10 };
        expect(await store.listOutbox({ ...window, limit: 10 })).toEqual([first, last]);
        expect(await store.listOutbox({ ...window, limit: 1 })).toEqual([first]);
        expect((await store.listOutbox({ unsent: true, createdFrom: base, createdBefore: base + 10, limit: 10 })).map((m) => m.subject))
          .toEqual(['first', 'tried', 'last']);
      });
    });

    describe('settings', () => {
      it('keeps the first value claimed, and replaces it only from the value expected', async () => {
        const name = `test.${Math.random()}`;
        expect(await store.getSetting(name)).toBeUndefined();
        expect(await store.claimSetting(name, 'first')).toBe('first');
        expect(await store.claimSetting(name, 'second')).toBe('first');
        expect(await store.replaceSetting(name, 'stale', 'third')).toBe(false);
        expect(await store.getSetting(name)).toBe('first');
        expect(await store.replaceSetting(name, 'first', 'third')).toBe(true);
        expect(await store.getSetting(name)).toBe('third');
        const version = await store.dataVersion();
        await store.claimSetting(`${name}.other`, 'x');
        expect(await store.dataVersion()).toBe(version);
      });
    });

    describe('data version', () => {
      it('does not move for back-office writes other than expected_at', async () => {
        const j = await jurisdiction();
        const r = await store.createRequest(newRequest(j));
        const version = await store.dataVersion();
        const u = await user();
        await store.updateUser(u.id, { name: 'x' });
        await store.recordLoginFailure(u.id, T0, { maxFailures: 1, lockMs: 1 });
        await store.recordLoginSuccess(u.id);
        const { session } = await store.createSession({ user_id: u.id, ttl_ms: HOUR });
        await store.touchSession(session.id, Date.now());
        await store.revokeUserSessions(u.id);
        const d = await department(j);
        await store.updateTriage({ jurisdiction_id: j, request_id: r.id, actor: 'x', assigned_department_id: d.id, priority: 'high' });
        await store.appendAudit({ actor: 'x', action: 'test', jurisdiction_id: j, request_id: null, details: {} });
        await store.saveTemplate({ jurisdiction_id: j, name: 't', body: 'b', status: null });
        await store.saveFilter({ user_id: u.id, name: 'f', query: '' });
        const f = await store.addFollower({ jurisdiction_id: j, request_id: r.id, email: 'v@example.org' });
        await store.confirmFollower(f.confirmSecret);
        const m = await store.enqueueMail({ to: 'v@example.org', subject: 's', text: 't', html: null });
        await store.markMailSent(m.id, Date.now());
        expect(await store.dataVersion()).toBe(version);
      });
    });
  });
}
