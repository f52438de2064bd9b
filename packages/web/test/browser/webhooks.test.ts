/**
 * The webhooks pages in Chromium (issue 13): an admin adds a webhook pointing
 * at a receiver on loopback (the server allows private endpoints here), copies
 * the secret shown once, sends a test ping from the webhook's page and sees
 * it delivered in the log, signed with that secret. axe-core finds no serious
 * violation on the list, the secret page or the webhook's page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, screenshot } from '../../../../test-support/browser.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../../server/test/support/webhook-receiver.js';
import { expectAccessible, signIn, startBrowserSuite, type BrowserSuite, type WatchedPage } from './support.js';

const ROUTER_SECRET = 'browser webhooks test router secret, long enough';

describe.skipIf(!browserAvailable)('the webhooks pages in a browser', () => {
  let s: BrowserSuite;
  let w: WatchedPage;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    s = await startBrowserSuite({ app: { routerSecret: ROUTER_SECRET, discovery: { allowPrivate: true } } });
    w = await s.open(undefined, { axe: true });
  });
  afterAll(async () => {
    await s?.close();
    await receiver?.close();
  });

  it('adds a webhook and shows its secret once', async () => {
    await signIn(w.page, s, 'admin', '/staff/webhooks');
    await expectAccessible(w.page, 'webhooks: list');
    await w.page.locator('#new-webhook-name').fill('Roads dashboard');
    await w.page.locator('#new-webhook-url').fill(receiver.url('/hook'));
    await w.page.getByLabel('Updated requests').uncheck();
    await w.page.locator('#new-webhook-owner').fill('ops@example.org');
    await w.page.getByRole('button', { name: 'Add webhook' }).click();
    const secret = await w.page.getByLabel('Secret of Roads dashboard').inputValue();
    expect(secret).toMatch(/^whsec_/);
    receiver.secrets.set('/hook', secret);
    await expectAccessible(w.page, 'webhooks: secret');
    const [hook] = await s.store.webhooks.listSubscribers({ jurisdictions: null, limit: 10 });
    expect(hook).toMatchObject({ name: 'Roads dashboard', events: ['created', 'closed'] });
  });

  it('sends a test ping and shows it delivered in the log', async () => {
    await w.page.getByRole('link', { name: 'Open Roads dashboard' }).click();
    await w.page.getByRole('button', { name: 'Send a test ping' }).click();
    await w.page.getByText('Test ping queued.').waitFor();
    for (let i = 0; i < 100 && receiver.received.length === 0; i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(receiver.received.map((r) => [r.headers['x-o311-event'], r.verified])).toEqual([['ping', true]]);
    for (let i = 0; i < 40 && !(await w.page.getByText('HTTP 200').count()); i += 1) await w.page.reload();
    await w.page.getByText(/HTTP 200 in \d+ ms/).waitFor();
    await expectAccessible(w.page, 'webhooks: webhook page');
    await screenshot(w.page, 'staff-webhook');
    expect(w.errors).toEqual([]);
  });
});
