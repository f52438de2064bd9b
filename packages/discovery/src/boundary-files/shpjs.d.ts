/** The parts of shpjs 6 (no types of its own) that shapefile-zip.ts uses. */
declare module 'shpjs' {
  /** The shapes of a .shp as GeoJSON geometries (null for a null shape), reprojected to WGS 84 from the .prj text when given. */
  export function parseShp(shp: DataView | Uint8Array, prj?: string): (Record<string, unknown> | null)[];
  /** The records of a .dbf, decoded as its .cpg says. */
  export function parseDbf(dbf: DataView | Uint8Array, cpg?: string): Record<string, unknown>[];
}
