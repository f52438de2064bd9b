/** A feature as read from a boundary file, before it is checked. */
export interface SourceFeature {
  /** The shapefile or TopoJSON object it comes from, when the file has several. */
  layer?: string;
  /** 1-based, within its layer. */
  index: number;
  /** The GeoJSON feature id, if any. */
  id: unknown;
  properties: Readonly<Record<string, unknown>>;
  geometry: unknown;
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A GeoJSON Feature's parts (a bare geometry is a feature without id or properties). */
export function sourceFeature(value: unknown, index: number, layer?: string): SourceFeature {
  if (isRecord(value) && value.type === 'Feature') {
    return { layer, index, id: value.id, properties: isRecord(value.properties) ? value.properties : {}, geometry: value.geometry };
  }
  return { layer, index, id: undefined, properties: {}, geometry: value };
}
