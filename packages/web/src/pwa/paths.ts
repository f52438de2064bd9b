/** The installable app's URLs, named once. */
export const MANIFEST_PATH = '/manifest.webmanifest';
export const SERVICE_WORKER_PATH = '/sw.js';
/** What an app window shows for a page it has not kept, without a connection. */
export const OFFLINE_PATH = '/offline';
/** Reports made without a connection, kept in the browser until they are sent. */
export const OUTBOX_PATH = '/outbox';
/** Workbox's runtime, from its npm packages (assets.ts). */
export const WORKBOX_PREFIX = '/assets/vendor/workbox/';
export const ICON_PREFIX = '/assets/icons/';
/** The Background Sync tag the outbox registers (browser/outbox-send.ts) and the service worker answers. */
export const OUTBOX_SYNC_TAG = 'o311-outbox';
