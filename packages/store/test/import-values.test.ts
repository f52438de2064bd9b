/**
 * Values that mean something to a bulk-load format (backslash, tab, line
 * ends, `\N`, `\.` in COPY's text format; PostgreSQL imports now use the
 * binary format) come back from an import byte for byte, on both dialects;
 * U+0000 is refused before anything is written.
 */
import { describe, expect, it } from 'vitest';
import { NulInTextError, type Store } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { COPY_COLUMNS, encodeCopyBinary } from '../src/dialects/postgres-copy.js';
import { addJurisdiction, HOUR, imported, reporter, T0, withFreshStore } from './fixtures.js';

const TRICKY = [
  '\\N', '\\.', '\\', '\\\\N', 'a\tb', 'line\nbreak', 'cr\rlf\r\n', '\n', '\t', ' ', '',
  'NULL', 'null', '"quoted", comma', "it's", 'C:\\temp\\new', 'end\\', '\\t literally',
  'Größe 🚧 東京 עברית', 'e\u0301 combining', '\u2028\u2029 separators', '\u007f\u0001 controls', '{a,"b"}',
];

describe.each(dialects)('import of tricky values (%s)', (dialect) => {
  let store: Store;
  withFreshStore(dialect, (opened) => ({ store } = opened));

  it('gives back every text field as written, null as null, and numbers exactly', async () => {
    const j = await addJurisdiction(store);
    const rows = TRICKY.map((t, i) =>
      imported(j, {
        description: t, address: t, address_id: t, zipcode: t, status: 'closed', status_notes: t, media_url: t,
        service_name: t, agency_responsible: t, requested_at: T0 - i * 1000, updated_at: T0 + i, expected_at: T0 + HOUR + i,
        lat: -89.123456789012 + i / 7, long: 179.98765432101 - i / 3, attributes: { [t]: [t, `${t}${t}`] },
        reporter: { email: t, first_name: t, last_name: t, phone: t, device_id: t, account_id: t }, channel: 'phone',
      }),
    );
    expect(await store.importRequests(rows)).toBe(TRICKY.length);
    const back = await store.listRequests({ jurisdiction_id: j, requested_to: T0, limit: 100, offset: 0 });
    expect(back).toHaveLength(TRICKY.length);
    for (const [i, t] of TRICKY.entries()) {
      expect(back[i]).toMatchObject({
        description: t, address: t, address_id: t, zipcode: t, status: 'closed', status_notes: t, media_url: t,
        service_name: t, agency_responsible: t, requested_at: T0 - i * 1000, updated_at: T0 + i, expected_at: T0 + HOUR + i,
        lat: -89.123456789012 + i / 7, long: 179.98765432101 - i / 3, attributes: { [t]: [t, `${t}${t}`] }, media_ids: [],
        reporter: { email: t, first_name: t, last_name: t, phone: t, device_id: t, account_id: t }, channel: 'phone',
      });
    }
  });

  it('keeps nulls apart from the text "\\N" and from empty text', async () => {
    const j = await addJurisdiction(store);
    await store.importRequests([
      imported(j, { description: '\\N', address: null, zipcode: '', requested_at: T0 }),
      imported(j, { description: '', address: '\\N', zipcode: null, requested_at: T0 - 1000 }),
    ]);
    const back = await store.listRequests({ jurisdiction_id: j, limit: 10, offset: 0 });
    expect(back.map((r) => [r.description, r.address, r.zipcode])).toEqual([
      ['\\N', null, ''],
      ['', '\\N', null],
    ]);
  });

  it('refuses U+0000 in any text field and writes nothing of the batch', async () => {
    const j = await addJurisdiction(store);
    const batch = [imported(j, { description: 'fine' }), imported(j, { reporter: { ...reporter, phone: '555\u00001234' } })];
    await expect(store.importRequests(batch)).rejects.toBeInstanceOf(NulInTextError);
    expect(await store.countRequests({ jurisdiction_id: j })).toBe(0);
  });
});

describe('COPY binary encoding', () => {
  const row = (overrides: Partial<Parameters<typeof encodeCopyBinary>[0][number]> = {}) => ({
    jurisdiction_id: 'j', service_code: 's', service_name: 'S', status: 'open', public_status: 'open', status_notes: null,
    description: 'd', agency_responsible: null, service_notice: null, requested_at: 1, updated_at: 2, expected_at: null,
    address: null, address_id: null, zipcode: null, lat: 41.5, long: -87.25, media_url: null, attributes: '{}',
    email: null, first_name: null, last_name: null, phone: null, device_id: null, account_id: null, channel: 'api', status_imported: 0,
    ...overrides,
  });

  /** The tuples of a binary COPY stream, each field as its bytes (null for NULL); checks header and trailer. */
  function tuples(data: Buffer): (Buffer | null)[][] {
    expect(data.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
    expect(data.readInt32BE(11)).toBe(0);
    expect(data.readInt32BE(15)).toBe(0);
    const out: (Buffer | null)[][] = [];
    let at = 19;
    for (let n = data.readInt16BE(at); n !== -1; n = data.readInt16BE(at)) {
      at += 2;
      const fields: (Buffer | null)[] = [];
      for (let f = 0; f < n; f++) {
        const length = data.readInt32BE(at);
        at += 4;
        fields.push(length === -1 ? null : data.subarray(at, (at += length)));
      }
      out.push(fields);
    }
    expect(at + 2).toBe(data.length);
    return out;
  }

  it('writes one tuple per row: the columns in order, -1 for null, text as UTF-8 bytes unescaped, numbers as big-endian bytes', () => {
    const text = 'a\\b\tc\nd\re \\N Größe 🚧';
    const [first, second] = tuples(encodeCopyBinary([
      row({ description: text, requested_at: -1, updated_at: 2 ** 40 + 5, expected_at: Number.MAX_SAFE_INTEGER, status_imported: 1 }),
      row({ description: '\\.', lat: -89.123456789012, long: 0.1 + 0.2 }),
    ]));
    expect(first).toHaveLength(28);
    expect(COPY_COLUMNS[6]).toBe('description');
    expect(first![6]!.toString('utf8')).toBe(text);
    expect(first![5]).toBeNull();
    expect([9, 10, 11].map((c) => first![c]!.readBigInt64BE())).toEqual([-1n, 2n ** 40n + 5n, BigInt(Number.MAX_SAFE_INTEGER)]);
    expect(first![25]!.toString()).toBe('api');
    expect(first![26]!.readInt32BE()).toBe(1);
    expect(first![27]!.toString()).toBe('[]');
    expect(second![6]!.toString()).toBe('\\.');
    expect([second![15]!.readDoubleBE(), second![16]!.readDoubleBE()]).toEqual([-89.123456789012, 0.1 + 0.2]);
  });

  it('writes header and trailer only for no rows, and refuses NUL, numbers that are not finite and fractional times', () => {
    expect(tuples(encodeCopyBinary([]))).toEqual([]);
    expect(() => encodeCopyBinary([row({ address: 'x\u0000' })])).toThrow(NulInTextError);
    expect(() => encodeCopyBinary([row({ address: 'é\u0000' })])).toThrow(NulInTextError);
    expect(() => encodeCopyBinary([row({ lat: Number.NaN })])).toThrow(/cannot import the number NaN/);
    expect(() => encodeCopyBinary([row({ requested_at: 1.5 })])).toThrow(/cannot import the number 1.5/);
  });
});
