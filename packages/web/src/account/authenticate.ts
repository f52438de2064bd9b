/**
 * Who is signed in to a citizen account on this request: the session named by
 * the account cookie, looked up once per request and remembered.
 */
import type { FastifyRequest } from 'fastify';
import type { CitizenAccount, CitizenSession } from '@o311/store';
import type { WebContext } from '../context.js';
import { accountSecretOf } from './session-cookie.js';

export interface SignedInCitizen {
  account: CitizenAccount;
  session: CitizenSession;
}

/** `last_seen_at` is written at most this often per session. */
const TOUCH_INTERVAL_MS = 60 * 1000;

const signedIn = new WeakMap<FastifyRequest, SignedInCitizen | null>();

/** The live session of the request's account cookie (cached per request); undefined when there is none. */
export async function citizenOf(web: WebContext, request: FastifyRequest): Promise<SignedInCitizen | undefined> {
  const known = signedIn.get(request);
  if (known !== undefined) return known ?? undefined;
  const secret = accountSecretOf(request);
  const now = web.services.now();
  const found = secret === undefined ? undefined : await web.services.store.citizens.findSession(secret, now);
  if (found && now - found.session.last_seen_at >= TOUCH_INTERVAL_MS) {
    await web.services.store.citizens.touchSession(found.session.id, now);
  }
  signedIn.set(request, found ?? null);
  return found;
}

/** The signed-in citizen of a route guarded by `accountGuard`. */
export function currentCitizen(request: FastifyRequest): SignedInCitizen {
  const who = signedIn.get(request);
  if (!who) throw new Error('currentCitizen() is only available in routes guarded by accountGuard()');
  return who;
}

/** After sign-in, sign-out or deletion within the same request. */
export function rememberCitizen(request: FastifyRequest, value: SignedInCitizen | undefined): void {
  signedIn.set(request, value ?? null);
}
