export { TIERS, isTier, tierRank, type Tier } from './tiers.js';
export {
  GeometryError, bboxOf, planarArea, ringBBox, toMultiPolygon,
  type BBox, type MultiPolygon, type Polygon, type Position, type Ring,
} from './geometry.js';
export { BoundaryIndex, type IndexedBoundary } from './boundary-index.js';
