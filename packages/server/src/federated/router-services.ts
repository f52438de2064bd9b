/**
 * The federated endpoint in process: one reader (with its caches) and one
 * accept path per server context, shared by the `/federated/open311/v2/`
 * routes and the web app, which calls them directly instead of over HTTP.
 */
import { idempotencyKeyReused, type FormFields, type PublicRequest, type RequestChannel } from '@o311/georeport';
import { FederatedReader, acceptSubmission, withDeadline, type AcceptSources, type Federation } from '@o311/router';
import { IdempotencyKeyReused, type FederatedOnce, type FederatedRequest } from '@o311/store';
import { queueDelivery } from '../jobs/router-delivery.js';
import type { ServiceContext } from '../services/context.js';
import { createFederation } from './federation.js';

export interface RouterServices {
  /** The registry, discovery's lists and the upstream readers. */
  federation: Federation;
  /** The read side (cached definitions and single requests). */
  reader: FederatedReader;
  /**
   * POST requests after the API key was checked: accepted (acceptSubmission's
   * Open311Failure otherwise: 400, 404), stored, and its delivery queued.
   */
  submit(fields: FormFields, apiKeyId: string, how?: RoutedSubmission): Promise<FederatedRequest>;
  /**
   * Several federated requests (`slug:ID`) read at once, all within `deadlineMs`:
   * those read in time by id; the unknown, unreadable and late ones are left out.
   */
  readRequests(ids: readonly string[], deadlineMs: number): Promise<Map<string, PublicRequest>>;
}

/** What the citizen app adds to a routed submission. */
export interface RoutedSubmission {
  /** Its form's one-time token: a second send answers the request stored first. */
  once?: FederatedOnce;
  /** How it reached this server (`api` when not said), given to a local endpoint's request. */
  channel?: RequestChannel;
}

const made = new WeakMap<ServiceContext, RouterServices>();

function create(ctx: ServiceContext): RouterServices {
  const federation = createFederation(ctx);
  // One deadline for every remote read: the one discovery's service lists have.
  const reader = new FederatedReader(federation, {
    timeoutMs: ctx.discovery.remote.timeoutMs,
    maxResults: ctx.limits.maxResults,
    now: ctx.now,
  });
  const sources: AcceptSources = {
    endpoint: (slug) => federation.endpoint(slug),
    serviceList: (e) => federation.serviceList(e),
    definition: (name) => reader.serviceDefinition(name),
    covers: async (endpoint, point) =>
      endpoint.boundary_id === null || (await federation.covering(point)).some((e) => e.slug === endpoint.slug),
  };
  return {
    federation,
    reader,
    async submit(fields, apiKeyId, { once, channel }: RoutedSubmission = {}) {
      const accepted = { ...(await acceptSubmission(sources, fields, apiKeyId)), ...(channel && { channel }) };
      const stored = await ctx.store.federation.create(accepted, ctx.now(), once).catch((e: unknown) => {
        throw e instanceof IdempotencyKeyReused ? idempotencyKeyReused() : e;
      });
      // Stored first: nothing accepted is lost if the process dies now (router.sweep queues it again).
      await queueDelivery(ctx, stored.id);
      return stored;
    },
    async readRequests(ids, deadlineMs) {
      const read = await Promise.allSettled(ids.map((id) => withDeadline(reader.request(id), deadlineMs)));
      const found = new Map<string, PublicRequest>();
      read.forEach((r, i) => {
        if (r.status === 'fulfilled') found.set(ids[i]!, r.value);
      });
      return found;
    },
  };
}

/** The context's federated services, made once. */
export function routerServices(ctx: ServiceContext): RouterServices {
  let found = made.get(ctx);
  if (found === undefined) {
    found = create(ctx);
    made.set(ctx, found);
  }
  return found;
}
