/**
 * After every public change of a request, whether made in the back office or
 * through the APIs: a `followers.notify` job for the request's latest public
 * event, when it has confirmed followers. Only the enqueue happens in the
 * request; a failure is logged and never undoes or fails the change.
 */
import type { FastifyRequest } from 'fastify';
import { queueFollowerNotice } from '@o311/server';
import type { WebContext } from '../context.js';

export async function notifySafely(web: WebContext, request: FastifyRequest, jurisdictionId: string, requestId: string): Promise<void> {
  try {
    await queueFollowerNotice(web.services, jurisdictionId, requestId);
  } catch (err) {
    request.log.error({ err, requestId }, 'enqueuing the notice to the followers of a request failed');
  }
}
