/**
 * Place cells: latitude cut into bands of 1/CELLS_PER_DEGREE degree (about
 * 555 m), the second key of the `requests_by_cell` index. A box or circle is
 * searched as "these few bands, and a longitude range inside each": one short
 * index range per band, instead of one latitude band as wide as the whole
 * jurisdiction (which an index on (lat, long) has to walk).
 *
 * The same SQL text is written in the index and in the queries, so that both
 * planners match it to the index expression (a bound parameter would not match).
 * `floor` exists in both dialects (SQLite's math functions are compiled into
 * better-sqlite3).
 */
import { sql, type RawBuilder } from 'kysely';

export const CELLS_PER_DEGREE = 200;

/** The index key and query expression, as SQL text. */
export const PLACE_CELL_SQL = `floor("lat" * ${CELLS_PER_DEGREE})`;

export const placeCell = (): RawBuilder<number> => sql<number>`${sql.raw(PLACE_CELL_SQL)}`;

/**
 * A box spanning more bands than this is searched without the cell list: it is
 * a large part of any city, where the lat/long range alone serves as well.
 */
export const MAX_CELLS = 64;

/** The cells a latitude range covers, low to high; undefined when there are more than MAX_CELLS. */
export function cellsBetween(minLat: number, maxLat: number): number[] | undefined {
  const low = Math.floor(minLat * CELLS_PER_DEGREE);
  const high = Math.floor(maxLat * CELLS_PER_DEGREE);
  if (!Number.isFinite(low) || !Number.isFinite(high) || high - low + 1 > MAX_CELLS) return undefined;
  const cells: number[] = [];
  for (let c = low; c <= high; c++) cells.push(c);
  return cells;
}
