/** Text with U+0000 never reaches either database: every statement refuses it with NulInTextError, writing nothing. */
import { describe, expect, it } from 'vitest';
import { NulInTextError, type Store } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { addJurisdiction, newRequest, withFreshStore } from './fixtures.js';

describe.each(dialects)('NUL in text (%s)', (dialect) => {
  let store: Store;
  withFreshStore(dialect, (opened) => ({ store } = opened));

  it('refuses a write, in a transaction or not, and keeps nothing of it', async () => {
    const j = await addJurisdiction(store);
    await expect(store.createRequest(newRequest(j, { description: 'hole\u0000here' }))).rejects.toBeInstanceOf(NulInTextError);
    await expect(store.createRequest(newRequest(j, { attributes: { DEPTH: 'deep\u0000' } }))).resolves.toBeDefined();
    await expect(store.saveJurisdiction({ id: 'nul.example', name: 'N\u0000', contact: 'c', key_service: 'k', timezone: 'UTC' }))
      .rejects.toBeInstanceOf(NulInTextError);
    expect(await store.getJurisdiction('nul.example')).toBeUndefined();
    const rows = await store.listRequests({ jurisdiction_id: j, limit: 10, offset: 0 });
    expect(rows.map((r) => r.description)).not.toContain('hole\u0000here');
  });

  it('refuses a read by a key holding one (PostgreSQL used to fail with a 500)', async () => {
    const j = await addJurisdiction(store);
    await expect(store.getService(j, 'pothole\u0000')).rejects.toBeInstanceOf(NulInTextError);
    await expect(store.getJurisdiction(`${j}\u0000`)).rejects.toBeInstanceOf(NulInTextError);
  });
});
