/** Atom 1.0 (RFC 4287) documents: the one place the feed's XML is written. */

export interface AtomEntry {
  id: string;
  title: string;
  /** RFC 3339 date-time. */
  updated: string;
  link: string;
  content: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  updated: string;
  /** The feed's own URL (rel="self"). */
  self: string;
  /** The page it mirrors (rel="alternate"). */
  alternate: string;
  author: string;
  lang: string;
  entries: readonly AtomEntry[];
}

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes markup characters and drops those XML 1.0 cannot carry. */
export const xmlText = (s: string): string =>
  s
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

const entry = (e: AtomEntry): string => `  <entry>
    <id>${xmlText(e.id)}</id>
    <title>${xmlText(e.title)}</title>
    <updated>${xmlText(e.updated)}</updated>
    <link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>
    <content type="text">${xmlText(e.content)}</content>
  </entry>
`;

export function atomFeed(f: AtomFeed): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(f.lang)}">
  <id>${xmlText(f.id)}</id>
  <title>${xmlText(f.title)}</title>
${f.subtitle ? `  <subtitle>${xmlText(f.subtitle)}</subtitle>\n` : ''}  <updated>${xmlText(f.updated)}</updated>
  <link rel="self" type="application/atom+xml" href="${xmlText(f.self)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(f.alternate)}"/>
  <author><name>${xmlText(f.author)}</name></author>
${f.entries.map(entry).join('')}</feed>
`;
}
