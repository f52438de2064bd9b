/**
 * The reporter's mail and updates (issue 14): the receipt, following in the
 * form's language, "is it fixed?" (a GET changes nothing; no reopens within
 * the window, else tells staff), updates from the mail's link, refused links,
 * receipts for API submissions as the jurisdiction chooses, and mail once per
 * job however often it runs.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPORTER_AUTHOR, REPORTER_FIXED_AUTHOR, REPORTER_NOT_FIXED_AUTHOR } from '@o311/store';
import { ACCOUNT_COOKIE } from '../src/account/session-cookie.js';
import { webApiKey } from '../src/citizen/api-key.js';
import { sendReceipt } from '../src/reporter/receipt.js';
import { reporterTick } from '../src/reporter/questions.js';
import { buildCitizenTestApp, JURISDICTION_ID, multipart, POTHOLE_REPORT, TINY_JPEG, type CitizenTestApp } from './support/citizen-app.js';

let t: CitizenTestApp;
beforeAll(async () => {
  t = await buildCitizenTestApp({ web: { publicUrl: 'https://311.riverton.example' } });
});
afterAll(() => t.close());

let seq = 0;
const REPORT = {
  ...POTHOLE_REPORT,
  first_name: 'Rita',
  last_name: 'Reporter',
  phone: '555-0100',
};

const eventually = <T>(check: () => Promise<T>): Promise<T> => vi.waitFor(check, { timeout: 10_000, interval: 20 });
const mailsTo = (to: string) => t.store.listOutbox({ to, limit: 50 });
const tokenIn = (text: string, path: string): string => {
  const m = new RegExp(`${path.replace('?', '\\?')}\\?token=([^\\s&]+)`).exec(text);
  if (!m) throw new Error(`no ${path} link in: ${text}`);
  return decodeURIComponent(m[1]!);
};

/** Reports through the web form as a new address; the request id and the receipt mail. */
async function report(lang = 'en') {
  const email = `rita.${++seq}.${Date.now()}@example.org`;
  const res = await t.postForm(`/report/POTHOLE?lang=${lang}`, { ...REPORT, email });
  expect(res.statusCode, res.body).toBe(303);
  const id = /id=(\d+)/.exec(res.headers.location ?? '')![1]!;
  const receipt = await eventually(async () => {
    const [m] = await mailsTo(email);
    expect(m).toBeDefined();
    return m!;
  });
  return { id, email, receipt, token: tokenIn(receipt.text, '/reporter/update') };
}

const close = (id: string) => t.store.changeStatus({ jurisdiction_id: JURISDICTION_ID, request_id: id, status: 'closed', note: 'Filled.', author: 'Crew' });
const status = async (id: string) => (await t.store.getRequest(JURISDICTION_ID, id))!.status;

describe('the receipt', () => {
  it('mails the number, tracker, update and stop links at once, in the form\'s language, and follows the request', async () => {
    const { id, email, receipt } = await report('es');
    expect(receipt.subject).toBe(`Hemos recibido su solicitud n.º ${id}`);
    expect(receipt.text).toContain(`https://311.riverton.example/track/${id}`);
    expect(receipt.text).toContain('https://311.riverton.example/reporter/update?token=o311r_');
    expect(receipt.text).toContain('https://311.riverton.example/track/unsubscribe?token=');
    const [follower] = await t.store.listConfirmedFollowers(JURISDICTION_ID, id);
    expect(follower).toMatchObject({ email, locale: 'es' });
    // The confirmation page no longer tells them to ask for updates they already get.
    const sentPage = await t.app.inject({ url: `/report/POTHOLE/sent?id=${id}&lang=es` });
    expect(sentPage.body).toContain('Si dejó su correo electrónico, le hemos enviado un acuse de recibo');
  });

  it('mails every public update to the reporter in Spanish, and the stop link ends them', async () => {
    const { id, email, receipt } = await report('es');
    await t.store.changeStatus({ jurisdiction_id: JURISDICTION_ID, request_id: id, status: 'in_progress', note: 'Equipo en camino.', author: 'Crew' });
    await t.notify(id);
    const update = (await mailsTo(email)).find((m) => m.text.includes('Equipo en camino.'));
    expect(update?.subject).toContain(id);
    expect(update?.text).toMatch(/solicitud/i);
    const stop = tokenIn(receipt.text, '/track/unsubscribe');
    // The stop link shows a button; only its POST unsubscribes.
    expect((await t.app.inject({ url: `/track/unsubscribe?token=${encodeURIComponent(stop)}` })).statusCode).toBe(200);
    expect(await t.store.listConfirmedFollowers(JURISDICTION_ID, id)).toHaveLength(1);
    await t.postForm('/track/unsubscribe', { token: stop });
    expect(await t.store.listConfirmedFollowers(JURISDICTION_ID, id)).toHaveLength(0);
  });

  it('keeps the reporter\'s contact data off the public pages and the API', async () => {
    const { id, email } = await report();
    for (const url of [`/track/${id}`, `/open311/v2/requests/${id}.json?extensions=true`, `/track/${id}/feed.atom`]) {
      const body = (await t.app.inject({ url })).body;
      for (const secret of [email, 'Rita', 'Reporter', '555-0100']) expect(body, url).not.toContain(secret);
    }
  });

  it('mails once however often the job runs (a retry)', async () => {
    const { id, email } = await report();
    const data = { jurisdictionId: JURISDICTION_ID, requestId: id, locale: 'en' };
    await sendReceipt(t.web, data);
    await sendReceipt(t.web, data);
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it('goes to reports the page\'s JavaScript posts with the web app\'s key, in the browser\'s language, the setting off', async () => {
    const email = `js.${Date.now()}@example.org`;
    const res = await t.app.inject({
      method: 'POST', url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'fr-FR,fr;q=0.9' },
      payload: new URLSearchParams({ api_key: await webApiKey(t.web), ...REPORT, email }).toString(),
    });
    expect(res.statusCode, res.body).toBe(200);
    const [receipt] = await eventually(async () => {
      const mails = await mailsTo(email);
      expect(mails).toHaveLength(1);
      return mails;
    });
    expect(receipt!.subject).toMatch(/^Nous avons reçu votre demande n° \d+$/);
  });

  it('goes to reporters of other apps\' API submissions only when the jurisdiction asks for it', async () => {
    const { secret } = await t.store.createApiKey({ name: 'fms-like', rate_limit_per_minute: 60, trusted: false });
    const post = (email: string) =>
      t.app.inject({
        method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ api_key: secret, ...REPORT, email }).toString(),
      });
    const quiet = `api.quiet.${Date.now()}@example.org`;
    expect((await post(quiet)).statusCode).toBe(200);
    const loud = `api.loud.${Date.now()}@example.org`;
    await t.store.reporter.saveSettings({ jurisdiction_id: JURISDICTION_ID, receipts_for_api: true, question_delay_hours: 0, reopen_window_days: 30 }, Date.now());
    try {
      expect((await post(loud)).statusCode).toBe(200);
      await eventually(async () => expect(await mailsTo(loud)).toHaveLength(1));
      expect(await mailsTo(quiet)).toHaveLength(0);
    } finally {
      await t.store.reporter.saveSettings({ jurisdiction_id: JURISDICTION_ID, receipts_for_api: false, question_delay_hours: 0, reopen_window_days: 30 }, Date.now());
    }
  });

  it('costs an API post without an e-mail nothing: the receipt hook is not even asked', async () => {
    const { secret } = await t.store.createApiKey({ name: 'no-mail', rate_limit_per_minute: 60, trusted: false });
    const hook = t.web.services.requestFiled;
    const told: string[] = [];
    t.web.services.requestFiled = async (request, j, key, requestId) => {
      told.push(requestId);
      await hook?.(request, j, key, requestId);
    };
    try {
      const post = (extra: Record<string, string>) =>
        t.app.inject({
          method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ api_key: secret, ...REPORT, ...extra }).toString(),
        });
      expect((await post({})).statusCode).toBe(200);
      expect((await post({ email: '  ' })).statusCode).toBe(200);
      expect(told).toEqual([]);
      expect((await post({ email: `told.${Date.now()}@example.org` })).statusCode).toBe(200);
      expect(told).toHaveLength(1);
    } finally {
      t.web.services.requestFiled = hook;
    }
  });
});

describe('updates from the mail\'s link', () => {
  it('adds a public comment and a photo, marked as the reporter\'s, on the tracker', async () => {
    const { id, token } = await report();
    const page = await t.app.inject({ url: `/reporter/update?token=${encodeURIComponent(token)}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="reporter-update-form"');
    // The photos the server takes (and its "not a photo" message names), HEIC from a phone included.
    expect(page.body).toContain('name="photo" accept="image/jpeg,image/png,image/gif,image/webp,image/heic"');
    const body = multipart([['token', token], ['comment', 'It got bigger overnight.']], [{ field: 'photo', filename: 'hole.jpg', type: 'image/jpeg', bytes: TINY_JPEG }]);
    const res = await t.app.inject({ method: 'POST', url: '/reporter/update', headers: { 'content-type': body.contentType }, payload: body.payload });
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`/track/${id}#timeline`);
    const last = (await t.store.listEvents(JURISDICTION_ID, id)).at(-1)!;
    expect(last).toMatchObject({ type: 'comment', description: 'It got bigger overnight.', author: REPORTER_AUTHOR, public: true });
    expect(last.media_url).toMatch(/^\/open311\/v2\/media\//);
    expect((await t.app.inject({ url: last.media_url! })).headers['content-type']).toBe('image/jpeg');
    const tracker = (await t.app.inject({ url: `/track/${id}` })).body;
    expect(tracker).toContain('It got bigger overnight.');
    expect(tracker).toContain('Update from the reporter');
  });

  it('refuses an empty update, a wrong link and an expired one', async () => {
    const { id, token } = await report();
    const empty = await t.postForm('/reporter/update', { token, comment: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Write a comment, add a photo, or reopen the request.');
    expect((await t.app.inject({ url: '/reporter/update?token=o311r_wrong' })).statusCode).toBe(404);
    expect((await t.postForm('/reporter/update', { token: 'o311r_wrong', comment: 'x' })).statusCode).toBe(404);
    const broken = await t.app.inject({ method: 'POST', url: '/reporter/update', headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: 'not multipart' });
    expect(broken.statusCode).toBe(400);
    const expired = await t.store.reporter.issueToken(JURISDICTION_ID, id, Date.now() - 10_000, Date.now() - 1);
    const page = await t.app.inject({ url: `/reporter/update?token=${encodeURIComponent(expired)}` });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('This link does not work');
    expect((await t.store.listEvents(JURISDICTION_ID, id)).filter((e) => e.author === REPORTER_AUTHOR)).toEqual([]);
  });

  it('counts a line break as one character, as the textarea\'s maxlength does; one over the limit stores nothing', async () => {
    const { id, token } = await report();
    // What a browser sends for 2,000 characters typed in ten lines: each break as CRLF.
    const typed = `${'x'.repeat(199)}\n`.repeat(10);
    const sent = typed.replace(/\n/g, '\r\n');
    const ok = await t.postForm('/reporter/update', { token, comment: sent });
    expect(ok.statusCode, ok.body).toBe(303);
    expect((await t.store.listEvents(JURISDICTION_ID, id)).at(-1)).toMatchObject({ author: REPORTER_AUTHOR, description: typed.trim() });
    const over = await t.postForm('/reporter/update', { token, comment: `${sent}yz` });
    expect(over.statusCode).toBe(400);
    expect(over.body).toContain('The comment may have at most 2000 characters.');
    expect((await t.store.listEvents(JURISDICTION_ID, id)).filter((e) => e.author === REPORTER_AUTHOR)).toHaveLength(1);
  });

  it('reopens a request closed by mistake within the window, and not after it', async () => {
    const { id, token } = await report();
    await close(id);
    const page = await t.app.inject({ url: `/reporter/update?token=${encodeURIComponent(token)}` });
    expect(page.body).toContain('id="reporter-reopen"');
    expect((await t.postForm('/reporter/update', { token, comment: 'Still there.', reopen: '1' })).statusCode).toBe(303);
    expect(await status(id)).toBe('open');

    await close(id);
    await t.store.reporter.saveSettings({ jurisdiction_id: JURISDICTION_ID, receipts_for_api: false, question_delay_hours: 0, reopen_window_days: 0 }, Date.now());
    try {
      const late = await t.postForm('/reporter/update', { token, comment: 'Again.', reopen: '1' });
      expect(late.statusCode).toBe(409);
      expect(await status(id)).toBe('closed');
    } finally {
      await t.store.reporter.saveSettings({ jurisdiction_id: JURISDICTION_ID, receipts_for_api: false, question_delay_hours: 0, reopen_window_days: 30 }, Date.now());
    }
  });
});

describe('updates from the signed-in owner\'s account', () => {
  let ip = 0;
  /** Signs in through the mailed link; the account cookie. */
  async function signIn(email: string): Promise<string> {
    const remoteAddress = `10.9.0.${++ip}`;
    const post = (url: string, fields: Record<string, string>) =>
      t.app.inject({ method: 'POST', url, remoteAddress, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });
    expect((await post('/account/sign-in', { email })).statusCode).toBe(200);
    const link = (await mailsTo(email)).find((m) => m.text.includes('/account/link?token='))!;
    const token = /\/account\/link\?token=([A-Za-z0-9_-]+)/.exec(link.text)![1]!;
    const res = await post('/account/link', { token });
    const cookie = res.cookies.find((c) => c.name === ACCOUNT_COOKIE)!;
    return `${ACCOUNT_COOKIE}=${cookie.value}`;
  }

  it('lets the owner add an update from "My reports"; nobody else', async () => {
    const owner = `owner.${Date.now()}@example.org`;
    const cookie = await signIn(owner);
    const res = await t.app.inject({
      method: 'POST', url: '/report/POTHOLE', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ ...REPORT, email: owner }).toString(),
    });
    const id = /id=(\d+)/.exec(res.headers.location ?? '')![1]!;
    const mine = (await t.app.inject({ url: '/account', headers: { cookie } })).body;
    expect(mine).toContain(`href="/reporter/update?request=${id}"`);
    const page = await t.app.inject({ url: `/reporter/update?request=${id}`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`name="request" value="${id}"`);
    const update = (fields: Record<string, string>) => t.app.inject({
      method: 'POST', url: '/reporter/update', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ request: id, ...fields }).toString(),
    });
    // The session cookie alone is not enough: another site's form could send it.
    const forged = await update({ comment: 'Forged.' });
    expect(forged.statusCode).toBe(404);
    expect((await update({ comment: 'Forged.', _csrf: 'not-the-token' })).statusCode).toBe(404);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const sent = await update({ comment: 'From my account.', _csrf: csrf });
    expect(sent.statusCode).toBe(303);
    const events = await t.store.listEvents(JURISDICTION_ID, id);
    expect(events.at(-1)).toMatchObject({ description: 'From my account.', author: REPORTER_AUTHOR });
    expect(events.filter((e) => e.description === 'Forged.')).toEqual([]);

    expect((await t.app.inject({ url: `/reporter/update?request=${id}` })).statusCode, 'signed out').toBe(404);
    const stranger = await signIn(`stranger.${Date.now()}@example.org`);
    expect((await t.app.inject({ url: `/reporter/update?request=${id}`, headers: { cookie: stranger } })).statusCode).toBe(404);
  });
});

describe('"is it fixed?"', () => {
  async function asked() {
    const r = await report();
    await close(r.id);
    await reporterTick(t.web);
    const question = (await mailsTo(r.email)).find((m) => m.subject.startsWith('Is it fixed?'));
    expect(question).toBeDefined();
    const no = /\/reporter\/fixed\?token=([^\s&]+)&answer=no/.exec(question!.text)![1]!;
    return { ...r, question: question!, fixedToken: decodeURIComponent(no) };
  }

  it('is mailed once per closing however often the tick runs', async () => {
    const { id, email } = await asked();
    await reporterTick(t.web);
    await reporterTick(t.web);
    expect((await mailsTo(email)).filter((m) => m.subject === `Is it fixed? Request #${id}`)).toHaveLength(1);
  });

  it('"no" shows a button (the GET changes nothing), and its POST reopens within the window', async () => {
    const { id, fixedToken } = await asked();
    const page = await t.app.inject({ url: `/reporter/fixed?token=${encodeURIComponent(fixedToken)}&answer=no` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="fixed-send"');
    expect(await status(id)).toBe('closed');
    const res = await t.postForm('/reporter/fixed', { token: fixedToken, answer: 'no', comment: 'The hole is still there.' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`Request #${id} has been reopened.`);
    expect(await status(id)).toBe('open');
    const last = (await t.store.listEvents(JURISDICTION_ID, id)).at(-1)!;
    expect(last).toMatchObject({ type: 'status_change', status: 'open', description: 'The hole is still there.', author: REPORTER_NOT_FIXED_AUTHOR });
    expect((await t.app.inject({ url: `/track/${id}` })).body).toContain('Reopened by the reporter');
    // Answered once: the mail's links, opened again, say so instead of asking (or of "too late to reopen").
    expect((await t.postForm('/reporter/fixed', { token: fixedToken, answer: 'yes' })).statusCode).toBe(409);
    for (const answer of ['no', 'yes']) {
      const again = await t.app.inject({ url: `/reporter/fixed?token=${encodeURIComponent(fixedToken)}&answer=${answer}` });
      expect(again.statusCode).toBe(200);
      expect(again.body).toContain(`You have already answered for request #${id}.`);
      expect(again.body).not.toContain('id="fixed-send"');
    }
  });

  it('says there is nothing to answer when nothing was asked (a receipt\'s link with answer=no), and changes nothing', async () => {
    const { id, token } = await report();
    const page = await t.app.inject({ url: `/reporter/fixed?token=${encodeURIComponent(token)}&answer=no` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`There is no question to answer for request #${id} at the moment.`);
    expect(page.body).not.toContain('id="fixed-send"');
    expect(await status(id)).toBe('open');
  });

  it('"no" after the window leaves the request closed and tells staff with a public update', async () => {
    const { id, fixedToken } = await asked();
    await t.store.reporter.saveSettings({ jurisdiction_id: JURISDICTION_ID, receipts_for_api: false, question_delay_hours: 0, reopen_window_days: 0 }, Date.now());
    try {
      const res = await t.postForm('/reporter/fixed', { token: fixedToken, answer: 'no' });
      expect(res.body).toContain(`The city’s staff will see that request #${id} is not fixed.`);
      expect(await status(id)).toBe('closed');
      expect((await t.store.listEvents(JURISDICTION_ID, id)).at(-1)).toMatchObject({ type: 'comment', author: REPORTER_NOT_FIXED_AUTHOR });
    } finally {
      await t.store.reporter.saveSettings({ jurisdiction_id: JURISDICTION_ID, receipts_for_api: false, question_delay_hours: 0, reopen_window_days: 30 }, Date.now());
    }
  });

  it('"yes" records the answer and changes nothing public without a comment', async () => {
    const { id, fixedToken } = await asked();
    const before = (await t.store.listEvents(JURISDICTION_ID, id)).length;
    const res = await t.postForm('/reporter/fixed', { token: fixedToken, answer: 'yes' });
    expect(res.body).toContain(`We recorded that request #${id} is fixed.`);
    expect((await t.store.reporter.latestQuestion(JURISDICTION_ID, id))?.answer).toBe('yes');
    expect(await t.store.listEvents(JURISDICTION_ID, id)).toHaveLength(before);
    // Staff see it: an internal note of the reporter's.
    expect((await t.store.listEvents(JURISDICTION_ID, id, { includeInternal: true })).at(-1)).toMatchObject({ public: false, author: REPORTER_FIXED_AUTHOR });
  });
});
