/**
 * The web apps' jobs: follower notices always; with SMTP, the delivery of
 * outbox messages and the sweep that recovers stranded ones.
 */
import { JOB, SCHEDULE, type FollowersNotifyData, type MailDeliverData } from '@o311/server';
import type { WebContext } from '../context.js';
import { deliverMail } from './delivery.js';
import { notifyFollowers } from './notify.js';
import { sweepOutbox } from './outbox-sweep.js';
import { senderAddress, smtpDelivery } from './smtp.js';

/** SMTP round trips wait on the network, not the CPU. */
const DELIVERY_CONCURRENCY = 4;

export async function registerMailJobs(web: WebContext): Promise<void> {
  const { jobs } = web.services;
  await jobs.work<FollowersNotifyData>(JOB.followersNotify, (job) => notifyFollowers(web, job.data));
  const { smtpUrl } = web.options;
  if (!smtpUrl) {
    // Without SMTP mail stays in the outbox; nothing would run a sweep scheduled by an earlier start.
    await jobs.unschedule(JOB.mailSweep);
    return;
  }
  const deliver = smtpDelivery(smtpUrl, senderAddress(web.options.publicUrl));
  await jobs.work<MailDeliverData>(JOB.mailDeliver, (job) => deliverMail(web.services, deliver, job.data), { concurrency: DELIVERY_CONCURRENCY });
  await jobs.work(JOB.mailSweep, async () => {
    await sweepOutbox(web.services);
  });
  // A missed sweep is made up by the next one.
  await jobs.schedule(JOB.mailSweep, SCHEDULE[JOB.mailSweep], {}, { retryLimit: 0 });
}
