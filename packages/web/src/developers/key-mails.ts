/**
 * The mails of a key request, in the developer's language: the verification
 * link, the key itself (its secret is in this mail and nowhere else the
 * developer can see it again), or the refusal. Each is sent once because its
 * reader just acted, so none carries an unsubscribe footer.
 */
import type { KeyRequestDecision } from '@o311/server';
import type { KeyRequest, NewOutboxMessage } from '@o311/store';
import type { Translator } from '../i18n/translate.js';
import { composeMail } from '../mail/compose.js';
import { DEVELOPERS_PATH } from './paths.js';
import { LINK_TTL_HOURS } from './verify-pages.js';

export const verifyMail = (t: Translator, r: KeyRequest, url: string): NewOutboxMessage =>
  composeMail({
    to: r.email,
    lang: t.locale,
    subject: t('developers.mail.verify.subject'),
    paragraphs: [t('developers.mail.verify.intro', { site: t('common.siteName'), app: r.app_name }), t('developers.mail.verify.expiry', { hours: LINK_TTL_HOURS })],
    action: { label: t('developers.mail.verify.action'), url },
  });

export function decisionMail(t: Translator, d: KeyRequestDecision, base: string): NewOutboxMessage {
  const page = { label: t(d.kind === 'issued' ? 'developers.mail.issued.action' : 'developers.mail.refused.action'), url: `${base}${DEVELOPERS_PATH}` };
  const common = { to: d.request.email, lang: t.locale, action: page };
  if (d.kind === 'refused') {
    return composeMail({ ...common, subject: t('developers.mail.refused.subject'), paragraphs: [t('developers.mail.refused.intro', { app: d.request.app_name })] });
  }
  return composeMail({
    ...common,
    subject: t('developers.mail.issued.subject', { site: t('common.siteName') }),
    paragraphs: [
      t('developers.mail.issued.intro', { app: d.request.app_name }),
      t('developers.mail.issued.key', { key: d.secret }),
      t('developers.mail.issued.limit', { rate: t.number(d.key.rate_limit_per_minute) }),
    ],
  });
}
