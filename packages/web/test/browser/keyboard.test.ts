/**
 * The journey again, by keyboard only and in Spanish (es-ES browser, so
 * Accept-Language: es-ES): Tab and Shift+Tab to move, typing, Space and the
 * arrow keys to choose, Enter to follow links and send forms; the address
 * instead of the map. No mouse click anywhere. Spanish UI texts and the demo
 * city's Spanish service names and questions along the way.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DEMO_JURISDICTION } from '@o311/demo';
import { browserAvailable } from '../../../../test-support/browser.js';
import { pngPhoto } from '../fixtures/photo.js';
import {
  DEMO_EMAILS, DEMO_PASSWORD, chooseByKeyboard, confirmLink, expectClosedEverywhere, journey, signIn, tabTo, typeInto,
} from './support.js';

const SPANISH = { locale: 'es-ES' };
const ADDRESS = 'Calle Principal 1200, frente a la biblioteca';
const REPORTER = 'lucia.teclado@example.org';
const FOLLOWER = 'mateo.sigue@example.org';
const NOTE = 'Bache reparado por la cuadrilla el martes. ¡Gracias por avisar!';

/** Presses Enter on `target` (reached by Tab) and waits for the page it leads to. */
async function enterOn(page: Page, target: Locator, next: RegExp): Promise<void> {
  await tabTo(page, target);
  await Promise.all([page.waitForURL(next), page.keyboard.press('Enter')]);
}

const heading = (page: Page): Promise<string | null> => page.getByRole('heading', { level: 1 }).textContent();

describe.skipIf(!browserAvailable)('the journey by keyboard only, in Spanish', () => {
  const j = journey(SPANISH);

  it('a citizen reports a pothole (Bache) by keyboard, giving the address', { timeout: 30_000 }, async () => {
    const { s, citizen: { page } } = j;
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await heading(page)).toBe('Reporte un problema en City of Riverton');
    expect(await page.getByRole('heading', { name: 'Calles y alumbrado' }).count(), 'service groups in Spanish').toBe(1);

    await typeInto(page, page.getByRole('searchbox', { name: 'Buscar un servicio' }), 'bache');
    await page.getByRole('status').getByText('1 servicio coincide', { exact: true }).waitFor();
    await enterOn(page, page.getByRole('link', { name: /^Bache/ }), /\/report\/POTHOLE$/);

    expect(await heading(page)).toBe('Bache');
    await typeInto(page, page.getByLabel('Dirección o descripción del lugar'), ADDRESS);

    // A radio group: Tab enters it on its first option, Space chooses it.
    const where = page.getByRole('group', { name: /¿En qué parte de la vía está\? \(obligatorio\)/ });
    await tabTo(page, where.getByRole('radio', { name: 'Carril de circulación' }));
    await page.keyboard.press('Space');
    // The arrow keys move the choice within a group.
    const size = page.getByRole('group', { name: /¿Qué tamaño tiene\?/ });
    await tabTo(page, size.getByRole('radio', { name: 'Más pequeño que un plato' }));
    await page.keyboard.press('ArrowDown');
    expect(await size.getByRole('radio', { name: 'Como una llanta de auto' }).isChecked()).toBe(true);
    await typeInto(page, page.getByLabel(/^Describa el problema/), 'Hoyo profundo en el carril derecho.');

    // The file input is reached by keyboard; the file chooser it opens is the operating system's,
    // which a test cannot drive, so the file is handed to the focused input with setInputFiles.
    const photos = page.getByLabel('Fotos');
    await tabTo(page, photos);
    await photos.setInputFiles({ name: 'bache.png', mimeType: 'image/png', buffer: pngPhoto({ width: 400, height: 300 }) });
    await page.getByRole('img', { name: 'bache.jpg' }).waitFor();

    await typeInto(page, page.getByRole('textbox', { name: 'Correo electrónico' }), REPORTER);
    // Back up to the description with Shift+Tab, as one does to fix a typo, then on to the button.
    await tabTo(page, page.getByLabel(/^Describa el problema/));
    await page.keyboard.press('End');
    await page.keyboard.type(' Los coches lo esquivan.');
    await enterOn(page, page.getByRole('button', { name: 'Enviar reporte' }), /\/report\/POTHOLE\/sent\?/);

    expect(await heading(page)).toBe('Gracias, su reporte fue enviado');
    const id = (await page.locator('#request-number').textContent()) ?? '';
    j.report(id);
    expect(id).toMatch(/^\d+$/);
    const stored = await s.store.getRequest(DEMO_JURISDICTION.id, id);
    expect(stored).toMatchObject({
      address: ADDRESS, lat: null, long: null,
      description: 'Hoyo profundo en el carril derecho. Los coches lo esquivan.',
      attributes: { LOCATION: 'travel_lane', SIZE: 'medium' },
      reporter: { email: REPORTER },
    });
    expect(stored?.media_ids).toHaveLength(1);
  });

  it('tracks it and follows it by e-mail, by keyboard', { timeout: 20_000 }, async () => {
    const { s, citizen: { page } } = j;
    const id = j.reported();
    await enterOn(page, page.getByRole('link', { name: 'Seguir su solicitud' }), new RegExp(`/track/${id}$`));
    expect(await heading(page)).toBe(`Solicitud ${id}`);
    expect(await page.locator('#request-status').textContent()).toBe('Abierta');
    expect(await page.getByRole('region', { name: 'Detalles' }).textContent()).toContain('Carril de circulación');

    const follow = page.getByRole('region', { name: 'Recibir avisos por correo' });
    await typeInto(page, follow.getByRole('textbox', { name: 'Correo electrónico' }), FOLLOWER);
    await Promise.all([page.waitForURL(/follow=sent/), page.keyboard.press('Enter')]);
    expect(await page.getByRole('status').filter({ hasText: 'Revise su correo' }).count()).toBe(1);

    // Opening the link of the mail.
    await page.goto(s.url(await confirmLink(s.store, FOLLOWER, id)));
    expect(await heading(page)).toBe('Está siguiendo esta solicitud');
  });

  it('an agent signs in, assigns and closes it by keyboard, in Spanish', { timeout: 30_000 }, async () => {
    const { s } = j;
    const id = j.reported();
    const { page, errors } = await s.open('/staff', SPANISH);
    await page.waitForURL(/\/staff\/login/);
    expect(await heading(page)).toBe('Acceso del personal');
    await typeInto(page, page.getByRole('textbox', { name: 'Correo electrónico' }), DEMO_EMAILS.agent);
    await typeInto(page, page.getByLabel('Contraseña'), DEMO_PASSWORD);
    await Promise.all([page.waitForURL((u) => u.pathname === '/staff'), page.keyboard.press('Enter')]);
    expect(await heading(page)).toBe('Bandeja de entrada');

    await typeInto(page, page.getByRole('searchbox', { name: 'Buscar' }), id);
    await Promise.all([page.waitForURL(/[?&]q=/), page.keyboard.press('Enter')]);
    expect(await page.getByText('1 solicitud coincide').count()).toBe(1);
    await enterOn(page, page.getByRole('link', { name: id, exact: true }), new RegExp(`/staff/requests/${id}$`));

    // The one form at the top: assignment, status and the public reply, saved together.
    const form = page.getByRole('region', { name: 'Actualizar esta solicitud' });
    await chooseByKeyboard(page, form.getByLabel('Departamento'), 'Public Works');
    await chooseByKeyboard(page, form.getByLabel('Estado', { exact: true }), 'Cerrada');
    await typeInto(page, form.getByLabel('Mensaje'), NOTE);
    await tabTo(page, form.getByRole('radio', { name: 'Nota interna' }));
    await page.keyboard.press('ArrowDown');
    expect(await form.getByRole('radio', { name: 'Respuesta pública' }).isChecked()).toBe(true);
    await enterOn(page, form.getByRole('button', { name: 'Guardar cambios' }), /done=saved/);
    expect(await page.getByText('Se guardaron los cambios.').count()).toBe(1);
    expect((await s.store.getRequest(DEMO_JURISDICTION.id, id))?.status).toBe('closed');
    expect(errors).toEqual([]);
  });

  it('the tracker shows it closed with the note, in Spanish; the API and the outbox agree', { timeout: 20_000 }, async () => {
    const { s, citizen: { page, errors: citizenErrors } } = j;
    const id = j.reported();
    await page.goto(s.url(`/track/${id}`));
    expect(await page.locator('#request-status').textContent()).toBe('Cerrada');
    const timeline = page.getByRole('region', { name: 'Lo que ha pasado' });
    expect(await timeline.getByRole('listitem').last().textContent()).toMatch(/Estado: Cerrada[\s\S]*Bache reparado por la cuadrilla/);
    const update = await expectClosedEverywhere(s, { id, note: NOTE, privateData: [REPORTER, FOLLOWER], follower: FOLLOWER });
    // The follower followed from a Spanish page: the update comes in Spanish, with the Spanish service name.
    expect(update.subject).toBe(`Solicitud ${id}: Cerrada`);
    expect(update.text).toContain('(Bache)');
    expect(citizenErrors).toEqual([]);
  });

  it('the service name and its questions stay in Spanish after the report (tracker, staff request page)', { timeout: 20_000 }, async () => {
    const { s, citizen: { page } } = j;
    const id = j.reported();
    await page.goto(s.url(`/track/${id}`));
    expect.soft(await page.locator('.service-name-line').textContent(), 'tracker: service name').toBe('Bache');
    expect.soft(await page.getByRole('region', { name: 'Detalles' }).textContent(), 'tracker: questions').toContain('¿En qué parte de la vía está?');

    const staff = (await s.open(undefined, SPANISH)).page;
    await signIn(staff, s, 'viewer', `/staff/requests/${id}`);
    expect.soft(await staff.locator('.request-service').textContent(), 'staff request page: service name').toBe('Bache');
    const answers = (await staff.getByRole('region', { name: 'Descripción' }).textContent()) ?? '';
    expect.soft(answers, 'staff request page: questions').toContain('¿En qué parte de la vía está?');
    expect.soft(answers, 'staff request page: answers').toContain('Carril de circulación');
  });
});
