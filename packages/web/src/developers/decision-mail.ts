/**
 * Mails the developer when their key is issued or their request refused,
 * whoever decided (the verify button, the back office, the staff API): set
 * as the server's `keyRequestDecided`. Queued once per request and decision.
 */
import type { KeyRequestDecision } from '@o311/server';
import type { WebContext } from '../context.js';
import { isLocale } from '../i18n/locales.js';
import { translator } from '../i18n/translate.js';
import { mailBase } from '../mail/notify.js';
import { decisionMail } from './key-mails.js';

export function mailKeyDecision(web: WebContext, d: KeyRequestDecision): Promise<void> {
  const t = translator(isLocale(d.request.locale) ? d.request.locale : 'en');
  return web.mailer.send(decisionMail(t, d, mailBase(web)), `key-request:${d.request.id}:${d.kind}`);
}
