/** The daily `outbox.prune` job forgets mail a month old, sent or never sent, and keeps the rest. */
import { describe, expect, it } from 'vitest';
import type { JobQueue } from '@o311/jobs';
import type { Store } from '@o311/store';
import { JOB } from '../src/jobs/job-names.js';
import { OUTBOX_KEPT_MS, registerServerJobs } from '../src/jobs/server-jobs.js';
import type { ServiceContext } from '../src/services/context.js';
import { withMemoryStore } from './support/memory-store.js';

describe('outbox.prune', () => {
  let store: Store;
  withMemoryStore((opened) => (store = opened));

  it('is scheduled daily and forgets mail sent (or queued unsent) more than a month ago', async () => {
    const handlers = new Map<string, () => Promise<void>>();
    const scheduled = new Set<string>();
    const queue = {
      work: async (name: string, handler: () => Promise<void>) => void handlers.set(name, handler),
      schedule: async (name: string) => void scheduled.add(name),
      unschedule: async () => undefined,
    } as unknown as JobQueue;
    const now = Date.UTC(2026, 11, 4);
    await registerServerJobs({ store, jobs: queue, now: () => now, postLimits: { prune: async () => undefined } } as unknown as ServiceContext);
    expect(scheduled).toContain(JOB.outboxPrune);

    const mail = (subject: string, at: number) => store.enqueueMail({ to: 'someone@example.org', subject, text: subject, html: null }, at);
    const old = now - OUTBOX_KEPT_MS - 1;
    const sentOld = await mail('sent long ago', old);
    await store.markMailSent(sentOld.id, old);
    const neverSent = await mail('never sent', old);
    const sentRecently = await mail('queued long ago, sent recently', old);
    await store.markMailSent(sentRecently.id, now - 1000);
    const fresh = await mail('fresh', now - 1000);

    await handlers.get(JOB.outboxPrune)!();
    expect(await store.getMail(sentOld.id)).toBeUndefined();
    expect(await store.getMail(neverSent.id)).toBeUndefined();
    expect(await store.getMail(sentRecently.id)).toBeDefined();
    expect(await store.getMail(fresh.id)).toBeDefined();
  });
});
