/**
 * The web apps' jobs: follower notices always; with SMTP or the mail log, the delivery of
 * outbox messages and the sweep that recovers stranded ones (transport.ts).
 */
import { JOB, SCHEDULE, type FollowersNotifyData, type MailDeliverData } from '@o311/server';
import type { WebContext } from '../context.js';
import { deliverMail } from './delivery.js';
import { notifyFollowers } from './notify.js';
import { registerReporterJobs } from '../reporter/jobs.js';
import { sweepOutbox } from './outbox-sweep.js';
import { mailDelivery } from './transport.js';

/** SMTP round trips wait on the network, not the CPU. */
const DELIVERY_CONCURRENCY = 4;

export async function registerMailJobs(web: WebContext): Promise<void> {
  const { jobs } = web.services;
  await jobs.work<FollowersNotifyData>(JOB.followersNotify, (job) => notifyFollowers(web, job.data));
  await registerReporterJobs(web);
  const deliver = mailDelivery(web.options);
  // The schedule is shared by every process, and some may run without SMTP (a deployment being
  // reconfigured): those take their tick and leave the sweep to the next one, and never remove
  // the schedule (without SMTP anywhere, mail stays in the outbox and a tick costs one claim).
  await jobs.work(JOB.mailSweep, async () => {
    if (deliver) await sweepOutbox(web.services);
  });
  await jobs.schedule(JOB.mailSweep, SCHEDULE[JOB.mailSweep], {}, { retryLimit: 0 });
  if (!deliver) return;
  await jobs.work<MailDeliverData>(JOB.mailDeliver, (job) => deliverMail(web.services, deliver, job.data), { concurrency: DELIVERY_CONCURRENCY });
}
