/**
 * The SMS simulator page without a browser: the form posts a message as the
 * number and comes back with the reply (post/redirect/get), answers JSON to
 * its script, refuses a bad number or a foreign form, and is not served
 * unless the simulator is enabled. A status change made through the staff
 * API queues the follower's SMS at once (the web apps' publicChange).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logSender, SMS_JOB } from '@o311/sms';
import { startJobQueue, type JobQueue } from '@o311/server';
import { freshUrl, type FreshDatabase } from '../../../test-support/databases.js';
import { buildWebTestApp, type WebTestApp } from './support/app.js';

const SMS = { provider: 'neutral', secret: 'web-test-sms-secret-0123', sender: logSender() } as const;

describe('SMS simulator routes', () => {
  let w: WebTestApp;
  let jobs: JobQueue;
  let queueDb: FreshDatabase;
  beforeAll(async () => {
    queueDb = await freshUrl('sqlite');
    jobs = await startJobQueue(queueDb.url);
    w = await buildWebTestApp({ jobs, web: { sms: { ...SMS, simulator: true } } });
  });
  afterAll(async () => {
    await w?.close();
    await jobs?.stop({ graceMs: 0 });
    await queueDb?.cleanup();
  });

  it('sends a message as the number and shows the reply on the page it redirects to', async () => {
    const res = await w.postForm('/channels/sms/simulator', { from: '+1 555 010 0301', body: 'Hello' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/channels/sms/simulator?from=%2B15550100301#sms-transcript');
    const page = await w.get('/channels/sms/simulator?from=%2B15550100301');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<span class="sms-body">Hello</span>');
    expect(page.body).toContain('What do you want to report? Reply with a number:');
  });

  it('finds a typed address in the city\'s gazetteer', async () => {
    const send = async (body: string): Promise<string | undefined> => {
      const res = await w.postForm('/channels/sms/simulator', { from: '+15550100304', body }, undefined, { accept: 'application/json' });
      return res.json<{ messages: { body: string }[] }>().messages.at(-1)?.body;
    };
    expect(await send('I want to report a pothole')).toBe('Pothole. Where is it? Send a street address, or share your location.');
    expect(await send('Nowhere Lane 99999')).toMatch(/^We could not find that place/);
    expect(await send('200 Main St')).toBe('Describe the problem in a few words.');
    expect(await send('Deep hole')).toMatch(/Reply with a number/);
    expect(await send('1')).toMatch(/Reply with a number/);
    expect(await send('2')).toMatch(/^Pothole at 200 Main St.*: "Deep hole"\. Reply YES/);
  });

  it('answers the transcript as JSON to its script', async () => {
    const res = await w.postForm('/channels/sms/simulator', { from: '+15550100302', body: 'help' }, undefined, { accept: 'application/json' });
    expect(res.statusCode).toBe(200);
    const answer = res.json<{ messages: { direction: string; body: string }[]; noReply: boolean }>();
    expect(answer.noReply).toBe(false);
    expect(answer.messages.map((m) => m.direction)).toEqual(['in', 'out']);
    expect(answer.messages[1]?.body).toMatch(/^City problem reports by SMS/);
    const again = await w.app.inject({ method: 'GET', url: '/channels/sms/simulator?from=%2B15550100302', headers: { accept: 'application/json' } });
    expect(again.json<{ messages: unknown[] }>().messages).toEqual(answer.messages);
  });

  it('names a bad number and an empty message, and refuses a form from another site', async () => {
    const res = await w.postForm('/channels/sms/simulator', { from: 'call me', body: ' ' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Enter an international phone number');
    expect(res.body).toContain('Type a message.');
    const foreign = await w.postForm('/channels/sms/simulator', { from: '+15550100303', body: 'hi' }, undefined, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(await w.store.sms.messagesOf((await w.store.primaryJurisdiction())!.id, '+15550100303', 5)).toEqual([]);
  });

  it('queues the status texts when the staff API changes a status', async () => {
    const j = (await w.store.primaryJurisdiction())!;
    const [request] = await w.store.listPublicRequests({ jurisdiction_id: j.id, limit: 1, offset: 0 });
    const { secret } = await w.store.createStaffToken({ name: 't', role: 'admin' });
    const res = await w.app.inject({
      method: 'POST', url: `/api/v1/requests/${request!.id}/status`,
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, payload: { status: 'in_progress', note: 'On it' },
    });
    expect(res.statusCode).toBe(200);
    const ticks = await jobs.list({ name: SMS_JOB.tick, limit: 10 });
    expect(ticks.length).toBeGreaterThan(0);
  });

  it('is not served unless enabled', async () => {
    const plain = await buildWebTestApp({ seedDemo: false, web: { sms: SMS } });
    try {
      expect((await plain.get('/channels/sms/simulator')).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
