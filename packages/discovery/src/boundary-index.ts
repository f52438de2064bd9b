/**
 * Which boundaries cover a point: every polygon's box in a Flatbush R-tree,
 * then an exact point-in-polygon test (point-in-polygon-hao, robust
 * predicates) on the few candidates. A point on an edge counts as inside, so
 * a point on a shared border is covered by both sides; holes are honoured.
 * Polygons with many vertices answer most points from a grid (polygon-grid.ts).
 */
import Flatbush from 'flatbush';
import { planarArea, ringBBox, tierRank, type MultiPolygon, type Polygon, type Tier } from '@o311/georeport';
import { GRID_MIN_VERTICES, PolygonGrid, insidePolygon } from './polygon-grid.js';

export interface IndexedBoundary {
  id: string;
  tier: Tier;
  geometry: MultiPolygon;
}

export class BoundaryIndex<B extends IndexedBoundary = IndexedBoundary> {
  readonly #tree: Flatbush | undefined;
  /** Per polygon: its rings (as the test wants them) and the boundary it belongs to. */
  readonly #polygons: Polygon[] = [];
  /** Per polygon: its grid, made at its first test when it has many vertices (null: too few). */
  readonly #grids: (PolygonGrid | null | undefined)[] = [];
  readonly #owners: number[] = [];
  readonly #boundaries: readonly B[];
  /** Per boundary: its sort key, smaller tiers then smaller areas first. */
  readonly #order: number[];

  constructor(boundaries: readonly B[]) {
    this.#boundaries = boundaries;
    boundaries.forEach((b, owner) => {
      for (const p of b.geometry) {
        this.#polygons.push(p);
        this.#owners.push(owner);
      }
    });
    const ranked = boundaries.map((b, i) => ({ i, rank: tierRank(b.tier), area: planarArea(b.geometry) }));
    ranked.sort((a, b) => a.rank - b.rank || a.area - b.area || a.i - b.i);
    this.#order = new Array<number>(boundaries.length);
    ranked.forEach((r, position) => (this.#order[r.i] = position));
    if (this.#polygons.length === 0) return;
    const tree = new Flatbush(this.#polygons.length);
    for (const p of this.#polygons) {
      const [minX, minY, maxX, maxY] = ringBBox(p[0]!);
      tree.add(minX, minY, maxX, maxY);
    }
    tree.finish();
    this.#tree = tree;
  }

  get size(): number {
    return this.#boundaries.length;
  }

  #contains(candidate: number, point: number[]): boolean {
    const polygon = this.#polygons[candidate]!;
    let grid = this.#grids[candidate];
    if (grid === undefined) {
      const vertices = polygon.reduce((n, ring) => n + ring.length, 0);
      grid = vertices >= GRID_MIN_VERTICES ? new PolygonGrid(polygon) : null;
      this.#grids[candidate] = grid;
    }
    return grid?.classify(point[0]!, point[1]!) ?? insidePolygon(point, polygon);
  }

  /** The boundaries that cover the point (an edge counts), smallest tier first, each once. */
  covering(long: number, lat: number): B[] {
    if (this.#tree === undefined) return [];
    const point = [long, lat];
    const owners = new Set<number>();
    for (const candidate of this.#tree.search(long, lat, long, lat)) {
      const owner = this.#owners[candidate]!;
      if (owners.has(owner)) continue;
      if (this.#contains(candidate, point)) owners.add(owner);
    }
    return [...owners].sort((a, b) => this.#order[a]! - this.#order[b]!).map((i) => this.#boundaries[i]!);
  }
}
