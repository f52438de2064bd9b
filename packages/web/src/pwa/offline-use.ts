/**
 * Which pages the service worker may keep for offline use, decided by the
 * server and sent as a header on every public page (sw/sw.ts reads it): a
 * page rendered for a signed-in citizen is `personal` (kept apart and
 * forgotten on sign-out), any other public page `public` (which also tells
 * the worker that nobody is signed in any more). `shell` pages are the same
 * for everyone (the offline page, the outbox) and are kept whoever asks.
 * Pages without the header (staff, API answers, downloads) are never kept.
 */
import type { FastifyRequest } from 'fastify';
import { accountSecretOf } from '../account/session-cookie.js';

export const OFFLINE_HEADER = 'o311-offline';

export type OfflineUse = 'public' | 'personal' | 'shell';

export const offlineUseOf = (request: FastifyRequest): OfflineUse => (accountSecretOf(request) === undefined ? 'public' : 'personal');
