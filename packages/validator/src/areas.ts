/** Check areas, from the id prefix (`services-code-unique` → services); reporters group by them. */

const AREA_TITLES: Readonly<Record<string, string>> = {
  http: 'HTTP and transport',
  discovery: 'Service discovery',
  services: 'Service list',
  definition: 'Service definitions',
  requests: 'Service requests (list)',
  request: 'Service request (single)',
  errors: 'Errors',
  post: 'POST service request',
  token: 'Tokens',
  pii: 'Personal data',
  parity: 'XML/JSON parity',
  ext: 'Extensions',
  perf: 'Performance',
};

export const areaOf = (id: string): string => id.split('-')[0] ?? id;

export const areaTitle = (area: string): string => AREA_TITLES[area] ?? area;
