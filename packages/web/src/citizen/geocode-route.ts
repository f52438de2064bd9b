/**
 * GET /geocode?q=ADDRESS[&jurisdiction=ID]: the report form's address search
 * with JavaScript, as JSON `{ query, candidates: [{ label, lat, long, kind }] }`
 * (best first; [] when nothing matches). At most GEOCODES_PER_MINUTE a client
 * (429 after); a bad query is a 400, an unknown jurisdiction a 404, both as
 * `{ error }`; a failing external service only means fewer candidates.
 */
import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../context.js';
import { translatorFor } from '../request-locale.js';
import { searchAddress } from './geocode-search.js';
import { webJurisdiction } from './jurisdiction.js';
import { param } from './public-handler.js';

export const GEOCODES_PER_MINUTE = 30;

export function registerGeocodeRoute(app: FastifyInstance, web: WebContext): void {
  app.get('/geocode', { schema: { hide: true } }, async (request, reply) => {
    reply.header('cache-control', 'private, max-age=60');
    const q = param(request.query, 'q');
    const wanted = param(request.query, 'jurisdiction');
    const { store, postLimits, now } = web.services;
    if (!(await postLimits.take(`geocode-ip:${request.ip}`, GEOCODES_PER_MINUTE, now())).allowed) {
      return reply.code(429).header('retry-after', '60').send({ error: 'too many address searches; try again in a minute' });
    }
    const found = wanted === '' ? await webJurisdiction(web) : await store.getJurisdiction(wanted.slice(0, 200));
    if (!found || found.sandbox) return reply.code(404).send({ error: 'no such jurisdiction' });
    if (q.trim() === '') return reply.code(400).send({ error: 'q (the address) is required' });
    const answer = await searchAddress(web, found, q, translatorFor(request, reply).locale);
    if (answer.kind === 'bad') return reply.code(400).send({ error: answer.message });
    const candidates = answer.kind === 'found' ? answer.candidates.map(({ label, lat, long, kind }) => ({ label, lat, long, kind })) : [];
    return reply.send({ query: q.trim(), candidates, ...(answer.kind === 'failed' && { unavailable: true }) });
  });
}
