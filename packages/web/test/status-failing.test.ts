/**
 * What /status shows between a failed check and an incident: an endpoint
 * whose last checks failed (fewer in a row than open an incident) is "Not
 * answering (n failed checks)", distinct from one never checked, in the
 * counts, the state filter, the JSON (`display_state`, `failed_checks`; the
 * monitor's `state` unchanged) and in every language; its "since" is not
 * claimed, and the table's times are compact (relative, the full time in
 * the title). Both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FAILURES_TO_OPEN } from '@o311/monitor';
import type { NewEndpoint, PollSample } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import type { OverviewJson } from '../src/status/status-json.js';
import { buildWebTestApp, type WebTestApp } from './support/app.js';

const MINUTE = 60_000;

const endpoint = (slug: string, name: string): NewEndpoint => ({
  slug, name, tier: 'city', country: 'US', base_url: `https://${slug}.example/open311/v2/`, discovery_url: null, jurisdiction_id: null, local: false,
  formats: ['json'], api_key_url: null, terms_url: null, contact_email: null, status: 'production', boundary_id: null, quirks: null, notes: '',
});
const poll = (slug: string, at: number, ok: boolean): PollSample => ({
  slug, at, ok, http_status: ok ? 200 : null, latency_ms: ok ? 120 : null, error_kind: ok ? null : 'dns', error: ok ? null : 'The name was not found', services: ok ? 3 : null,
});

const text = (markup: string): string => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
const listed = (body: string): string[] => [...body.matchAll(/<th scope="row"><a href="\/status\/([^"]+)">/g)].map((m) => m[1] ?? '');
/** The state cell (4th) of an endpoint's row. */
function stateCell(body: string, slug: string): string {
  const row = body.slice(body.indexOf(`href="/status/${slug}"`), body.indexOf('</tr>', body.indexOf(`href="/status/${slug}"`)));
  return text([...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)][2]?.[1] ?? '');
}

describe.each(dialects)('/status between a failed check and an incident (%s)', (dialect) => {
  let t: WebTestApp;
  let now: number;
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    t = await buildWebTestApp({ dialect, seedDemo: false });
    now = Date.now();
    for (const [slug, name] of [['dark', 'Dark City'], ['flaky', 'Flaky Town'], ['fine', 'Fine Village'], ['fresh', 'Fresh County']] as const) {
      await t.store.saveEndpoint(endpoint(slug, name), now - 60 * MINUTE);
    }
    await t.store.monitor.syncTargets(now - 60 * MINUTE);
    const rule = { failuresToOpen: DEFAULT_FAILURES_TO_OPEN };
    // Dark: never answered, fewer failures than open an incident. Flaky: up, then one failure. Fine: up.
    for (let i = DEFAULT_FAILURES_TO_OPEN - 1; i > 0; i--) await t.store.monitor.recordPolls([poll('dark', now - i * 5 * MINUTE, false)], rule);
    await t.store.monitor.recordPolls([poll('flaky', now - 20 * MINUTE, true), poll('fine', now - 12 * MINUTE, true)], rule);
    await t.store.monitor.recordPolls([poll('flaky', now - 5 * MINUTE, false)], rule);
  });
  afterAll(() => t?.close());

  it('shows failing endpoints as not answering, apart from those never checked', async () => {
    const b = (await get('/status')).body;
    const counts = b.slice(b.indexOf('id="status-counts"'), b.indexOf('</ul>', b.indexOf('id="status-counts"')));
    expect(text(counts)).toContain('1 up 0 down 2 not answering 1 not checked yet');
    expect(stateCell(b, 'dark')).toBe(`! Not answering (${DEFAULT_FAILURES_TO_OPEN - 1} failed checks)`);
    expect(stateCell(b, 'flaky')).toBe('! Not answering (1 failed check)');
    expect(stateCell(b, 'fine')).toBe('▲ Up');
    expect(stateCell(b, 'fresh')).toBe('? Not checked yet');
    expect(b).toContain('class="status-state status-state-failing"');
  });

  it('writes times compactly, the full date and time in the title, and groups the uptime columns', async () => {
    const b = (await get('/status')).body;
    const fine = b.slice(b.indexOf('href="/status/fine"'), b.indexOf('</tr>', b.indexOf('href="/status/fine"')));
    expect(fine).toMatch(/<td><time datetime="[^"]+Z" title="[^"]+UTC">12 minutes ago<\/time><\/td>/);
    // A failing endpoint's first failure is not kept: its "since" says no data rather than the time it came up.
    const flaky = b.slice(b.indexOf('href="/status/flaky"'), b.indexOf('</tr>', b.indexOf('href="/status/flaky"')));
    expect(text([...flaky.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)][3]?.[1] ?? '')).toBe('— no data');
    expect(b).toContain('<th scope="colgroup" colspan="4" class="status-group">Uptime</th>');
    expect(b).toMatch(/<th scope="col"><a href="\/status\?sort=uptime_24h" class="status-sort" title="Uptime, 24 h">24 h</);
  });

  it('filters by the shown state', async () => {
    expect(listed((await get('/status?status=failing')).body)).toEqual(['dark', 'flaky']);
    expect(listed((await get('/status?status=unknown')).body)).toEqual(['fresh']);
    expect(listed((await get('/status?status=up')).body)).toEqual(['fine']);
    expect((await get('/status?status=failing')).body).toContain('<option value="failing" selected>Not answering</option>');
  });

  it('keeps the monitor state in the JSON and adds the shown one', async () => {
    const json = (await get('/status/api/endpoints')).json<OverviewJson>();
    expect(json.counts).toEqual({ up: 1, down: 0, failing: 2, unknown: 1, total: 4 });
    const bySlug = new Map(json.endpoints.map((e) => [e.slug, e]));
    expect(bySlug.get('dark')).toMatchObject({ state: 'unknown', display_state: 'failing', failed_checks: DEFAULT_FAILURES_TO_OPEN - 1 });
    expect(bySlug.get('flaky')).toMatchObject({ state: 'up', display_state: 'failing', failed_checks: 1 });
    expect(bySlug.get('fresh')).toMatchObject({ state: 'unknown', display_state: 'unknown', failed_checks: 0 });
    expect((await get('/status/api/endpoints?status=failing')).json<OverviewJson>().endpoints.map((e) => e.slug)).toEqual(['dark', 'flaky']);
  });

  it('says it in Spanish and French, on the overview and the endpoint page', async () => {
    expect(stateCell((await get('/status?lang=es')).body, 'flaky')).toBe('! Sin responder (1 revisión fallida)');
    expect(stateCell((await get('/status?lang=fr')).body, 'dark')).toBe(`! Sans réponse (${DEFAULT_FAILURES_TO_OPEN - 1} vérifications échouées)`);
    const page = (await get('/status/dark')).body;
    expect(text(page.slice(page.indexOf('id="fact-state"'), page.indexOf('</dd>', page.indexOf('id="fact-state"'))))).toContain('Not answering');
  });
});
