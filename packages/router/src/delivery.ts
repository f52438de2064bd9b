/**
 * One delivery attempt of a federated request to its upstream (the
 * `router.deliver` job runs it; the server decides when to try again).
 *
 * - Local endpoints (a jurisdiction of this very server) go in-process through
 *   the injected LocalDeliverer, which files the request exactly once.
 * - Remote ones go through the client SDK with the endpoint's quirk profile,
 *   its upstream API key (opened from the sealed credential) and the network
 *   guard. Upstreams that honour Idempotency-Key (dedupesByKey) get the
 *   request's stable id as the key: exactly once. Others get a marker in the
 *   description, and before any attempt after the first their recent requests
 *   are searched for it: at least once, with a best-effort check.
 * - A batch upstream's token is kept and looked up at each later attempt.
 */
import { createTransport, Open311Client, type Transport } from '@o311/client';
import type { Endpoint, FederatedRequest, Store } from '@o311/store';
import { CredentialError, NO_SECRET_MESSAGE, type CredentialBox } from './credentials.js';
import { failureOutcome, refusalOf, retryReason, type DeliveryOutcome } from './delivery-outcome.js';
import { dedupesByKey, submissionOf } from './delivery-submission.js';
import { endpointClient, endpointProfile } from './endpoint-client.js';
import { hasMarker } from './marker.js';

/**
 * Files a federated request at a local endpoint and gives the local request's
 * id (null when the service gives none: a blackbox); the same request (by its
 * id) filed twice gives the first one's. Rejects with an Open311Failure (4xx)
 * when the local service refuses it.
 */
export type LocalDeliverer = (endpoint: Endpoint, request: FederatedRequest) => Promise<string | null>;

export interface DeliveryOptions {
  store: Pick<Store, 'federation' | 'getEndpoint'>;
  /** Opens the upstream keys; undefined when the server has no O311_ROUTER_SECRET. */
  credentials: CredentialBox | undefined;
  /** Delivery to this server's own jurisdictions; without it local endpoints wait. */
  local?: LocalDeliverer;
  /** Reach private and loopback upstreams (an explicit flag of the server). */
  allowPrivate: boolean;
  /** One HTTP call's deadline; default 20 s. */
  timeoutMs?: number;
  transport?: Transport;
  now: () => number;
}

/** How far around the earlier attempts an upstream's requests are searched for the marker. */
const SEARCH_MARGIN_MS = 10 * 60_000;
/** The most requests read while searching; past it the request is sent again (best effort). */
const SEARCH_LIMIT = 5000;

const DEFAULT_TIMEOUT_MS = 20_000;

export class Deliverer {
  readonly #o: DeliveryOptions;
  readonly #timeoutMs: number;
  /** One transport (and connection pool) for every upstream. */
  readonly #transport: Transport;

  constructor(o: DeliveryOptions) {
    this.#o = o;
    this.#timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#transport = o.transport ?? createTransport({ allowPrivate: o.allowPrivate, timeoutMs: this.#timeoutMs });
  }

  /**
   * Tries once and records the outcome on the request. On `lastAttempt` a
   * failure that could pass is final too: the request is dead.
   */
  async attempt(id: string, o: { lastAttempt: boolean }): Promise<DeliveryOutcome> {
    const { store, now } = this.#o;
    const before = await store.federation.get(id);
    if (!before || before.state === 'delivered' || before.state === 'failed') return { kind: 'skipped' };
    const r = await store.federation.markAttempt(id, now());
    if (!r) return { kind: 'skipped' };
    const endpoint = await store.getEndpoint(r.endpoint_slug);
    let outcome: DeliveryOutcome;
    if (!endpoint) {
      outcome = { kind: 'dead', error: `The endpoint '${r.endpoint_slug}' is no longer in the registry.` };
    } else {
      try {
        outcome = endpoint.local ? await this.#local(endpoint, r) : await this.#remote(endpoint, r, before);
      } catch (err) {
        outcome = failureOutcome(err);
      }
    }
    if (outcome.kind === 'retry' && o.lastAttempt) outcome = { kind: 'dead', error: `retries exhausted; last: ${outcome.error}` };
    await this.#record(r, outcome);
    return outcome;
  }

  async #record(r: FederatedRequest, outcome: DeliveryOutcome): Promise<void> {
    const { federation } = this.#o.store;
    const at = this.#o.now();
    switch (outcome.kind) {
      case 'delivered':
        await federation.markDelivered(r.id, outcome.upstreamId, at);
        return;
      case 'refused':
        await federation.markFailed(r.id, outcome.error, at);
        return;
      case 'dead':
        await federation.markDead(r.id, outcome.error, at);
        return;
      case 'retry':
        await federation.recordError(r.id, outcome.error, at);
        return;
      case 'skipped':
        return;
    }
  }

  async #local(endpoint: Endpoint, r: FederatedRequest): Promise<DeliveryOutcome> {
    if (!this.#o.local) return { kind: 'retry', error: 'This server process cannot deliver to its own jurisdictions.' };
    return { kind: 'delivered', upstreamId: await this.#o.local(endpoint, r) };
  }

  async #remote(endpoint: Endpoint, r: FederatedRequest, before: FederatedRequest): Promise<DeliveryOutcome> {
    const client = await this.#client(endpoint);
    if (r.upstream_token !== null) return this.#resolve(client, r, r.upstream_token);
    const profile = endpointProfile(endpoint);
    if (!dedupesByKey(profile) && before.last_attempt_at !== null) {
      // An earlier attempt may have reached the upstream and lost its answer.
      const found = await this.#search(client, r);
      if (found !== undefined) return found;
    }
    const answer = await client.submit(submissionOf(r, profile), dedupesByKey(profile) ? { idempotencyKey: r.id } : {});
    const receipt = answer.data[0];
    if (receipt?.service_request_id) return { kind: 'delivered', upstreamId: receipt.service_request_id };
    if (receipt?.token) {
      await this.#o.store.federation.recordUpstreamToken(r.id, receipt.token, this.#o.now());
      return this.#resolve(client, r, receipt.token);
    }
    return { kind: 'delivered', upstreamId: null };
  }

  /**
   * The earlier attempt's request, if the upstream has it. An upstream that
   * refuses the search (a 4xx: it cannot be searched so) is sent the request
   * again, best effort; one that cannot answer now is asked again later.
   */
  async #search(client: Open311Client, r: FederatedRequest): Promise<DeliveryOutcome | undefined> {
    try {
      const found = await findMarked(client, r, this.#o.now());
      return found === undefined ? undefined : { kind: 'delivered', upstreamId: found };
    } catch (err) {
      if (refusalOf(err) !== undefined) return undefined;
      return { kind: 'retry', error: `searching for an earlier attempt: ${retryReason(err)}` };
    }
  }

  async #resolve(client: Open311Client, r: FederatedRequest, token: string): Promise<DeliveryOutcome> {
    try {
      const id = (await client.token(token)).data.find((x) => x.service_request_id)?.service_request_id;
      if (id) return { kind: 'delivered', upstreamId: id };
    } catch (err) {
      // A token lookup never refuses the request itself: its failures are retried.
      return { kind: 'retry', error: `token ${token}: ${retryReason(err)}` };
    }
    return { kind: 'retry', error: `The upstream has not turned token ${token} into a request id yet.` };
  }

  /** The endpoint's client, with its upstream API key when one is set. */
  async #client(endpoint: Endpoint): Promise<Open311Client> {
    const o = this.#o;
    const base = endpointClient(endpoint, { allowPrivate: o.allowPrivate, timeoutMs: this.#timeoutMs, transport: this.#transport });
    const sealed = await o.store.federation.credential(endpoint.slug);
    if (sealed === undefined) return base;
    if (o.credentials === undefined) throw new CredentialError('no-secret', NO_SECRET_MESSAGE);
    return new Open311Client({ ...base.options, apiKey: o.credentials.open(endpoint.slug, sealed) });
  }
}

/** The upstream id of the request carrying `r`'s marker, among those requested since it was first stored. */
async function findMarked(client: Open311Client, r: FederatedRequest, now: number): Promise<string | undefined> {
  let read = 0;
  for await (const found of client.allRequests({ start: new Date(r.created_at - SEARCH_MARGIN_MS), end: new Date(now + SEARCH_MARGIN_MS) })) {
    if (hasMarker(found.description, r.id) && found.service_request_id) return found.service_request_id;
    if (++read >= SEARCH_LIMIT) return undefined;
  }
  return undefined;
}
