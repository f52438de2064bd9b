/**
 * POST Service Request on the federated endpoint: with an API key of THIS
 * server (checked, and its quota spent, as on /open311/v2), a namespaced
 * service_code and the usual fields. The request is checked as far as it can
 * be here (@o311/router accept.ts), stored, and a job delivers it upstream;
 * the answer comes at once, with a token (tokens/{token} gives the federated
 * id once delivered), as a batch service answers.
 */
import { tmpdir } from 'node:os';
import { Type } from 'typebox';
import { encodeReceipts, field, unsupportedMediaType } from '@o311/georeport';
import { DESCRIPTION_ROOM } from '@o311/router';
import { parseFormat } from '../http/format.js';
import { readFormBody } from '../http/form-body.js';
import { pathParam, queryValue, rawQuery, sendDocument } from '../http/reply.js';
import { authorizeKey, spendingQuota } from '../services/api-keys.js';
import { georeportRoute, type Contract } from '../georeport/route.js';
import { FormatParams, ReceiptSchema, SubmissionBody, documents, errors } from '../georeport/schemas.js';
import { routerServices } from './router-services.js';
import { FEDERATED_BASE, FEDERATED_TAG, type FederatedApi } from './route.js';

const NO_FILES =
  'The federated endpoint does not take media files (yet): send the photo as a media_url, or post it to the endpoint that owns the service.';

export const contract: Contract = {
  method: 'POST',
  url: `${FEDERATED_BASE}/requests.:format`,
  schema: {
    operationId: 'postFederatedServiceRequest',
    summary: 'POST Service Request (federated)',
    description:
      'Submit a request to any endpoint of the registry with ONE api_key (a key of this server). `service_code` is a ' +
      'namespaced code of the federated service list (`slug:CODE`). The request is checked here (location, lengths, ' +
      'and the upstream\'s required attributes when its definition can be read), stored, and delivered to the upstream ' +
      'in the background with its own credentials. The receipt holds a `token`: GET tokens/{token} answers the ' +
      'federated `service_request_id` (`slug:id`) once delivered, the token alone before, and an error (HTTP 422) ' +
      `carrying the upstream's description if the upstream refused it. Descriptions are limited to ${DESCRIPTION_ROOM} ` +
      'characters (the rest is kept for a reference line added for upstreams without Idempotency-Key support). ' +
      'Media files are refused with 415: send a media_url.',
    tags: [FEDERATED_TAG],
    params: FormatParams,
    querystring: Type.Object({
      api_key: Type.Optional(Type.String({ description: 'May be sent here instead of in the form.' })),
    }),
    consumes: ['application/x-www-form-urlencoded'],
    body: { content: { 'application/x-www-form-urlencoded': SubmissionBody.content['application/x-www-form-urlencoded'] } },
    response: {
      200: documents(Type.Array(ReceiptSchema), 'The receipt (a list of one) with its token.', 'service_requests'),
      ...errors(400, 403, 404, 413, 415, 429),
    },
  },
};

export function federatedPostRequestRoute(api: FederatedApi) {
  const { ctx } = api;
  const federated = routerServices(ctx);
  return georeportRoute(contract, async (request, reply) => {
    const format = parseFormat(pathParam(request, 'format'));
    const body = await readFormBody(request, {
      limits: ctx.limits,
      uploadDir: ctx.uploadDir ?? tmpdir(),
      beforeFiles: async () => {
        throw unsupportedMediaType(NO_FILES);
      },
    });
    const secret = field(body.fields, 'api_key') ?? queryValue(rawQuery(request), 'api_key');
    const { key, quota } = await authorizeKey(ctx, secret, { jurisdiction: undefined, clientAddress: request.ip });
    const stored = await spendingQuota(ctx, quota, () => federated.submit(body.fields, key.id));
    return sendDocument(reply, format, encodeReceipts([{ token: stored.token, service_notice: null, account_id: null }], format));
  });
}
