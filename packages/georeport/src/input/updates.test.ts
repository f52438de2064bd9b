import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { descriptionsOf400, expectValueOr400 } from '../../test/open311-failure.js';
import { Open311Failure } from '../errors.js';
import { isWritableInstant } from '../time/writable-range.js';
import { parseForm } from './form.js';
import { normaliseStatus, parseUpdatesQuery, validateUpdateSubmission } from './updates.js';

const now = Date.UTC(2026, 0, 31, 12);

describe('parseUpdatesQuery', () => {
  it('defaults to the last 2 hours', () => {
    expect(parseUpdatesQuery({}, now)).toEqual({ start: now - 2 * 3_600_000, end: now });
    expect(parseUpdatesQuery({ start_date: '', end_date: '' }, now)).toEqual({ start: now - 2 * 3_600_000, end: now });
  });

  it('reads both dates', () => {
    expect(parseUpdatesQuery({ start_date: '2026-01-30T00:00:00Z', end_date: ['2026-01-31T00:00:00+01:00'] }, now)).toEqual({
      start: Date.UTC(2026, 0, 30), end: Date.UTC(2026, 0, 30, 23) + 999,
    });
  });

  it('compares in whole seconds, as updated_datetime is published: each bound names its whole second', () => {
    const noon = Date.UTC(2026, 0, 30, 12);
    expect(parseUpdatesQuery({ start_date: '2026-01-30T12:00:00.200Z', end_date: '2026-01-30T12:00:00.800Z' }, now)).toEqual({
      start: noon, end: noon + 999,
    });
  });

  it('answers the most recent 90 days of a longer range', () => {
    const end = Date.UTC(2026, 0, 30);
    expect(parseUpdatesQuery({ start_date: '2025-01-01T00:00:00Z', end_date: '2026-01-30T00:00:00Z' }, now)).toEqual({
      start: end - 90 * 86_400_000, end: end + 999,
    });
  });

  it('wants both dates or neither', () => {
    expect(descriptionsOf400(() => parseUpdatesQuery({ start_date: '2026-01-30T00:00:00Z' }, now))).toEqual([
      'start_date and end_date must be sent together, or neither for the last 2 hours',
    ]);
  });

  it('checks the format and the order', () => {
    expect(descriptionsOf400(() => parseUpdatesQuery({ start_date: '2026-01-30', end_date: '2026-01-31T00:00:00Z' }, now))).toEqual([
      'start_date must be a W3C datetime with a timezone in the years 0001-9999, e.g. 2026-01-31T00:00:00Z',
    ]);
    expect(descriptionsOf400(() => parseUpdatesQuery({ start_date: '2026-01-31T00:00:00Z', end_date: '2026-01-30T00:00:00Z' }, now))).toEqual([
      'end_date must not be before start_date',
    ]);
  });

  it('either parses or throws a 400 for any input', () => {
    const value = fc.oneof(fc.string(), fc.constantFrom('2026-01-30T00:00:00Z', '2026-01-31T00:00:00-05:00', '2026-01-30T00:00:00 05:00'));
    const q = fc.record({ start_date: fc.option(value, { nil: undefined }), end_date: fc.option(fc.oneof(value, fc.array(value)), { nil: undefined }) });
    fc.assert(
      fc.property(q, (query) => {
        const result = expectValueOr400(() => parseUpdatesQuery(query, now));
        if ('start' in result) expect(result.end).toBeGreaterThanOrEqual(result.start);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('normaliseStatus', () => {
  it('accepts any case with spaces or underscores', () => {
    expect(normaliseStatus('OPEN')).toBe('open');
    expect(normaliseStatus('In Progress')).toBe('in_progress');
    expect(normaliseStatus(' NOT_COUNCILS_RESPONSIBILITY ')).toBe('not_councils_responsibility');
    expect(normaliseStatus('action  scheduled')).toBe('action_scheduled');
  });

  it('rejects unknown states and object keys', () => {
    expect(normaliseStatus('pending')).toBeUndefined();
    expect(normaliseStatus('constructor')).toBeUndefined();
    expect(normaliseStatus('__proto__')).toBeUndefined();
  });
});

describe('validateUpdateSubmission', () => {
  const body = 'service_request_id=638344&update_id=u-1&status=IN+PROGRESS&updated_datetime=2026-01-31T10:00:00%2B01:00&description=Crew+sent';

  it('reads a FixMyStreet update', () => {
    expect(validateUpdateSubmission(parseForm(body))).toEqual({
      service_request_id: '638344', update_id: 'u-1', status: 'in_progress', updated_datetime: Date.UTC(2026, 0, 31, 9),
      description: 'Crew sent', media_url: null,
    });
  });

  it('allows an empty description but requires the field', () => {
    expect(validateUpdateSubmission(parseForm(body.replace('Crew+sent', ''))).description).toBe('');
    expect(descriptionsOf400(() => validateUpdateSubmission(parseForm(body.replace('&description=Crew+sent', ''))))).toEqual([
      'description is required (it may be empty)',
    ]);
  });

  it("restores an unencoded '+' in the offset", () => {
    expect(validateUpdateSubmission(parseForm(body.replace('%2B', '+'))).updated_datetime).toBe(Date.UTC(2026, 0, 31, 9));
  });

  it('reads media_url and checks it', () => {
    expect(validateUpdateSubmission(parseForm(`${body}&media_url=https://x.org/p.jpg`)).media_url).toBe('https://x.org/p.jpg');
    expect(descriptionsOf400(() => validateUpdateSubmission(parseForm(`${body}&media_url=p.jpg`)))).toEqual(['media_url must be an http or https URL']);
  });

  it('names every missing or bad field', () => {
    expect(descriptionsOf400(() => validateUpdateSubmission(parseForm('status=done&updated_datetime=2026-01-31')))).toEqual([
      'service_request_id is required',
      'update_id is required',
      "status 'done' is not valid; use one of open, closed, fixed, in_progress, action_scheduled, planned, investigating, duplicate, not_councils_responsibility, no_further_action, internal_referral, cancelled, reopen, for_triage, unchanged",
      'updated_datetime must be a W3C datetime with a timezone in the years 0001-9999, e.g. 2026-01-31T00:00:00Z',
      'description is required (it may be empty)',
    ]);
    expect(descriptionsOf400(() => validateUpdateSubmission(parseForm('')))).toEqual([
      'service_request_id is required', 'update_id is required', 'status is required', 'updated_datetime is required',
      'description is required (it may be empty)',
    ]);
  });

  it('either validates or throws a 400 for any fields', () => {
    const names = fc.constantFrom('service_request_id', 'update_id', 'status', 'updated_datetime', 'description', 'media_url');
    const value = fc.oneof(fc.string(), fc.constantFrom(
      '', 'OPEN', 'fixed', 'in progress', '2026-01-31T00:00:00Z', 'https://a.b/c',
      // Dates no response can write (issue 8): year 10000 once the offset applies, year 0.
      '9999-12-31T23:59:59-23:59', '0000-12-31T23:59:59Z', '9999-12-31T23:59:59.999Z', 'in\u0000progress',
    ));
    const fields = fc.array(fc.tuple(fc.oneof(names, fc.string()), fc.array(value, { minLength: 1, maxLength: 2 })), { maxLength: 8 }).map((p) => new Map(p));
    fc.assert(fc.property(fields, (f) => {
      const result = expectValueOr400(() => validateUpdateSubmission(f));
      if (!(result instanceof Open311Failure)) expect(isWritableInstant(result.updated_datetime)).toBe(true);
    }), { numRuns: 2000 });
  });
});
