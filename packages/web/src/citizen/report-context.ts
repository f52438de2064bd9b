/** What the report pages need about one service: the stored record and its public, localised faces. */
import type { Service, ServiceDefinition } from '@o311/georeport';
import { catalogServices } from '@o311/server';
import type { Jurisdiction, ServiceRecord } from '@o311/store';
import type { WebContext } from '../context.js';
import { webJurisdiction } from './jurisdiction.js';

export interface ReportContext {
  j: Jurisdiction;
  record: ServiceRecord;
  service: Service;
  definition: ServiceDefinition;
}

/** Throws the server's 404 failure when the service does not exist or is inactive. */
export async function loadReportContext(web: WebContext, code: string, locale: string): Promise<ReportContext> {
  const { store } = web.services;
  const j = await webJurisdiction(web);
  const record = await catalogServices.activeService(store, j, code);
  const [services, definition] = await Promise.all([
    catalogServices.listPublicServices(store, j, locale),
    catalogServices.publicDefinition(store, j, code, locale),
  ]);
  const service = services.find((s) => s.service_code === code);
  if (!service) throw new Error(`Service ${code} vanished while loading`);
  return { j, record, service, definition };
}
