/**
 * OpenAPI contracts of the validator's JSON API (api-routes.ts). They DOCUMENT
 * the answers: the handlers check the input (run-input.ts, queueValidationRun)
 * and write the documents (runDocument), so refusals keep o311's error list.
 */
import type { FastifySchema } from 'fastify';
import {
  KEEP_ANY_RUN_MS, KEEP_RUNS_PER_URL, MAX_API_KEY_LENGTH, MAX_JURISDICTION_LENGTH, MAX_TARGET_URL_LENGTH, RUN_DEADLINE_MS, RUN_WINDOW_MS, RUNS_PER_WINDOW, VALIDATOR_TAG,
  WRITE_RUNS_PER_WINDOW,
} from '@o311/server';
import { VALIDATION_FORMATS, VALIDATION_SOURCES, VALIDATION_STATES } from '@o311/store';
import { SEVERITIES, type CheckStatus } from '@o311/validator';
import { arrayOf, boolean, dateTime, integer, jsonResponse, nullable, object, oneOf, text, type JsonSchema } from '../api-schema.js';
import { DOWNLOAD_KINDS } from './paths.js';

const CHECK_STATUSES = ['pass', 'fail', 'skip'] as const satisfies readonly CheckStatus[];
const minutes = (ms: number): number => Math.round(ms / 60_000);

const NO_STORE = 'Answers are never cached (`Cache-Control: no-store`).';
const LIMITS =
  `Each client address may start ${RUNS_PER_WINDOW} runs in ${minutes(RUN_WINDOW_MS)} minutes, write runs only while it has started ` +
  `fewer than ${WRITE_RUNS_PER_WINDOW}; past that the answer is 429 with \`Retry-After\` (seconds).`;

/** o311's error list, as the staff API's: the same whatever the client accepts. */
const ErrorList = arrayOf(object({ code: integer('The HTTP status.', { examples: [400] }), description: text('What went wrong, as a sentence.') }));

const errorResponses = {
  400: jsonResponse('The run cannot start: a URL that is not an http(s) Open311 endpoint or discovery URL, a format other than both, xml or json, a jurisdiction_id or API key too long, write checks without an API key (or on a server that cannot hold one).', ErrorList),
  413: jsonResponse('The body is larger than the server accepts.', ErrorList),
  415: jsonResponse('The body is neither JSON nor a urlencoded form.', ErrorList),
  429: jsonResponse(`Too many runs from this client address. ${LIMITS}`, ErrorList, {
    'retry-after': integer('Seconds until runs may be started again.'),
  }),
};

const Counts = object({
  errors: integer('Failed checks of severity error.'),
  warnings: integer('Failed checks of severity warning.'),
  info: integer('Failed checks of severity info.'),
  passed: integer(),
  failed: integer(),
  skipped: integer(),
});

const Links = object(
  {
    self: text('This document.'),
    page: text('The run\'s page, live while it runs.'),
    events: text('Server-sent events of the run\'s progress.'),
    ...Object.fromEntries(DOWNLOAD_KINDS.map((k) => [k, text(`The report as ${k} (once done).`)])),
  },
  { description: 'Paths on this server.' },
);

const CheckResult = object(
  {
    id: text('Stable check id, prefixed by its area.', { examples: ['services-list-json'] }),
    title: text(),
    severity: oneOf(SEVERITIES),
    status: oneOf(CHECK_STATUSES),
    specRef: text('The section of the standard it checks.'),
    message: text('What was found.'),
    fix: text('How to fix a failure.'),
    evidence: object({ request: text('The request, abridged.'), response: text('The response, abridged.') }, { description: 'One exchange, for a failure.' }),
    durationMs: integer(),
  },
  { optional: ['evidence'] },
);

const Report = object(
  {
    target: object({ url: text(), baseUrl: nullable(text()), discoveryUrl: nullable(text()) }),
    startedAt: dateTime(),
    durationMs: integer(),
    summary: Counts,
    results: arrayOf(CheckResult, 'Every check, in the validator\'s order.'),
  },
  { description: 'The validator\'s JSON report (as `links.json`); null for a report this version cannot read.' },
);

const Accepted = object({ id: text('Unguessable, URL-safe.'), state: oneOf(VALIDATION_STATES), links: Links });

const Run = object(
  {
    id: text('Unguessable, URL-safe.'),
    url: text('The endpoint or discovery URL as checked.'),
    endpoint_slug: nullable(text('The registry endpoint it is, if any (its badge and recent runs).')),
    source: oneOf(VALIDATION_SOURCES, 'Who started it: the /validate page, this API or the monitor\'s daily check.'),
    format: oneOf(VALIDATION_FORMATS),
    write: boolean('Write checks were asked for (test requests are created at the endpoint).'),
    jurisdiction_id: nullable(text()),
    state: oneOf(VALIDATION_STATES),
    progress: object({ done: integer('Checks finished.'), total: integer('Checks in the run (0 until it starts).') }),
    summary: nullable({ ...Counts, description: 'Once done.' }),
    error: nullable(text('Why a failed run failed.')),
    created_at: dateTime(),
    started_at: nullable(dateTime()),
    finished_at: nullable(dateTime()),
    links: Links,
    report: nullable(Report),
  },
  { optional: ['report'] },
);

const RunFields: JsonSchema = object(
  {
    url: text(`An Open311 GeoReport v2 base URL (…/v2/) or discovery URL, http(s), at most ${MAX_TARGET_URL_LENGTH} characters.`, {
      examples: ['https://city.example/open311/v2/'],
    }),
    format: { ...oneOf(VALIDATION_FORMATS, 'The response formats to check.'), default: 'both' },
    jurisdiction_id: text(`Sent with every call when the endpoint needs one; at most ${MAX_JURISDICTION_LENGTH} characters.`),
    write: { type: ['boolean', 'string'], description: 'Run the write checks (they POST test requests). In a form: on, true, 1 or yes.', default: false },
    api_key: text(`The endpoint's API key, needed by the write checks; at most ${MAX_API_KEY_LENGTH} characters. Kept sealed while the run lasts, then erased; never shown.`),
  },
  { optional: ['format', 'jurisdiction_id', 'write', 'api_key'] },
);

export const startRunSchema: FastifySchema = {
  operationId: 'startValidatorRun',
  summary: 'Start a validator run',
  description:
    'Queues a run of every conformance check against an endpoint; the answer (202) names the run, and `Location` its document. ' +
    `Poll that document (or follow its \`events\`) until \`state\` is done or failed; a run ends within ${minutes(RUN_DEADLINE_MS)} minutes. ` +
    `${LIMITS} ${NO_STORE}`,
  tags: [VALIDATOR_TAG],
  body: { content: { 'application/json': { schema: RunFields }, 'application/x-www-form-urlencoded': { schema: RunFields } } },
  response: {
    202: jsonResponse('Queued.', Accepted, { location: text('The run\'s document.') }),
    ...errorResponses,
  },
};

export const readRunSchema: FastifySchema = {
  operationId: 'readValidatorRun',
  summary: 'A validator run',
  description:
    `Its state, progress and counts; the whole report once done. A run stays while it is among the ${KEEP_RUNS_PER_URL} newest ` +
    `of its URL, and at least ${Math.round(KEEP_ANY_RUN_MS / 3_600_000)} hours after it ends. ${NO_STORE}`,
  tags: [VALIDATOR_TAG],
  params: object({ id: text('The run\'s id, as the start answered it.') }),
  response: {
    200: jsonResponse('The run.', Run),
    404: jsonResponse('No run has this id (or it was pruned).', ErrorList),
  },
};
