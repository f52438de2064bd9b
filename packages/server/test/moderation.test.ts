/**
 * The staff API's moderation (issue 14 item 8): roles and scope refused on the
 * server, bad input with the error document, audit entries without the
 * original text, the log's originals for admins only, and the public API
 * showing only the moderated version (JSON, XML, media URL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredRequest, WebhookDelivery } from '@o311/store';
import type { PublicOrigin } from '../src/http/public-origin.js';
import { bodyToSend } from '../src/webhooks/moderated-body.js';
import { publicRequest } from '../src/webhooks/payload.js';
import { dialects } from '../../../test-support/databases.js';
import { JURISDICTION, startServer, type Server } from './support/fixture.js';
import { DAY, seedRequest } from './support/requests.js';
import { staffCall, type StaffAnswer } from './support/staff.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const photo = (n: number) => ({ content_type: 'image/png', filename: `p${n}.png`, bytes: Buffer.concat([PNG, Buffer.from([n])]) });

const errorText = (a: StaffAnswer, status: number): string => {
  expect(a.status, JSON.stringify(a.body)).toBe(status);
  const items = a.body as { code: number; description: string }[];
  expect(items[0]?.code).toBe(status);
  return items.map((i) => i.description).join('\n');
};

describe.each(dialects)('staff API moderation (%s)', (dialect) => {
  let s: Server;
  let req: StoredRequest;
  let outsider: string;
  const call = <T = unknown>(method: string, path: string, token: string | undefined, body?: unknown) => staffCall<T>(s.url, method, path, token, body);
  const moderate = (token: string, body: Record<string, unknown>) => call('POST', `/requests/${req.id}/moderation`, token, body);
  const moderateRequest = (id: string, body: Record<string, unknown>) => call('POST', `/requests/${id}/moderation`, s.staff.agent, body);

  beforeAll(async () => {
    s = await startServer(dialect, {
      seed: async (store) => {
        req = await seedRequest(store, {
          service_code: 'pothole', lat: 41.9, long: -87.7, attributes: { SIZE: 'small' }, description: 'Hole. Call Jo at 555-0100',
          requested_at: Date.now() - DAY, media: [photo(1), photo(2)],
        });
        await store.saveJurisdiction({ id: 'other.example', name: 'Other', contact: 'c', key_service: 'k', timezone: 'UTC' });
        outsider = (await store.createStaffToken({ name: 'otto', role: 'admin', jurisdictions: ['other.example'] })).secret;
      },
    });
  });
  afterAll(() => s.close());

  it('refuses viewers, tokens outside the jurisdiction and unknown requests, changing nothing', async () => {
    const body = { action: 'redact', target: 'description', text: 'Hole.', reason: 'Phone number' };
    errorText(await moderate(s.staff.viewer, body), 403);
    errorText(await moderate(outsider, body), 404);
    errorText(await moderate(outsider, { ...body, jurisdiction_id: JURISDICTION.id }), 404);
    errorText(await call('POST', '/requests/99999999/moderation', s.staff.agent, body), 404);
    errorText(await call('GET', `/requests/${req.id}/moderation`, outsider), 404);
    expect((await s.store.getPublicRequest(JURISDICTION.id, req.id))?.description).toBe('Hole. Call Jo at 555-0100');
    expect(await s.store.moderation.list(JURISDICTION.id, req.id)).toEqual([]);
  });

  it('answers bad input with a 400 error document', async () => {
    expect(errorText(await moderate(s.staff.agent, { action: 'redact', target: 'description', text: 'x', reason: '   ' }), 400)).toMatch(/reason/);
    errorText(await moderate(s.staff.agent, { action: 'redact', target: 'description', text: 'x' }), 400);
    errorText(await moderate(s.staff.agent, { action: 'redact', target: 'description', text: 'x', reason: 'r'.repeat(501) }), 400);
    expect(errorText(await moderate(s.staff.agent, { action: 'redact', target: 'description', text: 'x'.repeat(4001), reason: 'r' }), 400)).toMatch(/4000/);
    expect(errorText(await moderate(s.staff.agent, { action: 'redact', target: 'description', reason: 'r' }), 400)).toMatch(/text/);
    expect(errorText(await moderate(s.staff.agent, { action: 'hide', target: 'description', reason: 'r' }), 400)).toMatch(/photo or media_url/);
    expect(errorText(await moderate(s.staff.agent, { action: 'redact', target: 'photo', text: 'x', reason: 'r' }), 400)).toMatch(/description or comment/);
    expect(errorText(await moderate(s.staff.agent, { action: 'redact', target: 'comment', text: 'x', reason: 'r' }), 400)).toMatch(/target_id/);
    errorText(await moderate(s.staff.agent, { action: 'erase', target: 'photo', reason: 'r' }), 400);
    errorText(await moderate(s.staff.agent, { action: 'hide', target: 'photo', target_id: 'x'.repeat(101), reason: 'r' }), 400);
    expect(errorText(await moderate(s.staff.agent, { action: 'hide', target: 'photo', target_id: 'nope', reason: 'r' }), 404)).toMatch(/photo 'nope'/);
    expect(errorText(await moderate(s.staff.agent, { action: 'unhide', target: 'photo', target_id: req.media_ids[0], reason: 'r' }), 409)).toMatch(/already/);
    expect(await s.store.moderation.list(JURISDICTION.id, req.id)).toEqual([]);
  });

  it('redacts the description and hides a photo for an agent; public JSON, XML and the media URL follow; audited once each', async () => {
    const [first, second] = req.media_ids as [string, string];
    // Read (and cached) before: the moderation moves the data version, so no cache serves the old text after.
    for (const url of [`/open311/v2/requests/${req.id}.json?extensions=true`, '/open311/v2/requests.xml?extensions=true']) {
      expect(await (await fetch(`${s.url}${url}`)).text()).toContain('555-0100');
    }
    const redacted = await moderate(s.staff.agent, { action: 'redact', target: 'description', text: 'Hole. Call Jo at [redacted]', reason: 'Phone number' });
    expect(redacted.status, JSON.stringify(redacted.body)).toBe(200);
    expect((redacted.body as { description: string }).description).toBe('Hole. Call Jo at [redacted]');
    const hidden = await moderate(s.staff.agent, { action: 'hide', target: 'photo', target_id: second, reason: 'A face' });
    expect(hidden.status).toBe(200);
    expect((hidden.body as { media_urls: string[] }).media_urls.some((u) => u.endsWith(second))).toBe(false);

    const json = await (await fetch(`${s.url}/open311/v2/requests/${req.id}.json?extensions=true`)).text();
    expect(json).toContain('Hole. Call Jo at [redacted]');
    expect(json).not.toContain('555-0100');
    expect(json).toContain(first);
    expect(json).not.toContain(second);
    const list = await (await fetch(`${s.url}/open311/v2/requests.xml?extensions=true`)).text();
    expect(list).toContain('Hole. Call Jo at [redacted]');
    expect(list).not.toContain('555-0100');
    expect(list).not.toContain(second);
    expect((await fetch(`${s.url}/open311/v2/media/${second}`)).status).toBe(404);
    expect((await fetch(`${s.url}/open311/v2/media/${first}`)).status).toBe(200);

    const audit = await s.store.listAudit({ request_id: req.id, jurisdiction_id: JURISDICTION.id, limit: 10 });
    expect(audit.map((a) => a.action).sort()).toEqual(['request.hide', 'request.redact']);
    expect(audit.find((a) => a.action === 'request.hide')?.details).toMatchObject({ target: 'photo', target_id: second, reason: 'A face', channel: 'api' });
    expect(JSON.stringify(audit)).not.toContain('555-0100');
  });

  it('shows the originals to admins only, and shows a photo again', async () => {
    type Log = { entries: { action: string; original?: string | null; reason: string }[]; hidden: { target: string; target_id: string }[] };
    const forAdmin = await call<Log>('GET', `/requests/${req.id}/moderation`, s.staff.admin);
    expect(forAdmin.status).toBe(200);
    expect(forAdmin.body.entries.map((e) => [e.action, e.original ?? null])).toEqual([['redact', 'Hole. Call Jo at 555-0100'], ['hide', null]]);
    expect(forAdmin.body.hidden).toEqual([{ target: 'photo', target_id: req.media_ids[1] }]);
    for (const token of [s.staff.agent, s.staff.viewer]) {
      const log = await call<Log>('GET', `/requests/${req.id}/moderation`, token);
      expect(log.status).toBe(200);
      expect(JSON.stringify(log.body)).not.toContain('555-0100');
      expect(log.body.entries.map((e) => e.reason)).toEqual(['Phone number', 'A face']);
    }
    const shown = await moderate(s.staff.admin, { action: 'unhide', target: 'photo', target_id: req.media_ids[1], reason: 'Blurred already' });
    expect(shown.status).toBe(200);
    expect((await fetch(`${s.url}/open311/v2/media/${req.media_ids[1]}`)).status).toBe(200);
    expect((await call<Log>('GET', `/requests/${req.id}/moderation`, s.staff.admin)).body.hidden).toEqual([]);
  });

  it("redacts a public comment and hides a client's link", async () => {
    await s.store.addComment!({ jurisdiction_id: JURISDICTION.id, request_id: req.id, description: 'Jo: my number is 555-0199', public: true, author: 'Jo', at: Date.now(), media_url: 'https://photos.example/jo.jpg' });
    const entry = (await s.store.listEvents(JURISDICTION.id, req.id)).find((e) => e.type === 'comment')!;
    expect((await moderate(s.staff.agent, { action: 'redact', target: 'comment', target_id: entry.id, text: 'Jo: my number is [redacted]', reason: 'Phone' })).status).toBe(200);
    expect((await moderate(s.staff.agent, { action: 'hide', target: 'media_url', target_id: entry.id, reason: 'Plate' })).status).toBe(200);
    const updates = await (await fetch(`${s.url}/open311/v2/requests/${req.id}.json?extensions=true`)).text();
    expect(updates).toContain('Jo: my number is [redacted]');
    expect(updates).not.toContain('555-0199');
    expect(updates).not.toContain('photos.example/jo.jpg');
  });

  it('documents the routes in /docs', async () => {
    const doc = (await (await fetch(`${s.url}/docs/json`)).json()) as { paths: Record<string, Record<string, { summary?: string }>> };
    const path = doc.paths['/api/v1/requests/{id}/moderation'];
    expect(Object.keys(path ?? {}).sort()).toEqual(['get', 'post']);
    expect(path?.post?.summary).toMatch(/Moderate a request/);
  });

  it('sends a webhook delivery stored before a moderation with the moderated request; one stored after as it is', async () => {
    const j = (await s.store.getJurisdiction(JURISDICTION.id))!;
    const ctx = { store: s.store, origin: { announced: 'https://city.example' } as unknown as PublicOrigin };
    const fresh = await seedRequest(s.store, { service_code: 'pothole', lat: 41.9, long: -87.7, attributes: { SIZE: 'small' }, description: 'Ring 555-0142' });
    const payload = { id: 'e1', event: 'request.created', occurred_at: new Date().toISOString(), jurisdiction_id: j.id, service_request: await publicRequest(ctx, j, fresh.id) };
    const stored: WebhookDelivery = {
      id: 'd1', subscriber_id: 's1', change_id: 1, event: 'request.created', body: JSON.stringify(payload), replay_of: null,
      state: 'pending', attempts: 1, created_at: Date.now() - 60_000, last_attempt_at: null, delivered_at: null,
    };
    expect(await bodyToSend(ctx, stored)).toBe(stored.body);
    expect((await moderateRequest(fresh.id, { action: 'redact', target: 'description', text: 'Ring [redacted]', reason: 'Phone' })).status).toBe(200);
    const sent = JSON.parse(await bodyToSend(ctx, stored)) as typeof payload;
    expect(sent).toMatchObject({ id: 'e1', event: 'request.created', jurisdiction_id: j.id, service_request: { service_request_id: fresh.id, description: 'Ring [redacted]' } });
    expect(JSON.stringify(sent)).not.toContain('555-0142');
    const later = { ...stored, created_at: Date.now() + 60_000 };
    expect(await bodyToSend(ctx, later)).toBe(later.body);
    expect(await bodyToSend(ctx, { ...stored, body: 'not json' })).toBe('not json');
  });
});
