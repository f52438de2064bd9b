/**
 * The service of mail no service matched: inactive (so no form or API client
 * offers it), it holds the city's unclassified mail for staff to triage from
 * the inbox (filter by this service). Made on first use.
 */
import { newService, type Jurisdiction, type ServiceRecord, type Store } from '@o311/store';

export const TRIAGE_SERVICE_CODE = 'EMAIL_UNCLASSIFIED';

export async function triageService(store: Store, j: Jurisdiction): Promise<ServiceRecord> {
  const existing = await store.getService(j.id, TRIAGE_SERVICE_CODE);
  if (existing) return existing;
  return store.saveService(
    newService({
      jurisdiction_id: j.id,
      service_code: TRIAGE_SERVICE_CODE,
      service_name: 'Unclassified (e-mail)',
      description: 'Reports sent by e-mail that matched no service, for staff to triage.',
      active: false,
      translations: {
        es: { service_name: 'Sin clasificar (correo)' },
        fr: { service_name: 'Non classé (courriel)' },
      },
    }),
  );
}
