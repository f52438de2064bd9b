/**
 * Values that mean something to a bulk-load format (COPY's text format on
 * PostgreSQL: backslash, tab, line ends, `\N`, `\.`) come back from an import
 * byte for byte, on both dialects; U+0000 is refused before anything is written.
 */
import { describe, expect, it } from 'vitest';
import { NulInTextError, type Store } from '@o311/store';
import { dialects } from '../../../test-support/databases.js';
import { encodeCopyText } from '../src/dialects/postgres-copy.js';
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
        reporter: { email: t, first_name: t, last_name: t, phone: t, device_id: t, account_id: t },
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
        reporter: { email: t, first_name: t, last_name: t, phone: t, device_id: t, account_id: t },
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

describe('COPY text encoding', () => {
  const row = (overrides: Partial<Parameters<typeof encodeCopyText>[0][number]> = {}) => ({
    jurisdiction_id: 'j', service_code: 's', service_name: 'S', status: 'open', public_status: 'open', status_notes: null,
    description: 'd', agency_responsible: null, service_notice: null, requested_at: 1, updated_at: 2, expected_at: null,
    address: null, address_id: null, zipcode: null, lat: 41.5, long: -87.25, media_url: null, attributes: '{}',
    email: null, first_name: null, last_name: null, phone: null, device_id: null, account_id: null, status_imported: 0,
    ...overrides,
  });

  it('writes one line per row: tab-separated fields, \\N for null, escapes for backslash, tab and line ends', () => {
    const text = encodeCopyText([row({ description: 'a\\b\tc\nd\re' }), row({ description: '\\.' })]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    const fields = lines[0]!.split('\t');
    expect(fields).toHaveLength(27);
    expect(fields[6]).toBe('a\\\\b\\tc\\nd\\re');
    expect(fields[5]).toBe('\\N');
    expect(fields.slice(15, 17)).toEqual(['41.5', '-87.25']);
    expect(fields[26]).toBe('[]');
    expect(lines[1]!.split('\t')[6]).toBe('\\\\.');
  });

  it('writes nothing for no rows, and refuses NUL and numbers that are not finite', () => {
    expect(encodeCopyText([])).toBe('');
    expect(() => encodeCopyText([row({ address: 'x\u0000' })])).toThrow(NulInTextError);
    expect(() => encodeCopyText([row({ lat: Number.NaN })])).toThrow(/cannot import the number NaN/);
  });
});
