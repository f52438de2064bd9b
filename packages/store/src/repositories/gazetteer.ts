/**
 * The address gazetteer (gazetteer.ts). A replace deletes the jurisdiction's
 * rows and inserts the new ones in batches, all in one transaction. Searches
 * are range scans of (jurisdiction_id, street_key[, number]).
 */
import type { Selectable } from 'kysely';
import {
  MAX_GAZETTEER_ADDRESSES, MAX_GAZETTEER_RESULTS, MAX_GAZETTEER_STREETS, MAX_GAZETTEER_TEXT, MAX_NEIGHBOURS,
  type GazetteerAddress, type GazetteerContent, type GazetteerStore, type GazetteerStreet,
} from '../gazetteer.js';
import type { GazetteerAddressesTable, GazetteerStreetsTable } from '../schema/gazetteer-tables.js';
import type { DialectAdapter } from '../dialects/adapter.js';
import { chunks, inTransaction, type Db } from './shared.js';

/** Rows per INSERT: 9 parameters each (18,000) stays under SQLite's (32,766) and PostgreSQL's (65,535) limits. */
const BATCH = 2000;
/** A replace this large refreshes PostgreSQL's planner statistics (else the new rows' plans guess). */
const ANALYZE_AFTER_ROWS = 10_000;
/** Sorts after every character of a key (normalized keys are lower-case ASCII letters, digits and spaces). */
const KEY_END = '~';

const bounded = (limit: number): number => Math.max(1, Math.min(MAX_GAZETTEER_RESULTS, Math.floor(limit) || 1));

function checkText(what: string, v: string | null, row: number, required: boolean): void {
  if (v === null) {
    if (required) throw new RangeError(`gazetteer row ${row}: ${what} is missing`);
    return;
  }
  if ((required && v === '') || v.length > MAX_GAZETTEER_TEXT || v.includes('\0')) {
    throw new RangeError(`gazetteer row ${row}: ${what} must be 1 to ${MAX_GAZETTEER_TEXT} characters without NUL`);
  }
}

function checkPoint(p: { lat: number; long: number }, row: number): void {
  if (!Number.isFinite(p.lat) || !Number.isFinite(p.long) || Math.abs(p.lat) > 90 || Math.abs(p.long) > 180) {
    throw new RangeError(`gazetteer row ${row}: lat/long out of range`);
  }
}

function check(content: GazetteerContent): void {
  if (content.addresses.length > MAX_GAZETTEER_ADDRESSES) throw new RangeError(`at most ${MAX_GAZETTEER_ADDRESSES} address points`);
  if (content.streets.length > MAX_GAZETTEER_STREETS) throw new RangeError(`at most ${MAX_GAZETTEER_STREETS} streets`);
  content.addresses.forEach((a, i) => {
    checkText('street_key', a.street_key, i + 1, true);
    checkText('street', a.street, i + 1, true);
    checkText('number_text', a.number_text, i + 1, true);
    checkText('unit', a.unit, i + 1, false);
    checkText('postcode', a.postcode, i + 1, false);
    if (!Number.isSafeInteger(a.number) || a.number < 0) throw new RangeError(`gazetteer row ${i + 1}: number must be a non-negative integer`);
    checkPoint(a, i + 1);
  });
  content.streets.forEach((s, i) => {
    checkText('street_key', s.street_key, i + 1, true);
    checkText('name', s.name, i + 1, true);
    checkPoint(s, i + 1);
  });
}

const toAddress = (r: Selectable<GazetteerAddressesTable>): GazetteerAddress => ({
  street_key: r.street_key, street: r.street, number: Number(r.number), number_text: r.number_text,
  unit: r.unit, postcode: r.postcode, lat: Number(r.lat), long: Number(r.long),
});

const toStreet = (r: Selectable<GazetteerStreetsTable>): GazetteerStreet => ({
  street_key: r.street_key, name: r.name, lat: Number(r.lat), long: Number(r.long),
});

export function gazetteerStore(adapter: Pick<DialectAdapter, 'db' | 'refreshStatistics'>): GazetteerStore {
  const { db } = adapter;
  const counts = async (jurisdiction_id: string) => {
    const count = async (table: 'gazetteer_addresses' | 'gazetteer_streets') => {
      const row = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('jurisdiction_id', '=', jurisdiction_id).executeTakeFirst();
      return Number(row?.n ?? 0);
    };
    return { addresses: await count('gazetteer_addresses'), streets: await count('gazetteer_streets') };
  };

  const addressesOn = (jurisdiction_id: string, street_key: string) =>
    db.selectFrom('gazetteer_addresses').selectAll().where('jurisdiction_id', '=', jurisdiction_id).where('street_key', '=', street_key);

  return {
    async replace(jurisdiction_id, content) {
      check(content);
      await inTransaction(db, async (trx) => {
        await trx.deleteFrom('gazetteer_addresses').where('jurisdiction_id', '=', jurisdiction_id).execute();
        await trx.deleteFrom('gazetteer_streets').where('jurisdiction_id', '=', jurisdiction_id).execute();
        for (const batch of chunks(content.addresses, BATCH)) {
          await trx.insertInto('gazetteer_addresses').values(batch.map((a) => ({ jurisdiction_id, ...a }))).execute();
        }
        for (const batch of chunks(content.streets, BATCH)) {
          await trx.insertInto('gazetteer_streets').values(batch.map((s) => ({ jurisdiction_id, ...s }))).execute();
        }
      });
      if (content.addresses.length + content.streets.length >= ANALYZE_AFTER_ROWS) await adapter.refreshStatistics(['gazetteer_addresses', 'gazetteer_streets']);
      return { addresses: content.addresses.length, streets: content.streets.length };
    },

    counts,

    async findAddresses({ jurisdiction_id, street_keys, number, limit }) {
      if (street_keys.length === 0) return [];
      const rows = await db
        .selectFrom('gazetteer_addresses')
        .selectAll()
        .where('jurisdiction_id', '=', jurisdiction_id)
        .where('street_key', 'in', street_keys.slice(0, MAX_GAZETTEER_RESULTS))
        .where('number', '=', number)
        .orderBy('street_key')
        .orderBy('number_text')
        .limit(bounded(limit))
        .execute();
      return rows.map(toAddress);
    },

    async numberNeighbours({ jurisdiction_id, street_key, number }) {
      const side = async (op: '<' | '>') => {
        const nearest = await addressesOn(jurisdiction_id, street_key)
          .clearSelect()
          .select('number')
          .where('number', op, number)
          .orderBy('number', op === '<' ? 'desc' : 'asc')
          .limit(1)
          .executeTakeFirst();
        if (nearest === undefined) return [];
        const rows = await addressesOn(jurisdiction_id, street_key).where('number', '=', Number(nearest.number)).orderBy('number_text').limit(MAX_NEIGHBOURS).execute();
        return rows.map(toAddress);
      };
      return { below: await side('<'), above: await side('>') };
    },

    async findStreets({ jurisdiction_id, prefix, limit }) {
      if (prefix === '') return [];
      // The range scan finds every key with the prefix; the few shortest (closest to what was typed) are kept.
      const rows = await db
        .selectFrom('gazetteer_streets')
        .selectAll()
        .where('jurisdiction_id', '=', jurisdiction_id)
        .where('street_key', '>=', prefix)
        .where('street_key', '<', `${prefix}${KEY_END}`)
        .orderBy('street_key')
        .limit(MAX_GAZETTEER_RESULTS * 4)
        .execute();
      return rows
        .map(toStreet)
        .sort((a, b) => a.street_key.length - b.street_key.length || (a.street_key < b.street_key ? -1 : a.street_key > b.street_key ? 1 : 0))
        .slice(0, bounded(limit));
    },
  };
}
