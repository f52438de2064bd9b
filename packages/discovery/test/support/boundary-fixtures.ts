/** Small boundary files for import tests: GeoJSON, TopoJSON and shapefile zips, made at run time. */
import { shapefileZip, UTM_15N_PRJ, WGS84_PRJ, type Shape } from './shapefile-writer.js';

export { shapefileZip, UTM_15N_PRJ, WGS84_PRJ };

const encode = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));

/** A closed, clockwise (as shapefiles want outer rings) square ring. */
export const squareRing = (x: number, y: number, size: number): [number, number][] => [[x, y], [x, y + size], [x + size, y + size], [x + size, y], [x, y]];

export const feature = (geometry: unknown, properties: Record<string, unknown> = {}, id?: string | number): Record<string, unknown> => ({
  type: 'Feature', ...(id === undefined ? {} : { id }), properties, geometry,
});

export const polygon = (...rings: [number, number][][]) => ({ type: 'Polygon', coordinates: rings });

export const geoJson = (...features: unknown[]): Uint8Array => encode({ type: 'FeatureCollection', features });

export const json = encode;

/**
 * A quantized topology: `towns` (Town A around Des Moines, Town B beside it sharing an edge) and `parks`.
 * Arcs are delta-encoded in units of 0.001°.
 */
export const topology = (): Uint8Array =>
  encode({
    type: 'Topology',
    transform: { scale: [0.001, 0.001], translate: [-93.7, 41.5] },
    arcs: [
      [[100, 0], [0, 100]], // 0: the shared edge, (-93.6, 41.5) up to (-93.6, 41.6)
      [[100, 100], [-100, 0], [0, -100], [100, 0]], // 1: A's other three sides, back to (-93.6, 41.5)
      [[100, 0], [100, 0], [0, 100], [-100, 0]], // 2: B's other three sides, ending at (-93.6, 41.6)
      [[500, 500], [10, 0], [0, 10], [-10, 0], [0, -10]], // 3: a small park far away
    ],
    objects: {
      towns: {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Polygon', id: 'A', arcs: [[0, 1]], properties: { name: 'Town A' } },
          { type: 'Polygon', id: 'B', arcs: [[2, ~0]], properties: { name: 'Town B' } },
        ],
      },
      parks: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[3]], properties: { NAME: 'Park' } }] },
    },
  });

/** Two WGS 84 squares with NAME and GEOID attributes. */
export const wgs84Shapefile = (): Uint8Array =>
  shapefileZip([
    {
      name: 'counties',
      kind: 'polygon',
      shapes: [[squareRing(-94, 41, 1)], [squareRing(-93, 41, 1)]],
      records: [{ NAME: 'West County', GEOID: '19001' }, { NAME: 'East County', GEOID: '19002' }],
      prj: WGS84_PRJ,
    },
  ]);

/** 45°N on UTM zone 15N's central meridian (-93°): the meridian arc times 0.9996. */
export const UTM_45N_NORTHING = 4_982_950.4;

/** A 2 km square in UTM 15N metres centred on (-93°, 45°), its first vertex on the central meridian at 45°N. */
export const utmShapefile = (): Uint8Array => {
  const n = UTM_45N_NORTHING;
  const ring: Shape[number] = [[500_000, n], [500_000, n + 1000], [501_000, n + 1000], [501_000, n - 1000], [499_000, n - 1000], [499_000, n], [500_000, n]];
  return shapefileZip([{ name: 'utm', kind: 'polygon', shapes: [[ring]], records: [{ NAME: 'Meridian Square', GEOID: 'm1' }], prj: UTM_15N_PRJ }]);
};
