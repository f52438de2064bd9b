/**
 * The contract suite of citizen accounts (citizens.ts, issue 11): sign-in
 * links, sessions, the account's requests and follows, overdue requests and
 * erasure; run on both dialects by citizens.test.ts.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CitizenAccount, Store } from '@o311/store';
import type { TestDialect } from '../../../test-support/databases.js';
import { addJurisdiction, HOUR, newRequest, reporter, T0, uid, withFreshStore } from './fixtures.js';

const LINK_TTL = 15 * 60_000;
const SESSION = { ttl_ms: 8 * HOUR };
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const address = (): string => `${uid('citizen')}@example.org`;

export function runCitizensContract(dialect: TestDialect): void {
  describe(`Citizen accounts contract: ${dialect}`, () => {
    let store: Store;
    withFreshStore(dialect, (opened) => ({ store } = opened));

    const link = (email: string, at = T0) => store.citizens.createSignInLink({ email, locale: 'es', ttl_ms: LINK_TTL, at });

    async function signIn(email: string, at = T0): Promise<{ account: CitizenAccount; secret: string }> {
      const { secret } = await link(email, at);
      const used = await store.citizens.useSignInLink(secret, SESSION, at + 1);
      if (!used.ok) throw new Error(`sign-in failed: ${used.reason}`);
      return { account: used.account, secret: used.secret };
    }

    describe('sign-in links', () => {
      it('create the account of the address on first use, lower-cased, and open a session', async () => {
        const email = address().replace('citizen', 'Citizen');
        const { secret, expires_at } = await link(email);
        expect(secret).toMatch(/^o311m_[A-Za-z0-9_-]{43}$/);
        expect(expires_at).toBe(T0 + LINK_TTL);
        const used = await store.citizens.useSignInLink(secret, SESSION, T0 + 5);
        expect(used).toMatchObject({
          ok: true,
          created: true,
          account: { id: expect.any(String), email: email.toLowerCase(), created_at: T0 + 5, last_sign_in_at: T0 + 5, reminders: true, locale: 'es' },
          session: { expires_at: T0 + 5 + SESSION.ttl_ms, last_seen_at: T0 + 5 },
        });
        if (!used.ok) return;
        expect(await store.citizens.getAccount(used.account.id)).toEqual(used.account);
        expect(await store.citizens.findSession(used.secret, T0 + 10)).toEqual({ session: used.session, account: used.account });
      });

      it('are single use, even when used twice at once, and refused when unknown or expired', async () => {
        const { secret } = await link(address());
        const both = await Promise.all([store.citizens.useSignInLink(secret, SESSION, T0 + 1), store.citizens.useSignInLink(secret, SESSION, T0 + 1)]);
        expect(both.filter((u) => u.ok)).toHaveLength(1);
        expect(both.find((u) => !u.ok)).toEqual({ ok: false, reason: 'used' });
        expect(await store.citizens.useSignInLink(secret, SESSION, T0 + 2)).toEqual({ ok: false, reason: 'used' });
        expect(await store.citizens.useSignInLink('o311m_nope', SESSION, T0)).toEqual({ ok: false, reason: 'unknown' });
        const late = await link(address());
        expect(await store.citizens.useSignInLink(late.secret, SESSION, T0 + LINK_TTL)).toEqual({ ok: false, reason: 'expired' });
        expect((await store.citizens.useSignInLink(late.secret, SESSION, T0 + LINK_TTL - 1)).ok).toBe(true);
      });

      it('sign in to the same account again; the address’s other links become unusable', async () => {
        const email = address();
        const first = await signIn(email);
        const a = await link(email.toUpperCase(), T0 + HOUR);
        const b = await link(email, T0 + HOUR);
        const again = await store.citizens.useSignInLink(b.secret, SESSION, T0 + HOUR + 1);
        expect(again).toMatchObject({ ok: true, created: false, account: { id: first.account.id, last_sign_in_at: T0 + HOUR + 1, created_at: first.account.created_at } });
        expect(await store.citizens.useSignInLink(a.secret, SESSION, T0 + HOUR + 2)).toEqual({ ok: false, reason: 'used' });
      });

      it('keep only the digest of the secret', async () => {
        const { secret } = await link(address());
        // An attacker with the table holds digests only: using one as a link finds nothing.
        expect(await store.citizens.useSignInLink(sha256(secret), SESSION, T0 + 1)).toEqual({ ok: false, reason: 'unknown' });
        expect((await store.citizens.useSignInLink(secret, SESSION, T0 + 1)).ok).toBe(true);
      });
    });

    describe('sessions', () => {
      it('live until they expire or are revoked; touching moves last_seen_at', async () => {
        const { account, secret } = await signIn(address());
        const found = await store.citizens.findSession(secret, T0 + HOUR);
        expect(found?.account.id).toBe(account.id);
        await store.citizens.touchSession(found!.session.id, T0 + HOUR);
        expect((await store.citizens.findSession(secret, T0 + HOUR + 1))?.session.last_seen_at).toBe(T0 + HOUR);
        expect(await store.citizens.findSession(secret, T0 + 1 + SESSION.ttl_ms)).toBeUndefined();
        expect(await store.citizens.revokeSession(found!.session.id, T0 + 2)).toBe(true);
        expect(await store.citizens.revokeSession(found!.session.id, T0 + 3)).toBe(false);
        expect(await store.citizens.findSession(secret, T0 + 3)).toBeUndefined();
        expect(await store.citizens.findSession('o311w_unknown', T0)).toBeUndefined();
      });

      it('are pruned once expired or revoked before the given time, with expired links', async () => {
        const { secret } = await signIn(address(), T0 - 400 * 24 * HOUR);
        await link(address(), T0 - 400 * 24 * HOUR);
        expect(await store.citizens.prune(T0 - 300 * 24 * HOUR)).toBeGreaterThanOrEqual(3);
        expect(await store.citizens.findSession(secret, T0 - 400 * 24 * HOUR + 2)).toBeUndefined();
      });
    });

    describe('the account’s requests and follows', () => {
      it('lists the account’s requests of every jurisdiction, newest first, paged, with the contact fields', async () => {
        const [j1, j2] = [await addJurisdiction(store), await addJurisdiction(store)];
        const { account } = await signIn(address());
        const mine = { ...reporter, email: account.email, first_name: 'Ana', account_id: account.id };
        const a = await store.createRequest(newRequest(j1, { reporter: mine, requested_at: T0 + 1 }));
        const b = await store.createRequest(newRequest(j2, { reporter: mine, requested_at: T0 + 3 }));
        const c = await store.createRequest(newRequest(j1, { reporter: mine, requested_at: T0 + 2 }));
        await store.createRequest(newRequest(j1, { reporter: { ...reporter, email: account.email, account_id: 'someone-else' }, requested_at: T0 + 4 }));
        expect((await store.citizens.listRequests(account.id, { limit: 10, offset: 0 })).map((r) => r.id)).toEqual([b.id, c.id, a.id]);
        expect(await store.citizens.listRequests(account.id, { limit: 1, offset: 1 })).toEqual([c]);
        expect(await store.citizens.countRequests(account.id)).toBe(3);
        expect((await store.citizens.listRequests(account.id, { limit: 1, offset: 0 }))[0]?.reporter).toEqual(mine);
        expect(await store.citizens.countRequests('nobody')).toBe(0);
      });

      it('lists the follows of the address in any case, and unfollows', async () => {
        const j = await addJurisdiction(store);
        const email = address();
        const r1 = await store.createRequest(newRequest(j));
        const r2 = await store.createRequest(newRequest(j));
        await store.addFollower({ jurisdiction_id: j, request_id: r1.id, email: email.toUpperCase(), at: T0 });
        await store.addFollower({ jurisdiction_id: j, request_id: r2.id, email, at: T0 + 1 });
        await store.addFollower({ jurisdiction_id: j, request_id: r2.id, email: address(), at: T0 + 2 });
        expect((await store.citizens.listFollows(email)).map((f) => f.request_id)).toEqual([r2.id, r1.id]);
        expect(await store.citizens.unfollow(email, j, r1.id)).toBe(true);
        expect(await store.citizens.unfollow(email, j, r1.id)).toBe(false);
        expect(await store.citizens.unfollow(email, j, 'not-an-id')).toBe(false);
        expect((await store.citizens.listFollows(email)).map((f) => f.request_id)).toEqual([r2.id]);
      });
    });

    describe('claiming the reports made before signing in', () => {
      const federated = (email: string | null, account_id: string | null, at = T0) =>
        store.federation.create(
          {
            endpoint_slug: 'polk-county', service_code: 'ROADKILL', account_id, api_key_id: null,
            fields: { lat: 41.5, long: -93.6, address_string: null, address_id: null, zipcode: null, description: 'Deer', media_url: null, attributes: {} },
            contact: { email, first_name: 'Ana', last_name: null, phone: null, device_id: null },
          },
          at,
        );

      it('gives the account the reports of its address in any case, local and federated, at sign-in', async () => {
        const j = await addJurisdiction(store);
        const email = address();
        const typed = email.replace('citizen', 'CiTiZen').replace('example.org', 'Example.ORG');
        const local = await store.createRequest(newRequest(j, { reporter: { ...reporter, email: typed, first_name: 'Ana' }, requested_at: T0 - 2 }));
        const lower = await store.createRequest(newRequest(j, { reporter: { ...reporter, email }, requested_at: T0 - 1 }));
        const stranger = await store.createRequest(newRequest(j, { reporter: { ...reporter, email: address() } }));
        const nobody = await store.createRequest(newRequest(j));
        const fed = await federated(typed.toUpperCase(), null);
        const otherFed = await federated(address(), null);

        const { secret } = await link(email.toUpperCase(), T0 + 5);
        const used = await store.citizens.useSignInLink(secret, SESSION, T0 + 6);
        if (!used.ok) throw new Error(used.reason);
        expect(used.claimed).toEqual({ requests: 2, federated: 1 });
        expect((await store.citizens.listRequests(used.account.id, { limit: 10, offset: 0 })).map((r) => r.id)).toEqual([lower.id, local.id]);
        expect((await store.getRequest(j, local.id))?.reporter).toEqual({ ...reporter, email: typed, first_name: 'Ana', account_id: used.account.id });
        expect((await store.federation.listByAccount(used.account.id)).map((f) => f.id)).toEqual([fed.id]);
        for (const id of [stranger.id, nobody.id]) expect((await store.getRequest(j, id))?.reporter.account_id).toBeNull();
        expect((await store.federation.get(otherFed.id))?.account_id).toBeNull();
        const [entry] = await store.listAudit({ actor: `citizen:${used.account.id}`, limit: 5 });
        expect(entry).toMatchObject({ action: 'account.claim', at: T0 + 6, details: { requests: 2, federated: 1 } });
        expect(JSON.stringify(entry).toLowerCase()).not.toContain(email);
      });

      it('leaves the reports of other accounts alone, claims only what is new at the next sign-in, and nothing without a link', async () => {
        const j = await addJurisdiction(store);
        const email = address();
        const theirs = await store.createRequest(newRequest(j, { reporter: { ...reporter, email, account_id: 'another-account' } }));
        const theirsFed = await federated(email, 'another-account');
        const first = await signIn(email);
        expect((await store.getRequest(j, theirs.id))?.reporter.account_id).toBe('another-account');
        expect((await store.federation.get(theirsFed.id))?.account_id).toBe('another-account');
        expect(await store.citizens.countRequests(first.account.id)).toBe(0);

        // Asking for a link proves nothing: only its use claims.
        const later = await store.createRequest(newRequest(j, { reporter: { ...reporter, email } }));
        const laterFed = await federated(email, null, T0 + HOUR);
        const pending = await link(email, T0 + HOUR);
        expect((await store.getRequest(j, later.id))?.reporter.account_id).toBeNull();
        const again = await store.citizens.useSignInLink(pending.secret, SESSION, T0 + HOUR + 1);
        expect(again).toMatchObject({ ok: true, created: false, claimed: { requests: 1, federated: 1 } });
        expect((await store.citizens.listRequests(first.account.id, { limit: 10, offset: 0 })).map((r) => r.id)).toEqual([later.id]);
        expect((await store.federation.get(laterFed.id))?.account_id).toBe(first.account.id);
        const third = await store.citizens.useSignInLink((await link(email, T0 + 2 * HOUR)).secret, SESSION, T0 + 2 * HOUR + 1);
        expect(third).toMatchObject({ ok: true, claimed: { requests: 0, federated: 0 } });
        expect((await store.listAudit({ actor: `citizen:${first.account.id}`, limit: 10 })).map((e) => e.action)).toEqual(['account.claim']);
      });

      it('erases the claimed reports with the account; they are not claimed again', async () => {
        const j = await addJurisdiction(store);
        const email = address();
        const r = await store.createRequest(newRequest(j, { reporter: { ...reporter, email, phone: '555' }, description: 'Public words' }));
        const fed = await federated(email, null);
        const { account } = await signIn(email);
        expect(await store.citizens.deleteAccount(account.id, T0 + 9)).toMatchObject({ requests: 1, federated: 1 });
        expect((await store.getRequest(j, r.id))?.reporter).toEqual(reporter);
        expect(await store.federation.get(fed.id)).toMatchObject({ account_id: null, contact: { email: null, first_name: null } });
        const back = await store.citizens.useSignInLink((await link(email, T0 + HOUR)).secret, SESSION, T0 + HOUR + 1);
        expect(back).toMatchObject({ ok: true, created: true, claimed: { requests: 0, federated: 0 } });
      });
    });

    describe('overdue requests', () => {
      it('lists open requests of accounts with reminders that went past their date in the range, in date order, by pages', async () => {
        const j = await addJurisdiction(store); // pothole: 48 h
        const base = T0 + 1000 * 24 * HOUR;
        const { account } = await signIn(address());
        const { account: quiet } = await signIn(address());
        await store.citizens.setReminders(quiet.id, false);
        const mine = (at: number) => store.createRequest(newRequest(j, { reporter: { ...reporter, account_id: account.id }, requested_at: at }));
        const late1 = await mine(base);
        const late2 = await mine(base + 10);
        const closed = await mine(base + 5);
        await store.changeStatus({ jurisdiction_id: j, request_id: closed.id, status: 'closed', note: null, author: null, at: base + 6 });
        await mine(base + 100 * HOUR); // not yet due
        await store.createRequest(newRequest(j, { reporter: { ...reporter, account_id: quiet.id }, requested_at: base }));
        await store.createRequest(newRequest(j, { requested_at: base }));
        const range = { from: base, to: base + 60 * HOUR };
        const all = await store.citizens.listOverdue({ ...range, limit: 10 });
        expect(all.map((o) => o.request.id)).toEqual([late1.id, late2.id]);
        expect(all[0]).toMatchObject({ account: { id: account.id, email: account.email, reminders: true }, request: { reporter: { account_id: account.id } } });
        const first = await store.citizens.listOverdue({ ...range, limit: 1 });
        const next = await store.citizens.listOverdue({ ...range, limit: 1, after: { expected_at: first[0]!.request.expected_at!, id: first[0]!.request.id } });
        expect([...first, ...next].map((o) => o.request.id)).toEqual([late1.id, late2.id]);
        expect(await store.citizens.setReminders('nobody', true)).toBe(false);
      });
    });

    describe('deleting an account', () => {
      it('erases the contact data it left everywhere, in one go, and audits it without the address', async () => {
        const j = await addJurisdiction(store);
        const email = address();
        const { account, secret } = await signIn(email);
        const pending = await link(email, T0 + 2);
        const contact = { email, first_name: 'Ana', last_name: 'Lopez', phone: '555', device_id: 'dev-1', account_id: account.id };
        const r = await store.createRequest(newRequest(j, { reporter: contact, description: 'Public words' }));
        const other = await store.createRequest(newRequest(j, { reporter: { ...contact, email: 'other@example.org', account_id: 'other' } }));
        await store.addFollower({ jurisdiction_id: j, request_id: other.id, email, at: T0 });
        await store.addFollower({ jurisdiction_id: j, request_id: other.id, email: 'other@example.org', at: T0 });
        const m1 = await store.enqueueMail({ to: email.toUpperCase(), subject: 's', text: 't', html: null });
        const m2 = await store.enqueueMailOnce({ to: email, subject: 's', text: 't', html: null }, `once-${uid('k')}`);
        await store.markMailSent(m2!.id, T0);
        const kept = await store.enqueueMail({ to: 'other@example.org', subject: 's', text: 't', html: null });
        const received = { jurisdiction_id: j, sender: email, subject: 's', received_at: T0 };
        await store.mailIntake.claim({ ...received, message_id: `${uid('m')}@example.org` }, 'quarantined', { reason: 'sender-limit', raw: new Uint8Array([1]) });
        const strangers = { ...received, sender: 'other@example.org', message_id: `${uid('m')}@example.org` };
        await store.mailIntake.claim(strangers, 'ignored', { reason: 'bulk' });
        const federated = await store.federation.create(
          {
            endpoint_slug: 'polk-county', service_code: 'ROADKILL', account_id: account.id, api_key_id: null,
            fields: { lat: 41.5, long: -93.6, address_string: null, address_id: null, zipcode: null, description: 'Deer', media_url: null, attributes: {} },
            contact: { email, first_name: 'Ana', last_name: null, phone: '555', device_id: null },
          },
          T0,
        );

        const erased = await store.citizens.deleteAccount(account.id, T0 + 9);
        expect(erased).toEqual({ requests: 1, federated: 1, follows: 1, mails: 2, received: 1, links: 2, sessions: 1 });
        expect(await store.mailIntake.quarantined(j, 10)).toEqual([]);
        expect(await store.mailIntake.find(j, strangers.message_id)).toBeDefined();
        const after = await store.getRequest(j, r.id);
        expect(after?.reporter).toEqual(reporter);
        expect(after?.description).toBe('Public words');
        expect((await store.getRequest(j, other.id))?.reporter.email).toBe('other@example.org');
        expect((await store.listConfirmedFollowers(j, other.id)).length).toBe(0);
        expect((await store.citizens.listFollows(email)).length).toBe(0);
        expect((await store.citizens.listFollows('other@example.org')).length).toBe(1);
        expect(await store.getMail(m1.id)).toBeUndefined();
        expect(await store.getMail(m2!.id)).toBeUndefined();
        expect(await store.getMail(kept.id)).toBeDefined();
        expect((await store.federation.get(federated.id))?.contact).toEqual({ email: null, first_name: null, last_name: null, phone: null, device_id: null });
        expect((await store.federation.get(federated.id))?.account_id).toBeNull();
        expect(await store.citizens.getAccount(account.id)).toBeUndefined();
        expect(await store.citizens.findSession(secret, T0 + 10)).toBeUndefined();
        expect(await store.citizens.useSignInLink(pending.secret, SESSION, T0 + 10)).toEqual({ ok: false, reason: 'unknown' });
        const [entry] = await store.listAudit({ actor: `citizen:${account.id}`, limit: 5 });
        expect(entry).toMatchObject({ action: 'account.delete', at: T0 + 9, details: erased });
        expect(JSON.stringify(entry)).not.toContain(email);
        expect(await store.citizens.deleteAccount(account.id, T0 + 10)).toBeUndefined();
      });
    });
  });
}
