/**
 * Tells the followers of a request about its latest public change. A failure
 * (mail server down, template bug) is logged and never undoes or fails the
 * change that triggered it, whether made in the back office or through the APIs.
 */
import type { FastifyRequest } from 'fastify';
import type { WebContext } from '../context.js';
import { notifyFollowers } from './notify.js';

export async function notifySafely(web: WebContext, request: FastifyRequest, jurisdictionId: string, requestId: string): Promise<void> {
  try {
    await notifyFollowers(web, request, jurisdictionId, requestId);
  } catch (err) {
    request.log.error({ err, requestId }, 'notifying the followers of a request failed');
  }
}
