/**
 * The main journey in Chromium, with the mouse: a citizen reports a pothole
 * (map click, required answers, a photo resized by the browser, e-mail) and
 * follows it by e-mail; an agent assigns and closes it with a public note in
 * the back office; the tracker, the GeoReport API and the follower's outbox
 * all show it closed with the note.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_JURISDICTION } from '@o311/demo';
import { browserAvailable, screenshot } from '../../../../test-support/browser.js';
import { jpegSize, pngPhoto } from '../fixtures/photo.js';
import { confirmLink, expectClosedEverywhere, journey, linkIn, mailsTo, signIn, UNSUBSCRIBE_LINK } from './support.js';

const REPORTER = 'pat.reporter@example.org';
const FOLLOWER = 'alex.follower@example.org';
const FIRST_NAME = 'Ptolemaeus';
const NOTE = 'Patched by the street crew on Tuesday. Thank you for the report!';
/** Bigger than the browser's limit, so that what arrives shows it was resized. */
const PHOTO = { width: 2400, height: 1200 };
/** The long side the browser brings photos down to (MAX_SIDE_PX of browser/photos.ts, a DOM module this program cannot import). */
const MAX_SIDE_PX = 1600;

describe.skipIf(!browserAvailable)('the journey of a pothole report, with the mouse', () => {
  const j = journey();

  it('a citizen reports a pothole with a photo and the required answers', { timeout: 30_000 }, async () => {
    const { s, citizen: { page } } = j;
    await page.getByRole('searchbox', { name: 'Find a service' }).fill('pothole');
    await page.getByRole('status').getByText('1 matching service', { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: /^Streetlight out/ }).isVisible(), 'other services hidden').toBe(false);
    await page.getByRole('link', { name: /^Pothole/ }).click();
    await page.waitForURL(/\/report\/POTHOLE$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Pothole');

    // Submitting too early shows what is missing.
    await page.getByRole('button', { name: 'Send report' }).click();
    const summary = page.getByRole('alert', { name: 'There is a problem' });
    await expect.poll(() => summary.textContent()).toMatch(/Tell us where the problem is/);
    expect(await summary.textContent()).toContain('Please answer: Where in the road is it?');

    // The point, by clicking the map; the address field (the path without a map) is there too.
    const map = page.locator('#report-map');
    await map.locator('.leaflet-tile-pane').waitFor({ state: 'attached' });
    await map.click({ position: { x: 220, y: 140 } });
    await expect.poll(() => page.locator('#location-status').textContent()).toMatch(/^Marker placed at 41\.\d+, -93\.\d+\.$/);
    expect(await page.getByRole('button', { name: 'Location of the problem' }).count(), 'the marker').toBe(1);
    const address = page.getByLabel('Address or description of the place');
    await expect.poll(() => address.isEditable()).toBe(true);
    await address.fill('Main St at 5th Ave, eastbound lane');

    // The required answers.
    await page.getByRole('group', { name: /Where in the road is it\?/ }).getByLabel('Travel lane').check();
    await page.getByRole('group', { name: /How big is it\?/ }).getByLabel('About the size of a car tire').check();
    await page.getByLabel('About how deep is it (cm)?').fill('12');
    await page.getByLabel(/^Describe the problem/).fill('Deep hole, cars swerve around it.');

    // A photo: the browser resizes it before upload.
    await page.getByLabel('Photos').setInputFiles({ name: 'pothole.png', mimeType: 'image/png', buffer: pngPhoto(PHOTO) });
    await page.getByRole('img', { name: 'pothole.jpg' }).waitFor();

    await page.getByRole('textbox', { name: 'Email address' }).fill(REPORTER);
    await page.getByLabel('First name').fill(FIRST_NAME);
    await Promise.all([page.waitForURL(/\/report\/POTHOLE\/sent\?/), page.getByRole('button', { name: 'Send report' }).click()]);

    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Thank you, your report was sent');
    const id = (await page.locator('#request-number').textContent()) ?? '';
    j.report(id);
    expect(id).toMatch(/^\d+$/);
    await screenshot(page, 'journey-confirmation');

    const stored = await s.store.getRequest(DEMO_JURISDICTION.id, id);
    expect(stored).toMatchObject({
      service_code: 'POTHOLE',
      address: 'Main St at 5th Ave, eastbound lane',
      attributes: { LOCATION: 'travel_lane', SIZE: 'medium', DEPTH_CM: '12' },
      reporter: { email: REPORTER, first_name: FIRST_NAME },
    });
    expect(stored?.lat).toBeCloseTo(41.59, 1);
    expect(stored?.long).toBeCloseTo(-93.62, 1);
    expect(stored?.media_ids).toHaveLength(1);
    const media = await s.store.getMedia(stored?.media_ids[0] ?? '');
    expect(media?.content_type).toBe('image/jpeg');
    const scale = MAX_SIDE_PX / PHOTO.width;
    expect(jpegSize(media?.bytes ?? Buffer.alloc(0))).toEqual({ width: MAX_SIDE_PX, height: PHOTO.height * scale });
  });

  it('the citizen tracks it and follows it by e-mail (double opt-in)', { timeout: 20_000 }, async () => {
    const { s, citizen: { page } } = j;
    const id = j.reported();
    await Promise.all([page.waitForURL(new RegExp(`/track/${id}$`)), page.getByRole('link', { name: 'Track your request' }).click()]);
    await expect.poll(() => page.locator('#request-status').textContent()).toBe('Open');
    expect(await page.getByRole('img', { name: 'Photo 1 sent with the report' }).count()).toBe(1);

    const follow = page.getByRole('region', { name: 'Follow by email' });
    await follow.getByRole('textbox', { name: 'Email address' }).fill(FOLLOWER);
    await Promise.all([page.waitForURL(/follow=sent/), follow.getByRole('button', { name: 'Follow' }).click()]);
    await expect.poll(() => page.getByText('Check your inbox').isVisible()).toBe(true);

    await page.goto(s.url(await confirmLink(s.store, FOLLOWER, id)));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('You are following this request');
    // The reporter, who left an e-mail, follows it since the receipt (reporter/receipt.ts).
    expect((await s.store.listConfirmedFollowers(DEMO_JURISDICTION.id, id)).map((f) => f.email).sort()).toEqual([FOLLOWER, REPORTER].sort());
  });

  it('an agent finds it in the inbox, assigns it and closes it with a public note', { timeout: 30_000 }, async () => {
    const { s } = j;
    const id = j.reported();
    const { page, errors } = await s.open();
    await signIn(page, s, 'agent');
    await page.getByRole('searchbox', { name: 'Search' }).fill(id);
    await Promise.all([page.waitForURL(/[?&]q=/), page.getByRole('button', { name: 'Apply filters' }).click()]);
    await expect.poll(() => page.getByText('1 request matches').count()).toBe(1);
    await Promise.all([page.waitForURL(new RegExp(`/staff/requests/${id}$`)), page.getByRole('link', { name: id, exact: true }).click()]);
    expect(await page.getByText(REPORTER).count()).toBeGreaterThan(0);

    // The one form at the top: assignment, status and the public reply, saved together.
    const form = page.getByRole('region', { name: 'Update this request' });
    await form.getByLabel('Department').selectOption({ label: 'Public Works' });
    await form.getByLabel('Status', { exact: true }).selectOption({ label: 'Closed' });
    await form.getByLabel('Message').fill(NOTE);
    await form.getByRole('radio', { name: 'Public reply' }).check();
    await Promise.all([page.waitForURL(/done=saved/), form.getByRole('button', { name: 'Save changes' }).click()]);
    const works = (await s.store.listDepartments(DEMO_JURISDICTION.id)).find((d) => d.name === 'Public Works');
    expect((await s.store.getTriagedRequest(DEMO_JURISDICTION.id, id))?.assigned_department_id).toBe(works?.id);
    expect((await s.store.getRequest(DEMO_JURISDICTION.id, id))?.status).toBe('closed');
    await screenshot(page, 'journey-staff-request-closed');
    expect(errors).toEqual([]);
  });

  it('the tracker, the GeoReport API and the follower’s outbox show it closed with the note', { timeout: 20_000 }, async () => {
    const { s, citizen: { page, errors: citizenErrors } } = j;
    const id = j.reported();
    await page.goto(s.url(`/track/${id}`));
    await expect.poll(() => page.locator('#request-status').textContent()).toBe('Closed');
    const timeline = page.getByRole('region', { name: 'What has happened' });
    await expect.poll(() => timeline.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    expect(await timeline.textContent()).toContain(NOTE);
    expect(await timeline.getByRole('listitem').last().textContent()).toMatch(/Status: Closed[\s\S]*Patched by the street crew/);
    await screenshot(page, 'journey-tracker-closed');

    const update = await expectClosedEverywhere(s, { id, note: NOTE, privateData: [REPORTER, FOLLOWER, FIRST_NAME], follower: FOLLOWER });
    expect(update.subject).toMatch(/Closed/);

    // The unsubscribe link of the update works (a button, so that mail scanners do not unsubscribe).
    await page.goto(s.url(linkIn(update, UNSUBSCRIBE_LINK)));
    await page.getByRole('button', { name: 'Stop the emails' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('You will not get more emails');
    expect((await s.store.listConfirmedFollowers(DEMO_JURISDICTION.id, id)).map((f) => f.email)).toEqual([REPORTER]);
    expect((await mailsTo(s.store, REPORTER)).map((m) => m.subject), 'the reporter\'s receipt').toContain(`We received your request #${id}`);
    expect(citizenErrors).toEqual([]);
  });
});
