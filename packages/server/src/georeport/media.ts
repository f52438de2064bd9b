/** Uploaded media: `/open311/v2/media/{id}`, the target of media_url and media_urls (a photo hidden by moderation is gone: 404). */
import { Type } from 'typebox';
import { notFound } from '@o311/georeport';
import { pathParam } from '../http/reply.js';
import { MEDIA_TYPES } from '../http/media-type.js';
import type { ServiceContext } from '../services/context.js';
import { georeportRoute, type Contract } from './route.js';
import { ErrorList, GEOREPORT_TAG, documents } from './schemas.js';

export const contract: Contract = {
  method: 'GET',
  url: '/open311/v2/media/:id',
  schema: {
    operationId: 'getMedia',
    summary: 'Uploaded media file',
    description: 'A photo uploaded with a request. Cached for five minutes (then revalidated by ETag): a photo hidden by moderation answers 404.',
    tags: [GEOREPORT_TAG],
    params: Type.Object({ id: Type.String() }),
    response: {
      200: {
        description: 'The file, with its image content type.',
        content: Object.fromEntries(MEDIA_TYPES.map((t) => [t, { schema: Type.String({ format: 'binary' }) }])),
      },
      404: documents(ErrorList, 'No such media.', 'errors'),
    },
  },
};

export function mediaRoute(ctx: ServiceContext) {
  return georeportRoute(contract, async (request, reply) => {
    const id = pathParam(request, 'id');
    const media = id === '' ? undefined : await ctx.store.getMedia(id);
    if (!media) throw notFound(`Media '${id}' does not exist.`);
    const etag = `"m-${media.id}"`;
    // Not immutable: moderation may hide a photo, and caches must let it go soon.
    reply
      .header('cache-control', 'public, max-age=300')
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('content-disposition', 'inline');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.header('content-type', media.content_type).send(media.bytes);
  });
}
