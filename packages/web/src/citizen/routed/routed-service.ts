/**
 * Another endpoint's service as its report pages need it: the endpoint, the
 * service of its list and its definition, read through the federated
 * endpoint in process (the definition cached there). Unknown: the 404
 * failure; unreadable: the 502 one (unavailable-page.ts).
 */
import { unknownService, upstreamFailed, type Service, type ServiceDefinition } from '@o311/georeport';
import { routerServices, parseFederatedName } from '@o311/server';
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

export async function loadRoutedService(web: WebContext, name: string): Promise<RoutedService> {
  const { federation, reader } = routerServices(web.services);
  const endpoint = await ownerOf(web, name, unknownService);
  const local = parseFederatedName(name)!.local;
  const list = await federation.serviceList(endpoint);
  if (list.services === undefined) throw upstreamFailed(endpoint.slug, list.error ?? 'no service list');
  const found = list.services.find((s) => s.service_code === local);
  if (found === undefined) throw unknownService(name);
  const definition = found.metadata ? await reader.serviceDefinition(name) : { service_code: name, attributes: [] };
  return { name, endpoint, service: { ...found, service_code: name }, definition };
}
