/** Where the status pages, their JSON and feed live (the validator's pages they link to: ../validate/paths.ts). */

export const STATUS_PATH = '/status';
export const STATUS_API_PATH = '/status/api/endpoints';
export const INCIDENTS_FEED_PATH = '/status/incidents.atom';

export const statusPath = (slug: string): string => `${STATUS_PATH}/${encodeURIComponent(slug)}`;
export const statusApiPath = (slug: string): string => `${STATUS_API_PATH}/${encodeURIComponent(slug)}`;
export const incidentAnchor = (id: string): string => `incident-${id}`;

