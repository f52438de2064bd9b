/** Placeholder until the dashboard's repository lands (issue 13): every method throws. */
import type { DashboardStore } from '../dashboard.js';
import type { DialectAdapter } from '../dialects/adapter.js';

export function dashboardStore(_adapter: DialectAdapter): DashboardStore {
  return new Proxy({} as DashboardStore, {
    get: (_target, name) => () => {
      throw new Error(`store.dashboard.${String(name)} is not built yet`);
    },
  });
}
