/**
 * What the browser suites share: one o311 server (demo city, demo staff, web
 * apps) and one Chromium per test file, pages that record script errors,
 * journeys (a citizen's page and request carried from step to step), keyboard
 * moves, staff sign-in, and the checks that end every journey (the public API,
 * the outbox).
 *
 *   let s: BrowserSuite;
 *   beforeAll(async () => { s = await startBrowserSuite(); });
 *   afterAll(() => s?.close());
 *   const { page } = await s.open('/');
 */
import { afterAll, beforeAll, expect, vi } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { PublicRequestWithExtensions } from '@o311/georeport';
import type { OutboxMessage, StaffRole, Store } from '@o311/store';
import { describeViolations, isolateFromInternet, launchBrowser, seriousViolations, type BrowserSession } from '../../../../test-support/browser.js';
import { DEMO_EMAILS, DEMO_PASSWORD, buildWebTestApp, type WebTestApp, type WebTestOptions } from '../support/app.js';

export { DEMO_EMAILS, DEMO_PASSWORD };

/** How long one browser step (a click, a wait for an element or a page) may take. */
export const STEP_TIMEOUT_MS = 8_000;

export interface PageOptions {
  /** BCP 47, also sent as Accept-Language; default en-US. */
  locale?: string;
  viewport?: { width: number; height: number };
  /** Lets axe-core (an inline script) run despite the pages' Content-Security-Policy. */
  axe?: boolean;
  /** Lets pages register service workers (blocked by default: the installable app's tests allow them). */
  serviceWorkers?: 'allow' | 'block';
}

/** A page in a context of its own (own cookies), with the script errors and CSP reports it caused. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  errors: string[];
}

export interface BrowserSuite {
  t: WebTestApp;
  store: Store;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  session: BrowserSession;
  /** A fresh context and page, opened at `path` when given. */
  open(path?: string, options?: PageOptions): Promise<WatchedPage>;
  url(path: string): string;
  close(): Promise<void>;
}

/** `app`: further options of the test server (e.g. its server options). */
export async function startBrowserSuite(app: Omit<WebTestOptions, 'listen'> = {}): Promise<BrowserSuite> {
  const [t, session] = await Promise.all([buildWebTestApp({ ...app, listen: true }), launchBrowser()]);
  const origin = t.url;
  if (origin === undefined) throw new Error('the test server is not listening');
  const contexts: BrowserContext[] = [];
  const url = (path: string): string => new URL(path, origin).toString();

  const open = async (path?: string, options: PageOptions = {}): Promise<WatchedPage> => {
    const locale = options.locale ?? 'en-US';
    const context = await session.browser.newContext({
      locale,
      extraHTTPHeaders: { 'accept-language': locale },
      viewport: options.viewport ?? { width: 1280, height: 900 },
      serviceWorkers: options.serviceWorkers ?? 'block',
      bypassCSP: options.axe ?? false,
    });
    contexts.push(context);
    // A missing element fails the step in seconds, with its locator, rather than the whole test at its timeout.
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    await isolateFromInternet(context, origin);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    if (path !== undefined) await page.goto(url(path));
    return { page, context, errors };
  };

  return {
    t,
    store: t.store,
    origin,
    session,
    open,
    url,
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await session.close();
      await t.close();
    },
  };
}

/**
 * A journey: steps (one `it` each) that follow one citizen, whose page (a
 * context of its own, opened at `/` before the first step) and reported
 * request carry over from step to step. Starts the suite before the steps and
 * closes it after them.
 *
 *   const j = journey({ locale: 'es-ES' });
 *   it('reports', async () => { ...; j.report(id); });
 *   it('tracks', async () => { const id = j.reported(); await j.citizen.page.goto(j.s.url(`/track/${id}`)); });
 */
export interface Journey {
  /** The suite, once started. */
  readonly s: BrowserSuite;
  /** The citizen's page and the script errors it caused. */
  readonly citizen: WatchedPage;
  /** Records the request the first step reported. */
  report(id: string): void;
  /** The request the first step reported, for the later steps; throws when that step failed. */
  reported(): string;
}

export function journey(options?: PageOptions): Journey {
  let suite: BrowserSuite | undefined;
  let citizen: WatchedPage | undefined;
  let id = '';

  beforeAll(async () => {
    suite = await startBrowserSuite();
    citizen = await suite.open('/', options);
  });
  afterAll(() => suite?.close());

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the journey has not started: its beforeAll failed');
    return value;
  };
  return {
    get s() {
      return started(suite);
    },
    get citizen() {
      return started(citizen);
    },
    report: (reportedId) => {
      id = reportedId;
    },
    reported: () => {
      if (id === '') throw new Error('no request: the report step failed');
      return id;
    },
  };
}

// ---- checks ----

export async function expectAccessible(page: Page, label: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${label} (${page.url()})\n${describeViolations(violations)}`).toEqual([]);
}

// ---- keyboard ----

/**
 * The DOM shapes the in-page callbacks below use: the test programs are
 * type-checked without the DOM library, and these callbacks run in the page.
 */
interface PageElement {
  id: string;
  tagName: string;
  textContent: string | null;
  compareDocumentPosition(other: PageElement): number;
}
interface PageSelect extends PageElement {
  selectedIndex: number;
  options: ArrayLike<{ label: string }>;
}
interface PageGlobals {
  document: { activeElement: PageElement | null; body: PageElement };
}

const isFocused = (target: Locator): Promise<boolean> =>
  target.evaluate((el: PageElement) => el === (globalThis as unknown as PageGlobals).document.activeElement);

/** Whether `target` comes after the focused element in document order (Tab) or before it (Shift+Tab). */
const followsFocus = (target: Locator): Promise<boolean> =>
  target.evaluate((el: PageElement) => {
    const { activeElement, body } = (globalThis as unknown as PageGlobals).document;
    if (!activeElement || activeElement === body) return true;
    return (activeElement.compareDocumentPosition(el) & 4) !== 0; // Node.DOCUMENT_POSITION_FOLLOWING
  });

const describeFocus = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = (globalThis as unknown as PageGlobals).document.activeElement;
    return el ? `${el.tagName.toLowerCase()}#${el.id} "${(el.textContent ?? '').trim().slice(0, 40)}"` : 'nothing';
  });

/**
 * Presses Tab (or Shift+Tab, when the target is above the focus) until
 * `target` has the focus, as a keyboard user moves through a page. Fails when
 * the target cannot be reached by keyboard.
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 150): Promise<void> {
  await target.waitFor({ state: 'visible' });
  if (await isFocused(target)) return;
  const key = (await followsFocus(target)) ? 'Tab' : 'Shift+Tab';
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press(key);
    if (await isFocused(target)) return;
  }
  throw new Error(`could not reach ${target.toString()} with ${key}; the focus is on ${await describeFocus(page)}`);
}

/** Tabs to a control and types into it. */
export async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

const selectedLabel = (select: Locator): Promise<string | undefined> =>
  select.evaluate((el: PageSelect) => el.options[el.selectedIndex]?.label);

/** Chooses an option of a `<select>` with the arrow keys, the list closed (what a keyboard user does). */
export async function chooseByKeyboard(page: Page, select: Locator, optionLabel: string): Promise<void> {
  await tabTo(page, select);
  const { current, wanted } = await select.evaluate((el: PageSelect, label: string) => {
    const labels = Array.from(el.options, (o) => o.label);
    return { current: el.selectedIndex, wanted: labels.indexOf(label) };
  }, optionLabel);
  if (wanted < 0) throw new Error(`${select.toString()} has no option "${optionLabel}"`);
  const key = wanted > current ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(wanted - current); i++) await page.keyboard.press(key);
  await expect.poll(() => selectedLabel(select)).toBe(optionLabel);
}

// ---- staff ----

/**
 * Signs in through the login form, landing on `next` (default the inbox). The
 * fields are found by their autocomplete purpose, so this works in any language.
 */
export async function signIn(page: Page, suite: BrowserSuite, role: StaffRole, next = '/staff'): Promise<void> {
  await page.goto(suite.url(`/staff/login?next=${encodeURIComponent(next)}`));
  const form = page.locator('form[action="/staff/login"]');
  await form.locator('input[autocomplete="username"]').fill(DEMO_EMAILS[role]);
  const password = form.locator('input[autocomplete="current-password"]');
  await password.fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((u) => u.pathname === next), password.press('Enter')]);
}

// ---- the end of every journey: the public API and the outbox ----

/** The request as GET /open311/v2/requests/{id}.json shows it, and the raw body. */
export async function publicRequest(suite: BrowserSuite, id: string): Promise<{ request: PublicRequestWithExtensions; body: string }> {
  const res = await fetch(suite.url(`/open311/v2/requests/${encodeURIComponent(id)}.json`));
  const body = await res.text();
  expect(res.status, body).toBe(200);
  const [request] = JSON.parse(body) as PublicRequestWithExtensions[];
  if (!request) throw new Error(`GET /open311/v2/requests/${id}.json: empty list`);
  return { request, body };
}

/** Every message the outbox holds for `to`, oldest first. */
export const mailsTo = (store: Store, to: string): Promise<OutboxMessage[]> => store.listOutbox({ to, limit: 100 });

/** The first link of a mail (text part) whose path matches `path`, made relative to the suite's server. */
export function linkIn(mail: OutboxMessage, path: RegExp): string {
  for (const m of mail.text.matchAll(/https?:\/\/\S+/g)) {
    const link = new URL(m[0]);
    if (path.test(link.pathname)) return `${link.pathname}${link.search}${link.hash}`;
  }
  throw new Error(`no link to ${path} in the mail "${mail.subject}":\n${mail.text}`);
}

export const CONFIRM_LINK = /^\/track\/[^/]+\/follow\/confirm$/;
export const UNSUBSCRIBE_LINK = /^\/track\/unsubscribe$/;

/** The double opt-in link of the confirmation mail sent to `email` about request `id`. */
export async function confirmLink(store: Store, email: string, id: string): Promise<string> {
  const mails = await mailsTo(store, email);
  const confirm = mails.find((m) => m.text.includes(`/track/${id}/follow/confirm`));
  if (!confirm) throw new Error(`no confirmation mail to ${email} about ${id}; the outbox holds: ${mails.map((m) => m.subject).join(' | ')}`);
  expect(linkIn(confirm, UNSUBSCRIBE_LINK)).toMatch(/token=/);
  return linkIn(confirm, CONFIRM_LINK);
}

export interface ClosedFacts {
  id: string;
  note: string;
  /** Contact data given in the journey: none may appear in the public body. */
  privateData: readonly string[];
  follower: string;
}

/**
 * The end of the journey, seen from outside: the public API says `closed`
 * with the note and no contact data, and the follower got an update mail
 * with the note and an unsubscribe link. Returns that mail.
 */
export async function expectClosedEverywhere(suite: BrowserSuite, f: ClosedFacts): Promise<OutboxMessage> {
  const { request, body } = await publicRequest(suite, f.id);
  expect(request.status).toBe('closed');
  expect(request.status_notes).toBe(f.note);
  for (const secret of f.privateData) expect(body, `the public body shows ${secret}`).not.toContain(secret);
  expect(body).not.toMatch(/"email"/);

  // The staff action enqueued a `followers.notify` job; its worker writes the mail.
  const update = await vi.waitFor(async () => {
    const found = (await mailsTo(suite.store, f.follower)).find((m) => m.text.includes(f.note));
    if (!found) throw new Error(`no update mail with the note reached ${f.follower}`);
    return found;
  }, { timeout: 10_000, interval: 50 });
  expect(update.subject).toContain(f.id);
  expect(linkIn(update, UNSUBSCRIBE_LINK)).toMatch(/token=/);
  return update;
}
