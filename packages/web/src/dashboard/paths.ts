/**
 * Where the dashboard's pages, JSON and downloads live. A source's pages: the
 * primary jurisdiction's at /dashboard, another jurisdiction's at
 * /dashboard/{id}, a registry endpoint's at /dashboard/endpoint/{slug}; its
 * JSON under /dashboard/api/{source id} (`local:ID` or `endpoint:SLUG`).
 */
import type { DashboardSource } from '@o311/store';

export const DASHBOARD_PATH = '/dashboard';
export const SOURCES_PATH = '/dashboard/sources';
export const DASHBOARD_API_PATH = '/dashboard/api';

/** The JSON parts of a source's view; `view` is all of them in one answer. */
export const API_PARTS = ['view', 'brief', 'volume', 'close-times', 'backlog', 'areas', 'points'] as const;
export type ApiPart = (typeof API_PARTS)[number];

export const DOWNLOAD_FORMATS = ['csv', 'geojson'] as const;
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

/** The page of a source; the primary jurisdiction's is /dashboard itself. */
export function sourcePath(source: Pick<DashboardSource, 'kind' | 'ref'>, primaryId: string | undefined): string {
  if (source.kind === 'endpoint') return `${DASHBOARD_PATH}/endpoint/${encodeURIComponent(source.ref)}`;
  return source.ref === primaryId ? DASHBOARD_PATH : `${DASHBOARD_PATH}/${encodeURIComponent(source.ref)}`;
}

export const apiPath = (sourceId: string, part: ApiPart): string => `${DASHBOARD_API_PATH}/${encodeURIComponent(sourceId)}/${part}`;

export const downloadPath = (page: string, format: DownloadFormat): string => `${page}/requests.${format}`;

/** `path?query`, without the `?` when the query is empty. */
export const withQuery = (path: string, query: string): string => (query === '' ? path : `${path}?${query}`);
