/**
 * Open data (issue 13): every public request of a jurisdiction as CSV,
 * GeoJSON and newline-delimited GeoJSON, filtered; the requests of each month
 * as GeoReport JSON/XML files with an index. `/open-data/…` is the primary
 * jurisdiction's, `/open-data/{jurisdiction_id}/…` another's; sandboxes have
 * none. The Atom feed of updates is a web page route (web/src/open-data).
 */
import { badRequest, notFound, type Format } from '@o311/georeport';
import type { Jurisdiction } from '@o311/store';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendThroughCache } from '../georeport/cached-document.js';
import { projectionContext } from '../georeport/route.js';
import { pathParam, rawQuery, type RawQuery } from '../http/reply.js';
import type { ServiceContext } from '../services/context.js';
import { exportFilter, type ExportCriteria } from './export-filter.js';
import { EXPORT_CONTENT_TYPES, exportStream, isExportFormat } from './export-formats.js';
import { requestMonths } from './georeport-months.js';
import { GEOREPORT_CONTENT_TYPES, georeportStream } from './georeport-stream.js';
import { monthRange, parseMonth } from './local-month.js';
import { openDataBase, openDataJurisdiction } from './open-data-jurisdiction.js';
import { OPEN_DATA_HEADERS, sendFile } from './streamed-answer.js';

/** Query parameters that may be given once only. */
const SINGLE = ['status', 'start_date', 'end_date', 'updated_after', 'updated_before'] as const;

function criteriaOf(q: RawQuery): ExportCriteria {
  const repeated = SINGLE.filter((name) => Array.isArray(q[name]));
  if (repeated.length > 0) throw badRequest(...repeated.map((name) => `${name} may be given once`));
  const one = (name: (typeof SINGLE)[number]): string | undefined => q[name] as string | undefined;
  const service = q.service_code;
  return {
    services: service === undefined ? undefined : Array.isArray(service) ? service : [service],
    status: one('status'),
    requestedFrom: one('start_date'),
    requestedTo: one('end_date'),
    updatedFrom: one('updated_after'),
    updatedTo: one('updated_before'),
  };
}

const jurisdictionOf = (ctx: ServiceContext, request: FastifyRequest): Promise<Jurisdiction> => {
  const id = pathParam(request, 'jurisdiction');
  return openDataJurisdiction(ctx.store, id === '' ? undefined : id);
};

async function requestsFile(ctx: ServiceContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const format = pathParam(request, 'format');
  if (!isExportFormat(format)) throw notFound(`No such file: requests.${format} (csv, geojson or ndjson).`);
  const j = await jurisdictionOf(ctx, request);
  const filter = exportFilter(j, criteriaOf(rawQuery(request)));
  const projection = projectionContext(request, ctx, j);
  return sendFile(ctx, request, reply, {
    contentType: EXPORT_CONTENT_TYPES[format],
    fileName: `requests-${j.id}.${format}`,
    body: () => exportStream(format, ctx.store.exportRequests(filter), projection),
  });
}

const MONTH_FILE = /^(\d{4}-\d{2})\.(json|xml)$/;

async function monthFile(ctx: ServiceContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const file = pathParam(request, 'file');
  const match = MONTH_FILE.exec(file);
  const month = match ? parseMonth(match[1]!) : undefined;
  if (!match || !month) throw notFound(`No such file: ${file.slice(0, 100)} (YYYY-MM.json or YYYY-MM.xml).`);
  const format = match[2] as Format;
  const j = await jurisdictionOf(ctx, request);
  const { start, end } = monthRange(month.year, month.month, j.timezone);
  const projection = projectionContext(request, ctx, j);
  return sendFile(ctx, request, reply, {
    contentType: GEOREPORT_CONTENT_TYPES[format],
    fileName: `requests-${j.id}-${match[1]}.${format}`,
    body: () => georeportStream(ctx.store, ctx.store.exportRequests({ jurisdiction_id: j.id, requested_from: start, requested_to: end }), projection, format),
  });
}

/** `georeport.json`: the months with requests, their counts and both files' links (cached per data version). */
async function monthIndex(ctx: ServiceContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  reply.headers(OPEN_DATA_HEADERS);
  return sendThroughCache(ctx, request, reply, 'json', async () => {
    const j = await jurisdictionOf(ctx, request);
    const base = `${ctx.origin.of(request)}${openDataBase(j, await ctx.store.primaryJurisdiction())}/georeport`;
    const months = await requestMonths(ctx.store, j);
    const body = {
      jurisdiction_id: j.id,
      timezone: j.timezone,
      months: months.map((m) => ({ ...m, json: `${base}/${m.month}.json`, xml: `${base}/${m.month}.xml` })),
    };
    return { body: JSON.stringify(body) };
  });
}

export function registerOpenDataRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  for (const prefix of ['/open-data', '/open-data/:jurisdiction']) {
    app.get(`${prefix}/requests.:format`, (request, reply) => requestsFile(ctx, request, reply));
    app.get(`${prefix}/georeport/:file`, (request, reply) => monthFile(ctx, request, reply));
    app.get(`${prefix}/georeport.json`, { compress: false }, (request, reply) => monthIndex(ctx, request, reply));
  }
}
