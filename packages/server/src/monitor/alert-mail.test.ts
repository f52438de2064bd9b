import { describe, expect, it } from 'vitest';
import type { Endpoint, Incident, MonitorEvent } from '@o311/store';
import { alertMail, durationText } from './alert-mail.js';

const endpoint = { slug: 'polk', name: 'Polk <County> & Co' } as Endpoint;
const incident: Incident = {
  id: 'i1', slug: 'polk', opened_at: Date.UTC(2026, 0, 1, 10, 0), closed_at: Date.UTC(2026, 0, 1, 12, 5), cause_kind: 'timeout',
  cause: 'No answer within 10000 ms', failed_polls: 7,
};
const event = (kind: MonitorEvent['kind'], at: number): MonitorEvent => ({
  id: 'e1', slug: 'polk', kind, at, incident_id: 'i1', detail: 'score 90 → 70', mailed_at: null, webhook_attempts: 0,
  webhook_status: null, webhook_error: null, webhook_delivered_at: null,
});

describe('alert mails', () => {
  it('say what happened, since when, the cause and the status link, in text and escaped HTML', () => {
    const down = alertMail('ops@polk.example', event('down', incident.opened_at + 60_000), endpoint, incident, 'https://311.example.org/status/polk');
    expect(down.subject).toBe('[o311 status] Polk <County> & Co is down');
    expect(down.text).toContain('since 2026-01-01T10:00:00');
    expect(down.text).toContain('Cause: timeout: No answer within 10000 ms');
    expect(down.text).toContain('https://311.example.org/status/polk');
    expect(down.html).toContain('Polk &lt;County&gt; &amp; Co');
    expect(down.html).not.toContain('<County>');
    expect(down.html).toContain('<a href="https://311.example.org/status/polk">');

    const up = alertMail('ops@polk.example', event('up', incident.closed_at!), endpoint, incident, 'https://311.example.org/status/polk');
    expect(up.subject).toBe('[o311 status] Polk <County> & Co is back up');
    expect(up.text).toContain('after 2 h 5 min down');
    const drop = alertMail('ops@polk.example', event('score-drop', incident.closed_at!), endpoint, undefined, 'https://311.example.org/status/polk');
    expect(drop.text).toContain('score 90 → 70');
  });

  it('writes durations shortly', () => {
    expect(durationText(45_000)).toBe('45 s');
    expect(durationText(30 * 60_000)).toBe('30 min');
    expect(durationText(3 * 86_400_000 + 2 * 3_600_000)).toBe('3 d 2 h');
  });
});
