/**
 * What the federated endpoint needs from its host, injected by the server (the
 * router never imports it): the registry's endpoints, the cached service lists
 * of discovery, and one reader per upstream. A local endpoint (served by the
 * same o311 process) is read in-process; a remote one through the client SDK
 * (remote-upstream.ts).
 */
import type { PublicRequest, PublicStatus, Service, ServiceDefinition } from '@o311/georeport';
import type { Endpoint } from '@o311/store';
import type { LocaleTag } from './locale.js';

export interface Point {
  lat: number;
  long: number;
}

/** A service list as discovery keeps it: `services` absent when none could ever be had. */
export interface UpstreamServiceList {
  services?: readonly Service[];
  /** Why the last fetch failed (a stale list may still be given beside it). */
  error?: string;
}

/** The standard filters of GET requests, in the upstream's own names (no namespace). */
export interface UpstreamQuery {
  /** When given, every other filter is ignored (spec). */
  ids?: readonly string[];
  service_codes?: readonly string[];
  statuses?: readonly PublicStatus[];
  /** requested_datetime bounds, epoch ms, inclusive. */
  start: number;
  end: number;
  updated_after?: number;
  updated_before?: number;
  near?: { lat: number; long: number; radius_m: number };
}

/** The reads of one upstream endpoint. Rejects when the upstream cannot answer. */
export interface UpstreamReader {
  /** undefined when the upstream has no such service (its 404). In `locale` when the upstream translates it. */
  serviceDefinition(code: string, locale?: LocaleTag): Promise<ServiceDefinition | undefined>;
  /** Newest first as the upstream answers them, at most its own cap. */
  requests(query: UpstreamQuery): Promise<PublicRequest[]>;
  /** undefined when the upstream has no such request. */
  request(id: string): Promise<PublicRequest | undefined>;
}

export interface Federation {
  /** The registry endpoint of this slug; undefined when unknown or retired. */
  endpoint(slug: string): Promise<Endpoint | undefined>;
  /** Every endpoint whose boundary covers the point, smallest tier first (retired ones left out). */
  covering(point: Point): Promise<Endpoint[]>;
  /** The endpoint's service list (in `locale` when it translates it), from discovery's cache, kept per locale. Never rejects. */
  serviceList(endpoint: Endpoint, locale?: LocaleTag): Promise<UpstreamServiceList>;
  /** The reads of this endpoint. */
  upstream(endpoint: Endpoint): UpstreamReader;
}
