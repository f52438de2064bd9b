/**
 * /validate on a server that refuses private and loopback targets (no
 * --allow-private-endpoints) still checks its own endpoint: the form offers
 * it as a one-click example at the server's public origin, and a run of it is
 * answered in process and passes; another loopback port stays refused. Both
 * dialects.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { buildWebTestApp, formBody, type WebTestApp } from './support/app.js';

describe.each(dialects)('/validate of this server itself (%s)', (dialect) => {
  let t: WebTestApp;
  let own: string;
  beforeAll(async () => {
    t = await buildWebTestApp({ dialect, listen: true });
    // Listening on 127.0.0.1 without a public URL, the server announces itself as localhost on its port.
    own = `http://localhost:${new URL(t.url!).port}/open311/v2/`;
  });
  afterAll(() => t?.close());

  const post = (fields: Record<string, string>, from: string) =>
    t.app.inject({ method: 'POST', url: '/validate', remoteAddress: from, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: formBody(fields) });

  it('offers its own endpoint as a one-click example, in every language', async () => {
    const page = (await t.get('/validate')).body;
    const offer = page.slice(page.indexOf('<form action="/validate" method="post" class="validate-own"'), page.indexOf('</form>', page.indexOf('class="validate-own"')));
    expect(offer).toContain(`<input type="hidden" name="url" value="${own}">`);
    expect(offer).toContain('<button type="submit" class="secondary">Check this server’s own endpoint</button>');
    expect((await t.get('/validate?lang=es')).body).toContain('Comprobar el servicio de este servidor');
    expect((await t.get('/validate?lang=fr')).body).toContain('Vérifier le service de ce serveur');
  });

  it('runs its own endpoint in process, with passes and no error', { timeout: 150_000 }, async () => {
    const res = await post({ url: own, format: 'both' }, `10.9.${dialect === 'sqlite' ? 1 : 2}.1`);
    expect(res.statusCode).toBe(303);
    const id = String(res.headers.location).slice('/validate/r/'.length);
    const run = await vi.waitFor(async () => {
      const r = await t.store.validations.get(id);
      expect(r?.state).toMatch(/^(done|failed)$/);
      return r!;
    }, { timeout: 120_000, interval: 100 });
    expect(run).toMatchObject({ state: 'done', error: null, summary: { errors: 0 } });
    expect(run.summary?.passed).toBeGreaterThan(50);
  });

  it('still refuses a loopback address that is not its public origin', async () => {
    const port = Number(new URL(own).port);
    const res = await post({ url: `http://localhost:${port + 1}/open311/v2/`, format: 'both' }, `10.9.${dialect === 'sqlite' ? 1 : 2}.2`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/localhost is a loopback, private or link-local address/);
  });
});
