/**
 * The features of a GeoJSON document: a FeatureCollection, one Feature or a
 * bare geometry. RFC 7946 GeoJSON is WGS 84 longitude/latitude; an older
 * document declaring another `crs` is refused rather than misread.
 */
import { BoundaryFileError } from './errors.js';
import { isRecord, sourceFeature, type SourceFeature } from './source-feature.js';

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** Names of WGS 84 (or the same axes: NAD 83) longitude/latitude in a 2008-style `crs` member. */
const LONG_LAT = /(crs:?84|epsg:.*\b(4326|4269)|^wgs ?84)$/i;

function checkCrs(doc: Record<string, unknown>): void {
  const crs = doc.crs;
  if (crs === undefined || crs === null) return;
  const name = isRecord(crs) && isRecord(crs.properties) ? crs.properties.name : undefined;
  if (typeof name === 'string' && LONG_LAT.test(name.trim())) return;
  const named = typeof name === 'string' ? `"${name}"` : JSON.stringify(crs).slice(0, 80);
  throw new BoundaryFileError(
    `the file declares the coordinate system ${named}; a GeoJSON boundary must be in WGS 84 longitude/latitude (reproject it first, e.g. ogr2ogr -t_srs EPSG:4326)`,
  );
}

export function geoJsonFeatures(doc: unknown): SourceFeature[] {
  if (!isRecord(doc)) throw new BoundaryFileError('the JSON document is not a GeoJSON object');
  checkCrs(doc);
  if (doc.type === 'FeatureCollection') {
    if (!Array.isArray(doc.features)) throw new BoundaryFileError('the FeatureCollection has no "features" list');
    return doc.features.map((f: unknown, i) => {
      if (!isRecord(f) || f.type !== 'Feature') throw new BoundaryFileError(`feature ${i + 1}: not a GeoJSON Feature`);
      return sourceFeature(f, i + 1);
    });
  }
  if (doc.type === 'Feature' || (typeof doc.type === 'string' && GEOMETRY_TYPES.has(doc.type))) return [sourceFeature(doc, 1)];
  throw new BoundaryFileError(`the JSON document is neither GeoJSON nor TopoJSON (its "type" is ${JSON.stringify(doc.type ?? null)})`);
}
