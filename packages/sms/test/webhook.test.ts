/**
 * The SMS webhooks on a real server, both dialects: signatures (a bad or
 * missing one is a 403 that writes nothing), garbage, replays, floods, STOP,
 * and a whole conversation filing a request with channel sms, then texting
 * its follower the status change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../../test-support/databases.js';
import { JURISDICTION, startServer, type Server } from '../../server/test/support/fixture.js';
import { staffCall } from '../../server/test/support/staff.js';
import { logSender, queueSmsReceipt, registerSms, textStatusChanges, twilioSignature, neutralSignature, type SmsChannel } from '../src/index.js';
import { SmsError } from '../src/errors.js';
import { inTurn } from '../src/in-turn.js';
import { receiveSms } from '../src/receive.js';
import { sendQueued } from '../src/send-queue.js';

const SECRET = 'sms-test-secret-0123456789';
let n = 0;
const nextId = (): string => `m-${Date.now().toString(36)}-${n++}`;

describe.each(dialects)('SMS neutral webhook (%s)', (dialect) => {
  let s: Server;
  let ch: SmsChannel;
  const clock = Date.now();

  async function text(from: string, body: string, id = nextId(), signature?: string): Promise<{ status: number; replies: string[]; raw: string }> {
    const raw = JSON.stringify({ message_id: id, from, to: '+15550100000', body });
    const res = await fetch(`${s.url}/channels/sms/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-o311-signature': signature ?? neutralSignature(SECRET, raw) },
      body: raw,
    });
    const answer = await res.text();
    return { status: res.status, replies: res.ok ? (JSON.parse(answer) as { replies: string[] }).replies : [], raw: answer };
  }

  const nothingStored = async (phone: string): Promise<void> => {
    expect(await s.store.sms.conversation(JURISDICTION.id, phone)).toBeUndefined();
    expect(await s.store.sms.messagesOf(JURISDICTION.id, phone, 10)).toEqual([]);
  };

  beforeAll(async () => {
    s = await startServer(dialect, {
      options: {
        now: () => clock,
        plugins: [async (app, ctx) => {
          ch = await registerSms(app, ctx, { provider: 'neutral', secret: SECRET, sender: logSender(), from: '+15550100000', limits: { perNumberPerMinute: 8 } });
        }],
      },
    });
  });
  afterAll(() => s?.close());

  it('refuses a missing or wrong signature with a 403 and writes nothing', async () => {
    const phone = '+15550100101';
    expect((await text(phone, 'Hello', nextId(), '')).status).toBe(403);
    expect((await text(phone, 'Hello', nextId(), neutralSignature('not-the-secret-at-all', 'x'))).status).toBe(403);
    const res = await fetch(`${s.url}/channels/sms/inbound`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(403);
    await nothingStored(phone);
  });

  it('answers garbage with a 400 or a plain reply, never a crash or a half-stored message', async () => {
    const phone = '+15550100102';
    const signed = (raw: string) => fetch(`${s.url}/channels/sms/inbound`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-o311-signature': neutralSignature(SECRET, raw) }, body: raw,
    });
    expect((await signed('{"message_id":')).status).toBe(400);
    expect((await signed(JSON.stringify({ message_id: 'g1', from: 'not a number', body: 'hi' }))).status).toBe(400);
    expect((await signed(JSON.stringify({ message_id: 'g 2', from: phone, body: 'hi' }))).status).toBe(400);
    expect((await signed('x'.repeat(40 * 1024))).status).toBe(413);
    await nothingStored(phone);
    expect((await text(phone, '\u0000\u0001\ufffd')).replies).toEqual(['Sorry, we could not read that message. Please send plain text.']);
    expect((await text(phone, 'a'.repeat(1601))).replies).toEqual(['That message is too long. Please send at most 1600 characters.']);
    expect(await s.store.sms.conversation(JURISDICTION.id, phone)).toBeUndefined();
  });

  it('files a Spanish conversation as a request with channel sms, once however often a message is replayed', async () => {
    const phone = '+15550100103';
    expect((await text(phone, 'Hola, hay un bache')).replies).toEqual(['Bache. ¿Donde esta? Envie una direccion o comparta su ubicacion.']);
    expect((await text(phone, '41.8781, -87.6298')).replies).toEqual(['Describa el problema en pocas palabras. Su descripcion sera publica: no incluya nombres, telefonos ni otros datos personales.']);
    expect((await text(phone, 'Un bache enorme frente a la escuela 🚧')).replies[0]).toMatch(/^¿Qué tamaño tiene\? Responda con un numero:\n1 Pequeño\n2 Grande$/);
    expect((await text(phone, '2')).replies[0]).toMatch(/^Bache en 41\.87810, -87\.62980: "Un bache enorme frente a la escuela 🚧"\. Responda SI/);
    const yes = nextId();
    const [filed] = (await text(phone, 'Sí', yes)).replies;
    const id = /numero de reporte es (\d+)\./.exec(filed ?? '')?.[1];
    expect(id, filed).toBeDefined();
    expect(filed).toContain('Le avisaremos por SMS');
    // Twilio and others deliver again when unsure: the same message changes nothing and gets the same answer.
    expect(await text(phone, 'Sí', yes)).toMatchObject({ status: 200, replies: [filed] });
    // The same id from another number is not that message: refused in the webhook's own error shape.
    const reused = await text('+15550100199', 'Sí', yes);
    expect(reused.status).toBe(409);
    expect(JSON.parse(reused.raw)).toEqual({ error: expect.stringContaining('another number') });
    // A stray YES after filing gets the number again, still in Spanish, and files nothing.
    expect((await text(phone, 'SI')).replies).toEqual([`Su reporte ${id} fue enviado. Envie un mensaje para reportar otra cosa.`]);
    const stored = await s.store.getRequest(JURISDICTION.id, id!);
    expect(stored).toMatchObject({ channel: 'sms', service_code: 'pothole', description: 'Un bache enorme frente a la escuela 🚧', attributes: { SIZE: 'large' } });
    expect(stored?.reporter.phone).toBe(phone);
    expect(await s.store.sms.conversation(JURISDICTION.id, phone)).toMatchObject({ locale: 'es', state: expect.stringContaining('"filed"') });
    // The reporter's number is private: the public API does not show it.
    const open311 = await (await fetch(`${s.url}/open311/v2/requests/${id}.json?jurisdiction_id=${JURISDICTION.id}&extensions=true`)).text();
    expect(open311).not.toContain('0100103');

    // A status change reaches the follower by SMS, once.
    const changed = await staffCall(s.url, 'POST', `/requests/${id}/status`, s.staff.admin, { status: 'fixed', note: 'Rellenado hoy' });
    expect(changed.status).toBe(200);
    expect(await textStatusChanges(ch)).toBe(1);
    expect(await textStatusChanges(ch)).toBe(0);
    const [update] = (await s.store.sms.messagesOf(JURISDICTION.id, phone, 1));
    expect(update).toMatchObject({ direction: 'out', body: `El reporte ${id} (Bache) esta ahora resuelto. Rellenado hoy` });
    await sendQueued(ch, { messageId: update!.id });
    expect((await s.store.sms.message(update!.id))?.state).toBe('sent');
  });

  it('honours STOP at any point, receipts included, until START', async () => {
    const phone = '+15550100104';
    await text(phone, 'pothole');
    expect((await text(phone, 'STOP')).replies).toEqual(['You will get no more messages from us. Reply START to allow them again.']);
    expect(await text(phone, '41.8781, -87.6298')).toMatchObject({ status: 200, replies: [] });
    const request = await s.store.createRequest({
      jurisdiction_id: JURISDICTION.id, service_code: 'trash.bulk', with_token: false, description: 'x', address: null, address_id: null,
      zipcode: null, lat: 41.8, long: -87.6, media_url: null, attributes: {}, media: [], api_key_id: null, channel: 'phone',
      reporter: { email: null, first_name: null, last_name: null, phone, device_id: null, account_id: null },
    });
    const receipt = { jurisdictionId: JURISDICTION.id, requestId: request.id, phone, locale: 'en' };
    expect(await queueSmsReceipt(ch.ctx, receipt)).toEqual({ queued: false, reason: 'opted-out' });
    // HELP is still answered (carriers require it), with the way back.
    expect((await text(phone, 'HELP')).replies).toEqual(['City problem reports by SMS. You asked for no messages: reply START to allow them again.']);
    expect((await text(phone, 'START')).replies).toEqual(['Messages are on again. Send a message to report a problem.']);
    const queued = await queueSmsReceipt(ch.ctx, receipt);
    expect(queued.queued).toBe(true);
    expect((await s.store.sms.messagesOf(JURISDICTION.id, phone, 1))[0]?.body).toBe(`We received your report Bulk trash pickup, number ${request.id}. Reply STOP to stop messages.`);
    expect(await queueSmsReceipt(ch.ctx, { ...receipt, phone: '555' })).toEqual({ queued: false, reason: 'bad-number' });
  });

  it('sends a queued SMS once, gives up on a refusal, retries an outage, and never texts a number that opted out meanwhile', async () => {
    const failing = (kind: 'refused' | 'unavailable'): SmsChannel => ({ ...ch, sender: { name: 'x', send: async () => { throw new SmsError(kind, kind); } } });
    // Logged as queued without a job, so that the server's own worker does not send it first.
    const queue = (phone: string): Promise<string> =>
      s.store.sms.log({ jurisdiction_id: JURISDICTION.id, phone, direction: 'out', body: 'Hello', state: 'queued', at: clock });
    const refused = await queue('+15550100106');
    await sendQueued(failing('refused'), { messageId: refused });
    expect((await s.store.sms.message(refused))?.state).toBe('failed');
    const down = await queue('+15550100106');
    await expect(sendQueued(failing('unavailable'), { messageId: down })).rejects.toThrow(SmsError);
    expect((await s.store.sms.message(down))?.state).toBe('queued');
    await sendQueued(ch, { messageId: down });
    await sendQueued(failing('refused'), { messageId: down });
    expect((await s.store.sms.message(down))).toMatchObject({ state: 'sent', provider_id: expect.stringMatching(/^log-/) });
    const late = await queue('+15550100107');
    await s.store.sms.optOut(JURISDICTION.id, '+15550100107', clock);
    await sendQueued(ch, { messageId: late });
    expect((await s.store.sms.message(late))?.state).toBe('failed');
  });

  it('answers every one of several messages of one number that arrive at once', async () => {
    const phone = '+15550100108';
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => text(phone, `hello ${i}`)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(answers.every((a) => a.replies.length === 1)).toBe(true);
    const logged = await s.store.sms.messagesOf(JURISDICTION.id, phone, 20);
    expect(logged.filter((m) => m.direction === 'in').map((m) => m.body).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `hello ${i}`));
  });

  it('answers every one of several messages of one number handled by several processes at once', async () => {
    const phone = '+15550100109';
    // Each copy of the channel stands for a process: its own turns, the one database.
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) =>
      receiveSms({ ...ch, inTurn: inTurn() }, { provider: 'neutral', messageId: nextId(), from: phone, to: '+15550100000', body: `deer ${i}` })));
    expect(answers.every((a) => a.replies.length === 1 && a.ignored === undefined)).toBe(true);
    expect((await s.store.sms.messagesOf(JURISDICTION.id, phone, 20)).filter((m) => m.direction === 'in')).toHaveLength(8);
  });

  it('answers an unexpected failure in the webhook\'s own error shape, saving nothing', async () => {
    const phone = '+15550100110';
    const handled = s.store.sms.handled;
    s.store.sms.handled = () => Promise.reject(new Error('the database went away'));
    try {
      const failed = await text(phone, 'pothole');
      expect(failed.status).toBe(500);
      expect(JSON.parse(failed.raw)).toEqual({ error: expect.stringContaining('send it again') });
    } finally {
      s.store.sms.handled = handled;
    }
    await nothingStored(phone);
  });

  it('never answers a message from our own number', async () => {
    const own = '+15550100000';
    expect(await text(own, 'pothole')).toMatchObject({ status: 200, replies: [] });
    await nothingStored(own);
  });

  it('stops answering a number that floods', async () => {
    const phone = '+15550100105';
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push((await text(phone, 'help')).replies.length);
    expect(answers.slice(0, 8).every((k) => k === 1)).toBe(true);
    expect(answers.slice(8)).toEqual([0, 0]);
  });
});

describe('SMS Twilio webhook', () => {
  let s: Server;
  const TOKEN = 'twilio-auth-token-0123456789abcdef';
  const PUBLIC = 'https://311.springfield.example';

  beforeAll(async () => {
    s = await startServer('sqlite', {
      options: {
        publicUrl: PUBLIC,
        plugins: [async (app, ctx) => {
          await registerSms(app, ctx, { provider: 'twilio', secret: TOKEN, sender: logSender(), numbers: new Map([['+15550100000', undefined]]) });
        }],
      },
    });
  });
  afterAll(() => s?.close());

  const post = (params: URLSearchParams, signature: string | undefined, host?: string) => fetch(`${s.url}/channels/sms/inbound/twilio`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature && { 'x-twilio-signature': signature }), ...(host && { host }) },
    body: params.toString(),
  });

  it('answers a message signed for the configured public URL with TwiML', async () => {
    const params = new URLSearchParams({ MessageSid: 'SM0001', AccountSid: 'AC1', From: '+33612345678', To: '+15550100000', Body: 'Bonjour' });
    const res = await post(params, twilioSignature(TOKEN, `${PUBLIC}/channels/sms/inbound/twilio`, params));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    const body = await res.text();
    expect(body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response><Message>Bonjour ! Que voulez-vous signaler \? Répondez par un numéro :\n1 /);
    expect(body).toMatch(/\n\d Pothole\n/);
  });

  it('refuses a message to a number that is not ours, and stores nothing of it', async () => {
    const params = new URLSearchParams({ MessageSid: 'SM0003', From: '+33612345670', To: '+15550100009', Body: 'Bonjour' });
    const res = await post(params, twilioSignature(TOKEN, `${PUBLIC}/channels/sms/inbound/twilio`, params));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('not one of the numbers');
    expect(await s.store.sms.handled('twilio', 'SM0003')).toBe(false);
    expect(await s.store.sms.messagesOf(JURISDICTION.id, '+33612345670', 5)).toEqual([]);
  });

  it('refuses a signature made for another host, whatever the Host header says', async () => {
    const params = new URLSearchParams({ MessageSid: 'SM0002', From: '+33612345679', To: '+15550100000', Body: 'Bonjour' });
    const forged = twilioSignature(TOKEN, 'https://evil.example/channels/sms/inbound/twilio', params);
    expect((await post(params, forged, 'evil.example')).status).toBe(403);
    expect((await post(params, undefined)).status).toBe(403);
    expect(await s.store.sms.handled('twilio', 'SM0002')).toBe(false);
  });
});
