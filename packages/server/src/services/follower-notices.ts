/**
 * After a public change of a request: a `followers.notify` job for its latest
 * public event, when it has confirmed followers (the web apps' mailer sends
 * it). Shared by every path that changes a request: the back office, the
 * reporter's pages and the e-mail intake.
 */
import { JOB, followersNotifyOptions, type FollowersNotifyData } from '../jobs/job-names.js';
import type { ServiceContext } from './context.js';

export async function queueFollowerNotice(ctx: Pick<ServiceContext, 'store' | 'jobs'>, jurisdictionId: string, requestId: string): Promise<void> {
  const { store, jobs } = ctx;
  if ((await store.listConfirmedFollowers(jurisdictionId, requestId)).length === 0) return;
  const event = (await store.listEvents(jurisdictionId, requestId)).length;
  if (event === 0) return;
  const data: FollowersNotifyData = { jurisdictionId, requestId, event };
  await jobs.enqueue(JOB.followersNotify, data, followersNotifyOptions(data));
}
