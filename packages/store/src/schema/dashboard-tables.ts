/** Row shapes of the dashboard's tables (migration 0018, dashboard-migration.ts; see dashboard.ts). */

export interface DashboardSourcesTable {
  id: string;
  kind: string;
  ref: string;
  name: string;
  timezone: string;
  enabled: number;
  area_label: string | null;
  /** Harvest state (endpoint sources; null for local ones). */
  harvest_cursor: string | null;
  harvest_last_run_at: number | null;
  harvest_last_success_at: number | null;
  harvest_last_error: string | null;
  harvest_next_run_at: number | null;
  harvest_requests_seen: number | null;
  requests: number;
  synced_at: number | null;
  created_at: number;
  /** Moves on with every rebuild begun: a rebuild that finds another number was superseded (dashboard-rebuild.ts). */
  rebuild_generation: number;
  /**
   * While a rebuild runs: the first local day whose rollup rows are not built
   * yet (all days from it on have none, and writes leave them alone); null
   * when every day's rows are current.
   */
  rollups_pending_from: number | null;
}

export interface DashboardAreasTable {
  source_id: string;
  area_id: string;
  name: string;
  /** Order of the areas as set. */
  position: number;
  /** JSON: MultiPolygon coordinates. */
  geometry: string;
  min_long: number;
  min_lat: number;
  max_long: number;
  max_lat: number;
}

export interface DashboardFactsTable {
  source_id: string;
  request_id: string;
  service_code: string;
  service_name: string;
  service_group: string | null;
  /** '' for no area (so that "no area" is one key of the indexes and the rollups). */
  area_id: string;
  status: string;
  detailed_status: string;
  requested_at: number;
  updated_at: number;
  closed_at: number | null;
  /** Local day numbers (as dashboard_daily.day) of requested_at and closed_at in the source's zone when written, so that SQL can group by them. */
  requested_day: number;
  closed_day: number | null;
  expected_at: number | null;
  lat: number | null;
  long: number | null;
  address: string | null;
  description: string | null;
}

/** Histogram columns of the time to close, one per CLOSE_HOURS_BOUNDS bucket plus the open-ended one. */
export const CLOSE_HOURS_COLUMNS = ['h0', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8', 'h9'] as const;
export type CloseHoursColumn = (typeof CLOSE_HOURS_COLUMNS)[number];

/**
 * What a rollup row is counted by, besides its day: bit 1 its service, bit 2
 * its area. Parts not counted by are ''. Every fact counts at all four.
 */
export const GRAINS = { total: 0, service: 1, area: 2, serviceArea: 3 } as const;

export type DashboardDailyTable = {
  source_id: string;
  /** See GRAINS. */
  grain: number;
  /** Local day number (days since 1970-01-01 in the source's zone). */
  day: number;
  service_code: string;
  /** '' for no area. */
  area_id: string;
  /** Opened on the day. */
  opened: number;
  /** Opened on the day and open now. */
  opened_still_open: number;
  /** Closed on the day and closed now. */
  closed: number;
  close_hours_sum: number;
} & Record<CloseHoursColumn, number>;

export interface DashboardTables {
  dashboard_sources: DashboardSourcesTable;
  dashboard_areas: DashboardAreasTable;
  dashboard_facts: DashboardFactsTable;
  dashboard_daily: DashboardDailyTable;
}
