/**
 * What every citizen page carries for the installable app: the manifest and
 * icon links in <head>, and the settings and words of browser/pwa.ts (which
 * registers the service worker, sends the outbox and tells the reporter) as a
 * data block.
 */
import { html, jsonData, type Html } from '../html.js';
import type { MessageKey, Translator } from '../i18n/translate.js';
import { APPLE_TOUCH_ICON, THEME_COLOR } from './manifest.js';
import { MANIFEST_PATH, OUTBOX_PATH, OUTBOX_SYNC_TAG, SERVICE_WORKER_PATH } from './paths.js';

export const APP_CONFIG_ID = 'app-config';

/** Words the browser shows (browser/app-config.ts names the same keys). */
const BROWSER_MESSAGES = [
  'pwa.queued', 'pwa.banner.sent', 'pwa.banner.sentNoNumber', 'pwa.banner.waiting', 'pwa.banner.view',
  'pwa.outbox.empty', 'pwa.outbox.pending', 'pwa.outbox.sending', 'pwa.outbox.sent', 'pwa.outbox.sentNoNumber',
  'pwa.outbox.refused', 'pwa.outbox.serverSaid', 'pwa.outbox.answers', 'pwa.outbox.photosKept', 'pwa.outbox.edit',
  'pwa.outbox.reopened', 'pwa.outbox.otherService',
  'pwa.outbox.track', 'pwa.outbox.remove', 'pwa.routed.needsConnection', 'report.error.network',
] as const satisfies readonly MessageKey[];

export interface AppConfig {
  serviceWorker: string;
  outboxPath: string;
  syncTag: string;
  locale: string;
  messages: Record<(typeof BROWSER_MESSAGES)[number], string>;
}

export const appHead = (): Html =>
  html`<link rel="manifest" href="${MANIFEST_PATH}">
<meta name="theme-color" content="${THEME_COLOR}">
<link rel="apple-touch-icon" href="${APPLE_TOUCH_ICON}">`;

export function appConfig(t: Translator): Html {
  const config: AppConfig = {
    serviceWorker: SERVICE_WORKER_PATH,
    outboxPath: OUTBOX_PATH,
    syncTag: OUTBOX_SYNC_TAG,
    locale: t.locale,
    messages: Object.fromEntries(BROWSER_MESSAGES.map((k) => [k, t(k)])) as AppConfig['messages'],
  };
  return html`<script type="application/json" id="${APP_CONFIG_ID}">${jsonData(config)}</script>`;
}
