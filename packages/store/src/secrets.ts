/**
 * Secrets handed out once (API keys, staff tokens) and the only form in which
 * the store keeps them: a SHA-256 digest. A secret carries 256 random bits, so
 * a fast unsalted hash is enough (unlike passwords).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export type SecretKind = 'api_key' | 'staff_token';

export const SECRET_PREFIXES: Record<SecretKind, string> = {
  api_key: 'o311k_',
  staff_token: 'o311s_',
};

/** A new secret: kind prefix + 32 random bytes in base64url. */
export function generateSecret(kind: SecretKind): string {
  return SECRET_PREFIXES[kind] + randomBytes(32).toString('base64url');
}

/** Lower-case hex SHA-256 of the secret, as stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A token for batch-type requests (resolves to the request id later). */
export function generateRequestToken(): string {
  return randomUUID();
}
