/**
 * OpenAPI contracts of the status pages' public JSON and Atom feed (routes.ts).
 * They DOCUMENT the answers (status-json.ts writes them field by field): the
 * query is read leniently (overview-query.ts: a value not among the choices is
 * ignored), so no schema rejects a request.
 */
import type { FastifySchema } from 'fastify';
import { TIERS } from '@o311/georeport';
import { STATUS_TAG } from '@o311/server';
import { MONITOR_STATES, POLL_ERROR_KINDS } from '@o311/store';
import { arrayOf, boolean, dateTime, integer, jsonResponse, nullable, number, object, oneOf, text } from '../api-schema.js';
import { FEED_INCIDENTS } from './incidents-feed.js';
import { HISTORY_DAYS, LATENCY_HOURS, MAX_INCIDENTS } from './endpoint-figures.js';
import { OVERVIEW_TTL_MS, PAGE_SIZE } from './overview-data.js';
import { SORT_KEYS } from './overview-query.js';
import { SHOWN_STATES } from './shown-state.js';

/** The headers every answer of these routes has; routes.ts sets them. */
const CACHING =
  'Public, for any origin (`Access-Control-Allow-Origin: *`); answers may be cached for 60 seconds (`Cache-Control: public, max-age=60`), ' +
  'errors are not. No rate limit of its own.';

const ratio = (description: string) => nullable(number(`${description} 0..1; null without polls.`));
const ms = (description: string) => nullable(integer(`${description} In ms; null without polls.`));
const counted = (description: string) => nullable(number(`${description} 0..1 of the sampled requests; null when not known.`));

const Row = object({
  slug: text('The endpoint\'s name in URLs.'),
  name: text(),
  tier: oneOf(TIERS),
  country: nullable(text('ISO 3166-1 alpha-2.')),
  state: oneOf(MONITOR_STATES, 'The monitor\'s state: down once an incident is open (after a few failed checks in a row); unknown until its first poll.'),
  display_state: oneOf(SHOWN_STATES, 'What the pages show: failing when the last checks failed but no incident is open yet; unknown when never checked.'),
  failed_checks: integer('Failed checks in a row (0 after an answer).'),
  since: nullable(dateTime('When it entered this state.')),
  paused: boolean('The monitor does not poll it for now.'),
  last_poll_at: nullable(dateTime()),
  uptime: object({ '24h': ratio('Polls answered.'), '7d': ratio('Polls answered.'), '30d': ratio('Polls answered.'), '90d': ratio('Polls answered.') }),
  latency_ms: object({ p50: ms('Median over 7 days.'), p95: ms('95th percentile over 7 days.') }),
  score: nullable(object(
    {
      score: integer('0..100.'),
      errors: integer(),
      warnings: integer(),
      at: dateTime(),
      run: nullable(text('The validator run\'s page.')),
    },
    { description: 'The latest conformance check; null before the first.' },
  )),
  utilisation: nullable(object(
    {
      requests_7d: integer('Requests filed in 7 days.'),
      requests_30d: integer(),
      requests_per_day_7d: number(),
      requests_per_day_30d: number(),
      capped: boolean('The count stopped at the sampling cap (there are more).'),
      open: integer(),
      closed: integer(),
      newest_request_at: nullable(dateTime()),
      sampled_at: dateTime(),
    },
    { description: 'How much the endpoint is used, from its public request list; null before the first count.' },
  )),
  links: object({ page: text('Its status page.'), json: text('Its JSON.') }),
});

const Overview = object({
  generated_at: dateTime(),
  counts: object({ up: integer(), failing: integer(), down: integer(), unknown: integer(), total: integer() }, { description: 'Of every monitored endpoint by display_state, whatever the filters.' }),
  filters: object({ country: nullable(text()), tier: nullable(oneOf(TIERS)), status: nullable(oneOf(SHOWN_STATES)) }, { description: 'The filters applied (status is by display_state).' }),
  sort: object({ by: oneOf(SORT_KEYS), direction: oneOf(['asc', 'desc']) }),
  matching: integer('Endpoints matching the filters.'),
  page: integer(),
  pages: integer(),
  endpoints: arrayOf(Row, `This page of the matching endpoints, ${PAGE_SIZE} at most.`),
});

const usageFields = {
  at: dateTime(),
  services: integer('Services offered.'),
  sampled: integer('Requests read for the ratios below.'),
  with_location: counted('With a location.'),
  with_address: counted('With an address.'),
  with_updated: counted('With an updated time.'),
  with_media: counted('With a photo.'),
  with_status_notes: counted('With status notes.'),
  requests_7d: integer(),
  requests_30d: integer(),
  capped: boolean(),
  open: integer(),
  closed: integer(),
  newest_request_at: nullable(dateTime()),
};

const Endpoint = object({
  generated_at: dateTime(),
  endpoint: object({ ...(Row.properties ?? {}), base_url: nullable(text()), discovery_url: nullable(text()) }),
  last_poll: nullable(object({
    at: dateTime(),
    ok: boolean(),
    http_status: nullable(integer()),
    latency_ms: nullable(integer()),
    error_kind: nullable(oneOf(POLL_ERROR_KINDS)),
    error: nullable(text()),
    services: nullable(integer('Services listed.')),
  })),
  comprehensiveness: nullable(object(usageFields, { description: 'The latest usage sample.' })),
  hourly: arrayOf(
    object({ hour: dateTime(), polls: integer(), ups: integer(), p50_ms: ms(''), p95_ms: ms('') }),
    `Hours with polls in the last ${LATENCY_HOURS / 24} days.`,
  ),
  daily: arrayOf(object({ day: dateTime(), polls: integer(), ups: integer(), uptime: ratio('') }), `Days with polls in the last ${HISTORY_DAYS} days.`),
  usage: arrayOf(object(usageFields), `Usage samples of the last ${HISTORY_DAYS} days, oldest first.`),
  scores: arrayOf(
    object({
      at: dateTime(),
      score: integer('0..100.'),
      errors: integer(),
      warnings: integer(),
      passed: integer(),
      failed: integer(),
      skipped: integer(),
      run: nullable(text('The validator run\'s page.')),
    }),
    `Conformance checks of the last ${HISTORY_DAYS} days, oldest first.`,
  ),
  incidents: arrayOf(
    object({
      id: text(),
      opened_at: dateTime(),
      closed_at: nullable(dateTime('null while still down.')),
      cause_kind: oneOf(POLL_ERROR_KINDS),
      cause: text(),
      failed_polls: integer(),
      link: text('On its status page.'),
    }),
    `The ${MAX_INCIDENTS} newest, newest first.`,
  ),
});

const NotFound = object({ error: text('Which endpoint is not monitored.') });

export const overviewSchema: FastifySchema = {
  operationId: 'statusEndpoints',
  summary: 'Every monitored endpoint',
  description:
    'The figures of /status: state, uptime, latency, the latest conformance score and use of every endpoint the monitor polls, ' +
    `filtered, sorted and paged (${PAGE_SIZE} a page) as the query asks. The list is read again at most every ${OVERVIEW_TTL_MS / 1000} seconds. ${CACHING}`,
  tags: [STATUS_TAG],
  querystring: object(
    {
      country: text('ISO 3166-1 alpha-2 (any case).', { examples: ['US'] }),
      tier: oneOf(TIERS),
      status: oneOf(SHOWN_STATES, 'By display_state.'),
      sort: { ...oneOf(SORT_KEYS), default: 'name' },
      dir: { ...oneOf(['asc', 'desc']), default: 'asc' },
      page: integer('1-based; past the last page reads as the last.', { minimum: 1, maximum: 1_000, default: 1 }),
    },
    { optional: ['country', 'tier', 'status', 'sort', 'dir', 'page'], description: 'A value not among the choices is ignored.' },
  ),
  response: { 200: jsonResponse('The endpoints.', Overview) },
};

export const endpointSchema: FastifySchema = {
  operationId: 'statusEndpoint',
  summary: 'One monitored endpoint',
  description: `The figures of /status/{slug}: its state, hourly latency, daily uptime, usage, conformance scores and incidents. ${CACHING}`,
  tags: [STATUS_TAG],
  params: object({ slug: text('The endpoint\'s slug (as in `links.json` of the list).') }),
  response: {
    200: jsonResponse('The endpoint.', Endpoint),
    404: jsonResponse('No monitored endpoint has this slug.', NotFound),
  },
};

export const incidentsFeedSchema: FastifySchema = {
  operationId: 'statusIncidentsFeed',
  summary: 'Incidents (Atom)',
  description: `The ${FEED_INCIDENTS} newest incidents of every monitored endpoint, newest first, in the language asked (\`?lang=\` or Accept-Language). ${CACHING}`,
  tags: [STATUS_TAG],
  response: {
    200: { description: 'An Atom 1.0 feed.', content: { 'application/atom+xml': { schema: text('Atom XML (UTF-8).') } } },
  },
};
