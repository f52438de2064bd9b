/** Registry endpoints for the monitor's tests. */
import type { Endpoint } from '@o311/store';

export const registryEndpoint = (e: Partial<Endpoint> & { slug: string }): Endpoint => ({
  name: e.slug, tier: 'city', country: 'US', base_url: null, discovery_url: null, jurisdiction_id: null, local: false,
  formats: ['json', 'xml'], api_key_url: null, terms_url: null, contact_email: null, status: 'production', boundary_id: null, quirks: null,
  notes: '', created_at: 0, updated_at: 0, last_check: null, ...e,
});
