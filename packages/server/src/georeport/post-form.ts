/**
 * How both GeoReport POSTs begin, in this order (so the same problem gets the
 * same error on either): the format extension, the form body, the
 * jurisdiction and the API key, each of the last two from the form or else the
 * query string.
 */
import type { FastifyRequest } from 'fastify';
import { field, type Format, type FormFields } from '@o311/georeport';
import type { ApiKey, Jurisdiction } from '@o311/store';
import { parseFormat } from '../http/format.js';
import { readFormBody, type Upload } from '../http/form-body.js';
import { pathParam, queryValue, rawQuery } from '../http/reply.js';
import { authorizeKey, type KeyRequirement, type Quota } from '../services/api-keys.js';
import type { ServiceContext } from '../services/context.js';
import { resolveJurisdiction } from '../services/jurisdictions.js';

export interface PostForm {
  format: Format;
  fields: FormFields;
  uploads: Upload[];
  j: Jurisdiction;
  key: ApiKey;
  /** Given back when the call fails (see spendingQuota). */
  quota: Quota;
}

export async function readPostForm(
  request: FastifyRequest,
  ctx: ServiceContext,
  requirement: KeyRequirement = {},
): Promise<PostForm> {
  const format = parseFormat(pathParam(request, 'format'));
  const { fields, uploads } = await readFormBody(request, ctx.limits);
  const q = rawQuery(request);
  const j = await resolveJurisdiction(ctx.store, field(fields, 'jurisdiction_id') ?? queryValue(q, 'jurisdiction_id'));
  const secret = field(fields, 'api_key') ?? queryValue(q, 'api_key');
  const { key, quota } = await authorizeKey(ctx, secret, { jurisdiction: j, clientAddress: request.ip }, requirement);
  return { format, fields, uploads, j, key, quota };
}
