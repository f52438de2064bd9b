/**
 * Staff authentication: `Authorization: Bearer <secret>` names a live staff
 * token (401 otherwise); its role must allow the route (403 otherwise).
 * viewer: read; agent: read + change requests; admin: everything.
 */
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { forbidden, unauthorized } from '@o311/georeport';
import type { StaffRole, StaffToken, Store } from '@o311/store';

export type Permission = 'read' | 'manage-requests' | 'admin';

const ALLOWED: Record<Permission, readonly StaffRole[]> = {
  read: ['viewer', 'agent', 'admin'],
  'manage-requests': ['agent', 'admin'],
  admin: ['admin'],
};

export const roleAllows = (role: StaffRole, permission: Permission): boolean => ALLOWED[permission].includes(role);

const authenticated = new WeakMap<FastifyRequest, StaffToken>();

/** The token that authenticated this request (only inside staff routes). */
export function staffOf(request: FastifyRequest): StaffToken {
  const token = authenticated.get(request);
  if (!token) throw unauthorized('Authentication required.');
  return token;
}

export function bearerSecret(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1];
}

/** onRequest hook: runs before the body is even parsed. */
export function requirePermission(store: Store, permission: Permission): onRequestHookHandler {
  return async (request) => {
    const secret = bearerSecret(request.headers.authorization);
    if (!secret) throw unauthorized('Send a staff token as `Authorization: Bearer <token>`.');
    const token = await store.findStaffToken(secret);
    if (!token || token.revoked_at !== null) throw unauthorized('The staff token is unknown or revoked.');
    if (!roleAllows(token.role, permission)) {
      throw forbidden(`The role '${token.role}' may not do this (needs ${ALLOWED[permission].join(' or ')}).`);
    }
    authenticated.set(request, token);
  };
}
