/**
 * A polygon's box cut into a grid of cells, each marked once: touched by an
 * edge, wholly inside or wholly outside. A point in a cell no edge touches is
 * answered from the mark, without the full point-in-polygon test, which costs
 * one step per vertex (a country's outline has thousands).
 *
 * An edge marks every cell of its own box, so every point of every edge lies
 * in a marked cell; an unmarked cell (a rectangle crossed by no edge) is then
 * on one side of the outline, the side of any point inside it.
 */
import pointInPolygon from 'point-in-polygon-hao';
import { ringBBox, type Polygon } from '@o311/georeport';

const EDGE = 0;
const INSIDE = 1;
const OUTSIDE = 2;

/** Below this many vertices the full test is cheaper than the grid's memory and build. */
export const GRID_MIN_VERTICES = 128;

/** On an edge (0) counts as inside. The library's types ask for mutable arrays; it only reads them. */
export const insidePolygon = (point: number[], polygon: Polygon): boolean =>
  pointInPolygon(point, polygon as unknown as number[][][]) !== false;

export class PolygonGrid {
  readonly #minX: number;
  readonly #minY: number;
  readonly #maxX: number;
  readonly #maxY: number;
  readonly #cellWidth: number;
  readonly #cellHeight: number;
  readonly #side: number;
  readonly #cells: Uint8Array;

  constructor(polygon: Polygon) {
    const vertices = polygon.reduce((n, ring) => n + ring.length, 0);
    const [minX, minY, maxX, maxY] = ringBBox(polygon[0]!);
    this.#side = Math.min(128, Math.max(16, Math.ceil(2 * Math.sqrt(vertices))));
    this.#minX = minX;
    this.#minY = minY;
    this.#maxX = maxX;
    this.#maxY = maxY;
    this.#cellWidth = (maxX - minX) / this.#side || Number.MIN_VALUE;
    this.#cellHeight = (maxY - minY) / this.#side || Number.MIN_VALUE;
    this.#cells = new Uint8Array(this.#side * this.#side);
    this.#markEdges(polygon);
    this.#markSides(polygon);
  }

  /** Inside or outside when the point's cell decides; undefined when an edge crosses the cell. */
  classify(x: number, y: number): boolean | undefined {
    if (x < this.#minX || x > this.#maxX || y < this.#minY || y > this.#maxY) return false;
    const mark = this.#cells[this.#row(y) * this.#side + this.#column(x)];
    return mark === INSIDE ? true : mark === OUTSIDE ? false : undefined;
  }

  #column(x: number): number {
    return Math.min(this.#side - 1, Math.max(0, Math.floor((x - this.#minX) / this.#cellWidth)));
  }

  #row(y: number): number {
    return Math.min(this.#side - 1, Math.max(0, Math.floor((y - this.#minY) / this.#cellHeight)));
  }

  #markEdges(polygon: Polygon): void {
    // Cells start as EDGE (0); a cell keeps it when an edge touches it, and gets
    // a side otherwise. Here: remember which cells an edge touched.
    const touched = new Uint8Array(this.#cells.length);
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        const [ax, ay] = ring[i - 1]!;
        const [bx, by] = ring[i]!;
        const c0 = this.#column(Math.min(ax, bx)), c1 = this.#column(Math.max(ax, bx));
        const r0 = this.#row(Math.min(ay, by)), r1 = this.#row(Math.max(ay, by));
        for (let r = r0; r <= r1; r++) touched.fill(1, r * this.#side + c0, r * this.#side + c1 + 1);
      }
    }
    for (let i = 0; i < touched.length; i++) if (touched[i] === 0) this.#cells[i] = OUTSIDE;
  }

  #markSides(polygon: Polygon): void {
    for (let r = 0; r < this.#side; r++) {
      for (let c = 0; c < this.#side; c++) {
        const i = r * this.#side + c;
        if (this.#cells[i] === EDGE) continue;
        const x = this.#minX + (c + 0.5) * this.#cellWidth;
        const y = this.#minY + (r + 0.5) * this.#cellHeight;
        // The sample must fall in its own cell under the same rounding as the queries.
        if (this.#column(x) !== c || this.#row(y) !== r) {
          this.#cells[i] = EDGE;
          continue;
        }
        const side = pointInPolygon([x, y], polygon as unknown as number[][][]);
        this.#cells[i] = side === true ? INSIDE : side === false ? OUTSIDE : EDGE;
      }
    }
  }
}
