/** POST /staff/filters (save the current filter under a name) and POST /staff/filters/:id/delete; per user. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebContext } from '../../context.js';
import { translatorFor } from '../../request-locale.js';
import { sendStaffRefusal } from '../error-page.js';
import { formText } from '../../form.js';
import { currentStaff, staffGuard } from '../guard.js';
import { withDone } from '../forms/done.js';
import { parseInboxQuery, savedSearch } from './query.js';
import { sendInboxPage } from './page.js';
import { SAVED_FILTER_NAME_FIELD } from './saved-filters.js';

const MAX_NAME = 100;

const idParam = (request: FastifyRequest): string => (request.params as { id?: string }).id ?? '';

export function registerSavedFilterRoutes(app: FastifyInstance, web: WebContext): void {
  app.post('/staff/filters', { preHandler: staffGuard(web, 'read') }, async (request, reply) => {
    const t = translatorFor(request, reply);
    const q = parseInboxQuery(new URLSearchParams(formText(request, 'query')));
    const name = formText(request, 'name');
    if (name === '' || name.length > MAX_NAME) {
      const message = t(name === '' ? 'inbox.saved.nameMissing' : 'inbox.saved.nameTooLong', { max: MAX_NAME });
      return sendInboxPage(request, reply, web, q, { status: 400, errors: [{ field: SAVED_FILTER_NAME_FIELD, message }] });
    }
    const query = savedSearch(q);
    await web.services.store.saveFilter({ user_id: currentStaff(request).user.id, name, query });
    return reply.redirect(withDone(`/staff?${query}`, 'filter-saved'), 303);
  });

  app.post('/staff/filters/:id/delete', { preHandler: staffGuard(web, 'read') }, async (request, reply) => {
    const deleted = await web.services.store.deleteSavedFilter(currentStaff(request).user.id, idParam(request));
    if (!deleted) return sendStaffRefusal(request, reply, web, 'not-found');
    return reply.redirect(withDone('/staff', 'filter-deleted'), 303);
  });
}
