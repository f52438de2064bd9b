/**
 * The SMTP listener with nodemailer as the sending client, on an ephemeral
 * port: a mail for the intake address is filed; other mailboxes are refused
 * at RCPT (550: no open relay); a message over the size limit is refused at
 * DATA with 552 and nothing is stored.
 */
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
