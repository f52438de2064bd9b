/**
 * Migration 0030: the index of the contact centre's caller lookup by phone
 * number (phone-tail.ts), so that finding a caller reads a few index entries,
 * not every request of the city. Never edit once shipped; append a migration.
 */
import type { Kysely } from 'kysely';
import { createIndex, dropIndex, indexNamed } from './indexes.js';

const INDEX = 'requests_by_phone_tail';

export const phoneTail = (db: Kysely<unknown>): Promise<void> => createIndex(db, indexNamed(INDEX));

export const dropPhoneTail = (db: Kysely<unknown>): Promise<void> => dropIndex(db, indexNamed(INDEX));
