/** A stored federated request as the upstream is sent it (client SDK Submission). */
import type { QuirkProfile, Submission } from '@o311/client';
import type { FederatedRequest } from '@o311/store';
import { withMarker } from './marker.js';

/**
 * An upstream that honours Idempotency-Key dedupes by itself, so its
 * requests need no marker; the o311 servers that do (profile `o311`) also
 * take `account_id`, the citizen's o311 account. Others get neither.
 */
export const dedupesByKey = (profile: QuirkProfile | undefined): boolean => profile?.idempotencyKeys === true;

const present = <K extends string, V>(name: K, value: V | null): { [P in K]?: V } =>
  (value === null ? {} : { [name]: value }) as { [P in K]?: V };

export function submissionOf(r: FederatedRequest, profile: QuirkProfile | undefined): Submission {
  const native = dedupesByKey(profile);
  const f = r.fields;
  const c = r.contact;
  return {
    service_code: r.service_code,
    ...present('lat', f.lat),
    ...present('long', f.long),
    ...present('address_string', f.address_string),
    ...present('address_id', f.address_id),
    ...(Object.keys(f.attributes).length > 0 && { attributes: f.attributes }),
    ...present('email', c.email),
    ...present('device_id', c.device_id),
    ...present('first_name', c.first_name),
    ...present('last_name', c.last_name),
    ...present('phone', c.phone),
    ...(native ? present('account_id', r.account_id) : {}),
    ...(native ? present('description', f.description) : { description: withMarker(f.description, r.id) }),
    ...present('media_url', f.media_url),
  };
}
