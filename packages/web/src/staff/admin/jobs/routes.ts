/** /staff/jobs: the background jobs, with Retry and Discard — global administrators only (jobs span every jurisdiction). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isOpen311Failure } from '@o311/georeport';
import { jobsAdmin } from '@o311/server';
import type { WebContext } from '../../../context.js';
import { translatorFor } from '../../../request-locale.js';
import { sendStaffRefusal } from '../../error-page.js';
import { csrfField, currentStaff, staffGuard } from '../../guard.js';
import { sendStaffPage } from '../../page.js';
import { webJurisdiction } from '../../request/jurisdiction.js';
import { pathParam, queryParam } from '../../route-params.js';
import { webActorOf } from '../../staff-actor.js';
import { doneNotice } from '../done-notice.js';
import { jobsHref, jobsView } from './jobs-view.js';

const PAGE_SIZE = 50;
const MAX_PAGE = 10_000;
const DONE = { retried: 'staff.jobs.retried', discarded: 'staff.jobs.discarded', stale: 'staff.jobs.stale' } as const;

export async function registerJobPages(app: FastifyInstance, web: WebContext): Promise<void> {
  const admin = { preHandler: staffGuard(web, 'global-admin') };

  app.get('/staff/jobs', admin, async (request, reply) => {
    const t = translatorFor(request, reply);
    const stateText = queryParam(request, 'state') ?? '';
    const state = jobsAdmin.isJobState(stateText) ? stateText : undefined;
    const pageText = queryParam(request, 'page') ?? '';
    const page = /^\d{1,5}$/.test(pageText) ? Math.min(Math.max(1, Number(pageText)), MAX_PAGE) : 1;
    const states = state ? [state] : jobsAdmin.PENDING_ATTENTION;
    const [jurisdiction, { counts, jobs }] = await Promise.all([
      webJurisdiction(web),
      jobsAdmin.listJobs(web.services, { states, page, pageSize: PAGE_SIZE }),
    ]);
    const total = states.reduce((sum, s) => sum + counts[s], 0);
    const main = jobsView(t, {
      jurisdiction, counts, state, jobs, notice: doneNotice(request, t, DONE), csrf: csrfField(request),
      firstHref: page > 1 ? jobsHref(state) : undefined,
      nextHref: page * PAGE_SIZE < total ? jobsHref(state, page + 1) : undefined,
    });
    return sendStaffPage(request, reply, web, { title: t('staff.jobs.title'), main });
  });

  const action = (verb: 'retry' | 'discard', run: typeof jobsAdmin.retryJob, done: keyof typeof DONE) =>
    app.post(`/staff/jobs/:id/${verb}`, admin, async (request: FastifyRequest, reply: FastifyReply) => {
      try {
        await run(web.services, webActorOf(currentStaff(request).user), pathParam(request, 'id'));
      } catch (e) {
        if (isOpen311Failure(e) && e.status === 404) return sendStaffRefusal(request, reply, web, 'not-found');
        if (isOpen311Failure(e) && e.status === 409) return reply.redirect('/staff/jobs?done=stale', 303);
        throw e;
      }
      return reply.redirect(`/staff/jobs?done=${done}`, 303);
    });
  action('retry', jobsAdmin.retryJob, 'retried');
  action('discard', jobsAdmin.discardJob, 'discarded');
}
