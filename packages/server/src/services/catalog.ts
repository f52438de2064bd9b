/** GET services and GET service definition: the active services, localised. */
import { unknownService, type Service, type ServiceDefinition } from '@o311/georeport';
import type { Jurisdiction, ServiceRecord, Store } from '@o311/store';
import { pickTranslation, toPublicService, toServiceDefinition } from '../projection/service.js';

export async function listPublicServices(store: Store, j: Jurisdiction, locale: string | undefined): Promise<Service[]> {
  const records = await store.listServices(j.id);
  return records.filter((s) => s.active).map((s) => toPublicService(s, pickTranslation(s.translations, locale)));
}

/** An active service of the jurisdiction, else 404 `unknownService`. */
export async function activeService(store: Store, j: Jurisdiction, code: string): Promise<ServiceRecord> {
  const s = await store.getService(j.id, code);
  if (!s || !s.active) throw unknownService(code);
  return s;
}

export async function publicDefinition(
  store: Store,
  j: Jurisdiction,
  code: string,
  locale: string | undefined,
): Promise<ServiceDefinition> {
  const s = await activeService(store, j, code);
  return toServiceDefinition(s, pickTranslation(s.translations, locale));
}
