/**
 * Staff passwords: argon2id hashes (PHC strings), a length rule, and checks
 * that go through one bounded gate per process (a dummy check for unknown
 * accounts costs the same).
 */
import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { HashingGate } from './hashing-gate.js';

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

/** False for a wrong password and for a malformed hash alike. Ungated: callers go through `checkPassword`. */
async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Every password check of this process (login, current password) passes here:
 * two run at once (of the machine's cores, the rest stay for other requests),
 * a few wait, and the rest are refused.
 */
export const passwordChecks = new HashingGate({ maxActive: 2, maxWaiting: 8 });

/** `busy` when the gate refused: the password was not checked. */
export type PasswordCheck = 'match' | 'mismatch' | 'busy';

export async function checkPassword(passwordHash: string, password: string): Promise<PasswordCheck> {
  const outcome = await passwordChecks.run(() => verifyPassword(passwordHash, password));
  if (!outcome.ran) return 'busy';
  return outcome.value ? 'match' : 'mismatch';
}

/** Costs one check (through the gate), so an unknown email answers as slowly as a wrong password; never a match. */
export async function checkAgainstDummy(password: string): Promise<PasswordCheck> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
  const outcome = await checkPassword(await dummyHash, password);
  return outcome === 'busy' ? 'busy' : 'mismatch';
}
