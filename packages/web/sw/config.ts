/**
 * The settings the server writes into the service worker when it serves it
 * (src/pwa/service-worker.ts fills them; sw.ts reads them).
 */
export interface ServiceWorkerConfig {
  offlineHeader: string;
  offlinePath: string;
  /** Pages kept at install, so the app opens offline the first time. */
  installPages: string[];
  signOutPath: string;
  /** Pages a page may ask to keep (the home page asks for every service's form). */
  warmPrefix: string;
  maxWarm: number;
  outboxSyncTag: string;
  /** Query parameters that carry a secret (a sign-in link's token): a page whose address has one is never kept. */
  secretParams: string[];
}
