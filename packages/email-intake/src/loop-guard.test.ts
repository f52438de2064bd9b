import { describe, expect, it } from 'vitest';
import { loopReason } from './loop-guard.js';

const h = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));

describe('loopReason', () => {
  it('lets a hand-written message through', () => {
    expect(loopReason('jane@example.org', 'jane@example.org', h({ 'auto-submitted': 'no' }), false)).toBeUndefined();
  });

  it.each([
    ['the null sender of a bounce', '', 'jane@example.org', {}, 'null-sender'],
    ['a mailer daemon', 'x@example.org', 'mailer-daemon@example.org', {}, 'mailer-daemon'],
    ['an RFC 3834 auto-reply', 'jane@example.org', 'jane@example.org', { 'auto-submitted': 'auto-replied' }, 'auto-submitted'],
    ['bulk mail', 'jane@example.org', 'jane@example.org', { precedence: 'bulk' }, 'bulk'],
    ['a list', 'jane@example.org', 'jane@example.org', { 'list-id': '<news.example.org>' }, 'list'],
    ['an X-Autoreply', 'jane@example.org', 'jane@example.org', { 'x-autoreply': 'yes' }, 'auto-reply'],
  ])('ignores %s', (_name, envelope, from, headers, reason) => {
    expect(loopReason(envelope, from, h(headers), false)).toBe(reason);
  });

  it('ignores our own mail come back', () => {
    expect(loopReason('jane@example.org', 'jane@example.org', h({}), true)).toBe('own-mail');
  });
});
