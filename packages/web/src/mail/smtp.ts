/** Delivery through SMTP (nodemailer), configured by a URL such as `smtp://user:pass@host:587`. */
import nodemailer from 'nodemailer';
import type { MailThreading, NewOutboxMessage } from '@o311/store';

export type Deliver = (m: NewOutboxMessage) => Promise<void>;

const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** The sender: `no-reply@` the public host (e-mail needs a domain; `localhost` otherwise). */
export function senderAddress(publicUrl: string | undefined): string {
  let host = 'localhost';
  try {
    if (publicUrl) host = new URL(publicUrl).hostname || host;
  } catch {
    // keep localhost
  }
  return `o311 <no-reply@${host}>`;
}

const bracketed = (id: string): string => `<${id}>`;

/** Keeps a mail in its reader's thread (see @o311/email-intake threading.ts). */
function threadHeaders(t: MailThreading | null | undefined) {
  if (!t) return {};
  return { messageId: bracketed(t.messageId), inReplyTo: bracketed(t.inReplyTo), references: t.references.map(bracketed), replyTo: t.replyTo };
}

export function smtpDelivery(smtpUrl: string, from: string): Deliver {
  const transport = nodemailer.createTransport(smtpUrl, { from, ...TIMEOUTS });
  return async (m) => {
    await transport.sendMail({ to: m.to, subject: m.subject, text: m.text, ...(m.html !== null && { html: m.html }), ...threadHeaders(m.threading) });
  };
}
