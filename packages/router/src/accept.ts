/**
 * POST requests on the federated endpoint, before anything is stored: the
 * namespaced service_code must name a service of a registry endpoint that is
 * not retired, and the submission is checked as far as it can be here (the
 * location, inside the endpoint's boundary when it has one, the lengths, and the upstream's required attributes when its
 * definition can be read). When the upstream cannot be asked, the request is
 * accepted as sent and the upstream judges it at delivery.
 */
import {
  MAX_ATTRIBUTE_LENGTH, attributeFields, badRequest, field, isOpen311Failure, unknownService, validateSubmission,
  type Attribute, type FormFields, type ServiceDefinition,
} from '@o311/georeport';
import type { Endpoint, NewFederatedRequest } from '@o311/store';
import { parseFederatedName } from './federated-ids.js';
import { DESCRIPTION_ROOM } from './marker.js';
import type { Point, UpstreamServiceList } from './upstream.js';

/** Where acceptance looks things up (the server's Federation and the read side's definition cache). */
export interface AcceptSources {
  /** The endpoint of this slug; undefined when unknown or retired. */
  endpoint(slug: string): Promise<Endpoint | undefined>;
  /** Never rejects. */
  serviceList(endpoint: Endpoint): Promise<UpstreamServiceList>;
  /** The definition of a namespaced code; rejects with a 404 Open311Failure when the upstream has none, otherwise when it cannot be read. */
  definition(name: string): Promise<ServiceDefinition>;
  /** Whether the endpoint serves the point (true for an endpoint without a boundary: nothing to check against). */
  covers(endpoint: Endpoint, point: Point): Promise<boolean>;
}

/** Attribute codes kept unchecked when the upstream's definition cannot be read. */
const MAX_UNCHECKED_ATTRIBUTES = 100;

/** What the definition says, undefined when it cannot be had; the 404 of an unknown service is passed on. */
async function attributesOf(sources: AcceptSources, name: string): Promise<readonly Attribute[] | undefined> {
  try {
    return (await sources.definition(name)).attributes;
  } catch (err) {
    if (isOpen311Failure(err) && err.status === 404) throw unknownService(name);
    return undefined;
  }
}

/** Answers as sent, bounded: the upstream checks them. */
function uncheckedAttributes(fields: FormFields): Record<string, string | string[]> {
  const problems: string[] = [];
  const sent = [...attributeFields(fields)];
  if (sent.length > MAX_UNCHECKED_ATTRIBUTES) problems.push(`at most ${MAX_UNCHECKED_ATTRIBUTES} attributes may be sent`);
  for (const [code, values] of sent) {
    if (code.length > 255 || values.some((v) => v.length > MAX_ATTRIBUTE_LENGTH)) {
      problems.push(`attribute ${code.slice(0, 40)} must be at most ${MAX_ATTRIBUTE_LENGTH} characters`);
    }
  }
  if (problems.length > 0) throw badRequest(...problems);
  return Object.fromEntries(sent.map(([code, values]) => [code, values.length === 1 ? values[0]! : values]));
}

/** The request to store, or an Open311Failure (400 naming every problem, 404 for an unknown service). */
export async function acceptSubmission(
  sources: AcceptSources,
  fields: FormFields,
  apiKeyId: string | null,
): Promise<NewFederatedRequest> {
  const name = field(fields, 'service_code')?.trim();
  if (name === undefined || name === '') throw badRequest('service_code is required: a code of the federated service list, e.g. polk-county:ROADKILL.');
  const parsed = parseFederatedName(name);
  const endpoint = parsed === undefined ? undefined : await sources.endpoint(parsed.slug);
  if (parsed === undefined || endpoint === undefined) throw unknownService(name);

  const list = await sources.serviceList(endpoint);
  const service = list.services?.find((s) => s.service_code === parsed.local);
  if (list.services !== undefined && service === undefined) throw unknownService(name);
  // Without a list the upstream cannot be asked now; a service without metadata has no attributes.
  const attributes = service?.metadata === true ? await attributesOf(sources, name) : service === undefined ? undefined : [];

  const sub = validateSubmission(fields, attributes ?? []);
  if (sub.description !== null && sub.description.length > DESCRIPTION_ROOM) {
    throw badRequest(`description must be at most ${DESCRIPTION_ROOM} characters on the federated endpoint`);
  }
  if (sub.lat !== null && sub.long !== null && !(await sources.covers(endpoint, { lat: sub.lat, long: sub.long }))) {
    throw badRequest(
      `${endpoint.name} (${endpoint.slug}) does not serve the point ${sub.lat},${sub.long}: ` +
        `services.json?lat=${sub.lat}&long=${sub.long} lists the services of the endpoints that do.`,
    );
  }
  return {
    endpoint_slug: endpoint.slug,
    service_code: parsed.local,
    fields: {
      lat: sub.lat,
      long: sub.long,
      address_string: sub.address_string,
      address_id: sub.address_id,
      zipcode: sub.zipcode,
      description: sub.description,
      media_url: sub.media_url,
      attributes: attributes === undefined ? uncheckedAttributes(fields) : sub.attributes,
    },
    contact: { email: sub.email, first_name: sub.first_name, last_name: sub.last_name, phone: sub.phone, device_id: sub.device_id },
    account_id: sub.account_id,
    api_key_id: apiKeyId,
  };
}
