import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FastifyRequest } from 'fastify';
import { holdsNul, partWithNul } from './nul-bytes.js';

/** The obvious recursive reading of "holds a NUL", to check the iterative one against. */
function oracle(v: unknown): boolean {
  if (typeof v === 'string') return v.includes('\0');
  if (Array.isArray(v)) return v.some(oracle);
  if (v !== null && typeof v === 'object') return Object.entries(v).some(([k, x]) => k.includes('\0') || oracle(x));
  return false;
}

/** Short strings over an alphabet where NUL is common. */
const text = fc.string({ unit: fc.constantFrom('a', 'é', ' ', '%', '0', '\0'), maxLength: 4 });
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(text, tie('value'), { maxKeys: 4 }),
})).value;

const request = (parts: Partial<Record<'query' | 'params' | 'body' | 'cookies', unknown>>) =>
  ({ query: {}, params: {}, body: undefined, ...parts }) as unknown as FastifyRequest;

describe('NUL guard', () => {
  it('finds a NUL in any key or value of any JSON value (property)', () => {
    fc.assert(fc.property(json, (v) => {
      expect(holdsNul(v)).toBe(oracle(v));
    }), { numRuns: 3000 });
  });

  it('walks values nested deeper than the call stack goes', () => {
    let deep: unknown = 'x\0';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(holdsNul(deep)).toBe(true);
    expect(holdsNul(new Array(200_000).fill('clean'))).toBe(false);
  });

  it('names the part of the request that carries one, raw or percent-encoded in a form body', () => {
    expect(partWithNul(request({ query: { service_code: ['a', 'b\0'] } }))).toBe('The query string');
    expect(partWithNul(request({ params: { id: '1\0' } }))).toBe('The path');
    expect(partWithNul(request({ body: 'description=a%00b' }))).toBe('The body');
    expect(partWithNul(request({ body: 'description=a\0b' }))).toBe('The body');
    expect(partWithNul(request({ body: { name: { ['k\0']: 1 } } }))).toBe('The body');
    expect(partWithNul(request({ cookies: { session: 'a\0' } }))).toBe('A cookie');
    expect(partWithNul(request({ query: { q: '%00' }, body: 'description=100%25%2000%20and%20%2500' }))).toBeUndefined();
  });
});
