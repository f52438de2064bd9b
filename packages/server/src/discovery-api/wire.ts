/** Registry records (from the store) as the discovery documents show them. */
import type { WireBoundary, WireEndpoint } from '@o311/georeport';
import type { BoundarySummary, Endpoint } from '@o311/store';

const iso = (ms: number): string => new Date(ms).toISOString();

export function wireBoundary(b: BoundarySummary): WireBoundary {
  return { id: b.id, name: b.name, tier: b.tier, approximate: b.approximate, source: b.source };
}

export function wireEndpoint(e: Endpoint, boundary?: BoundarySummary): WireEndpoint {
  return {
    slug: e.slug,
    name: e.name,
    tier: e.tier,
    country: e.country,
    base_url: e.base_url,
    discovery_url: e.discovery_url,
    jurisdiction_id: e.jurisdiction_id,
    local: e.local,
    formats: e.formats,
    api_key_url: e.api_key_url,
    terms_url: e.terms_url,
    contact_email: e.contact_email,
    status: e.status,
    boundary_id: e.boundary_id,
    updated_datetime: iso(e.updated_at),
    ...(e.last_check !== null && { last_check: { datetime: iso(e.last_check.at), ok: e.last_check.ok, summary: e.last_check.summary } }),
    ...(boundary !== undefined && { boundary: wireBoundary(boundary) }),
  };
}
