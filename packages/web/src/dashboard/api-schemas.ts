/**
 * OpenAPI contracts of the dashboard's public JSON and downloads (routes.ts).
 * They DOCUMENT the answers, which view-json.ts writes field by field; the
 * handlers read the query themselves (dashboard-query.ts), answering 400 with
 * an Open311 error document for a bad filter.
 */
import type { FastifySchema } from 'fastify';
import { STATUS_TAG } from '@o311/server';
import { REQUEST_CHANNELS } from '@o311/georeport';
import { BACKLOG_AGE_BOUNDS, CLOSE_HOURS_BOUNDS, DASHBOARD_SOURCE_KINDS, FACT_STATUSES, SERIES_BUCKETS } from '@o311/store';
import { arrayOf, dateTime, integer, jsonResponse, nullable, number, object, oneOf, text, type JsonSchema } from '../api-schema.js';
import { DEFAULT_RANGE_DAYS, FIRST_DAY, MAX_LIST_VALUES, MAX_RANGE_YEARS, MAX_VALUE_LENGTH, STATUS_CHOICES } from './dashboard-query.js';
import type { ApiPart, DownloadFormat } from './paths.js';
import { MAX_POINTS, MONTH_AFTER_DAYS, WEEK_AFTER_DAYS } from './view-data.js';

const day = (description: string): JsonSchema => text(`${description} YYYY-MM-DD, a day of the source's time zone.`, { format: 'date' });
const list = (description: string): JsonSchema => arrayOf(text(undefined, { examples: [] }), `${description} Repeat the key for several; none: all. At most ${MAX_LIST_VALUES} values of ${MAX_VALUE_LENGTH} characters.`);

const Query = object(
  {
    day: day('The brief\'s day; default yesterday.'),
    from: day(`The range's first day; default ${DEFAULT_RANGE_DAYS - 1} days before \`to\`.`),
    to: day('The range\'s last day; default today.'),
    area: list('Area ids.'),
    service: list('Service codes.'),
    group: list('Groups of services (each stands for its services\' codes, added to `service`).'),
    status: { ...oneOf(STATUS_CHOICES, 'The requests\' status now.'), default: 'any' },
    channel: arrayOf(oneOf(REQUEST_CHANNELS), 'How the requests reached the city. Repeat the key for several; none: all. A source of this server only (a harvested endpoint\'s requests do not say theirs: ignored there).'),
  },
  {
    optional: ['day', 'from', 'to', 'area', 'service', 'group', 'status', 'channel'],
    description: `Days from ${FIRST_DAY} to tomorrow; a range of at most ${MAX_RANGE_YEARS} years (it ends before the same date ${MAX_RANGE_YEARS} years after its start). Anything else is a 400.`,
  },
);

const Errors = arrayOf(object({ code: integer(), description: text() }), 'Open311 errors: one per problem.');
const sourceParams = object({ source: text('`local:JURISDICTION_ID` or `endpoint:SLUG` (see `source.id` of a view).', { examples: ['local:riverton'] }) });

const Day = object({
  day: text(),
  opened: integer(),
  closed: integer(),
  backlog: integer('Open at the end of the day.'),
  median_close_hours: nullable(number('Of the requests closed that day; null when none.')),
  sla_breaches: integer('Requests whose expected time fell on the day while open.'),
});
const Ranked = arrayOf(object({ key: text('Service code or area id (\'\' for none).'), name: text(), count: integer('Opened on the day.'), week_before: integer('Opened a week before.') }), 'At most 10, most first.');
const Brief = object({ day: Day, week_before: Day, top_services: Ranked, top_areas: Ranked });
const Volume = object({
  bucket: oneOf(SERIES_BUCKETS, `day; week over ${WEEK_AFTER_DAYS} days; month over ${MONTH_AFTER_DAYS} days.`),
  points: arrayOf(object({ start: text('The bucket\'s first day.'), opened: integer(), closed: integer() }), 'Every bucket of the range.'),
});
const histogram = (unit: 'hours' | 'days', bounds: readonly number[], what: string) => object({
  unit: oneOf([unit]),
  buckets: arrayOf(object({ from: number(`Inclusive, in ${unit}.`), to: nullable(number('Exclusive; null for the last, open-ended bucket.')), count: integer() }), `${what} Bounds: ${bounds.join(', ')}.`),
});
const CloseTimes = histogram('hours', CLOSE_HOURS_BOUNDS, 'Requests opened in the range and closed, by time to close.');
const Backlog = histogram('days', BACKLOG_AGE_BOUNDS, 'Requests open now (any day), by age.');
const AreaCounts = arrayOf(object({ id: text('\'\' for requests in no area.'), name: text(), count: integer() }), 'Opened in the range, most first.');

const Source = object({
  id: text(),
  kind: oneOf(DASHBOARD_SOURCE_KINDS),
  ref: text('The jurisdiction id or endpoint slug.'),
  name: text(),
  timezone: text('IANA zone of the days.'),
  area_label: nullable(text()),
  requests: integer('Requests kept.'),
  synced_at: nullable(dateTime('When the figures last took in changes.')),
});

const View = object({
  source: Source,
  filter: object({
    day: text(), from: text(), to: text(), areas: arrayOf(text()), services: arrayOf(text()), groups: arrayOf(text()), status: oneOf(STATUS_CHOICES),
    channels: arrayOf(oneOf(REQUEST_CHANNELS)),
  }, { description: 'The filter as read (defaults filled in).' }),
  brief: Brief,
  volume: Volume,
  close_times: CloseTimes,
  backlog: Backlog,
  areas: AreaCounts,
  total: integer('Requests opened in the range.'),
  points: object({
    shown: integer(),
    total: integer(),
    coordinates: arrayOf(arrayOf(number()), `The newest ${MAX_POINTS} at most: [longitude, latitude, 1 when open else 0].`),
  }),
  links: object({ page: text(), csv: text(), geojson: text(), json: text() }, { description: 'This filter\'s page, downloads and JSON.' }),
});

const Position = arrayOf(number(), '[longitude, latitude].');
const featureCollection = (feature: Record<string, JsonSchema>, geometry: string, coordinates: JsonSchema, extra: Record<string, JsonSchema> = {}): JsonSchema => object({
  type: oneOf(['FeatureCollection']),
  ...extra,
  features: arrayOf(object({ type: oneOf(['Feature']), ...feature, geometry: object({ type: oneOf([geometry]), coordinates }) })),
});

const AreasGeo = featureCollection(
  { id: text('The area\'s id.'), properties: object({ id: text(), name: text(), count: integer('Opened in the range.') }) },
  'MultiPolygon',
  arrayOf(arrayOf(arrayOf(Position)), 'Polygons of rings of positions.'),
);
const PointsGeo = featureCollection(
  { properties: object({ service_request_id: text(), service_code: text(), status: oneOf(FACT_STATUSES), requested_datetime: dateTime() }) },
  'Point',
  Position,
  { total: integer('Requests opened in the range (the features are the newest, with a location).') },
);

const PARTS: Record<ApiPart, { summary: string; body: JsonSchema; description: string }> = {
  view: { summary: 'Everything of a dashboard view', body: View, description: 'What the dashboard page shows for the filter, in one answer.' },
  brief: { summary: 'The brief of a day', body: Brief, description: 'Opened, closed, backlog, median time to close and SLA breaches of `day` and of a week before, with the top services and areas.' },
  volume: { summary: 'Opened and closed over time', body: Volume, description: 'Per day, week or month of the range.' },
  'close-times': { summary: 'Time-to-close distribution', body: CloseTimes, description: 'Requests of the range closed, by time to close.' },
  backlog: { summary: 'Backlog by age', body: Backlog, description: 'Requests open now, by age.' },
  areas: { summary: 'Areas with their counts (GeoJSON)', body: AreasGeo, description: 'Every area of the source as a MultiPolygon, with the requests opened in the range.' },
  points: { summary: 'Newest requests (GeoJSON)', body: PointsGeo, description: `The newest ${MAX_POINTS} requests with a location under the filter.` },
};

const operationId = (part: ApiPart): string => `dashboard${part.replace(/(^|-)(\w)/g, (_m, _d: string, c: string) => c.toUpperCase())}`;

export function apiSchema(part: ApiPart): FastifySchema {
  const p = PARTS[part];
  return {
    operationId: operationId(part),
    summary: p.summary,
    description: `${p.description} Public, for any origin; not cached.`,
    tags: [STATUS_TAG],
    params: sourceParams,
    querystring: Query,
    response: {
      200: jsonResponse('The figures.', p.body),
      400: jsonResponse('A bad filter.', Errors),
      404: jsonResponse('No enabled source has this id.', Errors),
    },
  };
}

const ROUTE_WORDS: Record<string, string> = { '/dashboard': 'Served', '/dashboard/:id': 'Jurisdiction', '/dashboard/endpoint/:slug': 'Endpoint' };
const ROUTE_PARAMS: Record<string, JsonSchema> = {
  '/dashboard/:id': object({ id: text('A jurisdiction of this server.') }),
  '/dashboard/endpoint/:slug': object({ slug: text('A registry endpoint whose requests are harvested.') }),
};

export function downloadSchema(format: DownloadFormat, route: string): FastifySchema {
  const media = format === 'csv' ? 'text/csv' : 'application/geo+json';
  return {
    operationId: `dashboardDownload${ROUTE_WORDS[route] ?? ''}${format === 'csv' ? 'Csv' : 'GeoJson'}`,
    summary: `Requests of a filter (${format === 'csv' ? 'CSV' : 'GeoJSON'})`,
    description: `${route === '/dashboard' ? 'The served jurisdiction\'s requests' : 'The source\'s requests'} opened in the range under the filter, newest first, public fields only, streamed. The file is named for the source and range.`,
    tags: [STATUS_TAG],
    ...(ROUTE_PARAMS[route] && { params: ROUTE_PARAMS[route] }),
    querystring: Query,
    response: {
      200: { description: 'The requests.', content: { [media]: { schema: text() } } },
      400: jsonResponse('A bad filter.', Errors),
      404: jsonResponse('No enabled source here.', Errors),
    },
  };
}
