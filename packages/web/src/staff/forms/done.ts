/**
 * Post/redirect/get: after a successful POST the browser is sent to a page
 * with `?done=<what>`, and that page shows the matching confirmation.
 */
import type { MessageKey, Translator } from '../../i18n/translate.js';

export function withDone(path: string, done: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}done=${encodeURIComponent(done)}`;
}

export function doneNotice(t: Translator, url: string, notices: Readonly<Record<string, MessageKey>>): string | undefined {
  const done = new URL(url, 'http://o311.invalid').searchParams.get('done') ?? '';
  return Object.hasOwn(notices, done) ? t(notices[done]!) : undefined;
}
