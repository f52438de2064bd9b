/** Where the status pages, their JSON and feed, and the validator's pages they link to live. */

export const STATUS_PATH = '/status';
export const STATUS_API_PATH = '/status/api/endpoints';
export const INCIDENTS_FEED_PATH = '/status/incidents.atom';

export const statusPath = (slug: string): string => `${STATUS_PATH}/${encodeURIComponent(slug)}`;
export const statusApiPath = (slug: string): string => `${STATUS_API_PATH}/${encodeURIComponent(slug)}`;
export const incidentAnchor = (id: string): string => `incident-${id}`;

/** The web validator's pages (issue 12, part 1): a run's permanent link and an endpoint's badge. */
export const validationRunPath = (id: string): string => `/validate/r/${encodeURIComponent(id)}`;
export const validationBadgePath = (slug: string): string => `/validate/badge/${encodeURIComponent(slug)}.svg`;
