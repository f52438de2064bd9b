/** Where a fault applies: small predicates over the route of an exchange. */
import type { GeoreportRoute, Resource } from '../georeport-route.js';

/** Resources whose answers carry service request objects. */
export const REQUEST_LISTS: readonly Resource[] = ['requests', 'request'];

export const isOneOf = (route: GeoreportRoute, resources: readonly Resource[]): boolean => resources.includes(route.resource);

export const isGeoreport = (route: GeoreportRoute): boolean => route.resource !== 'other';

export const isError = (status: number): boolean => status >= 400 && status < 500;
