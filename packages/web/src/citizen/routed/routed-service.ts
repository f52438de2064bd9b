/**
 * Another endpoint's service as its report pages need it: the endpoint, the
 * service of its list and its definition, read through the federated
 * endpoint in process (the definition cached there), in the page's language
 * where the endpoint translates them. Unknown: the 404 failure; unreadable:
 * the 502 one (unavailable-page.ts).
 */
import { unknownService, upstreamFailed, type Service, type ServiceDefinition } from '@o311/georeport';
import { localeTag, routerServices, parseFederatedName } from '@o311/server';
import type { Endpoint } from '@o311/store';
import type { WebContext } from '../../context.js';

export interface RoutedService {
  /** `slug:CODE`. */
  name: string;
  endpoint: Endpoint;
  /** With the namespaced code. */
  service: Service;
  definition: ServiceDefinition;
}

/** The endpoint owning a federated name (a service code or request id); the 404 failure of `unknown` otherwise. */
export async function ownerOf(web: WebContext, name: string, unknown: (name: string) => Error): Promise<Endpoint> {
  const parsed = parseFederatedName(name);
  const endpoint = parsed === undefined ? undefined : await routerServices(web.services).federation.endpoint(parsed.slug);
  if (endpoint === undefined) throw unknown(name);
  return endpoint;
}

/**
 * The service `slug:CODE` of its endpoint's list in `locale`; undefined when the list has no such
 * service; the 502 failure when the list cannot be had.
 */
export async function listedService(web: WebContext, endpoint: Endpoint, name: string, locale: string): Promise<Service | undefined> {
  const list = await routerServices(web.services).federation.serviceList(endpoint, localeTag(locale));
  if (list.services === undefined) throw upstreamFailed(endpoint.slug, list.error ?? 'no service list');
  const local = parseFederatedName(name)?.local;
  const found = list.services.find((s) => s.service_code === local);
  return found === undefined ? undefined : { ...found, service_code: name };
}

export async function loadRoutedService(web: WebContext, name: string, locale: string): Promise<RoutedService> {
  const endpoint = await ownerOf(web, name, unknownService);
  const service = await listedService(web, endpoint, name, locale);
  if (service === undefined) throw unknownService(name);
  const definition = service.metadata
    ? await routerServices(web.services).reader.serviceDefinition(name, locale)
    : { service_code: name, attributes: [] };
  return { name, endpoint, service, definition };
}
