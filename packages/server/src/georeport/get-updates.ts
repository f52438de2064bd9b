/** mySociety GET `/open311/v2/servicerequestupdates.{fmt}`: public history entries in a time range. */
import { Type } from 'typebox';
import { encodeUpdates, parseUpdatesQuery } from '@o311/georeport';
import { parseFormat } from '../http/format.js';
import { pathParam, queryValue, rawQuery, sendDocument } from '../http/reply.js';
import type { ServiceContext } from '../services/context.js';
import { resolveJurisdiction } from '../services/jurisdictions.js';
import { listUpdates } from '../services/updates.js';
import { dateWindowHeader, dateWindowHeaderDoc } from './date-window.js';
import { georeportRoute, projectionContext, type Contract } from './route.js';
import { EXTENSIONS_TAG, FormatParams, JURISDICTION_ID, UpdateSchema, dateTime, documents, errors } from './schemas.js';

export const contract: Contract = {
  method: 'GET',
  url: '/open311/v2/servicerequestupdates.:format',
  schema: {
    operationId: 'getServiceRequestUpdates',
    summary: 'GET service request updates (mySociety)',
    description:
      'Status changes and public comments in a time range: both dates or neither (the last 2 hours). Dates are ' +
      'compared to the second, as they are published; of a range over 90 days, the most recent 90 days are answered ' +
      '(named in `X-Open311-Window`).',
    tags: [EXTENSIONS_TAG],
    params: FormatParams,
    querystring: Type.Object({
      jurisdiction_id: JURISDICTION_ID,
      start_date: Type.Optional(dateTime()),
      end_date: Type.Optional(dateTime()),
      api_key: Type.Optional(Type.String({ description: 'Accepted and ignored (FixMyStreet sends it).' })),
    }),
    response: {
      200: {
        ...documents(Type.Array(UpdateSchema), 'The updates, oldest first.', 'service_request_updates'),
        headers: dateWindowHeaderDoc('updated_datetime'),
      },
      ...errors(400, 404),
    },
  },
};

export function getUpdatesRoute(ctx: ServiceContext) {
  return georeportRoute(contract, async (request, reply) => {
    const format = parseFormat(pathParam(request, 'format'));
    const q = rawQuery(request);
    const j = await resolveJurisdiction(ctx.store, queryValue(q, 'jurisdiction_id'));
    const range = parseUpdatesQuery(q, ctx.now());
    const updates = await listUpdates(ctx, j, range, projectionContext(request, ctx, j));
    return sendDocument(reply.headers(dateWindowHeader(range, j.timezone)), format, encodeUpdates(updates, format));
  });
}
