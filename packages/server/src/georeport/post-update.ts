/** mySociety POST `/open311/v2/servicerequestupdates.{fmt}`: a status update from a trusted partner. */
import { Type } from 'typebox';
import { badRequest, encodeUpdates } from '@o311/georeport';
import { sendDocument } from '../http/reply.js';
import type { ServiceContext } from '../services/context.js';
import { postUpdate } from '../services/updates.js';
import { readPostForm } from './post-form.js';
import { georeportRoute, projectionContext, type Contract } from './route.js';
import { EXTENSIONS_TAG, FormatParams, UpdateBody, UpdateSchema, documents, errors } from './schemas.js';

export const contract: Contract = {
  method: 'POST',
  url: '/open311/v2/servicerequestupdates.:format',
  schema: {
    operationId: 'postServiceRequestUpdate',
    summary: 'POST a service request update (mySociety)',
    description: 'Changes the status of a request. Only for API keys marked trusted (others get 403).',
    tags: [EXTENSIONS_TAG],
    params: FormatParams,
    querystring: Type.Object({ api_key: Type.Optional(Type.String()) }),
    consumes: ['application/x-www-form-urlencoded', 'multipart/form-data'],
    body: UpdateBody,
    response: {
      200: documents(Type.Array(UpdateSchema), 'The update as recorded (a list of one).', 'service_request_updates'),
      ...errors(400, 403, 404, 413, 415, 429),
    },
  },
};

export function postUpdateRoute(ctx: ServiceContext) {
  return georeportRoute(contract, async (request, reply) => {
    // Updates carry media as links (media_url); files are accepted with new requests only, and refused unread.
    const { format, fields, j, key } = await readPostForm(request, ctx, { trusted: true }, async () => {
      throw badRequest('Send media with an update as media_url; file uploads are accepted with new requests only.');
    });
    const update = await postUpdate(ctx, j, key, fields, projectionContext(request, ctx, j));
    await ctx.publicChange?.(request, j.id, update.service_request_id);
    return sendDocument(reply, format, encodeUpdates([update], format));
  });
}
