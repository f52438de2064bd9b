/**
 * Secrets handed out once (API keys, staff tokens, session cookies, the links
 * mailed to followers, citizens' sign-in links, developers' key request links) and the only form in which
 * the store keeps them: a SHA-256 digest. A secret carries 256 random bits,
 * so a fast unsalted hash is enough (unlike passwords).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';

export type SecretKind = 'api_key' | 'staff_token' | 'session' | 'follower' | 'sign_in_link' | 'key_request' | 'reporter';

export const SECRET_PREFIXES: Record<SecretKind, string> = {
  api_key: 'o311k_',
  staff_token: 'o311s_',
  session: 'o311w_',
  follower: 'o311f_',
  sign_in_link: 'o311m_',
  reporter: 'o311r_',
  key_request: 'o311v_',
};

/** A new secret: kind prefix + 32 random bytes in base64url. */
export function generateSecret(kind: SecretKind): string {
  return SECRET_PREFIXES[kind] + randomBytes(32).toString('base64url');
}

/** Lower-case hex SHA-256 of the secret, as stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The synchronizer (CSRF) token of a session: kept in clear, since pages show it. */
export function generateCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A token for batch-type requests (resolves to the request id later). */
export function generateRequestToken(): string {
  return randomUUID();
}
