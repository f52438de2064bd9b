/** Signature checks shared by the webhook adapters: constant-time, whatever the input's length. */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Compares digests of both sides, so neither the length nor the content of the expected value leaks through timing. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

export const hmac = (algorithm: 'sha1' | 'sha256', key: string, data: string | Buffer, encoding: 'base64' | 'hex'): string =>
  createHmac(algorithm, key).update(data).digest(encoding);
