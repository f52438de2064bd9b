/** Assertions shared by the input tests: what a rejected input must look like. */
import { expect } from 'vitest';
import { Open311Failure } from '../src/errors.js';

/** Runs `fn`; a throw must be a 400 Open311Failure with at least one non-empty description. */
export function expectValueOr400<T>(fn: () => T): T | Open311Failure {
  try {
    return fn();
  } catch (e) {
    expect(e).toBeInstanceOf(Open311Failure);
    const failure = e as Open311Failure;
    expect(failure.status).toBe(400);
    expect(failure.errors.length).toBeGreaterThan(0);
    for (const error of failure.errors) {
      expect(error.code).toBe(400);
      expect(error.description.trim()).not.toBe('');
    }
    return failure;
  }
}

/** The error descriptions of a call that must fail with 400. */
export function descriptionsOf400(fn: () => unknown): string[] {
  const result = expectValueOr400(fn);
  if (!(result instanceof Open311Failure)) throw new Error(`expected a 400, got ${JSON.stringify(result)}`);
  return result.errors.map((e) => e.description);
}
