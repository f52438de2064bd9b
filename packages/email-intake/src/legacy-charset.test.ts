import { describe, expect, it } from 'vitest';
import { DEFAULT_MAIL_LIMITS } from './limits.js';
import { parseMail } from './parse-mail.js';

const bytes = (...parts: (string | number[])[]): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('raw 8-bit text without a charset', () => {
  it('reads a Latin-1 Subject and body as Windows-1252, and leaves UTF-8 and labelled parts alone', async () => {
    const latin1 = bytes('From: a@b.example\r\nSubject: a', [0xf1], 'o ', [0x80], '\r\nContent-Type: text/plain\r\n\r\nel a', [0xf1], 'o pasado\r\n');
    const read = await parseMail(latin1, DEFAULT_MAIL_LIMITS);
    expect(read.ok && [read.mail.subject, read.mail.text.trim()]).toEqual(['año €', 'el año pasado']);
    const utf8 = await parseMail(Buffer.from('From: a@b.example\r\nSubject: año\r\n\r\nel año\r\n'), DEFAULT_MAIL_LIMITS);
    expect(utf8.ok && [utf8.mail.subject, utf8.mail.text.trim()]).toEqual(['año', 'el año']);
    const labelled = bytes('From: a@b.example\r\nSubject: x\r\nContent-Type: text/plain; charset=iso-8859-15\r\n\r\n', [0xa4], '\r\n');
    const euro = await parseMail(labelled, DEFAULT_MAIL_LIMITS);
    expect(euro.ok && euro.mail.text.trim()).toBe('€');
  });
});
