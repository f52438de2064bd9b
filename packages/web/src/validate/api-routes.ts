/**
 * The validator's JSON API: `POST /validate/api/runs` (JSON or a form: url,
 * format, jurisdiction_id, write, api_key) starts a run, 202 with its id, state
 * and links; `GET /validate/api/runs/{id}` reads it (progress, summary, and the
 * report once done). Failures are o311's JSON error list
 * (`[{code, description}]`, as the staff API's), with Retry-After on 429,
 * whatever the client accepts (the site's error pages are for its pages).
 * Documented in /docs by api-schemas.ts.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Open311Failure, badRequest, notFound } from '@o311/georeport';
import { documentedOnly, isRefusal } from '@o311/server';
import type { ValidationRun } from '@o311/store';
import type { WebContext } from '../context.js';
import { param } from '../citizen/public-handler.js';
import { readRunSchema, startRunSchema } from './api-schemas.js';
import { API_RUNS_PATH, apiRunPath, runLinks } from './paths.js';
import { runFieldsOf } from './run-input.js';
import { reportOf } from './stored-run.js';
import { startRun } from './validate-services.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** A run as the API shows it; the report only when asked for a finished run. */
export function runDocument(run: ValidationRun, withReport: boolean): Record<string, unknown> {
  return {
    id: run.id,
    url: run.url,
    endpoint_slug: run.endpoint_slug,
    source: run.source,
    format: run.format,
    write: run.write,
    jurisdiction_id: run.jurisdiction_id,
    state: run.state,
    progress: { done: run.done, total: run.total },
    summary: run.summary,
    error: run.error,
    created_at: iso(run.created_at),
    started_at: iso(run.started_at),
    finished_at: iso(run.finished_at),
    links: runLinks(run.id),
    ...(withReport && { report: reportOf(run) }),
  };
}

const refuse = (reply: FastifyReply, failure: Open311Failure): FastifyReply =>
  reply.status(failure.status).headers(failure.headers).header('cache-control', 'no-store').send(failure.errors);

export function registerValidateApi(app: FastifyInstance, web: WebContext): void {
  app.post(API_RUNS_PATH, documentedOnly(startRunSchema), async (request, reply) => {
    const { fields, problem } = runFieldsOf(request);
    if (problem !== undefined) return refuse(reply, badRequest(problem));
    const run = await startRun(web, request, fields, 'api');
    if (isRefusal(run)) {
      return refuse(reply, new Open311Failure(run.status, run.refused, run.retryAfterSeconds === undefined ? {} : { 'retry-after': String(run.retryAfterSeconds) }));
    }
    return reply.status(202).header('location', apiRunPath(run.id)).header('cache-control', 'no-store').send({ id: run.id, state: run.state, links: runLinks(run.id) });
  });

  app.get(`${API_RUNS_PATH}/:id`, documentedOnly(readRunSchema), async (request, reply) => {
    const id = param(request.params, 'id');
    const run = await web.services.store.validations.get(id);
    if (run === undefined) return refuse(reply, notFound(`No validator run ${id.slice(0, 40)}.`));
    return reply.header('cache-control', 'no-store').send(runDocument(run, run.state === 'done'));
  });
}
