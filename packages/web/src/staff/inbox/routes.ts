/** The inbox: GET /staff, its CSV export and the saved filters. */
import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../../context.js';
import type { MessageKey } from '../../i18n/translate.js';
import { translatorFor } from '../../request-locale.js';
import { staffGuard } from '../guard.js';
import { doneNotice } from '../forms/done.js';
import { registerCsvExport } from './csv-export.js';
import { sendInboxPage } from './page.js';
import { queryOfUrl } from './query.js';
import { registerSavedFilterRoutes } from './saved-filter-routes.js';

const NOTICES: Record<string, MessageKey> = {
  'filter-saved': 'inbox.saved.done',
  'filter-deleted': 'inbox.saved.deleted',
};

export function registerInboxPages(app: FastifyInstance, web: WebContext): void {
  app.get('/staff', { preHandler: staffGuard(web, 'read') }, async (request, reply) =>
    sendInboxPage(request, reply, web, queryOfUrl(request.url), {
      notice: doneNotice(translatorFor(request, reply), request.url, NOTICES),
    }));
  registerCsvExport(app, web);
  registerSavedFilterRoutes(app, web);
}
