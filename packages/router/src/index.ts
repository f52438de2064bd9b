/**
 * The federated GeoReport endpoint's logic: one API key for every endpoint of
 * the registry. Service codes are namespaced by the owning endpoint, requests
 * are stored first and delivered upstream by a job, searches fan out. The
 * server mounts it under /federated/open311/v2/.
 */
export { federatedName, parseFederatedName, type FederatedName } from './federated-ids.js';
export type { Federation, Point, UpstreamQuery, UpstreamReader, UpstreamServiceList } from './upstream.js';
export { FederatedReader, NO_LOCATION, type FederatedReaderOptions, type FederatedServices } from './federated-reader.js';
export { NO_SCOPE, type SearchAnswer, type SearchScope } from './federated-search.js';
export {
  MISSING_ENDPOINTS_HEADER, missingEndpointsHeader, parseMissingEndpoints, type MissingEndpoint,
} from './missing-endpoints.js';
export { MISSING_ENDPOINTS_FIELD, withMissingEndpointsField } from './missing-endpoints-field.js';
export { RemoteUpstreams, type RemoteUpstreamOptions } from './remote-upstream.js';
export { endpointClient, endpointFormat, endpointProfile, type EndpointClientOptions } from './endpoint-client.js';
export { acceptSubmission, type AcceptSources } from './accept.js';
export {
  CredentialBox, CredentialError, MAX_UPSTREAM_KEY_LENGTH, MIN_SECRET_LENGTH, NO_SECRET_MESSAGE, ROUTER_SECRET_ENV, checkUpstreamKey,
  type CredentialErrorKind,
} from './credentials.js';
export { Deliverer, type DeliveryOptions, type LocalDeliverer } from './delivery.js';
export type { DeliveryOutcome } from './delivery-outcome.js';
export { DESCRIPTION_ROOM, hasMarker, markerOf, withMarker } from './marker.js';
export { REFUSED_STATUS, tokenAnswer, upstreamRefused } from './token-answer.js';
export { DeadlineExceeded, withDeadline } from './deadline.js';
export { localeTag, readLocalised, type LocaleTag } from './locale.js';
