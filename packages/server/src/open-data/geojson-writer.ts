/**
 * GeoJSON (RFC 7946) written as a stream: a FeatureCollection opened, then
 * feature by feature as the pages come, then closed. Positions are
 * [longitude, latitude]; a row without both has `geometry: null`.
 */
import type { Readable } from 'node:stream';
import { pageStream } from './page-stream.js';

export interface PointGeometry {
  type: 'Point';
  coordinates: [number, number];
}

export interface GeoJsonFeature {
  type: 'Feature';
  id?: string | number;
  geometry: PointGeometry | null;
  properties: Record<string, unknown>;
}

export type FeatureMapper<T> = (row: T) => GeoJsonFeature;

export const GEOJSON_CONTENT_TYPE = 'application/geo+json; charset=utf-8';

const isCoordinate = (v: number | null | undefined, limit: number): v is number =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= limit;

/** A Point at (lat, long), or null unless both are valid coordinates. */
export function pointGeometry(lat: number | null | undefined, long: number | null | undefined): PointGeometry | null {
  return isCoordinate(lat, 90) && isCoordinate(long, 180) ? { type: 'Point', coordinates: [long, lat] } : null;
}

export function pointFeature(
  lat: number | null | undefined,
  long: number | null | undefined,
  properties: Record<string, unknown>,
  id?: string | number,
): GeoJsonFeature {
  return { type: 'Feature', ...(id === undefined ? {} : { id }), geometry: pointGeometry(lat, long), properties };
}

export interface GeoJsonOptions {
  /** Foreign members of the collection (RFC 7946 §6.1), written before the features, e.g. a name or a generation time. */
  members?: Record<string, unknown>;
}

/** `{"type":"FeatureCollection",…,"features":[` feature, feature, … `]}` as the pages come. */
export function geoJsonStream<T>(toFeature: FeatureMapper<T>, pages: AsyncIterable<readonly T[]>, options: GeoJsonOptions = {}): Readable {
  const members = Object.entries(options.members ?? {})
    .filter(([key]) => key !== 'type' && key !== 'features')
    .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)},`)
    .join('');
  const encodePage = (rows: readonly T[], first: boolean): string => {
    let out = '';
    for (let i = 0; i < rows.length; i++) out += (first && i === 0 ? '\n' : ',\n') + JSON.stringify(toFeature(rows[i]!));
    return out;
  };
  return pageStream(pages, encodePage, `{"type":"FeatureCollection",${members}"features":[`, '\n]}\n');
}
