/** The dashboard's store (dashboard.ts), put together from its repositories (dashboard-*.ts). */
import type { DashboardStore } from '../dashboard.js';
import type { DialectAdapter } from '../dialects/adapter.js';
import * as facts from './dashboard-facts.js';
import * as points from './dashboard-points.js';
import * as queries from './dashboard-queries.js';
import { serviceNames } from './dashboard-services.js';
import * as rebuild from './dashboard-rebuild.js';
import * as sources from './dashboard-sources.js';

/** A rebuild of at least this many facts refreshes the planner's statistics (PostgreSQL: 50 ms queries took 257 ms without). */
const ANALYZE_AFTER_FACTS = 50_000;

/**
 * Nothing here moves the data version: the read model follows the requests
 * (which moved it) a little later. `rowLocks`: see dialects/adapter.ts.
 */
export function dashboardStore(adapter: DialectAdapter): DashboardStore {
  const { db, rowLocks } = adapter;
  const hooks: rebuild.RebuildHooks = {
    analyze: (facts) => (facts >= ANALYZE_AFTER_FACTS ? adapter.refreshStatistics(['dashboard_facts', 'dashboard_daily']) : Promise.resolve()),
  };
  return {
    listSources: () => sources.listSources(db),
    getSource: (id) => sources.getSource(db, id),
    saveSource: (s, now = Date.now()) => sources.saveSource(db, s, now),
    deleteSource: (id) => sources.deleteSource(db, id),
    saveHarvestState: (id, state) => sources.saveHarvestState(db, id, state),
    dueHarvests: (now, limit) => sources.dueHarvests(db, now, limit),
    setAreas: (id, areas) => sources.setAreas(db, id, areas),
    listAreas: (id) => sources.listAreas(db, id),
    areaShapes: (id) => sources.areaShapes(db, id),
    putFacts: (id, list, now) => facts.putFacts(db, rowLocks, id, list, now),
    removeFacts: (id, ids, now) => facts.removeFacts(db, rowLocks, id, ids, now),
    clearFacts: (id) => facts.clearFacts(db, rowLocks, id),
    beginRebuild: (id, options) => rebuild.beginRebuild(db, rowLocks, id, options?.keepFacts ?? false),
    loadFacts: (id, generation, list) => rebuild.loadFacts(db, rowLocks, id, generation, list),
    finishRebuild: (id, generation, now) => rebuild.finishRebuild(db, rowLocks, hooks, id, generation, now),
    getFacts: (id, ids) => facts.getFacts(db, id, ids),
    brief: (f, day) => queries.brief(db, f, day),
    volume: (f, bucket) => queries.volume(db, f, bucket),
    closeTimes: (f) => queries.closeTimes(db, f),
    backlogByAge: (f, now) => queries.backlogByAge(db, f, now),
    countsByArea: (f) => queries.countsByArea(db, f),
    countsByService: (f) => queries.countsByService(db, f),
    total: (f) => queries.total(db, f),
    points: (f, limit) => points.points(db, f, limit),
    streamFacts: (f) => points.streamFacts(adapter.scanDb, f),
    serviceNames: (id) => serviceNames(db, id),
  };
}
