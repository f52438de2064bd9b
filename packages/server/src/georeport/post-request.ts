/** POST Service Request: `/open311/v2/requests.{fmt}` (urlencoded, or multipart with media). */
import { Type } from 'typebox';
import { badRequest, encodeReceipts, field, type FormFields } from '@o311/georeport';
import type { Jurisdiction } from '@o311/store';
import { acceptMedia } from '../http/form-body.js';
import { sendDocument } from '../http/reply.js';
import { spendingQuota } from '../services/api-keys.js';
import { activeService } from '../services/catalog.js';
import type { ServiceContext } from '../services/context.js';
import { submitRequest } from '../services/requests.js';
import { readPostForm } from './post-form.js';
import { georeportRoute, type Contract } from './route.js';
import { FormatParams, GEOREPORT_TAG, ReceiptSchema, SubmissionBody, documents, errors } from './schemas.js';

export const contract: Contract = {
  method: 'POST',
  url: '/open311/v2/requests.:format',
  schema: {
    operationId: 'postServiceRequest',
    summary: 'POST Service Request',
    description:
      'Submit a request. Needs an api_key (form or query string), the service_code, a location ' +
      '(lat+long, address_string or address_id) and the required attributes. The receipt holds ' +
      '`service_request_id` (realtime services), `token` (batch) or neither (blackbox). ' +
      'Media files may be uploaded with multipart/form-data: send `api_key` (and `service_code`) before the files ' +
      '(or the key in the query string), as they are checked before a file is read; by default at most 3 files, 10 MiB ' +
      'each, 24 MiB together, 60 megapixels each; JPEG, PNG, WebP and GIF photos are stored without their metadata (EXIF, XMP, comments).',
    tags: [GEOREPORT_TAG],
    params: FormatParams,
    querystring: Type.Object({
      api_key: Type.Optional(Type.String({ description: 'May be sent here instead of in the form.' })),
    }),
    consumes: ['application/x-www-form-urlencoded', 'multipart/form-data'],
    body: SubmissionBody,
    response: {
      200: documents(Type.Array(ReceiptSchema), 'The receipt (a list of one).', 'service_requests'),
      ...errors(400, 403, 404, 413, 415, 429),
    },
  },
};

export function postRequestRoute(ctx: ServiceContext) {
  return georeportRoute(contract, async (request, reply) => {
    // A service_code sent before the files is checked before they are read.
    const knownService = async (fields: FormFields, j: Jurisdiction): Promise<void> => {
      const code = field(fields, 'service_code');
      if (code !== undefined) await activeService(ctx.store, j, code);
    };
    const { format, fields, uploads, j, key, quota, discard } = await readPostForm(request, ctx, {}, knownService);
    const receipt = await spendingQuota(ctx, quota, async () => {
      try {
        const code = field(fields, 'service_code');
        if (code === undefined) throw badRequest('service_code is required.');
        const service = await activeService(ctx.store, j, code);
        return await submitRequest(ctx, j, key, service, fields, await acceptMedia(uploads, ctx.limits.maxMediaPixels));
      } finally {
        await discard();
      }
    });
    return sendDocument(reply, format, encodeReceipts([receipt], format));
  });
}
