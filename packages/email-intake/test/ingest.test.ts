/**
 * ingestMail on SQLite and PostgreSQL: a mail with a GPS photo becomes a
 * request of the matched service with the stripped photo, the sender kept
 * private; unclassified mail goes to triage; a redelivery files nothing new;
 * loops are ignored, malformed and dangerous mail and a flooding sender are
 * quarantined with nothing half-stored; a reply on the thread becomes the
 * reporter's update, and one from someone else is quarantined.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { ingestMail } from '../src/ingest.js';
import { parseIntakeAddress } from '../src/addresses.js';
import { releaseMail } from '../src/quarantine.js';
import { threadingFor } from '../src/threading.js';
import { TRIAGE_SERVICE_CODE } from '../src/triage-service.js';
import { jpegAt } from './support/gps-jpeg.js';
import { CITY, INTAKE, intakeFixture, type IntakeFixture } from './support/intake.js';
import { rawMail, type TestMail } from './support/mails.js';

const JANE = 'jane@example.org';
let n = 0;
const mail = (over: Partial<TestMail> = {}): TestMail => ({
  from: JANE, to: INTAKE, subject: 'Pothole on Main St', body: 'A deep hole by the school.', messageId: `m${++n}.${Date.now()}@example.org`, ...over,
});
const envelope = (from = JANE, to = INTAKE) => ({ mailFrom: from, rcptTo: [to] });

describe.each(dialects)('ingestMail (%s)', (dialect) => {
  let f: IntakeFixture;
  beforeAll(async () => {
    f = await intakeFixture(dialect, { perSenderLimit: 3 });
  });
  afterAll(() => f?.close());

  const ingest = (m: TestMail, from = m.from) => ingestMail(f.ic, rawMail(m), envelope(from));
  /** The same intake with a 4 KB message limit. */
  const smallIntake = () => ({ ...f.ic, limits: { ...f.ic.limits, maxMessageBytes: 4_096 } });
  const requestCount = async () => (await f.store.listRequests({ jurisdiction_id: CITY.id, limit: 1000, offset: 0 })).length;

  it('files a mail with a GPS photo as a request of the matched service, the photo stripped, the sender private', async () => {
    const m = mail({ from: 'photo@example.org', attachments: [{ filename: 'hole.jpg', contentType: 'image/jpeg', bytes: jpegAt(41.5868, -93.625) }] });
    const result = await ingest(m);
    expect(result).toMatchObject({ verdict: 'filed', replayed: false });
    const id = (result as { requestId: string }).requestId;
    const r = await f.store.getRequest(CITY.id, id);
    expect(r?.service_code).toBe('POTHOLE');
    expect(r?.lat).toBeCloseTo(41.5868, 4);
    expect(r?.long).toBeCloseTo(-93.625, 4);
    expect(r?.reporter.email).toBe('photo@example.org');
    expect(r?.channel).toBe('email');
    expect(r?.description).toContain('A deep hole by the school.');
    expect(r?.media_ids).toHaveLength(1);
    const photo = await f.store.getMedia(r!.media_ids[0]!);
    expect(photo?.content_type).toBe('image/jpeg');
    expect(photo?.bytes.includes(Buffer.from('Exif'))).toBe(false);
    const publicRequest = JSON.stringify(await f.store.getPublicRequest(CITY.id, id));
    expect(publicRequest).not.toContain('photo@example.org');
    expect(await f.store.mailIntake.threadOf(CITY.id, id)).toMatchObject({ root_message_id: m.messageId });
  });

  it('files a redelivered message once', async () => {
    const m = mail({ from: 'again@example.org' });
    const first = await ingest(m);
    const before = await requestCount();
    const second = await ingest(m);
    expect(second).toEqual({ ...first, replayed: true });
    expect(await requestCount()).toBe(before);
  });

  it('files a mail with NUL and other control characters as text without them (neither database stores NUL)', async () => {
    const result = await ingest(mail({ from: 'nul@example.org', subject: 'Pothole\u0000 on Main St', body: 'A deep\u0000 hole\u0007 by the school.' }));
    expect(result).toMatchObject({ verdict: 'filed' });
    const r = await f.store.getRequest(CITY.id, (result as { requestId: string }).requestId);
    expect(r?.description).not.toMatch(/[\u0000\u0007]/);
    expect(r?.description).toContain('hole');
  });

  it('leaves mail that matches no service for triage, with its typed address', async () => {
    const result = await ingest(mail({ from: 'triage@example.org', subject: 'A question', body: 'Address: 12 Elm St\nSomething is wrong here.' }));
    const r = await f.store.getRequest(CITY.id, (result as { requestId: string }).requestId);
    expect(r?.service_code).toBe(TRIAGE_SERVICE_CODE);
    expect(r?.address).toBe('12 Elm St');
  });

  it('publishes no signature, e-mail address or phone number of the body, and keeps the mail as written for staff', async () => {
    const body = [
      'There is a dead deer near 41.5868, -93.625. Call my neighbour on 515-555-0111 or bob@example.net.', '', 'Thanks,', 'Alice Smith',
      'Mobile: +1 515 555 0199', 'alice.s@example.org', '', 'Sent from my iPhone',
    ].join('\n');
    const result = await ingest(mail({ from: 'alice.s@example.org', subject: 'Pothole on Elm', body }));
    const id = (result as { requestId: string }).requestId;
    const published = JSON.stringify(await f.store.getPublicRequest(CITY.id, id));
    for (const secret of ['Alice Smith', '0199', '0111', 'alice.s@', 'bob@example.net', 'iPhone']) expect(published).not.toContain(secret);
    const r = await f.store.getRequest(CITY.id, id);
    expect(r?.description).toBe('Pothole on Elm\n\nThere is a dead deer near 41.5868, -93.625. Call my neighbour on [phone removed] or [e-mail removed].');
    expect(r?.lat).toBeCloseTo(41.5868, 4);
    const notes = (await f.store.listEvents(CITY.id, id, { includeInternal: true })).filter((e) => !e.public);
    expect(notes.map((e) => e.description).join('\n')).toContain('Mobile: +1 515 555 0199');
    expect((await f.store.listEvents(CITY.id, id)).map((e) => e.description).join('\n')).not.toContain('0199');
  });

  it('cuts a "--" signature without its space and the image links of an HTML mail', async () => {
    const html = Buffer.from([
      'From: html-sig@example.org', `To: ${INTAKE}`, 'Subject: Graffiti on the wall', `Message-ID: <htmlsig.${Date.now()}@example.org>`,
      'Content-Type: text/html; charset=utf-8', '',
      '<p>Paint everywhere.</p><img src="http://track.example/p.gif"><div>-- <br>Html Person<br>Tel 515-555-0999</div>', '',
    ].join('\r\n'));
    const result = await ingestMail(f.ic, html, envelope('html-sig@example.org'));
    const r = await f.store.getRequest(CITY.id, (result as { requestId: string }).requestId);
    expect(r?.description).toBe('Graffiti on the wall\n\nPaint everywhere.');
  });

  it('keeps a mail whose service asks required questions in triage, with the service suggested to staff', async () => {
    const result = await ingest(mail({ from: 'lamp@example.org', subject: 'Streetlight out', body: 'The lamp is dark.' }));
    const id = (result as { requestId: string }).requestId;
    expect((await f.store.getRequest(CITY.id, id))?.service_code).toBe(TRIAGE_SERVICE_CODE);
    const notes = (await f.store.listEvents(CITY.id, id, { includeInternal: true })).filter((e) => !e.public);
    expect(notes.map((e) => e.description)).toContainEqual(expect.stringContaining('Looks like: Streetlight (STREETLIGHT)'));
  });

  it('places a typed address with the jurisdiction\'s gazetteer', async () => {
    const result = await ingest(mail({ from: 'gaz@example.org', subject: 'A question', body: 'Something is wrong.\nAddress: 10 Main St' }));
    const r = await f.store.getRequest(CITY.id, (result as { requestId: string }).requestId);
    expect(r).toMatchObject({ address: '10 Main St', lat: 41.5, long: -93.6 });
  });

  it('refuses mail for any other mailbox', async () => {
    expect(await ingestMail(f.ic, rawMail(mail()), envelope(JANE, 'someone@elsewhere.example'))).toEqual({ verdict: 'refused', reason: 'not-our-address' });
  });

  it.each([
    ['an auto-reply', { headers: { 'Auto-Submitted': 'auto-replied' } }, JANE, 'auto-submitted'],
    ['bulk mail', { headers: { Precedence: 'bulk' } }, JANE, 'bulk'],
    ['a bounce (null sender)', {}, '', 'null-sender'],
  ])('ignores %s and files nothing', async (_name, over, from, reason) => {
    const before = await requestCount();
    expect(await ingest(mail(over), from)).toEqual({ verdict: 'ignored', reason });
    expect(await requestCount()).toBe(before);
  });

  it('quarantines malformed MIME and dangerous attachments, filing nothing', async () => {
    const before = await requestCount();
    const garbage = Buffer.from('this is not\r\na mail at all\r\n\r\n--\r\n');
    expect(await ingestMail(f.ic, garbage, envelope())).toEqual({ verdict: 'quarantined', reason: 'malformed' });
    const exe = mail({ from: 'exe@example.org', attachments: [{ filename: 'invoice.exe', contentType: 'application/octet-stream', bytes: Buffer.from('MZ') }] });
    expect(await ingest(exe)).toEqual({ verdict: 'quarantined', reason: 'attachment-type' });
    expect(await requestCount()).toBe(before);
    const held = await f.store.mailIntake.quarantined(CITY.id, 50);
    expect(held.map((h) => h.reason)).toEqual(expect.arrayContaining(['malformed', 'attachment-type']));
  });

  it('survives broken MIME: a cut multipart with bad base64 is filed without the photo, nothing crashes', async () => {
    const broken = Buffer.from([
      'From: cut@example.org', `To: ${INTAKE}`, 'Subject: Graffiti on the wall', `Message-ID: <cut.${Date.now()}@example.org>`,
      'Content-Type: multipart/mixed; boundary="b1"', '', '--b1', 'Content-Type: text/plain', '', 'Paint everywhere. Address: 5 Oak St',
      '--b1', 'Content-Type: image/jpeg; name="x.jpg"', 'Content-Transfer-Encoding: base64', '', '!!!not base64 at all%%%', '',
    ].join('\r\n'));
    const result = await ingestMail(f.ic, broken, envelope('cut@example.org'));
    expect(result).toMatchObject({ verdict: 'filed' });
    const r = await f.store.getRequest(CITY.id, (result as { requestId: string }).requestId);
    expect(r?.media_ids).toEqual([]);
    expect(r?.service_code).toBe('GRAFFITI');
  });

  it('reads an HTML-only mail as its text, with an encoded subject', async () => {
    const html = Buffer.from([
      'From: html@example.org', `To: ${INTAKE}`, 'Subject: =?UTF-8?B?R3JhZmZpdGkgw6AgbGEgbWFpcmll?=', `Message-ID: <html.${Date.now()}@example.org>`,
      'Content-Type: text/html; charset=utf-8', '', '<p>Paint on the <b>wall</b>.</p><p>Address: 2 Elm St</p><script>alert(1)</script>', '',
    ].join('\r\n'));
    const result = await ingestMail(f.ic, html, envelope('html@example.org'));
    const r = await f.store.getRequest(CITY.id, (result as { requestId: string }).requestId);
    expect(r?.description).toContain('Graffiti à la mairie');
    expect(r?.description).toContain('Paint on the wall.');
    expect(r?.description).not.toMatch(/<p>|<b>|<script>/);
    expect(r?.address).toBe('2 Elm St');
  });

  it('refuses a message over the size limit, and ignores mail from its own intake address', async () => {
    const small = smallIntake();
    expect(await ingestMail(small, rawMail(mail({ body: 'x'.repeat(5_000) })), envelope())).toEqual({ verdict: 'refused', reason: 'too-large' });
    expect(await ingest(mail({ from: INTAKE }))).toEqual({ verdict: 'ignored', reason: 'own-mail' });
  });

  it('quarantines a reply naming a thread the city does not know', async () => {
    const to = 'report+AAAAAAAAAAAAAAAAAAAAAAAA@riverton.example';
    expect(await ingestMail(f.ic, rawMail(mail({ from: 'lost@example.org', to })), envelope('lost@example.org', to))).toEqual({ verdict: 'quarantined', reason: 'unknown-thread' });
  });

  it('files a held message when an admin releases it, past the sender limit', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await ingest(mail({ from: 'release@example.org' })));
    expect(results.at(-1)).toEqual({ verdict: 'quarantined', reason: 'sender-limit' });
    const held = (await f.store.mailIntake.quarantined(CITY.id, 50)).find((h) => h.sender === 'release@example.org')!;
    const released = await releaseMail(f.ic, (await f.store.getJurisdiction(CITY.id))!, held.id);
    expect(released).toMatchObject({ ok: true, result: { verdict: 'filed', replayed: false } });
    expect(await f.store.mailIntake.quarantinedMail(CITY.id, held.id)).toBeUndefined();
    expect(await releaseMail(f.ic, (await f.store.getJurisdiction(CITY.id))!, held.id)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('files a held message once when two admins release it at the same moment', async () => {
    for (let i = 0; i < 4; i++) await ingest(mail({ from: 'twice@example.org', subject: `Pothole ${i}` }));
    const held = (await f.store.mailIntake.quarantined(CITY.id, 50)).find((h) => h.sender === 'twice@example.org')!;
    const j = (await f.store.getJurisdiction(CITY.id))!;
    const before = await requestCount();
    const both = await Promise.all([releaseMail(f.ic, j, held.id), releaseMail(f.ic, j, held.id)]);
    expect(await requestCount()).toBe(before + 1);
    const filed = both.flatMap((b) => (b.ok && b.result.verdict === 'filed' ? [b.result] : []));
    expect(new Set(filed.map((r) => r.requestId)).size).toBeLessThanOrEqual(1);
    expect(filed.filter((r) => !r.replayed)).toHaveLength(1);
  });

  it("counts a reporter's replies apart from new mail, and takes a Reply-All to both addresses as a reply", async () => {
    const first = mail({ from: 'replier@example.org' });
    const { requestId } = (await ingest(first)) as { requestId: string };
    const to = `report+${(await f.store.mailIntake.threadOf(CITY.id, requestId))!.token}@riverton.example`;
    const verdicts = [];
    for (let i = 0; i < 4; i++) {
      const reply = mail({ from: 'replier@example.org', to, subject: 'Re: Pothole', inReplyTo: first.messageId, body: `photo ${i} follows` });
      verdicts.push((await ingestMail(f.ic, rawMail(reply), { mailFrom: 'replier@example.org', rcptTo: [INTAKE, to] })).verdict);
    }
    expect(verdicts).toEqual(['update', 'update', 'update', 'update']);
    expect((await ingest(mail({ from: 'replier@example.org' }))).verdict).toBe('filed');
  });

  it("takes a reply to the plain address that answers the reporter's own mail (In-Reply-To) as their update", async () => {
    const first = mail({ from: 'own-thread@example.org' });
    const { requestId } = (await ingest(first)) as { requestId: string };
    const reply = mail({ from: 'own-thread@example.org', subject: 'Re: Pothole', inReplyTo: first.messageId, body: 'Also a second hole.' });
    expect(await ingest(reply)).toEqual({ verdict: 'update', requestId, replayed: false });
  });

  it("takes a reply that keeps only In-Reply-To our mail as the update when the city's intake is not the first address", async () => {
    const ic = { ...f.ic, addresses: [parseIntakeAddress('report@elsewhere.example', 'elsewhere')!, ...f.ic.addresses] };
    const first = mail({ from: 'second-domain@example.org' });
    const { requestId } = (await ingestMail(ic, rawMail(first), envelope(first.from))) as { requestId: string };
    const ours = (await threadingFor(f.store, ic.addresses, CITY, requestId, first.from))!;
    const reply = mail({ from: first.from, subject: 'Re: Pothole', inReplyTo: ours.messageId, body: 'Still there.' });
    expect(await ingestMail(ic, rawMail(reply), envelope(first.from))).toEqual({ verdict: 'update', requestId, replayed: false });
  });

  it('holds new mail past the jurisdiction-wide hourly bound, whoever the senders are', async () => {
    const g = await intakeFixture(dialect, { newPerWindow: 2 });
    try {
      const results = [];
      for (let i = 0; i < 3; i++) results.push(await ingestMail(g.ic, rawMail(mail({ from: `spam${i}@spam${i}.example` })), envelope(`spam${i}@spam${i}.example`)));
      expect(results.map((r) => r.verdict)).toEqual(['filed', 'filed', 'quarantined']);
      expect(results.at(-1)).toEqual({ verdict: 'quarantined', reason: 'intake-limit' });
    } finally {
      await g.close();
    }
  });

  it('keeps a flood out of the quarantine past its limit: recorded as ignored, without the bytes', async () => {
    const g = await intakeFixture(dialect, { perSenderLimit: 1, heldPerSender: 2 });
    try {
      const results = [];
      for (let i = 0; i < 5; i++) results.push(await ingestMail(g.ic, rawMail(mail({ from: 'storm@example.org' })), envelope('storm@example.org')));
      expect(results.map((r) => r.verdict)).toEqual(['filed', 'quarantined', 'quarantined', 'ignored', 'ignored']);
      expect(results.at(-1)).toEqual({ verdict: 'ignored', reason: 'flood' });
      expect(await g.store.mailIntake.quarantined(CITY.id, 50)).toHaveLength(2);
    } finally {
      await g.close();
    }
  });

  it('quarantines a flooding sender past the limit', async () => {
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await ingest(mail({ from: 'flood@example.org' })));
    expect(results.map((r) => r.verdict)).toEqual(['filed', 'filed', 'filed', 'quarantined', 'quarantined']);
    const held = await f.store.mailIntake.quarantined(CITY.id, 50);
    const kept = held.find((h) => h.sender === 'flood@example.org');
    expect(kept?.reason).toBe('sender-limit');
    expect((await f.store.mailIntake.quarantinedMail(CITY.id, kept!.id))?.raw.byteLength).toBeGreaterThan(0);
  });

  it("takes the reporter's reply on the thread as their update, and quarantines one from anyone else", async () => {
    const first = mail({ from: 'thread@example.org' });
    const { requestId } = (await ingest(first)) as { requestId: string };
    const thread = (await f.store.mailIntake.threadOf(CITY.id, requestId))!;
    const to = `report+${thread.token}@riverton.example`;
    const reply = mail({ from: 'thread@example.org', to, subject: 'Re: Pothole', inReplyTo: first.messageId, body: 'It got bigger.\n\nOn Fri, Riverton wrote:\n> received' });
    expect(await ingestMail(f.ic, rawMail(reply), envelope('thread@example.org', to))).toEqual({ verdict: 'update', requestId, replayed: false });
    const events = await f.store.listEvents(CITY.id, requestId);
    expect(events.at(-1)?.description).toBe('It got bigger.');
    expect((await f.store.mailIntake.threadOf(CITY.id, requestId))?.last_message_id).toBe(reply.messageId);
    const stranger = mail({ from: 'mallory@example.org', to, body: 'spam' });
    expect(await ingestMail(f.ic, rawMail(stranger), envelope('mallory@example.org', to))).toEqual({ verdict: 'quarantined', reason: 'not-the-reporter' });
    expect(await f.store.listEvents(CITY.id, requestId)).toHaveLength(events.length);
  });
});
