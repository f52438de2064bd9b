/** A plain e-mail as text and simple HTML from the same parts: paragraphs, one action link, the unsubscribe footer. */
import type { NewOutboxMessage } from '@o311/store';
import { html } from '../html.js';

export interface MailLink {
  label: string;
  url: string;
}

export interface MailContent {
  to: string;
  subject: string;
  lang: string;
  paragraphs: readonly string[];
  action: MailLink;
  /** Further links, after the action (e.g. "add an update"). */
  links?: readonly MailLink[];
  /**
   * How to stop such e-mails, from the e-mail itself. Only a mail sent once
   * because its reader just asked for it (a sign-in link) has none.
   */
  unsubscribe?: MailLink;
}

/** The colon before a link in the text part: French typography puts a narrow no-break space before it. */
const colon = (lang: string): string => (lang === 'fr' ? '\u202f:' : ':');

export function composeMail(c: MailContent): NewOutboxMessage {
  const linkText = (l: MailLink) => `${l.label}${colon(c.lang)}\n${l.url}`;
  const footer = c.unsubscribe ? [`--\n${linkText(c.unsubscribe)}`] : [];
  const actions = [c.action, ...(c.links ?? [])];
  const text = [...c.paragraphs, ...actions.map(linkText), ...footer].join('\n\n');
  const body = html`<!doctype html>
<html lang="${c.lang}"><head><meta charset="utf-8"><title>${c.subject}</title></head>
<body>
${c.paragraphs.map((p) => html`<p>${p}</p>\n`)}${actions.map((a, i) => html`${i > 0 ? '\n' : ''}<p><a href="${a.url}">${a.label}</a></p>`)}
${c.unsubscribe ? html`<hr>
<p><small><a href="${c.unsubscribe.url}">${c.unsubscribe.label}</a></small></p>
` : ''}</body></html>`;
  return { to: c.to, subject: c.subject, text: `${text}\n`, html: body.value };
}
