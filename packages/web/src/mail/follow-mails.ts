/** The two e-mails a follower gets: "confirm you want updates" and "your request changed". */
import type { NewOutboxMessage } from '@o311/store';
import type { Translator } from '../i18n/translate.js';
import { composeMail } from './compose.js';

export interface RequestLinks {
  requestId: string;
  serviceName: string;
  tracker: string;
  unsubscribe: string;
}

export const confirmMail = (t: Translator, to: string, r: RequestLinks, confirmUrl: string): NewOutboxMessage =>
  composeMail({
    to,
    lang: t.locale,
    subject: t('mail.confirm.subject', { id: r.requestId }),
    paragraphs: [
      t('mail.confirm.intro', { id: r.requestId, service: r.serviceName }),
      t('mail.confirm.ignore'),
    ],
    action: { label: t('mail.confirm.action'), url: confirmUrl },
    unsubscribe: { label: t('mail.unsubscribe'), url: r.unsubscribe },
  });

export interface UpdateFacts {
  status: string;
  when: string;
  note: string;
}

export const updateMail = (t: Translator, to: string, r: RequestLinks, u: UpdateFacts): NewOutboxMessage =>
  composeMail({
    to,
    lang: t.locale,
    subject: t('mail.update.subject', { id: r.requestId, status: u.status }),
    paragraphs: [
      t('mail.update.intro', { id: r.requestId, service: r.serviceName, status: u.status, when: u.when }),
      ...(u.note ? [u.note] : []),
    ],
    action: { label: t('mail.update.action'), url: r.tracker },
    unsubscribe: { label: t('mail.unsubscribe'), url: r.unsubscribe },
  });
