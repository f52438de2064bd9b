/**
 * Moderation from the staff request page (issue 14 item 8): an agent hides a
 * photo and redacts a description and a public comment; then every public
 * output shows only the moderated version (GeoReport JSON and XML, list and
 * single; the media URL; the tracker page and its Atom feed; the open-data
 * updates feed, CSV, NDJSON, GeoJSON and monthly file; mySociety updates),
 * the original stays for admins only, and refusals change nothing. The
 * dashboard's facts and webhook bodies: packages/server/test/moderation.test.ts.
 */
import type { StoredRequest } from '@o311/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { buildWebTestApp, type StaffAuth, type WebTestApp } from './support/app.js';
import { demoJurisdiction, redirectTo, seedRequest, summaryLinks } from './support/back-office.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7359a0000000049454e44ae426082', 'hex');
const SECRET = '555-0100';
const NEIGHBOUR = '555-0199';

describe.each(dialects)('moderation from the staff request page (%s)', (dialect) => {
  let t: WebTestApp;
  let agent: StaffAuth;
  let admin: StaffAuth;
  let viewer: StaffAuth;
  let r: StoredRequest;
  let comment: string;
  let jurisdictionId: string;
  const page = (auth: StaffAuth) => t.get(`/staff/requests/${r.id}`, auth);
  const moderate = (fields: Record<string, string>, auth: StaffAuth = agent) => t.postForm(`/staff/requests/${r.id}/moderation`, fields, auth);
  const hidePhoto = (mediaId: string, reason = 'A face is visible') =>
    moderate({ mod_key: `photo-${mediaId}`, mod_action: 'hide', mod_target: 'photo', mod_target_id: mediaId, mod_reason: reason });
  const body = async (url: string): Promise<string> => {
    const res = await t.get(url);
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await buildWebTestApp({ dialect });
    [agent, admin, viewer] = await Promise.all([t.login('agent'), t.login('admin'), t.login('viewer')]);
    const j = await demoJurisdiction(t.store);
    jurisdictionId = j.id;
    const service = (await t.store.listServices(j.id))[0]!;
    r = await seedRequest(t.store, {
      service_code: service.service_code, description: `Bench broken. Call me at ${SECRET}`, lat: 41.5, long: -90.5, address: '3 Oak Street',
      media: [{ content_type: 'image/png', filename: 'a.png', bytes: PNG }, { content_type: 'image/png', filename: 'b.png', bytes: Buffer.concat([PNG, Buffer.from([1])]) }],
    });
    const added = await t.store.addComment!({ jurisdiction_id: j.id, request_id: r.id, description: `Neighbour: ring ${NEIGHBOUR}`, public: true, author: 'Jo', at: Date.now() });
    comment = added!.id;
  });
  afterAll(() => t?.close());

  it('refuses viewers, a missing CSRF token and a missing reason, changing nothing', async () => {
    const [, second] = r.media_ids as [string, string];
    const hide = { mod_key: 'x', mod_action: 'hide', mod_target: 'photo', mod_target_id: second, mod_reason: 'x' };
    expect((await moderate(hide, viewer)).statusCode).toBe(403);
    expect((await moderate({ ...hide, _csrf: 'forged' })).statusCode).toBe(403);
    expect((await t.get(`/open311/v2/media/${second}`)).statusCode).toBe(200);
    const missing = await moderate({ mod_key: 'description', mod_action: 'redact', mod_target: 'description', mod_text: 'Bench broken.', mod_reason: '  ' });
    expect(missing.statusCode).toBe(400);
    expect(summaryLinks(missing.body)).toEqual(['mod-description-reason']);
    expect(missing.body).toContain('Give a reason.');
    expect(missing.body).toMatch(/<details class="mod-redact" open>/);
    const tooLong = await moderate({ mod_key: 'description', mod_action: 'redact', mod_target: 'description', mod_text: 'x'.repeat(4001), mod_reason: 'r' });
    expect(summaryLinks(tooLong.body)).toEqual(['mod-description-text']);
    expect((await t.store.getPublicRequest(jurisdictionId, r.id))?.description).toBe(`Bench broken. Call me at ${SECRET}`);
  });

  it('hides a photo, redacts the description and a comment; every public output shows only the moderated version, read before or not', async () => {
    const [first, second] = r.media_ids as [string, string];
    const month = new Date(r.requested_at).toISOString().slice(0, 7);
    const urls: Record<string, string> = {
      'single JSON': `/open311/v2/requests/${r.id}.json?extensions=true`,
      'single XML': `/open311/v2/requests/${r.id}.xml?extensions=true`,
      'list JSON': `/open311/v2/requests.json?extensions=true&service_request_id=${r.id}`,
      'list XML': `/open311/v2/requests.xml?extensions=true&service_request_id=${r.id}`,
      tracker: `/track/${r.id}`,
      'tracker feed': `/track/${r.id}/feed.atom`,
      'updates feed': '/open-data/updates.atom',
      CSV: '/open-data/requests.csv',
      NDJSON: '/open-data/requests.ndjson',
      GeoJSON: '/open-data/requests.geojson',
      'mySociety updates': '/open311/v2/servicerequestupdates.json',
      'monthly file': `/open-data/georeport/${month}.json`,
    };
    const read = async () => Object.fromEntries(await Promise.all(Object.entries(urls).map(async ([name, url]) => [name, await body(url)] as const)));
    // Read first, so that every cache holds the original.
    const before = await read();
    for (const name of ['single JSON', 'tracker', 'CSV', 'monthly file']) expect(before[name], name).toContain(SECRET);
    for (const name of ['single JSON', 'tracker', 'tracker feed', 'updates feed']) expect(before[name], name).toContain(NEIGHBOUR);

    expect(redirectTo(await hidePhoto(second))).toBe(`/staff/requests/${r.id}?moderated=hide#request-moderation`);
    redirectTo(await moderate({ mod_key: 'description', mod_action: 'redact', mod_target: 'description', mod_text: 'Bench broken. Call me at [redacted]', mod_reason: 'Phone number' }));
    redirectTo(await moderate({ mod_key: `comment-${comment}`, mod_action: 'redact', mod_target: 'comment', mod_target_id: comment, mod_text: 'Neighbour: ring [redacted]', mod_reason: 'Phone number' }));

    const outputs = await read();
    for (const [name, text] of Object.entries(outputs)) {
      expect(text, name).not.toContain(SECRET);
      expect(text, name).not.toContain(NEIGHBOUR);
      expect(text, name).not.toContain(second);
    }
    for (const name of ['single JSON', 'single XML', 'list JSON', 'list XML', 'tracker', 'CSV', 'NDJSON', 'monthly file']) {
      expect(outputs[name], name).toContain('Bench broken. Call me at [redacted]');
      expect(outputs[name], name).toContain(first);
    }
    for (const name of ['single JSON', 'tracker', 'tracker feed', 'updates feed']) expect(outputs[name], name).toContain('Neighbour: ring [redacted]');
    expect((await t.get(`/open311/v2/media/${second}`)).statusCode).toBe(404);
    expect((await t.get(`/open311/v2/media/${first}`)).statusCode).toBe(200);
  });

  it('keeps the original for admins only; staff see the hidden photo marked, with "show again"', async () => {
    const second = r.media_ids[1]!;
    const forAdmin = (await page(admin)).body;
    expect(forAdmin).toContain('Moderation log (admins)');
    expect(forAdmin).toContain(`Bench broken. Call me at ${SECRET}`);
    expect(forAdmin).toContain(`Neighbour: ring ${NEIGHBOUR}`);
    for (const auth of [agent, viewer]) {
      const html = (await page(auth)).body;
      expect(html).not.toContain(SECRET);
      expect(html).not.toContain(NEIGHBOUR);
      expect(html).toContain(`/staff/requests/${r.id}/hidden-media/${second}`);
      expect(html).toContain('Hidden');
    }
    expect((await page(agent)).body).toContain('Show again');
    expect((await page(viewer)).body).not.toContain('Show again');
    const staffCopy = await t.get(`/staff/requests/${r.id}/hidden-media/${second}`, viewer);
    expect(staffCopy.statusCode).toBe(200);
    expect(staffCopy.headers['cache-control']).toBe('private, no-store');
    expect((await t.get(`/staff/requests/${r.id}/hidden-media/${second}`)).statusCode).toBe(303);
    expect((await t.get(`/staff/requests/${r.id}/hidden-media/${r.media_ids[0]}`, viewer)).statusCode).toBe(404);
    const audit = await t.store.listAudit({ request_id: r.id, jurisdiction_id: jurisdictionId, limit: 50 });
    expect(audit.map((a) => a.action).sort()).toEqual(['request.hide', 'request.redact', 'request.redact']);
    expect(audit.every((a) => a.details.channel === 'web')).toBe(true);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
  });

  it("hides a client's link from the page's form and shows it again", async () => {
    const service = (await t.store.listServices(jurisdictionId))[0]!;
    const linked = await seedRequest(t.store, { service_code: service.service_code, description: 'See photo', media_url: 'https://photos.example/face.jpg' });
    const html = (await t.get(`/staff/requests/${linked.id}`, agent)).body;
    expect(html).toContain('<label for="mod-link-request-reason">Reason for hiding the link');
    const fields = { mod_key: 'link-request', mod_target: 'media_url', mod_target_id: '', mod_reason: 'A face' };
    redirectTo(await t.postForm(`/staff/requests/${linked.id}/moderation`, { ...fields, mod_action: 'hide' }, agent));
    expect(await body(`/open311/v2/requests/${linked.id}.json`)).not.toContain('photos.example');
    expect(await body(`/track/${linked.id}`)).not.toContain('photos.example');
    const staffPage = (await t.get(`/staff/requests/${linked.id}`, agent)).body;
    expect(staffPage).toContain('Hidden link: https://photos.example/face.jpg');
    redirectTo(await t.postForm(`/staff/requests/${linked.id}/moderation`, { ...fields, mod_key: 'unhide-media_url-', mod_action: 'unhide' }, agent));
    expect(await body(`/open311/v2/requests/${linked.id}.json`)).toContain('https://photos.example/face.jpg');
  });

  it('speaks Spanish and French', async () => {
    expect((await t.get(`/staff/requests/${r.id}?lang=es`, admin)).body).toContain('Registro de moderación (administradores)');
    expect((await t.get(`/staff/requests/${r.id}?lang=fr`, agent)).body).toContain('Caviarder la description');
  });

  it('says when nothing changed or the photo is gone', async () => {
    const again = await hidePhoto(r.media_ids[1]!);
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('Nothing changed: the public version is already this one.');
    const gone = await hidePhoto('no-such-photo');
    expect(gone.body).toContain('This text or photo no longer exists.');
  });
});
