/**
 * Staff: the job queue (global admins: jobs span every jurisdiction). The
 * list with counts per state; retry and discard, each audited.
 */
import { Type } from 'typebox';
import type { AdminJob } from '../jobs/job-view.js';
import { optionalDateTime, requiredDateTime } from '../projection/published-date.js';
import type { ServiceContext } from '../services/context.js';
import { discardJob, isJobState, listJobs, retryJob } from '../services/jobs-admin.js';
import { apiActorOf } from './actor.js';
import { requirePermission } from './auth.js';
import { JobListQuery, JobPage } from './job-schemas.js';
import { IdParams, STAFF_TAG, staffErrors } from './schemas.js';
import { STAFF_SECURITY, type StaffApp } from './types.js';

const utc = (ms: number): string => requiredDateTime(ms, 'UTC');

const toJobWire = (j: AdminJob) => ({
  id: j.id,
  name: j.name,
  state: j.state,
  data: j.data,
  attempts: j.attempts,
  retry_limit: j.retryLimit,
  created_datetime: utc(j.createdAt),
  run_datetime: utc(j.runAt),
  completed_datetime: optionalDateTime(j.completedAt, 'UTC'),
  last_error: j.lastError,
});

export function jobRoutes(app: StaffApp, ctx: ServiceContext): void {
  const globalAdmin = requirePermission(ctx.store, 'global-admin');
  const base = { tags: [STAFF_TAG], security: STAFF_SECURITY };

  app.get('/jobs', {
    onRequest: globalAdmin,
    schema: { ...base, summary: 'List background jobs, with the count in each state', querystring: JobListQuery, response: { 200: JobPage, ...staffErrors(400, 401, 403) } },
  }, async (request) => {
    const { state, name, page = 1, page_size: pageSize = 50 } = request.query;
    const states = state?.split(',').filter(isJobState);
    const { counts, jobs } = await listJobs(ctx, { states, name, page, pageSize });
    return { counts, items: jobs.map(toJobWire), page, page_size: pageSize };
  });

  const action = (verb: 'retry' | 'discard', summary: string, run: typeof retryJob) =>
    app.post(`/jobs/:id/${verb}`, {
      onRequest: globalAdmin,
      schema: { ...base, summary, params: IdParams, response: { 204: Type.Null({ description: 'Done.' }), ...staffErrors(401, 403, 404, 409) } },
    }, async (request, reply) => {
      await run(ctx, apiActorOf(request), request.params.id);
      return reply.code(204).send(null);
    });
  action('retry', 'Run a dead or retry-waiting job again now (attempts reset)', retryJob);
  action('discard', 'Remove a queued, retry-waiting or dead job', discardJob);
}
