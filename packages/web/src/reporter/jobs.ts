/** The reporter's jobs (receipt, "is it fixed?"), registered with the web apps' mail jobs. */
import { JOB, SCHEDULE, type ReporterReceiptData } from '@o311/server';
import type { WebContext } from '../context.js';
import { reporterTick } from './questions.js';
import { sendReceipt } from './receipt.js';

export async function registerReporterJobs(web: WebContext): Promise<void> {
  const { jobs } = web.services;
  await jobs.work<ReporterReceiptData>(JOB.reporterReceipt, (job) => sendReceipt(web, job.data));
  await jobs.work(JOB.reporterTick, async () => {
    await reporterTick(web);
  });
  // A missed tick is made up by the next one: no retries pile up.
  await jobs.schedule(JOB.reporterTick, SCHEDULE[JOB.reporterTick], {}, { retryLimit: 0 });
}
