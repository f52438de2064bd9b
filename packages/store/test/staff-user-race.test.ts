/** Creating staff users at once with one e-mail address: one succeeds, the other gets the reason as a value (both dialects). */
import { describe, expect, it } from 'vitest';
import type { NewStaffUser, Store } from '../src/index.js';
import { dialects } from '../../../test-support/databases.js';
import { withFreshStore } from './fixtures.js';

const PHC = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';

describe.each(dialects)('staff users with one e-mail address at once (%s)', (dialect) => {
  let store: Store;
  withFreshStore(dialect, (opened) => ({ store } = opened));

  const user = (email: string, name: string): NewStaffUser => ({ email, name, role: 'admin', department_id: null, password_hash: PHC });

  it('one creation succeeds and the other answers email-taken, never an error', async () => {
    for (let i = 0; i < 5; i++) {
      const outcomes = await Promise.all([store.addUser(user(`race${i}@example.org`, 'A')), store.addUser(user(`RACE${i}@example.org`, 'B'))]);
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      expect(outcomes.filter((o) => !o.ok)).toEqual([{ ok: false, reason: 'email-taken' }]);
    }
    expect((await store.listUsers()).filter((u) => u.email.startsWith('race'))).toHaveLength(5);
  });

  it('an address taken earlier is a reason too', async () => {
    await store.addUser(user('once@example.org', 'A'));
    expect(await store.addUser(user('Once@Example.org', 'B'))).toEqual({ ok: false, reason: 'email-taken' });
  });
});
