/** Everything the staff request page shows about one request, read in parallel, service texts in the page's language. */
import { isOpen311Failure, type Attribute } from '@o311/georeport';
import { catalogServices } from '@o311/server';
import { hiddenMedia, type AuditEntry, type HiddenMedia, type Jurisdiction, type ModerationEntry, type RequestEvent, type ResponseTemplate, type ServiceRecord, type TriagedRequest } from '@o311/store';
import type { WebContext } from '../../context.js';
import { loadDirectory, type Directory } from '../inbox/directory.js';
import { webJurisdiction } from './jurisdiction.js';

export const AUDIT_LIMIT = 200;

export interface RequestPageData {
  directory: Directory;
  request: TriagedRequest;
  /** The request's service, if it still exists. */
  service: ServiceRecord | undefined;
  /** The service's questions, in order, translated where the service has a translation. */
  questions: Attribute[];
  /** Oldest first, internal notes included. */
  events: RequestEvent[];
  /** Newest first. */
  audit: AuditEntry[];
  templates: ResponseTemplate[];
  /** The moderation log, oldest first (its originals are shown to admins only), and what is hidden now. */
  moderation: { log: ModerationEntry[]; hidden: HiddenMedia[] };
}

/** The public definition (translated) of an active service; the stored one of an inactive service. */
async function questionsOf(web: WebContext, j: Jurisdiction, service: ServiceRecord | undefined, locale: string): Promise<Attribute[]> {
  if (!service) return [];
  if (!service.active) return [...service.attributes].sort((a, b) => a.order - b.order);
  try {
    return (await catalogServices.publicDefinition(web.services.store, j, service.service_code, locale)).attributes;
  } catch (e) {
    if (isOpen311Failure(e) && e.status === 404) return [];
    throw e;
  }
}

export async function loadRequestPage(web: WebContext, id: string, locale: string): Promise<RequestPageData | undefined> {
  const { store } = web.services;
  const jurisdiction = await webJurisdiction(web);
  const request = await store.getTriagedRequest(jurisdiction.id, id);
  if (!request) return undefined;
  const [directory, events, audit, templates, log] = await Promise.all([
    loadDirectory(web, jurisdiction, locale),
    store.listEvents(jurisdiction.id, id, { includeInternal: true }),
    store.listAudit({ request_id: id, jurisdiction_id: jurisdiction.id, limit: AUDIT_LIMIT }),
    store.listTemplates(jurisdiction.id),
    store.moderation.list(jurisdiction.id, id),
  ]);
  const service = directory.services.find((s) => s.service_code === request.service_code);
  const questions = await questionsOf(web, jurisdiction, service, locale);
  return { directory, request, service, questions, events, audit, templates, moderation: { log, hidden: hiddenMedia(log) } };
}
