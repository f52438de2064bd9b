/**
 * The admin view of the job queue, from the staff API and the back office:
 * jobs span every jurisdiction, so both channels allow it to global admins
 * only. A retry or discard is audited once, here.
 */
import { conflict, notFound } from '@o311/georeport';
import { JOB_STATES, type JobState } from '@o311/jobs';
import { JOB } from '../jobs/job-names.js';
import { toAdminJob, type AdminJob } from '../jobs/job-view.js';
import { recordAudit } from './audit.js';
import type { ServiceContext } from './context.js';
import type { StaffActor } from './staff-actor.js';

/** The states an admin acts on, the default of the list. */
export const PENDING_ATTENTION: readonly JobState[] = ['queued', 'retry', 'dead'];
export const MAX_JOB_PAGE_SIZE = 200;

export interface JobQuery {
  states?: readonly JobState[];
  name?: string;
  /** 1-based */
  page: number;
  pageSize: number;
}

export interface JobList {
  counts: Record<JobState, number>;
  jobs: AdminJob[];
}

export const isJobState = (s: string): s is JobState => (JOB_STATES as readonly string[]).includes(s);

export async function listJobs(ctx: ServiceContext, q: JobQuery): Promise<JobList> {
  const pageSize = Math.min(Math.max(1, Math.floor(q.pageSize)), MAX_JOB_PAGE_SIZE);
  const [counts, records] = await Promise.all([
    ctx.jobs.counts(),
    ctx.jobs.list({
      states: q.states && q.states.length > 0 ? q.states : PENDING_ATTENTION,
      ...(q.name ? { name: q.name } : {}),
      limit: pageSize,
      offset: (Math.max(1, Math.floor(q.page)) - 1) * pageSize,
    }),
  ]);
  return { counts, jobs: records.map(toAdminJob) };
}

async function existing(ctx: ServiceContext, id: string): Promise<AdminJob> {
  const job = await ctx.jobs.get(id);
  if (!job) throw notFound(`job '${id}' does not exist.`);
  return toAdminJob(job);
}

/** Runs a dead or retry-waiting job again now. 404 for an unknown job, 409 in another state. */
export async function retryJob(ctx: ServiceContext, actor: StaffActor, id: string): Promise<void> {
  const job = await existing(ctx, id);
  if (!(await ctx.jobs.retry(id))) throw conflict(`job '${id}' is ${job.state}: only a dead or retry-waiting job can be retried.`);
  await recordAudit(ctx, actor, { action: 'job.retry', details: { job: id, name: job.name, state: job.state } });
}

/** Removes a queued, retry-waiting or dead job. 404 for an unknown job, 409 when it is active or completed. */
export async function discardJob(ctx: ServiceContext, actor: StaffActor, id: string): Promise<void> {
  const job = await existing(ctx, id);
  if (!(await ctx.jobs.discard(id))) throw conflict(`job '${id}' is ${job.state}: an active or completed job cannot be discarded.`);
  const outboxId = job.name === JOB.mailDeliver ? job.data.outboxId : undefined;
  // Counted as an attempt, so that the delivery sweep (which picks up untried messages) leaves the message alone.
  if (typeof outboxId === 'string') await ctx.store.markMailFailed(outboxId, 'delivery discarded by an admin');
  await recordAudit(ctx, actor, { action: 'job.discard', details: { job: id, name: job.name, state: job.state } });
}
