/**
 * The validator against saved responses of real cities (digest §15), each
 * served as its endpoint by the fixture server: it reads them without
 * crashing, reports their known defects (digest §13) by check id, and
 * tolerates what the spec allows or what is only foreign decoration.
 */
import { validate, type ValidationReport } from '@o311/validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CITIES, type FixtureCityId } from './support/fixture-cities.js';
import { startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { describeFailures, resultOf } from './support/report.js';

const FIXTURES = new URL('../../../../shared/fixtures/real/', import.meta.url);

interface Expectation {
  /** Checks that must fail, with the defect in the saved file. */
  defects: Readonly<Record<string, string>>;
  /** Checks that must pass: quirks a tolerant reader copes with, or conforming parts. */
  tolerated: Readonly<Record<string, string>>;
}

const EXPECTED: Record<FixtureCityId, Expectation> = {
  sanfrancisco: {
    defects: {
      'requests-datetimes': '2012-05-22 23:57:23.97: a space for T, fractions, no timezone',
      'requests-status': 'Open / Closed',
      'requests-zero-coordinates': 'lat/long 0.0 standing for "unknown"',
      'requests-listed-fields': 'no <media_url>',
      'http-xml-no-foreign-markup': 'unused xmlns:m / soapenv namespaces, xsi:nil',
    },
    tolerated: {
      'services-xml': 'a readable <services> list despite the namespaces',
      'requests-xml': 'a readable <service_requests> list despite xsi:nil',
      'services-type': 'realtime',
      'requests-coordinates': '0.0 is in range (flagged by requests-zero-coordinates instead)',
      'requests-coordinates-swapped': 'San Francisco points; the dates carry no offset to compare',
    },
  },
  toronto: {
    defects: { 'http-client-quirks': '<updated_datetime/> empty on open requests (info: empty is allowed, but noted)' },
    tolerated: {
      'requests-xml': 'long before lat is harmless',
      'requests-datetimes': 'an empty updated_datetime is no malformed date',
      'requests-status': 'lower case',
      'requests-coordinates': 'in range',
      'requests-coordinates-swapped': 'Toronto points; −04:00 is near long −79.3 / 15 = −5.3 h',
    },
  },
  giessen: {
    defects: {
      'http-xml-no-foreign-markup': 'is_array="true" on the root (Mark-a-Spot)',
      'services-listed-fields': 'no <group>',
    },
    tolerated: { 'services-xml': 'is_array is decoration; the list reads', 'services-required-fields': 'all present', 'services-type': 'realtime' },
  },
  bloomington: {
    defects: {
      'requests-zero-coordinates': 'lat/long 0 standing for "unknown"',
      'http-client-quirks': 'keywords "" and media_url "" for missing values',
      'requests-media-url': 'media_url "" where null is meant',
    },
    tolerated: {
      'services-json': 'a top-level array',
      'services-json-types': 'real JSON booleans',
      'requests-json': 'a top-level array',
      'requests-datetimes': 'offsets everywhere',
      'requests-coordinates': 'null lat/long is allowed',
      'requests-coordinates-swapped': 'a cluster of Bloomington points (0/0 and null skipped); −04:00 fits long −86.5',
      'requests-json-ids': 'string ids and codes',
    },
  },
  chicago: {
    defects: { 'requests-listed-fields': 'empty fields omitted (description, media_url, address_id…)' },
    tolerated: {
      'requests-json': 'a top-level array',
      'requests-required-fields': 'all present',
      'requests-status': 'lower case',
      'requests-coordinates-swapped': 'Chicago points; −05:00 fits long −87.6 / 15 = −5.8 h',
      'requests-media-url': 'omitted, not ""',
    },
  },
  boston: {
    defects: {},
    tolerated: {
      'services-json': 'a top-level array; the extra `definitions` object is an extension',
      'services-required-fields': 'all present',
      'services-metadata-boolean': 'real booleans',
      'services-code-unique': '118 distinct codes',
    },
  },
  helsinki: {
    defects: {
      'request-single-json': 'requests/{id}.json is a bare object',
      'requests-json-types': '"lat":"22.266944" — numbers as strings',
      'requests-listed-fields': 'no address, address_id, zipcode, media_url',
      'requests-coordinates-swapped': 'lat 22.27 / long 60.45 with +02:00: the offset fits 22.27 / 15, not 60.45 / 15 (a Finnish point, swapped)',
    },
    tolerated: {
      'requests-status': 'closed',
      'requests-datetimes': '+02:00 offsets',
      'requests-coordinates': 'each value is in range (the swap is requests-coordinates-swapped)',
      'requests-json-ids': 'string id and code',
    },
  },
};

describe.each(Object.keys(FIXTURE_CITIES) as FixtureCityId[])('saved responses of %s', (id) => {
  let server: FixtureServer;
  let report: ValidationReport;

  beforeAll(async () => {
    server = await startFixtureServer(FIXTURE_CITIES[id], FIXTURES);
    report = await validate({ url: server.discoveryUrl, allowPrivate: true, timeoutMs: 10_000 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('are read without a crash: every check ends pass, fail or skip', () => {
    expect(report.target.baseUrl).toBe(`${server.origin}/open311/v2/`);
    expect(report.results.length).toBeGreaterThan(0);
    for (const r of report.results) expect(['pass', 'fail', 'skip']).toContain(r.status);
  });

  it.each(Object.entries(EXPECTED[id].defects))('report the known defect %s (%s)', (check) => {
    const r = resultOf(report, check);
    expect(r.status, `${check}: ${r.message}`).toBe('fail');
  });

  it.each(Object.entries(EXPECTED[id].tolerated))('tolerate %s (%s)', (check) => {
    const r = resultOf(report, check);
    expect(r.status, `${check}: ${r.message}\nall failures:\n${describeFailures(report.results.filter((x) => x.status === 'fail'))}`).toBe('pass');
  });
});
