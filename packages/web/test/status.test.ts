/**
 * The status pages over HTTP on both dialects, with the monitor's records
 * seeded straight into store.monitor: the overview's counts and figures, its
 * filters and sorting, an endpoint's page (last poll, the tables behind its
 * charts, completeness and use, incidents), the public JSON (same figures,
 * nothing private), the incidents' Atom feed, unknown slugs, languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { dialects } from '../../../test-support/databases.js';
import type { EndpointJson, OverviewJson } from '../src/status/status-json.js';
import { buildWebTestApp, type WebTestApp } from './support/app.js';
import { documentedSchema, shapeOf } from './support/documented-shape.js';
import { ENDPOINTS, HOUR, PRIVATE, byDay, latencyOf, seedStatus, uptimeOf, type SeededStatus } from './support/status-monitor.js';

const PUBLIC_URL = 'https://status.o311.example';

const percent = (locale: string, v: number): string => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(v);
const ms = (v: number): string => new Intl.NumberFormat('en', { style: 'unit', unit: 'millisecond', maximumFractionDigits: 0 }).format(v);

/** Text of markup: tags dropped, the few entities we write decoded, spaces collapsed. */
const text = (markup: string): string =>
  markup.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\s+/g, ' ').trim();

/** The cells (header first) of the table row holding `marker`. */
function rowCells(body: string, marker: string): string[] {
  const at = body.indexOf(marker);
  if (at < 0) throw new Error(`no ${marker} in the page`);
  const start = body.lastIndexOf('<tr>', at);
  const row = body.slice(start, body.indexOf('</tr>', at));
  return [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => text(m[1] ?? ''));
}

/** The endpoints of the overview table, in order. */
const listed = (body: string): string[] => [...body.matchAll(/<th scope="row"><a href="\/status\/([^"]+)">/g)].map((m) => m[1] ?? '');

/** Rows of the table with this id (header cell first). */
function tableRows(body: string, id: string): string[][] {
  const start = body.indexOf(`<table class="status-table`, body.indexOf(`id="${id}"`) - 80);
  const table = body.slice(body.indexOf('<tbody>', start), body.indexOf('</tbody>', start));
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...(r[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => text(m[1] ?? '')));
}

describe.each(dialects)('/status on %s', (dialect) => {
  let t: WebTestApp;
  let seeded: SeededStatus;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    t = await buildWebTestApp({ dialect, web: { publicUrl: PUBLIC_URL } });
    seeded = await seedStatus(t.store, Date.now());
  });
  afterAll(() => t?.close());

  it('counts and lists every monitored endpoint with its figures', async () => {
    const res = await get('/status');
    expect(res.statusCode).toBe(200);
    const b = res.body;
    expect(text(b.slice(b.indexOf('id="status-counts"'), b.indexOf('</ul>', b.indexOf('id="status-counts"'))))).toContain('1 up 1 down 0 not answering 1 not checked yet');
    expect(listed(b)).toEqual(['alpha', 'beta', 'gamma']);
    expect(b).not.toContain('old-omega');

    const alphaTarget = await t.store.monitor.getTarget('alpha');
    const alpha = rowCells(b, 'href="/status/alpha"');
    const polls = seeded.polls.alpha;
    expect(alpha.slice(0, 4)).toEqual(['Alpha City 311', 'City', 'United States', '▲ Up']);
    expect(alpha[5]).toBe(percent('en', alphaTarget?.summary?.uptime_24h ?? NaN));
    // Every alpha poll is within 60 hours: the 7, 30 and 90 day figures are all of them.
    expect(alpha.slice(6, 9)).toEqual([percent('en', uptimeOf(polls)), percent('en', uptimeOf(polls)), percent('en', uptimeOf(polls))]);
    expect(alpha.slice(9, 11)).toEqual([ms(latencyOf(polls, 0.5) ?? NaN), ms(latencyOf(polls, 0.95) ?? NaN)]);
    expect(alpha.slice(11)).toEqual(['75 / 100', '10', '10', '12 open / 68 closed', '5 hours ago']);
    expect(b).toContain('<a href="/validate/r/run-alpha-2">75 / 100</a>');

    const beta = rowCells(b, 'href="/status/beta"');
    expect(beta.slice(0, 4)).toEqual(['Beta Département', 'Region', 'France', '▼ Down']);
    expect(beta[6]).toBe(percent('en', uptimeOf(seeded.polls.beta)));
    expect(beta.slice(12, 14)).toEqual(['at least 142.9', 'at least 33.3']);

    const gamma = rowCells(b, 'href="/status/gamma"');
    expect(gamma[3]).toBe('? Not checked yet');
    expect(gamma.slice(5)).toEqual(Array(11).fill('— no data'));

    for (const secret of [PRIVATE.email, PRIVATE.webhook, 'sealed-secret-text']) expect(b).not.toContain(secret);
  });

  it('filters by country, tier and state, in the URL', async () => {
    expect(listed((await get('/status?country=FR')).body)).toEqual(['beta']);
    expect(listed((await get('/status?country=us')).body)).toEqual(['alpha', 'gamma']);
    expect(listed((await get('/status?tier=state')).body)).toEqual(['gamma']);
    const down = await get('/status?status=down&country=FR');
    expect(listed(down.body)).toEqual(['beta']);
    expect(down.body).toContain('<option value="down" selected>');
    expect(down.body).toContain('<option value="FR" selected>');
    expect(down.body).toContain('One endpoint matches.');
    const none = await get('/status?status=up&tier=state');
    expect(listed(none.body)).toEqual([]);
    expect(none.body).toContain('No endpoint matches these filters.');
    // Values that are no choice are ignored rather than refused.
    expect(listed((await get('/status?tier=galaxy&status=maybe')).body)).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('sorts by any column, missing figures last, with aria-sort on the sorted header', async () => {
    const slow = await get('/status?sort=p50&dir=desc');
    expect(listed(slow.body)).toEqual(['beta', 'alpha', 'gamma']);
    expect(slow.body).toMatch(/<th scope="col" aria-sort="descending" rowspan="2"><a href="\/status\?sort=p50" class="status-sort">Latency p50/);
    expect(listed((await get('/status?sort=p50')).body)).toEqual(['alpha', 'beta', 'gamma']);
    expect(listed((await get('/status?sort=uptime_7d')).body)).toEqual(['beta', 'alpha', 'gamma']);
    expect(listed((await get('/status?sort=state')).body)).toEqual(['beta', 'gamma', 'alpha']);
    expect(listed((await get('/status?sort=name&dir=desc')).body)).toEqual(['gamma', 'beta', 'alpha']);
    expect(listed((await get('/status?sort=requests_7d&dir=desc')).body)).toEqual(['beta', 'alpha', 'gamma']);
    const byName = await get('/status');
    expect(byName.body).toContain('aria-sort="ascending" rowspan="2"><a href="/status?dir=desc" class="status-sort">Endpoint');
  });

  it('shows an endpoint: its state, last poll, the tables behind the charts, completeness and incidents', async () => {
    const res = await get('/status/alpha');
    expect(res.statusCode).toBe(200);
    const b = res.body;
    expect(b).toContain('<h1>Alpha City 311</h1>');
    expect(text(b.slice(b.indexOf('id="fact-state"'), b.indexOf('</div>', b.indexOf('id="fact-state"'))))).toContain('▲ Up');
    const last = seeded.polls.alpha.at(-1);
    expect(text(b.slice(b.indexOf('id="fact-last-poll"'), b.indexOf('</div>', b.indexOf('id="fact-last-poll"'))))).toContain(`answered · HTTP 200 · ${ms(last?.latency_ms ?? NaN)}`);
    expect(b).toContain('/assets/vendor/chartjs/chart.umd.min.js');
    expect(b).toContain('/assets/js/status-charts.js');
    expect(b).toContain('<link rel="alternate" type="application/atom+xml" title="Open311 endpoint incidents" href="/status/incidents.atom">');
    for (const id of ['chart-latency', 'chart-uptime', 'chart-requests', 'chart-score']) expect(b).toContain(`<canvas id="${id}-canvas"`);

    // Latency per hour: one poll an hour at most, so each hour's p50 and p95 are its own latency's bucket.
    const hours = tableRows(b, 'chart-latency-table');
    expect(hours).toHaveLength(seeded.polls.alpha.length);
    const failedHour = hours.filter((r) => r[2] === '0');
    expect(failedHour).toHaveLength(5);
    const okHours = hours.filter((r) => r[2] === '1');
    expect(okHours.map((r) => r[3])).toEqual(seeded.polls.alpha.filter((p) => p.ok).map((p) => ms(latencyOf([p], 0.5) ?? NaN)));

    // Uptime per day (UTC), from the samples.
    const days = tableRows(b, 'chart-uptime-table');
    const expected = [...byDay(seeded.polls.alpha).values()].map((d) => [String(d.length), String(d.filter((p) => p.ok).length), percent('en', uptimeOf(d))]);
    expect(days.map((r) => r.slice(1))).toEqual(expected);

    // Requests per day and scores, one row per sample.
    expect(tableRows(b, 'chart-requests-table').map((r) => r.slice(1))).toEqual([['35', '5', '120', '4'], ['70', '10', '300', '10']]);
    expect(tableRows(b, 'chart-score-table').map((r) => r.slice(1, 4))).toEqual([['92 / 100', '0', '3'], ['75 / 100', '2', '3']]);

    expect(tableRows(b, 'status-completeness')).toEqual([
      ['Location (coordinates)', '90%'], ['Address', '75%'], ['Time of the last update', '100%'], ['Photo', '12.5%'], ['Status notes', '40%'],
    ]);
    expect(text(b.slice(b.indexOf('id="status-utilisation"'), b.indexOf('</dl>', b.indexOf('id="status-utilisation"'))))).toContain('Requests in 7 days 70 (10 a day)');

    const [incident] = await t.store.monitor.listIncidents({ slug: 'alpha', limit: 5 });
    expect(incident?.closed_at).not.toBeNull();
    const incidents = tableRows(b, 'status-incidents');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.[2]).toBe('6 hours');
    expect(incidents[0]?.[3]).toBe('HTTP error: HTTP 503 Service Unavailable');
    expect(incidents[0]?.[4]).toBe(String(incident?.failed_polls));
    expect(b).toContain(`id="incident-${incident?.id}"`);
    expect(b).toContain('<img src="/validate/badge/alpha.svg" alt="Conformance badge of Alpha City 311"');
    for (const secret of [PRIVATE.email, PRIVATE.webhook, 'sealed-secret-text']) expect(b).not.toContain(secret);
  });

  it('shows an endpoint still down, and one never polled', async () => {
    const beta = (await get('/status/beta')).body;
    expect(tableRows(beta, 'status-incidents')[0]?.[1]).toBe('Still down');
    expect(text(beta.slice(beta.indexOf('id="fact-state"'), beta.indexOf('</div>', beta.indexOf('id="fact-state"'))))).toContain('▼ Down');
    const gamma = await get('/status/gamma');
    expect(gamma.statusCode).toBe(200);
    expect(gamma.body).toContain('No incident: the endpoint has not been down.');
    expect(gamma.body).toContain('The endpoint’s requests have not been counted yet.');
    expect(gamma.body).not.toContain('<canvas');
  });

  it('answers 404 for an unknown or retired endpoint', async () => {
    for (const slug of ['nope', 'old-omega']) {
      const page = await get(`/status/${slug}`);
      expect(page.statusCode).toBe(404);
      expect(page.body).toContain('No monitored endpoint has this address.');
      const json = await get(`/status/api/endpoints/${slug}`);
      expect(json.statusCode).toBe(404);
      expect(json.json()).toEqual({ error: `No monitored endpoint is called "${slug}".` });
      expect(shapeOf(json.json(), await documentedSchema(t.app, '/status/api/endpoints/{slug}', 'get', 404))).toEqual({ undocumented: [], problems: [] });
    }
  });

  it('serves the overview as public, cacheable JSON with the same figures and filters', async () => {
    const res = await get('/status/api/endpoints?sort=p50&dir=desc');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const body = res.json<OverviewJson>();
    // The answer is exactly what /docs documents: every property there, of its type, and none besides (its schemas reshape nothing).
    expect(shapeOf(body, await documentedSchema(t.app, '/status/api/endpoints', 'get', 200))).toEqual({ undocumented: [], problems: [] });
    expect(body.counts).toEqual({ up: 1, down: 1, failing: 0, unknown: 1, total: 3 });
    expect(body.endpoints.map((e) => e.slug)).toEqual(['beta', 'alpha', 'gamma']);
    const alpha = body.endpoints.find((e) => e.slug === 'alpha');
    expect(alpha?.uptime['7d']).toBeCloseTo(uptimeOf(seeded.polls.alpha), 9);
    expect(alpha?.latency_ms).toEqual({ p50: Math.round(latencyOf(seeded.polls.alpha, 0.5) ?? NaN), p95: Math.round(latencyOf(seeded.polls.alpha, 0.95) ?? NaN) });
    expect(alpha?.score).toMatchObject({ score: 75, run: '/validate/r/run-alpha-2' });
    expect(alpha?.utilisation).toMatchObject({ requests_7d: 70, requests_per_day_7d: 10, open: 12, closed: 68, newest_request_at: new Date(seeded.now - 5 * HOUR).toISOString() });
    expect(body.endpoints.find((e) => e.slug === 'gamma')).toMatchObject({ state: 'unknown', uptime: { '24h': null }, score: null, utilisation: null });
    expect((await get('/status/api/endpoints?country=FR')).json<OverviewJson>().endpoints.map((e) => e.slug)).toEqual(['beta']);
    for (const secret of [PRIVATE.email, PRIVATE.webhook, 'sealed-secret-text', 'contact_email', 'webhook']) expect(res.body).not.toContain(secret);
  });

  it('serves an endpoint as JSON: hourly and daily series, usage, scores, incidents', async () => {
    const res = await get('/status/api/endpoints/alpha');
    expect(res.statusCode).toBe(200);
    const body = res.json<EndpointJson>();
    expect(shapeOf(body, await documentedSchema(t.app, '/status/api/endpoints/{slug}', 'get', 200))).toEqual({ undocumented: [], problems: [] });
    expect(body.endpoint).toMatchObject({ slug: 'alpha', base_url: ENDPOINTS.alpha.base_url });
    expect(body.last_poll).toMatchObject({ ok: true, http_status: 200 });
    expect(body.hourly).toHaveLength(seeded.polls.alpha.length);
    expect(body.daily).toEqual([...byDay(seeded.polls.alpha).entries()].map(([day, d]) => ({
      day: new Date(day).toISOString(), polls: d.length, ups: d.filter((p) => p.ok).length, uptime: uptimeOf(d),
    })));
    expect(body.usage.map((u) => u.requests_7d)).toEqual([35, 70]);
    expect(body.comprehensiveness).toMatchObject({ with_media: 0.125, services: 12 });
    expect(body.scores.map((s) => s.score)).toEqual([92, 75]);
    expect(body.incidents).toHaveLength(1);
    expect(body.incidents[0]).toMatchObject({ cause_kind: 'http', cause: 'HTTP 503 Service Unavailable' });
    for (const secret of [PRIVATE.email, PRIVATE.webhook, 'sealed-secret-text']) expect(res.body).not.toContain(secret);
  });

  it('publishes the incidents as valid Atom, newest first, linked from the public origin', async () => {
    const res = await get('/status/incidents.atom', { host: 'evil.example' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(XMLValidator.validate(res.body)).toBe(true);
    const { feed } = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(res.body) as {
      feed: {
        id: string; updated: string; link: { '@rel': string; '@href': string }[];
        entry: { id: string; title: string; updated: string; link: { '@href': string }; content: { '#text': string } }[];
      };
    };
    expect(feed.id).toBe(`${PUBLIC_URL}/status/incidents.atom`);
    expect(feed.link.find((l) => l['@rel'] === 'alternate')?.['@href']).toBe(`${PUBLIC_URL}/status`);
    expect(res.body).not.toContain('evil.example');
    const incidents = await t.store.monitor.listIncidents({ limit: 10 });
    const alpha = incidents.find((i) => i.slug === 'alpha');
    const beta = incidents.find((i) => i.slug === 'beta');
    expect(feed.entry.map((e) => e.title)).toEqual(['Beta Département is down', 'Alpha City 311 is back', 'Alpha City 311 is down']);
    expect(feed.entry.map((e) => e.updated)).toEqual([beta?.opened_at, alpha?.closed_at, alpha?.opened_at].map((at) => new Date(at ?? NaN).toISOString()));
    expect(feed.updated).toBe(feed.entry[0]?.updated);
    expect(new Set(feed.entry.map((e) => e.id)).size).toBe(3);
    expect(feed.entry[1]?.link['@href']).toBe(`${PUBLIC_URL}/status/alpha#incident-${alpha?.id}`);
    expect(feed.entry[1]?.content['#text']).toContain('after 6 hours down (HTTP error: HTTP 503 Service Unavailable)');
  });

  it('speaks Spanish and French, numbers and dates included', async () => {
    const es = (await get('/status?lang=es')).body;
    expect(es).toContain('<h1>Estado de los servicios Open311</h1>');
    expect(rowCells(es, 'href="/status/beta"').slice(1, 4)).toEqual(['Región', 'Francia', '▼ Caído']);
    const fr = (await get('/status/alpha?lang=fr')).body;
    expect(fr).toContain('Latence par heure');
    expect(tableRows(fr, 'status-completeness')[3]).toEqual(['Photo', percent('fr', 0.125).replace(/\s+/g, ' ')]);
    const feed = (await get('/status/incidents.atom?lang=fr')).body;
    expect(feed).toContain('Beta Département est en panne');
  });
});

describe.each(dialects)('/status paging on %s', (dialect) => {
  let t: WebTestApp;
  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const slugs = Array.from({ length: 57 }, (_, i) => `city-${String(i).padStart(2, '0')}`);

  beforeAll(async () => {
    t = await buildWebTestApp({ dialect, seedDemo: false });
    for (const slug of slugs) {
      await t.store.saveEndpoint({
        slug, name: `City ${slug.slice(5)}`, tier: 'city', country: 'US', base_url: `https://${slug}.example/v2/`, discovery_url: null, jurisdiction_id: null,
        local: false, formats: ['json'], api_key_url: null, terms_url: null, contact_email: null, status: 'production', boundary_id: null, quirks: null, notes: '',
      });
    }
    await t.store.monitor.syncTargets(Date.now());
  });
  afterAll(() => t?.close());

  it('shows 50 endpoints a page, with links that keep the filters and the order', async () => {
    const first = await get('/status?country=US&sort=name&dir=desc');
    expect(listed(first.body)).toEqual([...slugs].reverse().slice(0, 50));
    expect(first.body).toContain('Page 1 of 2');
    expect(first.body).toContain('<a href="/status?country=US&amp;dir=desc&amp;page=2" rel="next">Next page</a>');
    const second = await get('/status?country=US&dir=desc&page=2');
    expect(listed(second.body)).toEqual([...slugs].reverse().slice(50));
    expect(second.body).toContain('rel="prev"');
    // Past the last page reads as the last.
    expect(listed((await get('/status?page=9')).body)).toEqual(slugs.slice(50));
    const json = (await get('/status/api/endpoints?page=2')).json<OverviewJson>();
    expect(json).toMatchObject({ matching: 57, page: 2, pages: 2, counts: { unknown: 57, total: 57 } });
    expect(json.endpoints.map((e) => e.slug)).toEqual(slugs.slice(50));
  });
});
