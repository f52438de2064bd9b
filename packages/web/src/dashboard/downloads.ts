/**
 * The requests of exactly one filter, as CSV or GeoJSON: the store's facts
 * (public fields only, never a reporter's) read page by page and written by
 * the open-data writers as they come, so memory stays at one page whatever
 * the range. The file is named for the source and the range.
 */
import type { Readable } from 'node:stream';
import { CSV_CONTENT_TYPE, GEOJSON_CONTENT_TYPE, csvStream, geoJsonStream, pointFeature, type CsvColumn } from '@o311/server';
import type { DashboardFact, DashboardFilter, DashboardSource, Store } from '@o311/store';
import type { DownloadFormat } from './paths.js';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

type AreaName = (id: string | null) => string | null;
type Field = readonly [name: string, value: (f: DashboardFact, areaName: AreaName) => string | number | null];

/** The public fields of a fact, named as GeoReport names them, with the area's name. */
const FIELDS: readonly Field[] = [
  ['service_request_id', (f) => f.request_id],
  ['service_code', (f) => f.service_code],
  ['service_name', (f) => f.service_name],
  ['service_group', (f) => f.service_group],
  ['area_id', (f) => f.area_id],
  ['area_name', (f, areaName) => areaName(f.area_id)],
  ['status', (f) => f.status],
  ['detailed_status', (f) => f.detailed_status],
  ['requested_datetime', (f) => iso(f.requested_at)],
  ['updated_datetime', (f) => iso(f.updated_at)],
  ['closed_datetime', (f) => iso(f.closed_at)],
  ['expected_datetime', (f) => iso(f.expected_at)],
  ['lat', (f) => f.lat],
  ['long', (f) => f.long],
  ['address', (f) => f.address],
  ['description', (f) => f.description],
];

/** The GeoJSON properties: every field but the coordinates (the geometry). */
const PROPERTIES = FIELDS.filter(([name]) => name !== 'lat' && name !== 'long');

/** `riverton-2024-05-01-to-2024-05-31.csv`: the source's ref made file-safe, and the range. */
export function downloadName(source: DashboardSource, range: { from: string; to: string }, format: DownloadFormat): string {
  const safe = source.ref.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'requests';
  return `${safe}-${range.from}-to-${range.to}.${format}`;
}

export interface Download {
  contentType: string;
  body: Readable;
}

export async function download(store: Store, source: DashboardSource, f: DashboardFilter, format: DownloadFormat): Promise<Download> {
  const names = new Map((await store.dashboard.listAreas(source.id)).map((a) => [a.id, a.name]));
  const areaName = (id: string | null) => (id === null ? null : names.get(id) ?? null);
  const pages = store.dashboard.streamFacts(f);
  if (format === 'csv') {
    const columns: CsvColumn<DashboardFact>[] = FIELDS.map(([header, value]) => ({ header, value: (row) => value(row, areaName) }));
    return { contentType: CSV_CONTENT_TYPE, body: csvStream(columns, pages) };
  }
  const feature = (row: DashboardFact) =>
    pointFeature(row.lat, row.long, Object.fromEntries(PROPERTIES.map(([name, value]) => [name, value(row, areaName)])), row.request_id);
  return { contentType: GEOJSON_CONTENT_TYPE, body: geoJsonStream(feature, pages, { members: { source: source.id, from: f.from_day, to: f.to_day } }) };
}
