/**
 * The Daily Brief's records (issue 13): per source (one of our jurisdictions,
 * or a registry endpoint whose requests are harvested), a public read model of
 * its requests ("facts": public fields only, with the neighbourhood each point
 * lies in) and daily rollups by service × area kept current with every fact
 * written, so that any filter of the dashboard is answered from a few
 * thousand rollup rows. Part of the {@link Store} as `store.dashboard`.
 *
 * Days are the source's local calendar days, written `YYYY-MM-DD`; times are
 * epoch milliseconds (UTC).
 */
import type { RequestChannel } from '@o311/georeport';

export const DASHBOARD_SOURCE_KINDS = ['local', 'endpoint'] as const;
/** `local`: a jurisdiction of this server, fed from the change feed. `endpoint`: a registry endpoint, harvested. */
export type DashboardSourceKind = (typeof DASHBOARD_SOURCE_KINDS)[number];

/** Where harvesting a registry endpoint stands; kept by the harvester between runs (resumable). */
export interface HarvestState {
  /** The harvester's own resume point (opaque JSON text), null before the first run. */
  cursor: string | null;
  last_run_at: number | null;
  last_success_at: number | null;
  /** Why the last run failed, shown to admins; null when it did not. */
  last_error: string | null;
  /** When the next run is due. */
  next_run_at: number;
  /** Requests read from the endpoint so far (all runs). */
  requests_seen: number;
}

export interface DashboardSource {
  /** `local:JURISDICTION_ID` or `endpoint:SLUG`: see sourceId. */
  id: string;
  kind: DashboardSourceKind;
  /** The jurisdiction id (local) or registry endpoint slug (endpoint). */
  ref: string;
  name: string;
  /** IANA zone whose calendar days the rollups count in. */
  timezone: string;
  /** Shown on /dashboard and harvested (endpoint) or kept in step (local). */
  enabled: boolean;
  /** What the areas are called on the page ("Neighbourhood", "Ward"); null: "Area". */
  area_label: string | null;
  /** Null for local sources. */
  harvest: HarvestState | null;
  /** Facts stored. */
  requests: number;
  /** When the read model last took in changes (sync or harvest); null before the first time. */
  synced_at: number | null;
  created_at: number;
  /** A rebuild began and has not finished: the figures are incomplete until it does. */
  rebuilding: boolean;
}

export const sourceId = (kind: DashboardSourceKind, ref: string): string => `${kind}:${ref}`;

export interface NewDashboardSource {
  kind: DashboardSourceKind;
  ref: string;
  name: string;
  timezone: string;
  enabled?: boolean;
  area_label?: string | null;
}

/** A neighbourhood (or ward, district): the areas a source's requests are counted by. */
export interface DashboardArea {
  /** Unique within its source; short and URL-safe. */
  id: string;
  name: string;
}

/** An area with its outline: GeoJSON MultiPolygon coordinates (long, lat). */
export interface DashboardAreaShape extends DashboardArea {
  geometry: number[][][][];
}

export const FACT_STATUSES = ['open', 'closed'] as const;
export type FactStatus = (typeof FACT_STATUSES)[number];

/** One request as the dashboard keeps it: public fields only, never the reporter's. */
export interface DashboardFact {
  /** The endpoint's service_request_id. */
  request_id: string;
  service_code: string;
  service_name: string;
  service_group: string | null;
  /** The area its point lies in; null without a point or outside every area. */
  area_id: string | null;
  status: FactStatus;
  /** The detailed status where known (e.g. `in_progress`), else the same as `status`. */
  detailed_status: string;
  requested_at: number;
  updated_at: number;
  /** When it was closed (its `updated_at` when closed, for harvested ones); null while open. */
  closed_at: number | null;
  expected_at: number | null;
  lat: number | null;
  long: number | null;
  address: string | null;
  description: string | null;
}

/** The longest range of a filter, in days (a century). */
export const MAX_RANGE_DAYS = 36_600;
/** The longest range `volume` counts by day (ten years); longer ones go by week or month. */
export const MAX_DAY_BUCKETS = 3_660;
/** The most services or areas one filter names. */
export const MAX_FILTER_KEYS = 1_000;
/** The most points one `points` call returns, whatever limit it asks for. */
export const MAX_POINTS = 50_000;

/**
 * What a dashboard view is narrowed to. Days inclusive. The queries throw
 * RangeError for a malformed day, a range over MAX_RANGE_DAYS, over
 * MAX_FILTER_KEYS services or areas, or an unknown source; a range that ends
 * before it starts counts nothing.
 */
export interface DashboardFilter {
  source_id: string;
  from_day: string;
  to_day: string;
  /** Empty or absent: every service. (A group is resolved to its codes by the caller.) */
  service_codes?: readonly string[];
  /** Empty or absent: every area. `''` stands for "no area". */
  area_ids?: readonly string[];
  /**
   * Current status of the requests counted; absent: both. The status is
   * always the request's status NOW: `opened` counts (totals, volume, top
   * lists, by area and service) count the requests opened in the range that
   * are open (or closed) now; `closed` counts and the time-to-close figures
   * are zero under `open`; the backlog (open at the end of a day) under
   * `closed` counts the requests closed now but not yet on that day, and
   * backlogByAge is all zero under `closed`; SLA breaches and the median
   * count only requests of that status.
   */
  status?: FactStatus;
  /**
   * How the requests reached the city (issue 15); empty or absent: every
   * channel. Only a local source knows it (a harvested endpoint does not say):
   * a RangeError for another. The figures are then counted from the facts
   * rather than the rollups (the rollups hold no channel).
   */
  channels?: readonly RequestChannel[];
}

/** Counts of one day under a filter. */
export interface DayFigures {
  day: string;
  opened: number;
  closed: number;
  /** Open at the end of the day (opened up to it minus closed up to it). */
  backlog: number;
  /** Median hours from request to close of the requests closed that day; null when none closed. */
  median_close_hours: number | null;
  /** Requests whose expected time fell on the day while they were open (not closed, or closed after it). */
  sla_breaches: number;
}

export interface RankedCount {
  key: string;
  /** Opened on the day. */
  count: number;
  /** Opened on the same weekday a week before. */
  week_before: number;
}

/** The brief of one day: its figures, those of the same day a week before, and the top services and areas. */
export interface DailyBrief {
  day: DayFigures;
  week_before: DayFigures;
  /** Most opened first, at most 10 each. Keys are service codes and area ids ('' for none). */
  top_services: RankedCount[];
  top_areas: RankedCount[];
}

export const SERIES_BUCKETS = ['day', 'week', 'month'] as const;
export type SeriesBucket = (typeof SERIES_BUCKETS)[number];

/** Opened and closed per bucket, each bucket named by its first day. Every bucket of the range is present. */
export interface VolumePoint {
  start: string;
  opened: number;
  closed: number;
}

/** Upper bounds (hours) of the time-to-close histogram; the last bucket is open-ended. */
export const CLOSE_HOURS_BOUNDS = [1, 4, 12, 24, 48, 72, 168, 336, 720] as const;
/** Upper bounds (days) of the backlog's age buckets; the last bucket is open-ended. */
export const BACKLOG_AGE_BOUNDS = [1, 7, 30, 90, 365] as const;

export interface CountByKey {
  key: string;
  count: number;
}

/** A service as a source's facts name it. */
export interface DashboardService {
  service_code: string;
  service_name: string;
  service_group: string | null;
}

export interface MapPoint {
  request_id: string;
  lat: number;
  long: number;
  service_code: string;
  status: FactStatus;
  requested_at: number;
}

export interface DashboardStore {
  listSources(): Promise<DashboardSource[]>;
  getSource(id: string): Promise<DashboardSource | undefined>;
  /**
   * Creates the source (enabled unless told, `now` its creation and, for an
   * endpoint, its first harvest's due time; default the clock), or updates its
   * name, timezone, and enabled and area_label when given; keeps its facts and
   * harvest state. A new timezone applies to facts written after: rebuild.
   */
  saveSource(s: NewDashboardSource, now?: number): Promise<DashboardSource>;
  /** Removes the source with its areas, facts and rollups. */
  deleteSource(id: string): Promise<boolean>;
  /** Saves the harvester's state of an endpoint source. */
  saveHarvestState(id: string, state: HarvestState): Promise<void>;
  /** Endpoint sources that are enabled and due (`next_run_at` <= now), oldest due first. */
  dueHarvests(now: number, limit: number): Promise<DashboardSource[]>;

  /**
   * Replaces the source's areas (ids unique and not empty, else RangeError).
   * Facts keep their area ids until written again (callers rebuild).
   */
  setAreas(source_id: string, areas: readonly DashboardAreaShape[]): Promise<void>;
  listAreas(source_id: string): Promise<DashboardArea[]>;
  areaShapes(source_id: string): Promise<DashboardAreaShape[]>;

  /**
   * Inserts or replaces facts, moving the rollups by the difference between
   * the stored fact and the new one, in one transaction: writing the same fact
   * twice changes nothing. Stored (and read back by getFacts) with a closed
   * fact's missing closed_at as its updated_at, an open one's as null, and an
   * area id '' as null. An unknown source is a RangeError.
   */
  putFacts(source_id: string, facts: readonly DashboardFact[], now: number): Promise<void>;
  /** Removes facts (and their part of the rollups). */
  removeFacts(source_id: string, request_ids: readonly string[], now: number): Promise<void>;
  /** Removes every fact and rollup row of the source; a rebuild under way stops. */
  clearFacts(source_id: string): Promise<void>;
  /**
   * Starts a bulk rebuild of the source: removes its rollups (and, unless
   * `keepFacts`, its facts, a few thousand per transaction) and answers the
   * rebuild's generation. Until finishRebuild ends, the figures are
   * incomplete (`rebuilding`); writes (putFacts, removeFacts) go on and are
   * counted. A rebuild begun later, or clearFacts, supersedes this one.
   */
  beginRebuild(source_id: string, options?: { keepFacts?: boolean }): Promise<number>;
  /**
   * Inserts facts of a rebuild in one transaction, without touching the
   * rollups; a fact already stored (written since the rebuild began) is kept.
   * The source's `requests` grows by the facts added (progress).
   * False when the rebuild was superseded or its rollups are being built:
   * stop loading.
   */
  loadFacts(source_id: string, generation: number, facts: readonly DashboardFact[]): Promise<boolean>;
  /**
   * Builds the rollups from the stored facts, a few days per transaction,
   * then marks the source synced at `now` with its fact count. Answers the
   * facts counted, or undefined when the rebuild was superseded.
   */
  finishRebuild(source_id: string, generation: number, now: number): Promise<number | undefined>;
  /** Facts by request id (for tests and repairs). */
  getFacts(source_id: string, request_ids: readonly string[]): Promise<DashboardFact[]>;

  /** The brief of `day` (and of the same day a week before) under the filter's services, areas and status. */
  brief(f: DashboardFilter, day: string): Promise<DailyBrief>;
  /** Opened and closed per bucket over the filter's range. */
  volume(f: DashboardFilter, bucket: SeriesBucket): Promise<VolumePoint[]>;
  /** Requests closed in the range per CLOSE_HOURS_BOUNDS bucket (length bounds + 1). */
  closeTimes(f: DashboardFilter): Promise<number[]>;
  /** Requests open now (under the filter's services and areas, any range) per BACKLOG_AGE_BOUNDS bucket, age counted to `now`. */
  backlogByAge(f: DashboardFilter, now: number): Promise<number[]>;
  /** Requests opened in the range per area id ('' for none), most first. */
  countsByArea(f: DashboardFilter): Promise<CountByKey[]>;
  /** Requests opened in the range per service code, most first. */
  countsByService(f: DashboardFilter): Promise<CountByKey[]>;
  /** Total opened in the range under the filter. */
  total(f: DashboardFilter): Promise<number>;
  /** The newest `limit` points opened in the range under the filter. */
  points(f: DashboardFilter, limit: number): Promise<MapPoint[]>;
  /** Every fact opened in the range under the filter, newest first, read in pages: constant memory. */
  streamFacts(f: DashboardFilter): AsyncIterable<DashboardFact[]>;
  /** The services the source's facts name (code order), each with its newest fact's name and group. */
  serviceNames(source_id: string): Promise<DashboardService[]>;
}
