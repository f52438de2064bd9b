/**
 * The SMTP listener with nodemailer as the sending client, on an ephemeral
 * port: a mail for the intake address is filed; other mailboxes are refused
 * at RCPT (550: no open relay); a message over the size limit is refused at
 * DATA with 552 and nothing is stored; auto-replies and malformed mail are
 * taken (250) and filed as nothing; recipients per message are bounded.
 */
import { connect, type Socket } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestResult } from '../src/ingest.js';
import { startSmtpIntake, type SmtpIntake } from '../src/smtp-listener.js';
import { CITY, INTAKE, intakeFixture, type IntakeFixture } from './support/intake.js';


describe('SMTP listener', () => {
  let f: IntakeFixture;
  let smtp: SmtpIntake;
  const results: IngestResult[] = [];
  beforeAll(async () => {
    f = await intakeFixture('sqlite');
    smtp = await startSmtpIntake(f.ic, { port: 0, host: '127.0.0.1', onResult: (r) => results.push(r) });
  });
  afterAll(async () => {
    await smtp?.close();
    await f?.close();
  });

  const transport = () => nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
  const count = async () => (await f.store.listRequests({ jurisdiction_id: CITY.id, limit: 1000, offset: 0 })).length;

  it('files a mail sent to the intake address', async () => {
    const info = await transport().sendMail({ from: 'jane@example.org', to: INTAKE, subject: 'Pothole', text: 'Address: 1 Main St\nA hole.' });
    expect(info.accepted).toEqual([INTAKE]);
    expect(info.response).toMatch(/^250 .*Queued as request \d+/);
    expect(results.at(-1)).toMatchObject({ verdict: 'filed' });
  });

  it('refuses other mailboxes at RCPT with 550 (no open relay)', async () => {
    const sent = transport().sendMail({ from: 'jane@example.org', to: 'victim@elsewhere.example', subject: 'x', text: 'y' });
    await expect(sent).rejects.toMatchObject({ responseCode: 550 });
  });

  it('accepts an auto-reply and a malformed message without filing either (no bounce, no loop)', async () => {
    const before = await count();
    const auto = await transport().sendMail({
      from: 'away@example.org', to: INTAKE, subject: 'Out of office', text: 'I am away', headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect(auto.response).toMatch(/^250 /);
    expect(results.at(-1)).toEqual({ verdict: 'ignored', reason: 'auto-submitted' });
    const raw = await transport().sendMail({ envelope: { from: 'x@example.org', to: [INTAKE] }, raw: 'garbage without headers\r\n\r\n--\r\n' });
    expect(raw.response).toMatch(/^250 /);
    expect(results.at(-1)).toEqual({ verdict: 'quarantined', reason: 'malformed' });
    expect(await count()).toBe(before);
  });

  it('takes at most 10 recipients of one message (452 for the rest)', async () => {
    const many = Array.from({ length: 11 }, (_, i) => `report+recipient-number-${String(i).padStart(2, '0')}@riverton.example`);
    const info = await transport().sendMail({ from: 'jane@example.org', to: many, subject: 'x', text: 'Address: 1 Main St' });
    expect(info.accepted).toHaveLength(10);
    expect(info.rejected).toEqual([many[10]]);
    expect((info as unknown as { rejectedErrors: { responseCode: number }[] }).rejectedErrors[0]?.responseCode).toBe(452);
  });

  it('takes at most 5 connections at once from one address (421 for the sixth)', async () => {
    const greeting = (socket: Socket) => new Promise<string>((resolve) => socket.once('data', (d: Buffer) => resolve(d.toString())));
    const sockets = Array.from({ length: 6 }, () => connect(smtp.port, '127.0.0.1'));
    try {
      // Which socket the server takes last is its choice: count the answers.
      const codes = (await Promise.all(sockets.map(greeting))).map((g) => g.slice(0, 3)).sort();
      expect(codes).toEqual(['220', '220', '220', '220', '220', '421']);
    } finally {
      for (const s of sockets) s.destroy();
    }
  });

  it('ends a session kept alive with NOOP at its maximum time, with 421', async () => {
    const short = await startSmtpIntake(f.ic, { port: 0, host: '127.0.0.1', maxSessionMs: 300 });
    const socket = connect(short.port, '127.0.0.1');
    socket.on('error', () => undefined);
    let heard = '';
    socket.on('data', (d: Buffer) => {
      heard += d.toString();
      if (!socket.destroyed) socket.write('NOOP\r\n');
    });
    try {
      await new Promise((resolve) => socket.once('close', resolve));
      expect(heard).toMatch(/^220 /);
      expect(heard).toContain('250');
      expect(heard).toMatch(/421 Session too long/);
    } finally {
      socket.destroy();
      await short.close();
    }
  });

  it('refuses a 30 MB attachment (over the 20 MB limit) with 552 and stores nothing', async () => {
    const before = await count();
    const huge = Buffer.alloc(30 * 1024 * 1024, 'a');
    const sent = transport().sendMail({
      from: 'jane@example.org', to: INTAKE, subject: 'Huge', text: 'see attachment', attachments: [{ filename: 'big.bin', content: huge }],
    });
    await expect(sent).rejects.toMatchObject({ responseCode: 552 });
    expect(await count()).toBe(before);
  });
});
