/** A service's name in the reporter's language, for receipts and updates (the code when the service is gone). */
import type { Store } from '@o311/store';
import type { SmsLocale } from './texts.js';

export async function serviceName(store: Store, jurisdiction_id: string, code: string, locale: SmsLocale): Promise<string> {
  const s = await store.getService(jurisdiction_id, code);
  return s?.translations[locale]?.service_name ?? s?.service_name ?? code;
}
