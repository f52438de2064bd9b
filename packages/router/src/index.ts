/**
 * The federated GeoReport endpoint's logic: one API key for every endpoint of
 * the registry. Service codes are namespaced by the owning endpoint, requests
 * are stored first and delivered upstream by a job, searches fan out. The
 * server mounts it under /federated/open311/v2/.
 */
export { federatedName, parseFederatedName, type FederatedName } from './federated-ids.js';
