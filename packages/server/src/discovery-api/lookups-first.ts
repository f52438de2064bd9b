/**
 * Point lookups without services answered before Fastify routes the request
 * (http/before-routing.ts), as cached GeoReport answers are: such a lookup
 * needs only the query, the in-memory index and an answer already encoded
 * (lookup-documents.ts), and Fastify's request, reply and hooks were most of
 * its cost. Anything else -- another path, `services=true`, input the route
 * refuses, a failed lookup -- goes to Fastify as usual, so
 * errors keep one shape. The headers are those the route sends (sendCached and
 * the discovery API's CORS header). Not used when the app logs requests.
 */
import type { FastifyInstance } from 'fastify';
import type { Format } from '@o311/georeport';
import { answerBeforeRouting } from '../http/before-routing.js';
import { representationOf } from '../http/cached-representation.js';
import type { RawQuery } from '../http/reply.js';
import type { PointDiscovery } from './point-discovery.js';
import { parseLookupQuery } from './point-query.js';
import { DISCOVERY_BASE } from './route.js';

const PATHS: ReadonlyMap<string, Format> = new Map([
  [`${DISCOVERY_BASE}/lookup.json`, 'json'],
  [`${DISCOVERY_BASE}/lookup.xml`, 'xml'],
]);

function queryOf(search: string): RawQuery {
  const q: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(search)) {
    const had = q[k];
    q[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return q;
}

interface FastLookup {
  format: Format;
  query: ReturnType<typeof parseLookupQuery>;
}

/** The lookup this GET asks for, when it is one answered here. */
function fastLookup(url: string): FastLookup | undefined {
  const q = url.indexOf('?');
  const format = PATHS.get(q < 0 ? url : url.slice(0, q));
  if (format === undefined || q < 0) return undefined;
  try {
    const query = parseLookupQuery(queryOf(url.slice(q + 1)));
    return query.services ? undefined : { format, query };
  } catch {
    return undefined;
  }
}

export function answerLookupsFirst(app: FastifyInstance, points: PointDiscovery): void {
  answerBeforeRouting(app, (request, response, route) => {
    const lookup = request.method === 'GET' ? fastLookup(request.url ?? '/') : undefined;
    if (lookup === undefined) return false;
    points.lookupAnswer(lookup.query, lookup.query.tier, lookup.format).then(
      (answer) => {
        const r = representationOf(answer, request.headers['accept-encoding'], request.headers['if-none-match']);
        const length = r.body === undefined ? {} : { 'content-length': String(r.body.length) };
        response.writeHead(r.status, { ...r.headers, 'access-control-allow-origin': '*', ...length });
        response.end(r.body);
      },
      () => route(request, response),
    );
    return true;
  });
}
