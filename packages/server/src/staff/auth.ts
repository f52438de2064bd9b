/**
 * Staff authentication: `Authorization: Bearer <secret>` names a live staff
 * token (401 otherwise); its role must allow the route (403 otherwise).
 * viewer: read; agent: read + change requests; admin: everything within its
 * jurisdiction scope; global-admin: what concerns every jurisdiction at once
 * (API keys), for admins whose scope is global.
 */
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { forbidden, unauthorized } from '@o311/georeport';
import { GLOBAL_SCOPE, type JurisdictionScope, type StaffRole, type StaffToken, type Store } from '@o311/store';

export type Permission = 'read' | 'manage-requests' | 'admin' | 'global-admin';

const ALLOWED: Record<Permission, readonly StaffRole[]> = {
  read: ['viewer', 'agent', 'admin'],
  'manage-requests': ['agent', 'admin'],
  admin: ['admin'],
  'global-admin': ['admin'],
};

/** Whether a role with this scope may do what the permission covers (both channels ask this). */
export const roleAllows = (role: StaffRole, permission: Permission, scope: JurisdictionScope): boolean =>
  ALLOWED[permission].includes(role) && (permission !== 'global-admin' || scope === GLOBAL_SCOPE);

const authenticated = new WeakMap<FastifyRequest, StaffToken>();

/** The token that authenticated this request (only inside staff routes). */
export function staffOf(request: FastifyRequest): StaffToken {
  const token = authenticated.get(request);
  if (!token) throw unauthorized('Authentication required.');
  return token;
}

/** The jurisdictions this request's token may reach; every staff service takes it. */
export const scopeOf = (request: FastifyRequest): JurisdictionScope => staffOf(request).jurisdictions;

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
    if (!roleAllows(token.role, permission, token.jurisdictions)) {
      const needs = permission === 'global-admin' ? 'an admin token of global scope' : ALLOWED[permission].join(' or ');
      throw forbidden(`The role '${token.role}' may not do this (needs ${needs}).`);
    }
    authenticated.set(request, token);
  };
}
