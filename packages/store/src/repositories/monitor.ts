/** The status monitor's store (monitor.ts), put together from its repositories (monitor-*.ts). */
import type { MonitorStore } from '../monitor.js';
import * as events from './monitor-events.js';
import * as polls from './monitor-polls.js';
import * as rollups from './monitor-rollups.js';
import * as targets from './monitor-targets.js';
import * as usage from './monitor-usage.js';
import type { Db } from './shared.js';

/**
 * Nothing here is public data: the data version stays (no response cache is
 * dropped for a poll). `rowLocks`: see dialects/adapter.ts.
 */
export function monitorStore(db: Db, rowLocks: boolean): MonitorStore {
  return {
    syncTargets: (now) => targets.syncTargets(db, now),
    getTarget: (slug) => targets.getTarget(db, slug),
    listTargets: () => targets.listTargets(db),
    saveSettings: (slug, settings, now) => targets.saveSettings(db, slug, settings, now),
    claimDue: (now, limit) => targets.claimDue(db, now, limit, rowLocks),
    pollNow: (slug, now) => targets.pollNow(db, slug, now),
    recordPolls: (samples, rule) => polls.recordPolls(db, samples, rule, rowLocks),
    listSamples: (f) => polls.listSamples(db, f),
    rollUp: (now, options) => rollups.rollUp(db, now, options),
    listHourly: (slug, from, to) => rollups.listHourly(db, slug, from, to),
    recordUsage: (samples) => usage.recordUsage(db, samples, rowLocks),
    listUsage: (f) => usage.listUsage(db, f),
    latestUsage: (slug) => usage.latestUsage(db, slug),
    latestUsages: (slugs) => usage.latestUsages(db, slugs),
    usageDue: (slugs, since) => usage.usageDue(db, slugs, since),
    recordScore: (s, rule) => usage.recordScore(db, s, rule, rowLocks),
    listScores: (f) => usage.listScores(db, f),
    latestScore: (slug) => usage.latestScore(db, slug),
    latestScores: (slugs) => usage.latestScores(db, slugs),
    getIncident: (id) => polls.getIncident(db, id),
    listIncidents: (f) => polls.listIncidents(db, f),
    getEvent: (id) => events.getEvent(db, id),
    listEvents: (f) => events.listEvents(db, f),
    markEventMailed: (id, at) => events.markEventMailed(db, id, at),
    recordWebhookAttempt: (id, outcome, at) => events.recordWebhookAttempt(db, id, outcome, at),
  };
}
