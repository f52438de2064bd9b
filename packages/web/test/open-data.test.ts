/** The open-data page and the Atom feed of updates over HTTP: the newest 100 public updates, tracker links, no private data, 404s. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { JURISDICTION_ID, buildCitizenTestApp, type CitizenTestApp } from './support/citizen-app.js';

let t: CitizenTestApp;
const PUBLIC_URL = 'https://311.riverton.example';
const NOW = Date.now();

interface FeedEntry { id: string; title: string; updated: string; link: { '@_href': string }; content: { '#text': string } }
interface Feed { feed: { title: string; id: string; entry?: FeedEntry | FeedEntry[]; link: { '@_rel': string; '@_href': string }[] } }

const parse = (xml: string): Feed => new XMLParser({ ignoreAttributes: false }).parse(xml) as Feed;
const entriesOf = (f: Feed): FeedEntry[] => (f.feed.entry === undefined ? [] : Array.isArray(f.feed.entry) ? f.feed.entry : [f.feed.entry]);
const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });

beforeAll(async () => {
  t = await buildCitizenTestApp({ web: { publicUrl: PUBLIC_URL } });
  const [first, second] = await t.store.listRequests({ jurisdiction_id: JURISDICTION_ID, limit: 2, offset: 0 });
  if (!first || !second) throw new Error('the demo city has no requests');
  const addComment = t.store.addComment!.bind(t.store);
  // 130 public comments a minute apart, the newest a minute ago, and private ones among them.
  for (let i = 0; i < 130; i++) {
    await addComment({ jurisdiction_id: JURISDICTION_ID, request_id: first.id, description: `public note ${i}`, public: true, author: 'agent', at: NOW - (131 - i) * 60_000 });
    if (i % 10 === 0) await addComment({ jurisdiction_id: JURISDICTION_ID, request_id: first.id, description: `INTERNAL note ${i}`, public: false, author: 'agent', at: NOW - (131 - i) * 60_000 + 1 });
  }
  await t.store.changeStatus({ jurisdiction_id: JURISDICTION_ID, request_id: second.id, status: 'in_progress', note: 'Crew on the way', author: 'Agent Smith', at: NOW - 30_000 });
  await t.store.saveJurisdiction({ id: 'sandbox.example', name: 'Sandbox', contact: '', key_service: '', timezone: 'UTC', sandbox: true });
});
afterAll(() => t?.close());

describe('Atom feed of updates', () => {
  it('holds the newest 100 public updates, newest first, linking to the tracker from the public URL', async () => {
    const res = await get('/open-data/updates.atom');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(XMLValidator.validate(res.body)).toBe(true);
    const feed = parse(res.body);
    const entries = entriesOf(feed);
    expect(entries.length).toBe(100);
    expect(entries[0]!.content['#text']).toBe('Crew on the way');
    expect(entries[0]!.title).toMatch(/^Request \d+: Status: In progress$/);
    expect(entries[1]!.content['#text']).toBe('public note 129');
    expect(entries[99]!.content['#text']).toBe('public note 31');
    const times = entries.map((e) => Date.parse(e.updated));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(entries[1]!.link['@_href']).toMatch(new RegExp(`^${PUBLIC_URL}/track/\\d+$`));
    expect(new Set(entries.map((e) => e.id)).size).toBe(100);
    expect(feed.feed.link.find((l) => l['@_rel'] === 'self')!['@_href']).toBe(`${PUBLIC_URL}/open-data/updates.atom`);
    expect(res.body).not.toContain('INTERNAL');
    expect(res.body).not.toContain('Agent Smith');
  });

  it('is the same under the jurisdiction id, in the reader language, and answers 304 to its ETag', async () => {
    const a = await get('/open-data/updates.atom');
    const b = await get(`/open-data/${JURISDICTION_ID}/updates.atom`);
    expect(entriesOf(parse(b.body)).map((e) => e.content['#text'])).toEqual(entriesOf(parse(a.body)).map((e) => e.content['#text']));
    const es = await get('/open-data/updates.atom', { 'accept-language': 'es' });
    expect(entriesOf(parse(es.body))[0]!.title).toMatch(/^Solicitud \d+: /);
    expect(es.headers.etag).not.toBe(a.headers.etag);
    expect((await get('/open-data/updates.atom', { 'if-none-match': String(a.headers.etag) })).statusCode).toBe(304);
  });

  it('is a 404 for an unknown jurisdiction or a sandbox', async () => {
    expect((await get('/open-data/nowhere.example/updates.atom')).statusCode).toBe(404);
    expect((await get('/open-data/sandbox.example/updates.atom')).statusCode).toBe(404);
  });
});

describe('/open-data page', () => {
  it('links every file, the feed and each month with its count, in three languages', async () => {
    const res = await get('/open-data');
    expect(res.statusCode).toBe(200);
    for (const href of ['/open-data/requests.csv', '/open-data/requests.geojson', '/open-data/requests.ndjson', '/open-data/updates.atom', '/open-data/georeport.json']) {
      expect(res.body).toContain(`href="${href}"`);
    }
    const index = JSON.parse((await get('/open-data/georeport.json')).body) as { months: { month: string; requests: number }[] };
    expect(index.months.length).toBeGreaterThan(0);
    for (const m of index.months) {
      expect(res.body).toContain(`href="/open-data/georeport/${m.month}.json"`);
      expect(res.body).toContain(`<th scope="row">${m.month}</th><td class="num">${m.requests.toLocaleString('en')}</td>`);
    }
    expect(res.body).not.toContain('sandbox.example');
    expect(res.body).toContain('href="/open-data">Open data</a>');
    expect((await get('/open-data', { 'accept-language': 'es' })).body).toContain('<h1>Datos abiertos</h1>');
    expect((await get('/open-data', { 'accept-language': 'fr' })).body).toContain('<h1>Données ouvertes</h1>');
  });
});
