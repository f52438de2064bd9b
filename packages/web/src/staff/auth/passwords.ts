/** Staff passwords: argon2id hashes (PHC strings), a length rule, and a dummy verification for unknown accounts. */
import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;
/** Longer inputs are refused before hashing (bounds the work an anonymous request can cause). */
export const MAX_PASSWORD_LENGTH = 1024;

/**
 * `Algorithm.Argon2id`. The package declares `Algorithm` as an ambient const
 * enum, which isolated-module builds may not read, so its value is spelt here
 * (the tests check that stored hashes start with `$argon2id$`).
 */
const ARGON2ID_ALGORITHM: Algorithm.Argon2id = 2;

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const ARGON2ID: Options = { algorithm: ARGON2ID_ALGORITHM, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2ID);

export const isAcceptablePassword = (password: string): boolean =>
  password.length >= MIN_PASSWORD_LENGTH && password.length <= MAX_PASSWORD_LENGTH;

/** False for a wrong password and for a malformed hash alike. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the time of one verification, so an unknown email answers as slowly as a wrong password. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
  await verifyPassword(await dummyHash, password);
}
