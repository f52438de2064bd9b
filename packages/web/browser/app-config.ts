/** The installable app's settings and words, read from the `#app-config` data block (written by src/pwa/app-shell.ts: keep in step). */
import { readDataBlock } from './staff-data.js';

export type AppMessage =
  | 'pwa.queued' | 'pwa.banner.sent' | 'pwa.banner.sentNoNumber' | 'pwa.banner.waiting' | 'pwa.banner.view'
  | 'pwa.outbox.empty' | 'pwa.outbox.pending' | 'pwa.outbox.sending' | 'pwa.outbox.sent' | 'pwa.outbox.sentNoNumber'
  | 'pwa.outbox.refused' | 'pwa.outbox.serverSaid' | 'pwa.outbox.answers' | 'pwa.outbox.photosKept' | 'pwa.outbox.edit' | 'pwa.outbox.reopened' | 'pwa.outbox.otherService'
  | 'pwa.outbox.track' | 'pwa.outbox.remove' | 'pwa.routed.needsConnection' | 'report.error.network';

export interface AppConfig {
  serviceWorker: string;
  outboxPath: string;
  syncTag: string;
  locale: string;
  messages: Record<AppMessage, string>;
}

export const readAppConfig = (): AppConfig | undefined => readDataBlock<AppConfig>('app-config');

/** The app runs installed (its own window), so its reports are marked as coming from the app. */
export const installed = (): boolean => window.matchMedia('(display-mode: standalone)').matches;
