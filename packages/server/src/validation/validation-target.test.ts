/** checkTarget: a host name that resolves to nothing, too slowly, or to a private address is refused with a sentence. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkTarget } from './validation-target.js';

describe('checkTarget', () => {
  afterEach(() => vi.useRealTimers());

  it('passes a name resolving to public addresses only', async () => {
    expect(await checkTarget('https://city.example/open311/', false, async () => ['93.184.216.34'])).toEqual({ ok: true, url: 'https://city.example/open311/' });
  });

  it('refuses a name with one private address among public ones', async () => {
    const check = await checkTarget('https://city.example/', false, async () => ['93.184.216.34', '10.0.0.7']);
    expect(check).toMatchObject({ ok: false, reason: expect.stringContaining('(10.0.0.7)') });
  });

  it('refuses a name that is not found', async () => {
    const check = await checkTarget('https://nowhere.example/', false, () => Promise.reject(new Error('ENOTFOUND')));
    expect(check).toEqual({ ok: false, reason: 'The host nowhere.example was not found; check the URL.' });
  });

  it('gives up on a lookup that takes longer than 3 seconds', async () => {
    vi.useFakeTimers();
    const pending = checkTarget('https://slow.example/', false, () => new Promise<string[]>(() => undefined));
    await vi.advanceTimersByTimeAsync(3000);
    expect(await pending).toEqual({ ok: false, reason: 'The host slow.example could not be looked up in time; check the name and try again.' });
  });
});
