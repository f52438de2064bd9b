/** GET /staff/audit?actor=&request=&before= — administrators only. */
import type { FastifyInstance } from 'fastify';
import { GLOBAL_SCOPE } from '@o311/store';
import type { WebContext } from '../../../context.js';
import { translatorFor } from '../../../request-locale.js';
import { currentStaff, staffGuard } from '../../guard.js';
import { sendStaffPage } from '../../page.js';
import { webJurisdiction } from '../../request/jurisdiction.js';
import { queryParam } from '../../route-params.js';
import { AUDIT_PAGE_SIZE, cutAuditPage } from './audit-page.js';
import { auditView, type AuditFilter } from './audit-view.js';

const hrefOf = (filter: AuditFilter, before?: number): string => {
  const q = new URLSearchParams();
  if (filter.actor !== '') q.set('actor', filter.actor);
  if (filter.request !== '') q.set('request', filter.request);
  if (before !== undefined) q.set('before', String(before));
  const s = q.toString();
  return s === '' ? '/staff/audit' : `/staff/audit?${s}`;
};

export async function registerAuditPages(app: FastifyInstance, web: WebContext): Promise<void> {
  const { store } = web.services;
  app.get('/staff/audit', { preHandler: staffGuard(web, 'admin') }, async (request, reply) => {
    const t = translatorFor(request, reply);
    const filter: AuditFilter = { actor: (queryParam(request, 'actor') ?? '').trim(), request: (queryParam(request, 'request') ?? '').trim() };
    const beforeText = queryParam(request, 'before') ?? '';
    const before = /^\d{1,15}$/.test(beforeText) ? Number(beforeText) : undefined;
    const jurisdiction = await webJurisdiction(web);
    // A scoped admin sees the entries of the jurisdiction served here only (not server-wide ones such as API keys).
    const scope = currentStaff(request).user.jurisdictions;
    const [users, fetched] = await Promise.all([
      store.listUsers(scope),
      store.listAudit({
        limit: AUDIT_PAGE_SIZE + 1,
        ...(scope !== GLOBAL_SCOPE ? { jurisdiction_id: jurisdiction.id } : {}),
        ...(filter.actor !== '' ? { actor: filter.actor } : {}),
        ...(filter.request !== '' ? { request_id: filter.request } : {}),
        ...(before !== undefined ? { before } : {}),
      }),
    ]);
    const page = cutAuditPage(fetched, AUDIT_PAGE_SIZE);
    const main = auditView(t, {
      jurisdiction, users, filter, entries: page.entries,
      newestHref: before !== undefined ? hrefOf(filter) : undefined,
      olderHref: page.olderBefore !== undefined ? hrefOf(filter, page.olderBefore) : undefined,
    });
    return sendStaffPage(request, reply, web, { title: t('staff.audit.title'), main });
  });
}
