/** The reporter's two own e-mails: the receipt of a new request, and "is it fixed?" after a closing. */
import type { NewOutboxMessage } from '@o311/store';
import type { Translator } from '../i18n/translate.js';
import { composeMail } from '../mail/compose.js';

export interface ReporterLinks {
  requestId: string;
  serviceName: string;
  tracker: string;
  /** The update page, proved by a secret. */
  update: string;
  /** Stops the updates (the follower's unsubscribe link). */
  stop: string;
}

/** `replyByMail`: the request was filed by e-mail, and a reply to this mail reaches it. */
export const receiptMail = (t: Translator, to: string, l: ReporterLinks, replyByMail = false): NewOutboxMessage =>
  composeMail({
    to,
    lang: t.locale,
    subject: t('reporter.receipt.subject', { id: l.requestId }),
    paragraphs: [
      t('reporter.receipt.intro', { id: l.requestId, service: l.serviceName }),
      t('reporter.receipt.updates'),
      t('reporter.receipt.keep'),
      ...(replyByMail ? [t('reporter.receipt.reply')] : []),
    ],
    action: { label: t('reporter.receipt.track'), url: l.tracker },
    links: [{ label: t('reporter.receipt.update'), url: l.update }],
    unsubscribe: { label: t('reporter.stop'), url: l.stop },
  });

export const fixedMail = (t: Translator, to: string, l: ReporterLinks & { yes: string; no: string }): NewOutboxMessage =>
  composeMail({
    to,
    lang: t.locale,
    subject: t('reporter.fixed.subject', { id: l.requestId }),
    paragraphs: [t('reporter.fixed.intro', { id: l.requestId, service: l.serviceName }), t('reporter.fixed.ask')],
    action: { label: t('reporter.fixed.yes'), url: l.yes },
    links: [
      { label: t('reporter.fixed.no'), url: l.no },
      { label: t('reporter.receipt.track'), url: l.tracker },
      { label: t('reporter.receipt.update'), url: l.update },
    ],
    unsubscribe: { label: t('reporter.stop'), url: l.stop },
  });
