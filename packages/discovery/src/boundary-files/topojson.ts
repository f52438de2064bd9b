/** The features of a TopoJSON topology (every object, or the one asked for), made GeoJSON by topojson-client. */
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { BoundaryFileError, reason } from './errors.js';
import { isRecord, sourceFeature, type SourceFeature } from './source-feature.js';

export function topologyFeatures(doc: Record<string, unknown>, object?: string): SourceFeature[] {
  const objects = doc.objects;
  if (!isRecord(objects) || !Array.isArray(doc.arcs)) throw new BoundaryFileError('the TopoJSON topology has no "objects" or no "arcs"');
  const names = Object.keys(objects);
  if (object !== undefined && !names.includes(object)) {
    throw new BoundaryFileError(`the topology has no object "${object}" (it has ${names.map((n) => `"${n}"`).join(', ') || 'none'})`);
  }
  const chosen = object === undefined ? names : [object];
  return chosen.flatMap((name) => {
    let geo: ReturnType<typeof feature>;
    try {
      geo = feature(doc as unknown as Topology, objects[name] as GeometryObject);
    } catch (e) {
      throw new BoundaryFileError(`the TopoJSON object "${name}" cannot be read: ${reason(e)}`, { cause: e });
    }
    const layer = chosen.length > 1 ? name : undefined;
    return geo.type === 'FeatureCollection' ? geo.features.map((f, i) => sourceFeature(f, i + 1, layer)) : [sourceFeature(geo, 1, layer)];
  });
}
