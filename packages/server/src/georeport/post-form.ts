/**
 * How both GeoReport POSTs begin, in this order (so the same problem gets the
 * same error on either): the format extension, the form body, the
 * jurisdiction and the API key, each of the last two from the form or else the
 * query string. In a multipart body the key (and what the route checks before
 * files) is decided at the first file, before any file is read: a request
 * refused there costs no upload. The caller discards the uploads when done.
 */
import { tmpdir } from 'node:os';
import type { FastifyRequest } from 'fastify';
import { field, forbidden, type Format, type FormFields } from '@o311/georeport';
import type { ApiKey, Jurisdiction } from '@o311/store';
import { parseFormat } from '../http/format.js';
import { readFormBody, type FormBody } from '../http/form-body.js';
import { pathParam, queryValue, rawQuery } from '../http/reply.js';
import { authorizeKey, type KeyRequirement, type Quota } from '../services/api-keys.js';
import type { ServiceContext } from '../services/context.js';
import { resolveJurisdiction } from '../services/jurisdictions.js';

export interface PostForm extends FormBody {
  format: Format;
  j: Jurisdiction;
  key: ApiKey;
  /** Given back when the call fails (see spendingQuota). */
  quota: Quota;
}

/** What a route checks, besides the key, before a file is read (e.g. that the service exists). */
export type BeforeFiles = (fieldsSoFar: FormFields, j: Jurisdiction) => Promise<void>;

interface Authorized {
  j: Jurisdiction;
  key: ApiKey;
  quota: Quota;
}

const KEY_BEFORE_FILES =
  'api_key is required before the files: send the api_key field before any file part of the multipart body, or in the query string.';

export async function readPostForm(
  request: FastifyRequest,
  ctx: ServiceContext,
  requirement: KeyRequirement = {},
  beforeFiles?: BeforeFiles,
): Promise<PostForm> {
  const format = parseFormat(pathParam(request, 'format'));
  const q = rawQuery(request);
  const authorize = async (fields: FormFields, filesFollow: boolean): Promise<Authorized> => {
    const j = await resolveJurisdiction(ctx.store, field(fields, 'jurisdiction_id') ?? queryValue(q, 'jurisdiction_id'));
    const secret = field(fields, 'api_key') ?? queryValue(q, 'api_key');
    if (secret === undefined && filesFollow) throw forbidden(KEY_BEFORE_FILES);
    return { j, ...(await authorizeKey(ctx, secret, { jurisdiction: j, clientAddress: request.ip }, requirement)) };
  };

  let early: Authorized | undefined;
  let body: FormBody;
  try {
    body = await readFormBody(request, {
      limits: ctx.limits,
      uploadDir: ctx.uploadDir ?? tmpdir(),
      beforeFiles: async (fieldsSoFar) => {
        early = await authorize(fieldsSoFar, true);
        await beforeFiles?.(fieldsSoFar, early.j);
      },
    });
  } catch (e) {
    if (early) await ctx.postLimits.giveBack(early.quota.bucket, early.quota.takenAt);
    throw e;
  }
  try {
    const { j, key, quota } = early ?? (await authorize(body.fields, false));
    return { ...body, format, j, key, quota };
  } catch (e) {
    await body.discard();
    throw e;
  }
}
