/**
 * Migration 0008: `near` and `bbox` search place cells (place-cells.ts)
 * instead of a latitude band of the whole jurisdiction. The (jurisdiction,
 * lat, long) index gives way to a covering one on (jurisdiction, cell, long,
 * lat, requested_at, id): a few blocks are a few short index ranges, and the
 * newest of the area are picked from the index before any row is read.
 */
import type { Kysely } from 'kysely';
import { createIndex, dropIndex, indexNamed, type IndexDefinition } from './indexes.js';

const PLACE: IndexDefinition = { name: 'requests_by_place', table: 'requests', columns: ['jurisdiction_id', 'lat', 'long'], deferrable: true };

const cellIndex = (): IndexDefinition => indexNamed('requests_by_cell');

export async function placeCells(db: Kysely<unknown>): Promise<void> {
  await dropIndex(db, PLACE);
  await createIndex(db, cellIndex());
}

export async function dropPlaceCells(db: Kysely<unknown>): Promise<void> {
  await dropIndex(db, cellIndex());
  await createIndex(db, PLACE);
}
