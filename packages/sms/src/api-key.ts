/**
 * The API key SMS reports are filed with: one shared by every process (the
 * store's sharedPublicKey), so that the idempotency claim of a conversation's
 * report is the same key's whichever process answers the retry.
 */
import { sharedPublicKey, type ApiKey, type Store } from '@o311/store';

export const SMS_API_KEY_NAME = 'o311 SMS channel';
const SMS_API_KEY_SETTING = 'sms.api_key';

export async function smsApiKey(store: Store): Promise<ApiKey> {
  const secret = await sharedPublicKey(store, SMS_API_KEY_SETTING, {
    name: SMS_API_KEY_NAME, rate_limit_per_minute: 60, trusted: false, public: true,
  });
  const key = await store.findApiKey(secret);
  if (!key) throw new Error('the SMS channel key vanished as it was made');
  return key;
}
