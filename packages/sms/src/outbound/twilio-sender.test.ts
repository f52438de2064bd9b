import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmsError } from '../errors.js';
import { twilioSender } from './twilio-sender.js';

const SID = `AC${'1'.repeat(32)}`;

/** A stand-in for Twilio's Messages API: answers by the destination number. */
describe('Twilio sender', () => {
  let server: Server;
  let base: string;
  const seen: { url: string; auth: string; form: URLSearchParams }[] = [];

  const body = (req: IncomingMessage): Promise<string> =>
    new Promise((resolve) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString()));
      req.on('end', () => resolve(data));
    });

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const form = new URLSearchParams(await body(req));
      seen.push({ url: req.url ?? '', auth: req.headers.authorization ?? '', form });
      const to = form.get('To');
      const [status, answer] = to === '+15550000400' ? [400, { code: 21211, message: "The 'To' number is not valid." }] : to === '+15550000503' ? [503, {}] : [201, { sid: 'SM123' }];
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses a private or loopback API address unless private endpoints are allowed', () => {
    expect(() => twilioSender({ accountSid: SID, authToken: 't', from: '+15550100000', apiBase: base })).toThrow(/loopback, private or link-local/);
    expect(() => twilioSender({ accountSid: 'AC1', authToken: 't', from: '+15550100000' })).toThrow(SmsError);
  });

  it('posts the message with the account credentials and gives back its SID', async () => {
    const sender = twilioSender({ accountSid: SID, authToken: 'token', from: '+15550100000', apiBase: base, allowPrivate: true });
    expect(await sender.send({ to: '+15550100001', body: 'Hola' })).toEqual({ providerId: 'SM123' });
    const last = seen.at(-1)!;
    expect(last.url).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(last.auth).toBe(`Basic ${Buffer.from(`${SID}:token`).toString('base64')}`);
    expect(Object.fromEntries(last.form)).toEqual({ To: '+15550100001', From: '+15550100000', Body: 'Hola' });
  });

  it('tells a refusal (not retried) from an outage (retried)', async () => {
    const sender = twilioSender({ accountSid: SID, authToken: 'token', from: 'MG0123', apiBase: base, allowPrivate: true });
    await expect(sender.send({ to: '+15550000400', body: 'x' })).rejects.toMatchObject({ kind: 'refused', message: expect.stringContaining('is not valid') });
    await expect(sender.send({ to: '+15550000503', body: 'x' })).rejects.toMatchObject({ kind: 'unavailable' });
    expect(seen.at(-1)?.form.get('MessagingServiceSid')).toBe('MG0123');
    const gone = twilioSender({ accountSid: SID, authToken: 'token', from: '+1555', apiBase: 'http://127.0.0.1:1', allowPrivate: true });
    await expect(gone.send({ to: '+15550100001', body: 'x' })).rejects.toMatchObject({ kind: 'unavailable' });
  });
});
