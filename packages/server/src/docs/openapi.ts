/**
 * Interactive docs: @fastify/swagger builds an OpenAPI 3.1 document from the
 * route schemas (GeoReport responses list both application/json and text/xml);
 * @fastify/swagger-ui serves it at /docs with try-it against this same origin.
 * The document describes the APIs only: the web apps' pages (the citizen app,
 * the tracker, the staff back office) are left out whatever their schemas say;
 * their public JSON (the validator's runs, the status figures and feed) is in.
 */
import type { FastifyInstance, FastifySchema } from 'fastify';
import swagger, { type SwaggerTransformObject } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { DISCOVERY_TAG } from '../discovery-api/schemas.js';
import { EXTENSIONS_TAG, GEOREPORT_TAG } from '../georeport/schemas.js';
import { FEDERATED_TAG } from '../federated/route.js';
import type { SandboxConfig } from '../sandbox/sandbox.js';
import { STAFF_TAG } from '../staff/schemas.js';
import { withSandboxDefaults } from './sandbox-defaults.js';
import { DOCS_CSS, DOCS_JS } from './docs-theme.js';

export const DOCS_PREFIX = '/docs';
/** Tags of the web apps' public APIs (packages/web: validate/api-schemas.ts, status/api-schemas.ts). */
export const VALIDATOR_TAG = 'Validator';
export const STATUS_TAG = 'Status';

/** Paths the public OpenAPI document describes. */
export const isApiPath = (url: string): boolean =>
  /^\/(?:open311|api|discovery|federated\/open311|validate\/api|status\/api|dashboard\/api)(?:\/|$)|^\/status\/incidents\.atom$/.test(url) ||
  /^\/dashboard(?:\/endpoint)?(?:\/:[a-z]+)?\/requests\.(?:csv|geojson)$/.test(url);

/** The tags an operation of the document names. */
const tagsOf = (paths: object | undefined): Set<string> =>
  new Set(Object.values(paths ?? {}).flatMap((item: unknown) =>
    Object.values(item ?? {}).flatMap((op: unknown) => (op !== null && typeof op === 'object' && 'tags' in op && Array.isArray(op.tags) ? op.tags : []))));

/** Tags no operation uses are left out (the validator and status exist only with the web apps). */
const usedTagsOnly: SwaggerTransformObject = (document) => {
  if (!('openapiObject' in document)) return document.swaggerObject;
  const used = tagsOf(document.openapiObject.paths);
  return { ...document.openapiObject, tags: (document.openapiObject.tags ?? []).filter((t) => used.has(t.name)) };
};

/** Swagger's per-route transform: every route outside the APIs is hidden. */
const apisOnly = ({ schema, url }: { schema?: FastifySchema; url: string }): { schema: FastifySchema; url: string } => ({
  schema: isApiPath(url) ? (schema ?? {}) : { ...schema, hide: true },
  url,
});

/**
 * Swagger UI's own policy (hashes of its inline code, computed by the plugin),
 * never framed by another site, and without `upgrade-insecure-requests`, which
 * would break the docs of a server reached over plain http (the demo on localhost).
 */
export const docsCsp = (policy: string): string =>
  policy
    .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
    .replace(/\s*upgrade-insecure-requests;?/, '')
    .trim();

/** Before any route: the swagger plugin collects routes as they are added. With a sandbox, try-it targets it. */
export async function registerOpenApi(app: FastifyInstance, sandbox?: SandboxConfig): Promise<void> {
  const transform = ({ schema, url }: { schema?: FastifySchema; url: string }) => {
    const shown = apisOnly({ schema, url });
    return sandbox && url.startsWith('/open311/') ? { ...shown, schema: withSandboxDefaults(shown.schema, sandbox) } : shown;
  };
  await app.register(swagger, {
    transform,
    transformObject: usedTagsOnly,
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'o311',
        version: '0.1.0',
        description:
          'Open311 GeoReport v2 (XML and JSON: pick the format with the resource\'s extension, `.xml` or `.json`), ' +
          'its common extensions, and the staff API. Discovery: [/open311/discovery.xml](/open311/discovery.xml). ' +
          'With the web apps, also the validator\'s runs and the status of the registry\'s endpoints as JSON.',
      },
      tags: [
        { name: GEOREPORT_TAG, description: 'The standard: http://wiki.open311.org/GeoReport_v2' },
        { name: EXTENSIONS_TAG, description: 'Opt-in extensions (paging, geo, changes, CitySDK, mySociety).' },
        { name: STAFF_TAG, description: 'Staff and admin JSON API (bearer token).' },
        { name: DISCOVERY_TAG, description: 'Which Open311 endpoints and services cover a point, of every tier (/discovery/v1/).' },
        {
          name: FEDERATED_TAG,
          description:
            'One GeoReport v2 endpoint for every endpoint of the registry (/federated/open311/v2/): service codes and request ' +
            'ids namespaced `slug:…` by their owner; partial answers named in `X-Open311-Missing-Endpoints`.',
        },
        {
          name: VALIDATOR_TAG,
          description: 'Check an Open311 endpoint against the standard (/validate/api/): start a run, then read its progress and report.',
        },
        { name: STATUS_TAG, description: 'Uptime, latency, conformance and use of the monitored endpoints (/status/api/), and their incidents as Atom; the dashboard\'s figures and downloads of requests by day, area and service (/dashboard/api/, /dashboard/…/requests.csv and .geojson).' },
      ],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A staff token.' } },
      },
    },
  });
}

/** After the routes. */
export async function registerDocsUi(app: FastifyInstance): Promise<void> {
  await app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    // BaseLayout: no top bar (a box to explore other documents, which this server has no use for).
    uiConfig: { docExpansion: 'list', deepLinking: true, tryItOutEnabled: true, layout: 'BaseLayout', syntaxHighlight: false },
    theme: {
      title: 'o311 API documentation',
      css: [{ filename: 'o311-docs.css', content: DOCS_CSS }],
      js: [{ filename: 'o311-docs.js', content: DOCS_JS }],
    },
    staticCSP: true,
    transformStaticCSP: docsCsp,
    uiHooks: {
      onRequest: (_request, reply, done) => {
        reply.header('x-frame-options', 'DENY');
        done();
      },
    },
  });
}
