/** The API key requests filed by mail are made with (shared by every process, like the web app's). */
import { sharedPublicKey, type ApiKey, type Store } from '@o311/store';

const SETTING = 'email_intake.api_key';

export async function intakeKey(store: Store): Promise<ApiKey> {
  // Public and untrusted like the web app's: the intake applies its own per-sender limits.
  const secret = await sharedPublicKey(store, SETTING, { name: 'o311 e-mail intake', rate_limit_per_minute: 600, trusted: false, public: true });
  const key = await store.findApiKey(secret);
  if (!key) throw new Error('The e-mail intake API key vanished.');
  return key;
}
