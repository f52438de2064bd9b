/** POST Service Request: `/open311/v2/requests.{fmt}` (urlencoded, or multipart with media). */
import { Type } from 'typebox';
import {
  badRequest, encodeReceipts, field, IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_KEPT_HOURS, MAX_IDEMPOTENCY_KEY_LENGTH,
  parseIdempotencyKey, type FormFields,
} from '@o311/georeport';
import type { Jurisdiction } from '@o311/store';
import { acceptMedia } from '../http/form-body.js';
import { sendDocument } from '../http/reply.js';
import { spendingQuota } from '../services/api-keys.js';
import { activeService } from '../services/catalog.js';
import type { ServiceContext } from '../services/context.js';
import { submitRequestOnce } from '../services/requests.js';
import { CHANNEL_DOC, CHANNEL_HEADER, claimedChannel } from './channel-header.js';
import { readPostForm } from './post-form.js';
import { georeportRoute, type Contract } from './route.js';
import { FormatParams, GEOREPORT_TAG, ReceiptSchema, SubmissionBody, documents, errors } from './schemas.js';

/** Node reads header names in lower case. */
const KEY_HEADER = IDEMPOTENCY_KEY_HEADER.toLowerCase();
const KEY_DOC =
  `Extension (after the IETF httpapi Idempotency-Key draft): a key of 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII ` +
  'characters, as a quoted string (`"8e03978e-…"`) or bare; a random UUID is best. The same key and the same submission, ' +
  `sent again with the same api_key within ${IDEMPOTENCY_KEY_KEPT_HOURS} hours (also at the same time), file the request once ` +
  'and answer its receipt again (status 200); the same key with a different submission is a 422. Without the header, ' +
  'every POST files a request.';

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
      'each, 24 MiB together, 60 megapixels each; JPEG, PNG, WebP and GIF photos are stored without their metadata (EXIF, XMP, comments). ' +
      'Extension: an `Idempotency-Key` header makes resending safe (see the header parameter).',
    tags: [GEOREPORT_TAG],
    params: FormatParams,
    querystring: Type.Object({
      api_key: Type.Optional(Type.String({ description: 'May be sent here instead of in the form.' })),
    }),
    headers: Type.Object({
      [KEY_HEADER]: Type.Optional(Type.String({ description: KEY_DOC, examples: ['"8e03978e-40d5-43e8-bc93-6894a57f9324"'] })),
      [CHANNEL_HEADER.toLowerCase()]: Type.Optional(Type.String({ description: CHANNEL_DOC, examples: ['app'] })),
    }),
    consumes: ['application/x-www-form-urlencoded', 'multipart/form-data'],
    body: SubmissionBody,
    response: {
      200: documents(Type.Array(ReceiptSchema), 'The receipt (a list of one).', 'service_requests'),
      ...errors(400, 403, 404, 413, 415, 422, 429),
    },
  },
};

export function postRequestRoute(ctx: ServiceContext) {
  return georeportRoute(contract, async (request, reply) => {
    const idempotencyKey = parseIdempotencyKey(request.headers[KEY_HEADER]);
    // A service_code sent before the files is checked before they are read.
    const knownService = async (fields: FormFields, j: Jurisdiction): Promise<void> => {
      const code = field(fields, 'service_code');
      if (code !== undefined) await activeService(ctx.store, j, code);
    };
    const { format, fields, uploads, j, key, quota, discard } = await readPostForm(request, ctx, {}, knownService);
    const { receipt, replayed, requestId } = await spendingQuota(ctx, quota, async () => {
      try {
        const code = field(fields, 'service_code');
        if (code === undefined) throw badRequest('service_code is required.');
        const service = await activeService(ctx.store, j, code);
        const media = await acceptMedia(uploads, ctx.limits.maxMediaPixels);
        const channel = claimedChannel(request.headers[CHANNEL_HEADER.toLowerCase()], key);
        return await submitRequestOnce(ctx, j, key, service, fields, media, { idempotencyKey, channel });
      } finally {
        await discard();
      }
    });
    // A replay files nothing, so it costs no quota.
    if (replayed) await ctx.postLimits.giveBack(quota.bucket, quota.takenAt);
    // Only a reporter who left an e-mail can be told anything: the rest (most API posts) cost no extra read.
    else if (field(fields, 'email')?.trim()) await ctx.requestFiled?.(request, j, key, requestId);
    return sendDocument(reply, format, encodeReceipts([receipt], format));
  });
}
