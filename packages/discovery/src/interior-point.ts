/**
 * A point inside a boundary, to look a place up by its name: the centre of
 * the largest polygon's box when that lies inside (most shapes), else the
 * inside point of a grid over the box nearest that centre (a crescent, a
 * ring around a hole), else a vertex (an edge counts as inside).
 */
import { planarArea, ringBBox, type MultiPolygon, type Position } from '@o311/georeport';
import { insidePolygon } from './polygon-grid.js';

const GRID = 32;

export function interiorPoint(mp: MultiPolygon): Position {
  const largest = [...mp].sort((a, b) => planarArea([b]) - planarArea([a]))[0];
  if (!largest) throw new Error('a boundary without polygons has no inside');
  const [minX, minY, maxX, maxY] = ringBBox(largest[0]!);
  const centre: Position = [(minX + maxX) / 2, (minY + maxY) / 2];
  if (insidePolygon([...centre], largest)) return centre;
  let best: Position | undefined;
  let bestDistance = Infinity;
  for (let i = 0; i < GRID; i++) {
    for (let j = 0; j < GRID; j++) {
      const p: Position = [minX + ((i + 0.5) * (maxX - minX)) / GRID, minY + ((j + 0.5) * (maxY - minY)) / GRID];
      const distance = (p[0] - centre[0]) ** 2 + (p[1] - centre[1]) ** 2;
      if (distance < bestDistance && insidePolygon([...p], largest)) {
        best = p;
        bestDistance = distance;
      }
    }
  }
  return best ?? largest[0]![0]!;
}
