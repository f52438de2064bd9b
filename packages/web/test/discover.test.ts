/**
 * `/discover` over HTTP, both dialects: the coordinates form (the path without
 * JavaScript), answers grouped by tier smallest first, where each endpoint
 * sends people to report, bad input, an uncovered spot, and the languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { parseSpot } from '../src/discover/spot-query.js';
import { reportWay } from '../src/discover/report-way.js';
import { buildWebTestApp, type WebTestApp } from './support/app.js';
import { ENDPOINTS, IN_RIVERTON, IN_STATE_ONLY, NOWHERE, STATE_JURISDICTION, STATE_SERVICE, seedDiscoverRegistry } from './support/discover-registry.js';

const spot = (p: { lat: number; long: number }): string => `/discover?lat=${p.lat}&long=${p.long}`;

/** The endpoint's list item in the page (up to the next endpoint or the end of its tier). */
function item(body: string, slug: string): string {
  const start = body.indexOf(`id="endpoint-${slug}"`);
  if (start < 0) throw new Error(`no endpoint ${slug} in the page`);
  const ends = ['<li class="endpoint ', '</section>'].map((m) => body.indexOf(m, start)).filter((i) => i >= 0);
  return body.slice(start, Math.min(...ends));
}

/** The tier headings of the answer, in page order. */
const tierHeadings = (body: string): string[] => [...body.matchAll(/<h3 id="tier-[a-z]+">([^<]+)<\/h3>/g)].map((m) => m[1] ?? '');

describe('parseSpot', () => {
  it('reads plain decimals (a comma too) and names each field at fault', () => {
    expect(parseSpot('', ' ')).toEqual({ kind: 'empty' });
    expect(parseSpot('41,5', '-93.6')).toMatchObject({ kind: 'point', point: { lat: 41.5, long: -93.6 } });
    expect(parseSpot('1e1', 'Infinity')).toMatchObject({
      kind: 'invalid',
      errors: [{ id: 'discover-lat', message: 'discover.error.notNumber' }, { id: 'discover-long', message: 'discover.error.notNumber' }],
    });
    expect(parseSpot('-90.5', '')).toMatchObject({
      kind: 'invalid',
      errors: [{ id: 'discover-lat', message: 'discover.error.latRange' }, { id: 'discover-long', message: 'discover.error.longMissing' }],
    });
    expect(parseSpot('90', '180.1')).toMatchObject({ errors: [{ id: 'discover-long', message: 'discover.error.longRange' }] });
  });
});

describe('reportWay', () => {
  const local = { citizenApp: 'riverton.example', primary: 'riverton.example' };
  const [riverton, tallgrass, prairie, , freedonia] = ENDPOINTS.map((e) => ({ ...e, created_at: 0, updated_at: 0, last_check: null }));
  it('sends people to the citizen app, the API, or the endpoint’s own page', () => {
    expect(reportWay(riverton!, local)).toEqual({ kind: 'citizen-app' });
    expect(reportWay({ ...riverton!, jurisdiction_id: null }, local)).toEqual({ kind: 'citizen-app' });
    expect(reportWay(prairie!, local)).toEqual({ kind: 'local-api', jurisdictionId: STATE_JURISDICTION });
    expect(reportWay(tallgrass!, local)).toEqual({ kind: 'external', url: 'https://tallgrass.example/open311-keys' });
    expect(reportWay(freedonia!, local)).toEqual({ kind: 'external', url: 'https://gov.freedonia.example/discovery.json' });
    expect(reportWay({ ...freedonia!, discovery_url: 'javascript:alert(1)' }, local)).toEqual({ kind: 'none' });
  });
});

describe.each(dialects)('/discover on %s', (dialect) => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await buildWebTestApp({ dialect });
    await seedDiscoverRegistry(t.store);
  });
  afterAll(() => t?.close());

  it('is linked from the citizen pages and starts with the coordinates form', async () => {
    expect((await t.get('/')).body).toContain('<a href="/discover">Who covers this spot?</a>');
    const res = await t.get('/discover');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<form action="/discover" method="get" id="discover-form"');
    expect(res.body).toMatch(/<label for="discover-lat">Latitude <span class="required-mark">\(required\)<\/span><\/label>/);
    expect(res.body).toContain('name="long" value=""');
    expect(res.body).toContain('<div id="discover-results"></div>');
    expect(res.body).toContain('<script type="module" src="/assets/js/discover.js"></script>');
    expect(res.body).not.toContain('error-summary');
  });

  it('answers a spot with every tier, smallest first, and how to report to each', async () => {
    const res = await t.get(spot(IN_RIVERTON));
    expect(res.statusCode).toBe(200);
    const b = res.body;
    expect(b).toContain('<h2 id="discover-results-title">Open311 endpoints at 41.5868, -93.625</h2>');
    expect(b).toContain('4 endpoints cover this spot, from the smallest area to the largest.');
    expect(tierHeadings(b)).toEqual(['City', 'County', 'State or province', 'Nation']);
    expect(b).toContain(`name="lat" value="${IN_RIVERTON.lat}"`);

    const riverton = item(b, 'riverton');
    expect(riverton).toContain('<h4>Riverton 311 <span class="endpoint-status endpoint-status-production">In service</span></h4>');
    expect(riverton).toContain('Area: Riverton city limits</p>');
    expect(riverton).toContain('<a class="button" href="/">Report a problem here</a>');
    expect(riverton).toContain('Contact: <a href="mailto:open311@riverton.example">open311@riverton.example</a>');
    expect(riverton).toMatch(/<summary>What they handle \(\d+\)<\/summary>/);
    expect(riverton).toContain('<a href="/report/POTHOLE">');

    const county = item(b, 'tallgrass');
    expect(county).toContain('Tallgrass &lt;County&gt; Roads <span class="endpoint-status endpoint-status-test">Test endpoint</span>');
    expect(county).toContain('A test endpoint: reports sent to it may not reach anyone.');
    expect(county).toContain('<a href="https://tallgrass.example/open311-keys" rel="external noopener noreferrer">Open311 site of Tallgrass &lt;County&gt; Roads</a> <span class="external-note">(external site)</span>');
    // Loopback addresses are refused: the endpoint is listed, with why it has no services.
    expect(county).toMatch(/<p class="services-error">The list of services could not be fetched: [^<]+<\/p>/);

    const state = item(b, 'prairie');
    expect(state).toContain('Area: State of Prairie <span class="approximate">(approximate: the boundary is drawn roughly, not surveyed)</span>');
    expect(state).toContain(`Served by this server as jurisdiction ${STATE_JURISDICTION}: apps report to it through the Open311 API. <a href="/developers">Open311 API</a>`);
    expect(state).toContain(`<li>${STATE_SERVICE}</li>`);
    expect(b).not.toContain('endpoint-prairie-old');

    expect(item(b, 'freedonia')).toContain('href="https://gov.freedonia.example/discovery.json"');
    const order = ['endpoint-riverton', 'endpoint-tallgrass', 'endpoint-prairie', 'endpoint-freedonia'].map((id) => b.indexOf(id));
    expect([...order].sort((x, y) => x - y)).toEqual(order);
  });

  it('lists only the tiers that cover the spot', async () => {
    const res = await t.get(spot(IN_STATE_ONLY));
    expect(res.statusCode).toBe(200);
    expect(tierHeadings(res.body)).toEqual(['State or province', 'Nation']);
    expect(res.body).toContain('2 endpoints cover this spot');
    expect(res.body).not.toContain('endpoint-riverton');
  });

  it('says so when no endpoint covers the spot', async () => {
    const res = await t.get(spot(NOWHERE));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('No Open311 endpoint covers this spot.');
    expect(tierHeadings(res.body)).toEqual([]);
  });

  it('gives the form back with each problem named on bad coordinates (400)', async () => {
    const res = await t.get('/discover?lat=north&long=-200');
    expect(res.statusCode).toBe(400);
    const b = res.body;
    expect(b).toContain('<title>Error: Find who handles problems at a spot · o311</title>');
    expect(b).toContain('<li><a href="#discover-lat">Enter a decimal number, for example 41.59</a></li>');
    expect(b).toContain('<li><a href="#discover-long">The longitude must be between -180 and 180</a></li>');
    expect(b).toMatch(/id="discover-lat" name="lat" value="north" aria-describedby="discover-lat-hint discover-lat-error" aria-invalid="true"/);
    expect(b).toContain('<div id="discover-results"></div>');
    expect(b).not.toMatch(/at .*\.ts:\d+/);

    const half = await t.get('/discover?lat=41.5');
    expect(half.statusCode).toBe(400);
    expect(half.body).toContain('<li><a href="#discover-long">Enter a longitude</a></li>');
    // Escaped as typed.
    const odd = await t.get(`/discover?lat=${encodeURIComponent('"><b>x')}&long=1`);
    expect(odd.statusCode).toBe(400);
    expect(odd.body).toContain('value="&quot;&gt;&lt;b&gt;x"');
  });

  it('speaks Spanish and French', async () => {
    const es = await t.get(`${spot(IN_RIVERTON)}&lang=es`);
    expect(es.body).toContain('<html lang="es">');
    expect(es.body).toContain('<h1>Averigüe quién atiende los problemas en un lugar</h1>');
    expect(tierHeadings(es.body)).toEqual(['Ciudad', 'Condado', 'Estado o provincia', 'Nación']);
    expect(es.body).toContain('Servicios Open311 en 41,5868, -93,625');
    expect(es.body).toContain('>Reportar un problema aquí</a>');
    // The citizen app's own services, in the reader's language.
    expect(item(es.body, 'riverton')).toContain('<a href="/report/POTHOLE">Bache</a>');

    const fr = await t.app.inject({ url: '/discover?lat=x&long=2', headers: { 'accept-language': 'fr-CA,fr;q=0.9' } });
    expect(fr.statusCode).toBe(400);
    expect(fr.body).toContain('<html lang="fr">');
    expect(fr.body).toContain('Saisissez un nombre décimal, par exemple 41.59');
    expect(fr.body).toContain('<a href="/discover">Qui s’occupe de cet endroit ?</a>');
  });
});
