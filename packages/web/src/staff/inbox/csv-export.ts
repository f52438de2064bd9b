/**
 * GET /staff/requests.csv?<inbox query>: every request of the current filter,
 * in the current sort, streamed page by page and capped at {@link CSV_MAX_ROWS}
 * (the `X-O311-Export-Truncated` header says so; the inbox warns beforehand).
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Store } from '@o311/store';
import type { WebContext } from '../../context.js';
import { audit } from '../audit-trail.js';
import { currentStaff, staffGuard } from '../guard.js';
import { toLocalDate } from '../request/local-time.js';
import { webJurisdiction } from '../request/jurisdiction.js';
import { CSV_COLUMNS } from './csv-columns.js';
import { csvRow } from './csv.js';
import { loadDirectory, type Directory } from './directory.js';
import { sortOf, toInboxWhere, type InboxWhere } from './filter.js';
import { filterSearch, queryOfUrl, type InboxQuery } from './query.js';

export const CSV_MAX_ROWS = 50_000;
const BATCH = 500;

async function* csvChunks(store: Store, where: InboxWhere | undefined, q: InboxQuery, d: Directory): AsyncGenerator<string> {
  yield csvRow(CSV_COLUMNS.map((c) => c.header));
  if (where === undefined) return;
  for (let offset = 0; offset < CSV_MAX_ROWS; offset += BATCH) {
    const limit = Math.min(BATCH, CSV_MAX_ROWS - offset);
    const rows = await store.listInbox({ ...where, sort: sortOf(q), limit, offset });
    if (rows.length > 0) yield rows.map((r) => csvRow(CSV_COLUMNS.map((c) => c.value(r, d)))).join('');
    if (rows.length < limit) return;
  }
}

export function registerCsvExport(app: FastifyInstance, web: WebContext): void {
  app.get('/staff/requests.csv', { preHandler: staffGuard(web, 'read') }, async (request, reply) => {
    const { store } = web.services;
    const q = queryOfUrl(request.url);
    const d = await loadDirectory(web, await webJurisdiction(web));
    const where = toInboxWhere(q, d);
    const total = where === undefined ? 0 : await store.countInbox(where);
    await audit(web, {
      actor: currentStaff(request).user.id, action: 'request.export', jurisdiction_id: d.jurisdiction.id,
      details: { query: filterSearch(q), rows: Math.min(total, CSV_MAX_ROWS), total },
    });
    const day = toLocalDate(web.services.now(), d.jurisdiction.timezone);
    reply
      .header('content-type', 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="requests-${day}.csv"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff');
    if (total > CSV_MAX_ROWS) reply.header('x-o311-export-truncated', `${CSV_MAX_ROWS} of ${total}`);
    return reply.send(Readable.from(csvChunks(store, where, q, d)));
  });
}
