/** Webhook signatures: a vector computed here with node:crypto, tolerance, tampering; and the payload. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Endpoint, MonitorEvent } from '@o311/store';
import { signWebhook, verifyWebhook, WEBHOOK_SIGNATURE_HEADER, webhookPayload } from './webhook.js';

const SECRET = 'whsec_test_5f3a';
const BODY = '{"type":"endpoint.down","id":"ev1"}';
const AT_MS = 1_764_720_000_123;
const AT_S = AT_MS / 1000;

describe('signWebhook / verifyWebhook', () => {
  it('signs "<unix seconds>.<body>" with HMAC-SHA256 in hex', () => {
    const t = Math.floor(AT_MS / 1000);
    const expected = createHmac('sha256', SECRET).update(`${t}.${BODY}`).digest('hex');
    expect(signWebhook(SECRET, AT_S, BODY)).toBe(`t=${t},v1=${expected}`);
    expect(WEBHOOK_SIGNATURE_HEADER).toBe('X-O311-Signature');
  });

  it('verifies within the tolerance either way, not beyond', () => {
    const header = signWebhook(SECRET, AT_S, BODY);
    expect(verifyWebhook(SECRET, header, BODY, AT_MS)).toBe(true);
    expect(verifyWebhook(SECRET, header, BODY, AT_MS + 299_000)).toBe(true);
    expect(verifyWebhook(SECRET, header, BODY, AT_MS - 299_000)).toBe(true);
    expect(verifyWebhook(SECRET, header, BODY, AT_MS + 301_000)).toBe(false);
    expect(verifyWebhook(SECRET, header, BODY, AT_MS + 20_000, 10)).toBe(false);
  });

  it('refuses a changed body, another secret, a changed timestamp or a broken header', () => {
    const header = signWebhook(SECRET, AT_S, BODY);
    expect(verifyWebhook(SECRET, header, `${BODY} `, AT_MS)).toBe(false);
    expect(verifyWebhook('another', header, BODY, AT_MS)).toBe(false);
    const t = Math.floor(AT_MS / 1000);
    expect(verifyWebhook(SECRET, header.replace(`t=${t}`, `t=${t + 1}`), BODY, AT_MS)).toBe(false);
    const flipped = header.slice(0, -1) + (header.endsWith('0') ? '1' : '0');
    expect(verifyWebhook(SECRET, flipped, BODY, AT_MS)).toBe(false);
    for (const bad of ['', 'garbage', `t=${t}`, `v1=${'a'.repeat(64)}`, `t=${t},v1=abc`, `t=x,v1=${'a'.repeat(64)}`]) {
      expect(verifyWebhook(SECRET, bad, BODY, AT_MS), bad).toBe(false);
    }
  });

  it('accepts any of several v1 signatures (a secret being rotated)', () => {
    const header = signWebhook(SECRET, AT_S, BODY);
    const other = signWebhook('old secret', AT_S, BODY).split(',')[1];
    expect(verifyWebhook(SECRET, `${header},${other}`, BODY, AT_MS)).toBe(true);
    expect(verifyWebhook('old secret', `${header},${other}`, BODY, AT_MS)).toBe(true);
  });
});

describe('webhookPayload', () => {
  const endpoint = { slug: 'springfield', name: 'City of Springfield' } as Endpoint;
  const event: MonitorEvent = {
    id: 'ev-42', slug: 'springfield', kind: 'score-drop', at: Date.UTC(2026, 11, 3, 18, 0), incident_id: null, detail: 'Score 92 → 70',
    mailed_at: null, webhook_attempts: 0, webhook_status: null, webhook_error: null, webhook_delivered_at: null,
  };

  it('names the event type, id, endpoint, time, detail, incident and status page', () => {
    expect(webhookPayload(event, endpoint, { status: 'https://o311.example/status/springfield' })).toEqual({
      type: 'endpoint.score_drop', id: 'ev-42', endpoint: { slug: 'springfield', name: 'City of Springfield' }, at: '2026-12-03T18:00:00.000Z',
      detail: 'Score 92 → 70', incident: null, links: { status: 'https://o311.example/status/springfield' },
    });
    expect(webhookPayload({ ...event, kind: 'down', incident_id: 'inc-1' }, endpoint, { status: '/s' })).toMatchObject({ type: 'endpoint.down', incident: 'inc-1' });
    expect(webhookPayload({ ...event, kind: 'up' }, endpoint, { status: '/s' }).type).toBe('endpoint.up');
  });
});
