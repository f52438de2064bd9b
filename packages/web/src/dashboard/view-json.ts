/**
 * The dashboard's public JSON (documented by api-schemas.ts: keep in step):
 * each part of a view, and the whole view in one answer, which is what
 * browser/dashboard.ts redraws the page from. Points are compact there
 * ([long, lat, status] triples); /points gives them as GeoJSON.
 */
import { BACKLOG_AGE_BOUNDS, CLOSE_HOURS_BOUNDS } from '@o311/store';
import type {
  CountByKey, DailyBrief, DashboardArea, DashboardAreaShape, DashboardSource, MapPoint, RankedCount, SeriesBucket, VolumePoint,
} from '@o311/store';
import type { DashboardQuery } from './dashboard-query.js';
import type { DashboardView, SourceChoices } from './view-data.js';

/** Display names of service codes and area ids ('' is "no area"). */
export interface Names {
  service(code: string): string;
  area(id: string): string;
}

export function namesOf(choices: SourceChoices, noArea: string): Names {
  const services = new Map(choices.services.map((s) => [s.code, s.name]));
  const areas = new Map(choices.areas.map((a) => [a.id, a.name]));
  return {
    service: (code) => services.get(code) ?? code,
    area: (id) => (id === '' ? noArea : areas.get(id) ?? id),
  };
}

export const sourceJson = (s: DashboardSource) => ({
  id: s.id, kind: s.kind, ref: s.ref, name: s.name, timezone: s.timezone, area_label: s.area_label,
  requests: s.requests, synced_at: s.synced_at === null ? null : new Date(s.synced_at).toISOString(),
});

export const filterJson = (q: DashboardQuery) => ({
  day: q.day, from: q.from, to: q.to, areas: q.areas, services: q.services, groups: q.groups, status: q.status, channels: q.channels,
});

const ranked = (list: readonly RankedCount[], name: (key: string) => string) =>
  list.map((r) => ({ key: r.key, name: name(r.key), count: r.count, week_before: r.week_before }));

export const briefJson = (b: DailyBrief, names: Names) => ({
  day: b.day,
  week_before: b.week_before,
  top_services: ranked(b.top_services, names.service),
  top_areas: ranked(b.top_areas, names.area),
});

export const volumeJson = (bucket: SeriesBucket, points: readonly VolumePoint[]) => ({ bucket, points });

/** Buckets with their bounds: `from` inclusive, `to` exclusive, null for the open end. */
function buckets(bounds: readonly number[], counts: readonly number[]) {
  return counts.map((count, i) => ({ from: i === 0 ? 0 : bounds[i - 1]!, to: bounds[i] ?? null, count }));
}

export const closeTimesJson = (counts: readonly number[]) => ({ unit: 'hours' as const, buckets: buckets(CLOSE_HOURS_BOUNDS, counts) });
export const backlogJson = (counts: readonly number[]) => ({ unit: 'days' as const, buckets: buckets(BACKLOG_AGE_BOUNDS, counts) });

/** Every area with its count (0 for none), then requests in no area when there are any; most first. */
export function areaCountsJson(counts: readonly CountByKey[], areas: readonly DashboardArea[], names: Names) {
  const byId = new Map(counts.map((c) => [c.key, c.count]));
  const keys = [...areas.map((a) => a.id), ...(byId.has('') ? [''] : [])];
  return keys.map((id) => ({ id, name: names.area(id), count: byId.get(id) ?? 0 })).sort((a, b) => b.count - a.count);
}

/** The areas as GeoJSON with the requests opened in the range in each (0 for none). */
export function areasGeoJson(shapes: readonly DashboardAreaShape[], counts: readonly CountByKey[]) {
  const byId = new Map(counts.map((c) => [c.key, c.count]));
  return {
    type: 'FeatureCollection' as const,
    features: shapes.map((s) => ({
      type: 'Feature' as const,
      id: s.id,
      properties: { id: s.id, name: s.name, count: byId.get(s.id) ?? 0 },
      geometry: { type: 'MultiPolygon' as const, coordinates: s.geometry },
    })),
  };
}

export function pointsGeoJson(points: readonly MapPoint[], total: number) {
  return {
    type: 'FeatureCollection' as const,
    total,
    features: points.map((p) => ({
      type: 'Feature' as const,
      properties: { service_request_id: p.request_id, service_code: p.service_code, status: p.status, requested_datetime: new Date(p.requested_at).toISOString() },
      geometry: { type: 'Point' as const, coordinates: [p.long, p.lat] },
    })),
  };
}

export interface ViewLinks {
  page: string;
  csv: string;
  geojson: string;
  json: string;
}

export const viewJson = (v: DashboardView, names: Names, links: ViewLinks) => ({
  source: sourceJson(v.source),
  filter: filterJson(v.query),
  brief: briefJson(v.brief, names),
  volume: volumeJson(v.bucket, v.volume),
  close_times: closeTimesJson(v.closeTimes),
  backlog: backlogJson(v.backlog),
  areas: areaCountsJson(v.areaCounts, v.choices.areas, names),
  total: v.total,
  points: { shown: v.points.length, total: v.total, coordinates: v.points.map((p) => [p.long, p.lat, p.status === 'open' ? 1 : 0]) },
  links,
});

export type ViewJson = ReturnType<typeof viewJson>;
