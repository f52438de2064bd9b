/**
 * Static files: our stylesheet and images (public/), the compiled browser
 * modules (dist/browser/), Leaflet, Chart.js and Workbox from their npm packages, so
 * nothing but map tiles comes from the internet.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { WORKBOX_PREFIX } from './pwa/paths.js';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const leafletDist = join(dirname(require.resolve('leaflet/package.json')), 'dist');
/** Chart.js exports no package.json; its CommonJS entry sits in dist/ beside the UMD build the pages load. */
const chartDist = dirname(require.resolve('chart.js'));
/** Workbox's runtime for the service worker (sw/sw.ts loads each module's build from WORKBOX_PREFIX). */
const WORKBOX_PACKAGES = ['workbox-core', 'workbox-routing', 'workbox-strategies', 'workbox-precaching'];

export async function registerAssets(app: FastifyInstance): Promise<void> {
  const cache = { maxAge: '1h', immutable: false };
  await app.register(fastifyStatic, { root: join(packageRoot, 'public'), prefix: '/assets/', decorateReply: false, ...cache });
  await app.register(fastifyStatic, {
    root: join(packageRoot, 'dist', 'browser'), prefix: '/assets/js/', decorateReply: false, ...cache,
  });
  await app.register(fastifyStatic, {
    root: leafletDist, prefix: '/assets/vendor/leaflet/', decorateReply: false, ...cache,
  });
  // Browsers ask for /favicon.ico on pages that name no icon (the API docs, a JSON answer opened in a tab).
  app.get('/favicon.ico', { schema: { hide: true } }, (_request, reply) => reply.redirect('/assets/icon.svg', 301));
  await app.register(fastifyStatic, {
    root: WORKBOX_PACKAGES.map((name) => join(dirname(require.resolve(`${name}/package.json`)), 'build')),
    prefix: WORKBOX_PREFIX, decorateReply: false, ...cache,
  });
  await app.register(fastifyStatic, {
    root: chartDist, prefix: '/assets/vendor/chartjs/', decorateReply: false, ...cache,
  });
}
