/**
 * Who is signed in on this request: the session named by the cookie, looked
 * up once per request and remembered for the handlers (`currentStaff`).
 */
import type { FastifyRequest } from 'fastify';
import type { StaffSession, StaffUser } from '@o311/store';
import type { WebContext } from '../../context.js';
import { sessionSecretOf } from './session-cookie.js';

export interface SignedIn {
  user: StaffUser;
  session: StaffSession;
}

/** `last_seen_at` is written at most this often per session. */
const TOUCH_INTERVAL_MS = 60 * 1000;

const signedIn = new WeakMap<FastifyRequest, SignedIn | null>();

/** The live session of the request's cookie (cached per request); undefined when there is none. */
export async function authenticate(web: WebContext, request: FastifyRequest): Promise<SignedIn | undefined> {
  const known = signedIn.get(request);
  if (known !== undefined) return known ?? undefined;
  const secret = sessionSecretOf(request);
  const now = web.services.now();
  const found = secret === undefined ? undefined : await web.services.store.findSession(secret, now);
  const live = found && found.user.active ? found : undefined;
  if (live && now - live.session.last_seen_at >= TOUCH_INTERVAL_MS) {
    await web.services.store.touchSession(live.session.id, now);
  }
  signedIn.set(request, live ?? null);
  return live;
}

/** The signed-in staff member, if `authenticate` found one for this request. */
export const signedInOf = (request: FastifyRequest): SignedIn | undefined => signedIn.get(request) ?? undefined;

/** After login, logout or a password change within the same request. */
export function rememberSignedIn(request: FastifyRequest, value: SignedIn | undefined): void {
  signedIn.set(request, value ?? null);
}
