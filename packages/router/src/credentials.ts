/**
 * Upstream API keys held by the router, encrypted at rest: AES-256-GCM with a
 * key derived (HKDF-SHA-256) from the `O311_ROUTER_SECRET` of the environment,
 * which the database never sees. The endpoint's slug is authenticated with the
 * key (additional data), so a sealed key copied to another endpoint does not
 * open. Sealed text: `v1.<iv>.<tag>.<ciphertext>`, base64url.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** The environment variable that holds the router's secret. */
export const ROUTER_SECRET_ENV = 'O311_ROUTER_SECRET';

/** A secret shorter than this is refused: it would be guessed. */
export const MIN_SECRET_LENGTH = 16;

/** The longest upstream API key accepted (real ones are 20 to 64 characters). */
export const MAX_UPSTREAM_KEY_LENGTH = 1024;

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const INFO = 'o311 router upstream credentials v1';

export type CredentialErrorKind =
  /** The server was started without O311_ROUTER_SECRET (or with one too short). */
  | 'no-secret'
  /** The sealed key does not open: another secret sealed it, or another endpoint's key was copied here. */
  | 'wrong-secret'
  /** Not sealed text of a known version. */
  | 'malformed'
  /** The key to seal is empty, too long or holds control characters. */
  | 'bad-key';

export class CredentialError extends Error {
  override readonly name = 'CredentialError';
  constructor(
    readonly kind: CredentialErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const NO_SECRET_MESSAGE =
  `Upstream credentials cannot be stored or used: start the server with ${ROUTER_SECRET_ENV} set ` +
  `(at least ${MIN_SECRET_LENGTH} characters, e.g. the output of \`openssl rand -base64 32\`), the same on every server process.`;

/** Seals and opens upstream keys with one secret. */
export class CredentialBox {
  readonly #key: Buffer;

  /** Throws CredentialError `no-secret` when the secret is missing or too short. */
  constructor(secret: string | undefined) {
    if (secret === undefined || secret.length < MIN_SECRET_LENGTH) throw new CredentialError('no-secret', NO_SECRET_MESSAGE);
    this.#key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), INFO, 32));
  }

  seal(slug: string, apiKey: string): string {
    checkUpstreamKey(apiKey);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(slug, 'utf8'));
    const body = Buffer.concat([cipher.update(apiKey, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  open(slug: string, sealed: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION) throw new CredentialError('malformed', 'The stored upstream key is not sealed text this server reads.');
    const [iv, tag, body] = parts.slice(1).map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new CredentialError('malformed', 'The stored upstream key is not sealed text this server reads.');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(slug, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch (e) {
      throw new CredentialError(
        'wrong-secret',
        `The upstream key of '${slug}' does not open with this server's ${ROUTER_SECRET_ENV}: it was set under another secret; set it again.`,
        { cause: e },
      );
    }
  }
}

/** Printable, one line, bounded: anything else is a paste gone wrong. */
export function checkUpstreamKey(apiKey: string): void {
  if (apiKey === '' || apiKey.length > MAX_UPSTREAM_KEY_LENGTH || /[\u0000-\u001f\u007f]/.test(apiKey)) {
    throw new CredentialError('bad-key', `An upstream API key is 1 to ${MAX_UPSTREAM_KEY_LENGTH} characters on one line, without control characters.`);
  }
}
