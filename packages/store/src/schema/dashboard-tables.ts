/** Row shapes of the dashboard's tables (migration 0018, dashboard-migration.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface DashboardTables {}
