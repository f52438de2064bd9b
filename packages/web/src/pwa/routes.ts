/** The installable app: its manifest, its service worker, the offline page and the outbox page. */
import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../context.js';
import { sendPublicPage } from '../citizen/page.js';
import { pathAndQuery } from '../citizen/public-handler.js';
import { translatorFor } from '../request-locale.js';
import { webManifest } from './manifest.js';
import { offlinePage } from './offline-page.js';
import { outboxPage } from './outbox-page.js';
import { MANIFEST_PATH, OFFLINE_PATH, OUTBOX_PATH, SERVICE_WORKER_PATH } from './paths.js';
import { serviceWorkerScript } from './service-worker.js';

export function registerPwaRoutes(app: FastifyInstance, web: WebContext): void {
  const opts = { schema: { hide: true } };
  // Read and hashed once per process: the files it names do not change while it runs.
  let script: Promise<string> | undefined;

  app.get(MANIFEST_PATH, opts, async (request, reply) =>
    reply
      .header('content-type', 'application/manifest+json; charset=utf-8')
      // It follows the reader's language (Accept-Language or the chosen one).
      .header('vary', 'accept-language, cookie')
      .header('cache-control', 'no-cache')
      .send(JSON.stringify(webManifest(translatorFor(request, reply)))),
  );

  app.get(SERVICE_WORKER_PATH, opts, async (_request, reply) => {
    script ??= serviceWorkerScript().catch((e: unknown) => {
      script = undefined;
      throw e;
    });
    return reply
      .header('content-type', 'text/javascript; charset=utf-8')
      // Browsers check for a new worker on every visit; it must never come from a cache.
      .header('cache-control', 'no-cache')
      .header('service-worker-allowed', '/')
      .header('x-content-type-options', 'nosniff')
      .send(await script);
  });

  app.get(OFFLINE_PATH, opts, async (request, reply) => {
    const t = translatorFor(request, reply);
    return sendPublicPage(reply, web, t, {
      title: t('pwa.offline.title'), path: pathAndQuery(request), main: offlinePage(t), offlineUse: 'shell',
    });
  });

  app.get(OUTBOX_PATH, opts, async (request, reply) => {
    const t = translatorFor(request, reply);
    return sendPublicPage(reply, web, t, {
      title: t('pwa.outbox.title'), path: pathAndQuery(request), scripts: ['outbox-page.js'], main: outboxPage(t), offlineUse: 'shell',
    });
  });
}
