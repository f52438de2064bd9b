/** Raw RFC 5322 messages for the tests, written as a mail client would send them. */

export interface TestMail {
  from: string;
  to: string;
  subject: string;
  body: string;
  messageId: string;
  headers?: Record<string, string>;
  inReplyTo?: string;
  attachments?: { filename: string; contentType: string; bytes: Buffer }[];
}

const wrap = (b64: string): string => b64.replace(/.{76}/g, '$&\r\n');

export function rawMail(m: TestMail): Buffer {
  const head = [
    `From: Reporter <${m.from}>`,
    `To: ${m.to}`,
    `Subject: ${m.subject}`,
    `Message-ID: <${m.messageId}>`,
    'Date: Fri, 04 Dec 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    ...(m.inReplyTo ? [`In-Reply-To: <${m.inReplyTo}>`, `References: <${m.inReplyTo}>`] : []),
    ...Object.entries(m.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
  ];
  if (!m.attachments?.length) {
    return Buffer.from([...head, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', m.body, ''].join('\r\n'));
  }
  const boundary = 'o311-test-boundary';
  const parts = [
    [`--${boundary}`, 'Content-Type: text/plain; charset=utf-8', '', m.body],
    ...m.attachments.map((a) => [
      `--${boundary}`,
      `Content-Type: ${a.contentType}; name="${a.filename}"`,
      `Content-Disposition: attachment; filename="${a.filename}"`,
      'Content-Transfer-Encoding: base64',
      '',
      wrap(a.bytes.toString('base64')),
    ]),
  ].map((p) => p.join('\r\n'));
  return Buffer.from([...head, `Content-Type: multipart/mixed; boundary="${boundary}"`, '', ...parts, `--${boundary}--`, ''].join('\r\n'));
}
