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
import { seedDemoRegistry } from './support/demo-region.js';
import { SIMULATOR_POSTS_PER_MINUTE } from '../src/sms-simulator/routes.js';

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
    const res = await w.postForm('/channels/sms/simulator', { from: '+1 515 555 0101', body: 'Hello' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/channels/sms/simulator?from=%2B15155550101#sms-transcript');
    const page = await w.get('/channels/sms/simulator?from=%2B15155550101');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<span class="sms-body">Hello</span>');
    expect(page.body).toContain('What do you want to report? Reply with a number:');
  });

  it('finds a typed address in the city\'s gazetteer', async () => {
    const send = async (body: string): Promise<string | undefined> => {
      const res = await w.postForm('/channels/sms/simulator', { from: '+15155550104', body }, undefined, { accept: 'application/json' });
      return res.json<{ messages: { body: string }[] }>().messages.at(-1)?.body;
    };
    expect(await send('I want to report a pothole')).toBe('Pothole. Where is it? Send a street address, or share your location.');
    expect(await send('Nowhere Lane 99999')).toMatch(/^We could not find that place/);
    // The demo gazetteer has two "200 Main St": the reporter is asked which.
    expect(await send('200 Main St')).toMatch(/^We found several places\. Reply with a number:\n1 200 Main St \(41\.\d+, -93\.\d+\)\n2 200 Main St \(41\.\d+, -93\.\d+\)$/);
    expect(await send('1')).toMatch(/^Describe the problem in a few words\. Your description will be public/);
    expect(await send('Deep hole')).toMatch(/Reply with a number/);
    expect(await send('1')).toMatch(/Reply with a number/);
    expect(await send('2')).toMatch(/^Pothole at 200 Main St.*: "Deep hole"\. Reply YES/);
  });

  it('refuses a shared location far outside the city (the boundary of its own registry endpoint) and asks again', async () => {
    const send = async (body: string): Promise<string | undefined> => {
      const res = await w.postForm('/channels/sms/simulator', { from: '+15155550105', body }, undefined, { accept: 'application/json' });
      return res.json<{ messages: { body: string }[] }>().messages.at(-1)?.body;
    };
    await seedDemoRegistry(w.store);
    expect(await send('I want to report a pothole')).toMatch(/^Pothole\. Where is it\?/);
    const paris = await send('48.8566,2.3522');
    expect(paris).not.toMatch(/^Describe the problem/);
    expect(paris).toMatch(/Where is it\?|outside|not in/i);
    expect(await send('41.5868,-93.625')).toMatch(/^Describe the problem in a few words/);
  });

  it('answers the transcript as JSON to its script', async () => {
    const res = await w.postForm('/channels/sms/simulator', { from: '+15155550102', body: 'help' }, undefined, { accept: 'application/json' });
    expect(res.statusCode).toBe(200);
    const answer = res.json<{ messages: { direction: string; body: string }[]; noReply: boolean }>();
    expect(answer.noReply).toBe(false);
    expect(answer.messages.map((m) => m.direction)).toEqual(['in', 'out']);
    expect(answer.messages[1]?.body).toMatch(/^City problem reports by SMS/);
    const again = await w.app.inject({ method: 'GET', url: '/channels/sms/simulator?from=%2B15155550102', headers: { accept: 'application/json' } });
    expect(again.json<{ messages: unknown[] }>().messages).toEqual(answer.messages);
  });

  it('names a bad number and an empty message, and refuses a form from another site', async () => {
    const res = await w.postForm('/channels/sms/simulator', { from: 'call me', body: ' ' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Enter a fictional number');
    expect(res.body).toContain('Type a message.');
    // Too long to be a number, however much of it would read as one.
    const padded = await w.postForm('/channels/sms/simulator', { from: `+1 515 555 0103${' '.repeat(20)}x`, body: 'hi' });
    expect(padded.statusCode).toBe(400);
    expect(padded.body).toContain('Enter a fictional number');
    const foreign = await w.postForm('/channels/sms/simulator', { from: '+15155550103', body: 'hi' }, undefined, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(await w.store.sms.messagesOf((await w.store.primaryJurisdiction())!.id, '+15155550103', 5)).toEqual([]);
  });

  it('speaks as fictional numbers only, so a real reporter\'s texts are never shown', async () => {
    const j = (await w.store.primaryJurisdiction())!;
    const real = '+15155550199'.replace('5550199', '2340199');
    await w.store.sms.log({ jurisdiction_id: j.id, phone: real, direction: 'in', body: 'deer on the shoulder', state: 'logged', at: Date.now() });
    const page = await w.get(`/channels/sms/simulator?from=${encodeURIComponent(real)}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('deer on the shoulder');
    const json = await w.app.inject({ method: 'GET', url: `/channels/sms/simulator?from=${encodeURIComponent(real)}`, headers: { accept: 'application/json' } });
    expect(json.json<{ messages: unknown[] }>().messages).toEqual([]);
    const posted = await w.postForm('/channels/sms/simulator', { from: real, body: 'STOP' });
    expect(posted.statusCode).toBe(400);
    expect(posted.body).toContain('Enter a fictional number');
    expect(await w.store.sms.optedOut(j.id, real)).toBe(false);
  });

  it('limits the messages one client posts in a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < SIMULATOR_POSTS_PER_MINUTE + 2; i++) {
      statuses.push((await w.postForm('/channels/sms/simulator', { from: `+1515555${String(150 + (i % 40)).padStart(4, '0')}`, body: 'help' }, undefined, { 'x-forwarded-for': '198.51.100.7' })).statusCode);
    }
    expect(statuses.filter((c) => c === 429).length).toBeGreaterThan(0);
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
