/** The mail with a sign-in link: no unsubscribe footer, since it is only ever sent because its reader just asked. */
import type { NewOutboxMessage } from '@o311/store';
import type { Translator } from '../i18n/translate.js';
import { composeMail } from '../mail/compose.js';

export const signInMail = (t: Translator, to: string, url: string, ttlMinutes: number): NewOutboxMessage =>
  composeMail({
    to,
    lang: t.locale,
    subject: t('account.mail.signIn.subject'),
    paragraphs: [
      t('account.mail.signIn.intro', { site: t('common.siteName') }),
      t('account.mail.signIn.expiry', { minutes: ttlMinutes }),
      t('account.mail.signIn.ignore'),
    ],
    action: { label: t('account.mail.signIn.action'), url },
  });
