/**
 * The SMS channel in Chromium (issue 15 item 3), through the simulator page:
 * a Spanish conversation ("Hola, hay un bache" …) files a request, which the
 * Open311 API shows with its Spanish description and the staff view with
 * channel sms; a status change reaches the number by SMS; after STOP the next
 * one does not. Also the page without JavaScript, and axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { logSender } from '@o311/sms';
import { browserAvailable } from '../../../../test-support/browser.js';
import { expectAccessible, startBrowserSuite, type BrowserSuite } from './support.js';

const PHONE = '+15155550111';

describe.skipIf(!browserAvailable)('SMS simulator', () => {
  let s: BrowserSuite;
  let jurisdiction: string;
  let staffToken: string;
  beforeAll(async () => {
    s = await startBrowserSuite({ web: { sms: { provider: 'neutral', secret: 'browser-test-sms-secret', sender: logSender(), simulator: true } } });
    jurisdiction = (await s.store.primaryJurisdiction())!.id;
    staffToken = (await s.store.createStaffToken({ name: 'sms test', role: 'admin' })).secret;
  });
  afterAll(() => s?.close());

  const lastMessage = (page: Page) => page.locator('#sms-transcript li').last();

  async function text(page: Page, body: string): Promise<string> {
    const count = await page.locator('#sms-transcript li').count();
    await page.getByLabel('Mensaje').fill(body);
    await page.getByRole('button', { name: 'Enviar' }).click();
    // The message and its reply (none after STOP but the confirmation).
    await page.locator('#sms-transcript li').nth(count + 1).waitFor();
    return (await lastMessage(page).locator('.sms-body').textContent()) ?? '';
  }

  const changeStatus = (id: string, status: string, note: string) => fetch(s.url(`/api/v1/requests/${id}/status`), {
    method: 'POST',
    headers: { authorization: `Bearer ${staffToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ status, note }),
  });

  it('files a Spanish conversation, texts its status change, and stops after STOP', async () => {
    const [somewhere] = await s.store.listPublicRequests({ jurisdiction_id: jurisdiction, limit: 1, offset: 0 });
    const { page, errors } = await s.open('/channels/sms/simulator?lang=es', { axe: true, locale: 'es-ES' });
    await expectAccessible(page, 'the SMS simulator, empty');
    await page.getByLabel('Número de teléfono').fill(PHONE);
    await page.getByLabel('Mensaje').fill('Hola, hay un bache');
    await page.getByRole('button', { name: 'Enviar' }).click();
    await expect.poll(() => lastMessage(page).textContent()).toContain('Bache. ¿Donde esta?');
    await expectAccessible(page, 'the SMS simulator with a conversation');

    expect(await text(page, `geo:${somewhere!.lat},${somewhere!.long}`)).toMatch(/^Describa el problema en pocas palabras\. Su descripcion sera publica/);
    expect(await text(page, 'Un bache profundo delante de la escuela')).toMatch(/Responda con un numero/);
    let reply = await text(page, '1');
    while (/Responda con un numero/.test(reply)) reply = await text(page, '2');
    expect(reply).toMatch(/^Bache en .*"Un bache profundo delante de la escuela"\. Responda SI/);
    const filed = await text(page, 'Sí');
    const id = /numero de reporte es (\d+)\./.exec(filed)?.[1];
    expect(id, filed).toBeDefined();

    const api = await (await fetch(s.url(`/open311/v2/requests/${id}.json?jurisdiction_id=${encodeURIComponent(jurisdiction)}`))).json() as { description: string }[];
    expect(api[0]?.description).toBe('Un bache profundo delante de la escuela');
    expect(JSON.stringify(api)).not.toContain('5550111');
    const staff = await (await fetch(s.url(`/api/v1/requests/${id}?jurisdiction_id=${encodeURIComponent(jurisdiction)}`), { headers: { authorization: `Bearer ${staffToken}` } })).json() as { channel?: string };
    expect(staff.channel).toBe('sms');

    expect((await changeStatus(id!, 'fixed', 'Reparado hoy')).status).toBe(200);
    // The page's script reads the transcript again by itself: no reload.
    await expect.poll(() => lastMessage(page).textContent(), { timeout: 20_000 }).toContain(`El reporte ${id} (Bache) esta ahora resuelto. Reparado hoy`);

    expect(await text(page, 'STOP')).toBe('No recibira mas mensajes nuestros. Responda START para volver a recibirlos.');
    const shown = await page.locator('#sms-transcript li').count();
    expect((await changeStatus(id!, 'reopen', 'Se abrio de nuevo')).status).toBe(200);
    // The status job has run once it recorded the change for the number (it does even when it may not text).
    await expect.poll(async () => (await s.store.sms.subscribers(jurisdiction, id!))[0]?.last_status, { timeout: 20_000 }).toBe('reopen');
    await page.locator('#sms-refresh').click();
    expect(await page.locator('#sms-transcript li').count()).toBe(shown);
    expect(errors).toEqual([]);
  });

  it('never sends a message twice when its answer cannot be read: the page reloads instead', async () => {
    const from = '+15155550112';
    const sent = async (body: string): Promise<number> => {
      const res = await fetch(s.url(`/channels/sms/simulator?from=${encodeURIComponent(from)}`), { headers: { accept: 'application/json' } });
      return ((await res.json()) as { messages: { direction: string; body: string }[] }).messages.filter((m) => m.direction === 'in' && m.body === body).length;
    };
    const { page, errors } = await s.open(`/channels/sms/simulator?from=${encodeURIComponent(from)}&lang=es`, { locale: 'es-ES' });
    // The server takes the message, but its answer arrives broken.
    await page.route('**/channels/sms/simulator', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fetch();
      await route.fulfill({ status: 200, contentType: 'application/json', body: '{"messages": [' });
    });
    await page.getByLabel('Mensaje').fill('Hola');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Enviar' }).click()]);
    await expect.poll(() => page.locator('#sms-transcript .sms-body').getByText('Hola', { exact: true }).count()).toBe(1);
    expect(await sent('Hola')).toBe(1);
    expect(errors).toEqual([]);
  });

  it('works without JavaScript, and names a bad number in the reader\'s language', async () => {
    const { page, context } = await s.open('/channels/sms/simulator', { axe: true });
    await context.route('**/assets/js/sms-simulator.js', (route) => route.fulfill({ status: 204, body: '' }));
    await page.reload();
    await page.getByLabel('Phone number').fill('12345');
    await page.getByLabel('Message').fill('Hello');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Enter a fictional number');
    await expectAccessible(page, 'the SMS simulator with an error');
    await page.getByLabel('Phone number').fill('+15155550122');
    await page.getByLabel('Message').fill('Hello');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.waitForURL(/from=%2B15155550122/);
    expect(await lastMessage(page).textContent()).toContain('What do you want to report?');
  });
});
