/**
 * Real-browser tests: Debian's Chromium driven by playwright-core (never a
 * downloaded browser), axe-core injected into pages, screenshots kept as
 * artefacts in test-artifacts/screenshots/ (not committed).
 *
 * Without /usr/bin/chromium the browser suites are skipped with a notice, so
 * that `npm test` passes on a machine without it; CI installs Chromium and sets
 * O311_REQUIRE_BROWSER=1, which turns a missing browser into a failure.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.O311_CHROMIUM ?? '/usr/bin/chromium';

export const browserAvailable = existsSync(CHROMIUM_PATH);

if (!browserAvailable && process.env.O311_REQUIRE_BROWSER) {
  throw new Error(`O311_REQUIRE_BROWSER is set but there is no browser at ${CHROMIUM_PATH}: apt-get install chromium`);
}
if (!browserAvailable) {
  process.stderr.write(`note: browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)\n`);
}

// Without these flags Chromium keeps trying to reach Google's hosts, which this closed network refuses.
const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

export interface BrowserSession {
  browser: Browser;
  newContext(options?: { locale?: string; viewport?: { width: number; height: number } }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<BrowserSession> {
  // playwright gives the browser a fresh, empty profile of its own.
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
  return {
    browser,
    newContext: (options = {}) =>
      browser.newContext({
        locale: options.locale ?? 'en-US',
        extraHTTPHeaders: { 'accept-language': options.locale ?? 'en-US' },
        viewport: options.viewport ?? { width: 1280, height: 900 },
        // Map tiles point at the internet; the tests serve no tiles.
        serviceWorkers: 'block',
        // axe-core is injected as an inline script, which our Content-Security-Policy forbids.
        bypassCSP: true,
      }),
    close: () => browser.close(),
  };
}

/** Answers every request that leaves the test server (map tiles) with an empty 204, so nothing waits on the network. */
export async function isolateFromInternet(context: BrowserContext, origin: string): Promise<void> {
  await context.route('**/*', (route) =>
    route.request().url().startsWith(origin) ? route.continue() : route.fulfill({ status: 204, body: '' }),
  );
}

let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** axe-core's WCAG 2.x A/AA rules on the current page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  return (violations as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable summary for assertion messages. */
export const describeViolations = (vs: readonly AxeViolation[]): string =>
  vs.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');

const SCREENSHOTS = fileURLToPath(new URL('../test-artifacts/screenshots/', import.meta.url));

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
