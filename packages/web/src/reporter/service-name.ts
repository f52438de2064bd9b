/** A request's service as the reader's language names it (the stored name when the service is gone or inactive). */
import { catalogServices } from '@o311/server';
import type { Jurisdiction, StoredRequest } from '@o311/store';
import type { WebContext } from '../context.js';

export async function serviceNameOf(web: WebContext, j: Jurisdiction, r: Pick<StoredRequest, 'service_code' | 'service_name'>, locale: string): Promise<string> {
  const services = await catalogServices.listPublicServices(web.services.store, j, locale);
  return services.find((s) => s.service_code === r.service_code)?.service_name ?? r.service_name;
}
