/** Where the web validator's pages, downloads, events, badges and JSON API live. */
export const VALIDATE_PATH = '/validate';
export const API_RUNS_PATH = '/validate/api/runs';

/** The report downloads: file suffix after the run's id, reporter and media type. */
export const DOWNLOADS = {
  json: { suffix: '.json', reporter: 'json', type: 'application/json; charset=utf-8' },
  junit: { suffix: '.junit.xml', reporter: 'junit', type: 'application/xml; charset=utf-8' },
  html: { suffix: '.report.html', reporter: 'html', type: 'text/html; charset=utf-8' },
} as const;
export type DownloadKind = keyof typeof DOWNLOADS;
export const DOWNLOAD_KINDS = Object.keys(DOWNLOADS) as DownloadKind[];

export const runPath = (id: string): string => `/validate/r/${encodeURIComponent(id)}`;
export const runEventsPath = (id: string): string => `${runPath(id)}/events`;
export const downloadPath = (id: string, kind: DownloadKind): string => `${runPath(id)}${DOWNLOADS[kind].suffix}`;
export const apiRunPath = (id: string): string => `${API_RUNS_PATH}/${encodeURIComponent(id)}`;
export const endpointRunsPath = (slug: string): string => `/validate/endpoint/${encodeURIComponent(slug)}`;
export const badgePath = (slug: string): string => `/validate/badge/${encodeURIComponent(slug)}.svg`;

/** The run id and download of `/validate/r/{id}{suffix}`; the bare id is the page. */
export function parseRunFile(file: string): { id: string; download?: DownloadKind } {
  for (const kind of DOWNLOAD_KINDS) {
    const { suffix } = DOWNLOADS[kind];
    if (file.endsWith(suffix)) return { id: file.slice(0, -suffix.length), download: kind };
  }
  return { id: file };
}

/** Every link of a run, as the JSON API gives them. */
export const runLinks = (id: string): Record<string, string> => ({
  self: apiRunPath(id),
  page: runPath(id),
  events: runEventsPath(id),
  ...Object.fromEntries(DOWNLOAD_KINDS.map((k) => [k, downloadPath(id, k)])),
});
