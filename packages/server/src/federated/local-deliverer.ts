/**
 * Delivery of a federated request to a local endpoint (a jurisdiction of this
 * very server): in process, through the same submission service as
 * POST /open311/v2/requests, under the API key the client posted with and
 * with the federated request's id as its Idempotency-Key, so an attempt
 * repeated after a crash files it once, and with the channel it came by. A refusal (unknown service, a
 * missing attribute) is the service's own 4xx, which fails the delivery.
 */
import type { FormFields } from '@o311/georeport';
import type { LocalDeliverer } from '@o311/router';
import type { FederatedRequest } from '@o311/store';
import { activeService } from '../services/catalog.js';
import type { ServiceContext } from '../services/context.js';
import { resolveJurisdiction } from '../services/jurisdictions.js';
import { resolveToken, submitRequestOnce } from '../services/requests.js';

/** The stored request as the form fields a client would have posted. */
export function formOf(r: FederatedRequest): FormFields {
  const form: FormFields = new Map();
  const put = (name: string, value: string | number | null): void => {
    if (value !== null) form.set(name, [String(value)]);
  };
  const { fields: f, contact: c } = r;
  put('service_code', r.service_code);
  put('lat', f.lat);
  put('long', f.long);
  put('address_string', f.address_string);
  put('address_id', f.address_id);
  put('zipcode', f.zipcode);
  put('description', f.description);
  put('media_url', f.media_url);
  put('email', c.email);
  put('first_name', c.first_name);
  put('last_name', c.last_name);
  put('phone', c.phone);
  put('device_id', c.device_id);
  put('account_id', r.account_id);
  for (const [code, value] of Object.entries(f.attributes)) form.set(`attribute[${code}]`, typeof value === 'string' ? [value] : [...value]);
  return form;
}

export function localDeliverer(ctx: ServiceContext): LocalDeliverer {
  return async (endpoint, r) => {
    const j = await resolveJurisdiction(ctx.store, endpoint.jurisdiction_id ?? undefined);
    const service = await activeService(ctx.store, j, r.service_code);
    const key = r.api_key_id === null ? undefined : (await ctx.store.listApiKeys()).find((k) => k.id === r.api_key_id);
    if (key === undefined) throw new Error('The API key the request was posted with is gone; it cannot be filed locally.');
    const { receipt } = await submitRequestOnce(ctx, j, key, service, formOf(r), [], { idempotencyKey: r.id, channel: r.channel });
    if (receipt.service_request_id) return receipt.service_request_id;
    if (receipt.token) return (await resolveToken(ctx, j, receipt.token)).service_request_id ?? null;
    return null;
  };
}
