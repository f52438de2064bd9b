/**
 * Who may act as a request's reporter: the holder of a live secret link from
 * their mail, or the signed-in citizen whose account owns the report. Either
 * way the request must be in the jurisdiction the web apps serve. A signed-in
 * owner's form carries the session's CSRF token, as every account form does:
 * the session cookie alone proves nothing on a POST another site could make.
 */
import type { FastifyRequest } from 'fastify';
import type { Jurisdiction } from '@o311/store';
import { citizenOf } from '../account/authenticate.js';
import { comesFromThisSite, isCsrfToken, isSafeMethod } from '../staff/auth/csrf.js';
import { webJurisdiction } from '../citizen/jurisdiction.js';
import type { WebContext } from '../context.js';

export interface ReporterProof {
  /** The secret of the mail's link ('' without one). */
  token: string;
  /** The request id, for a signed-in owner ('' without one). */
  request: string;
  /** The form's CSRF token (`_csrf`), for a signed-in owner's POST. */
  csrf?: string;
}

export interface ReporterAccess {
  j: Jurisdiction;
  requestId: string;
  /** How it was proved: pages and forms carry the same proof on. */
  proof: { token: string } | { request: string; csrf: string };
}

/** Undefined for a wrong or expired secret, or a request the signed-in citizen does not own. */
export async function reporterAccess(web: WebContext, request: FastifyRequest, p: ReporterProof): Promise<ReporterAccess | undefined> {
  const { store, now } = web.services;
  const j = await webJurisdiction(web);
  if (p.token !== '') {
    const found = await store.reporter.findToken(p.token, now());
    return found && found.jurisdiction_id === j.id ? { j, requestId: found.request_id, proof: { token: p.token } } : undefined;
  }
  if (p.request === '') return undefined;
  const who = await citizenOf(web, request);
  if (!who) return undefined;
  const csrf = who.session.csrf_token;
  if (!isSafeMethod(request.method) && !(isCsrfToken(p.csrf, csrf) && comesFromThisSite(web, request))) return undefined;
  const r = await store.getRequest(j.id, p.request);
  return r && r.reporter.account_id === who.account.id ? { j, requestId: r.id, proof: { request: r.id, csrf } } : undefined;
}

export type MailedAccess = ReporterAccess & { proof: { token: string } };

/** Proved by a mailed secret (the "is it fixed?" answer needs one: an account has no question to answer). */
export const isMailed = (a: ReporterAccess | undefined): a is MailedAccess => a !== undefined && 'token' in a.proof;
