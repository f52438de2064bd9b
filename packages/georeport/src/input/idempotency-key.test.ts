import { describe, expect, it } from 'vitest';
import { isOpen311Failure } from '../errors.js';
import { MAX_IDEMPOTENCY_KEY_LENGTH, formatIdempotencyKey, parseIdempotencyKey } from './idempotency-key.js';

const refusal = (header: string | string[]): string => {
  try {
    parseIdempotencyKey(header);
  } catch (e) {
    if (isOpen311Failure(e) && e.status === 400) return e.message;
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(header)}`);
};

describe('parseIdempotencyKey', () => {
  it('reads a Structured Field String, with its escapes, and a bare key', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
    expect(parseIdempotencyKey('"8e03978e-40d5-43e8-bc93-6894a57f9324"')).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(parseIdempotencyKey(' "a \\"b\\" \\\\c" ')).toBe('a "b" \\c');
    expect(parseIdempotencyKey('clkyoesmbgybucifusbbtdsbohtyuuwz')).toBe('clkyoesmbgybucifusbbtdsbohtyuuwz');
    expect(parseIdempotencyKey(['"one"'])).toBe('one');
    expect(parseIdempotencyKey(`"${'k'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH)}"`)).toHaveLength(MAX_IDEMPOTENCY_KEY_LENGTH);
  });

  it.each([
    ['""', /is empty/],
    ['', /is empty/],
    ['"a", "b"', /more than once/],
    ['a, b', /more than once/],
    ['"open', /well-formed/],
    ['"a\\nb"', /well-formed/],
    ['"a"b', /well-formed/],
    ['"caf\u00e9"', /characters/],
    ['tab\there', /characters/],
    ['a"b', /characters/],
    [`"${'k'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH + 1)}"`, /longer than 255/],
    ['k'.repeat(5000), /longer than 255/],
  ])('refuses %j with a 400 naming the header', (header, reason) => {
    const message = refusal(header);
    expect(message).toMatch(/^The Idempotency-Key header /);
    expect(message).toMatch(reason);
  });

  it('refuses two header fields', () => {
    expect(refusal(['"a"', '"b"'])).toMatch(/more than once/);
  });
});

describe('formatIdempotencyKey', () => {
  it('quotes and escapes; what it writes reads back', () => {
    for (const key of ['8e03978e', 'a "b" \\c', ' spaced ', 'k'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH)]) {
      expect(parseIdempotencyKey(formatIdempotencyKey(key))).toBe(key);
    }
    expect(formatIdempotencyKey('a"b')).toBe('"a\\"b"');
  });

  it.each(['', 'k'.repeat(MAX_IDEMPOTENCY_KEY_LENGTH + 1), 'caf\u00e9', 'line\nbreak'])('refuses %j', (key) => {
    expect(() => formatIdempotencyKey(key)).toThrow(RangeError);
  });
});
