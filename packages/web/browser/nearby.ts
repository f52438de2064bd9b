/**
 * "Already reported nearby?": open requests of the same service within 200 m,
 * from the public GET requests.json (same query as src/citizen/nearby.ts).
 */
import { fill, type ReportConfig } from './report-config.js';

interface ListedRequest {
  service_request_id: string;
  description: string | null;
  address: string | null;
  requested_datetime: string;
}

const RADIUS_M = 200;
const LIMIT = 10;

async function fetchNearby(config: ReportConfig, lat: number, long: number): Promise<ListedRequest[]> {
  const query = new URLSearchParams({
    service_code: config.serviceCode,
    lat: lat.toFixed(6),
    long: long.toFixed(6),
    radius: String(RADIUS_M),
    status: 'open',
    page: '1',
    page_size: String(LIMIT),
  });
  const res = await fetch(`/open311/v2/requests.json?${query.toString()}`, { headers: { accept: 'application/json' } });
  if (!res.ok) return [];
  const body: unknown = await res.json();
  return Array.isArray(body) ? (body as ListedRequest[]) : [];
}

function item(config: ReportConfig, r: ListedRequest, dates: Intl.DateTimeFormat): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = `/track/${encodeURIComponent(r.service_request_id)}`;
  const at = Date.parse(r.requested_datetime);
  a.textContent = fill(config.messages['nearby.item'], { id: r.service_request_id, date: Number.isNaN(at) ? '' : dates.format(at) });
  li.append(a);
  for (const [text, cls] of [[r.description, 'nearby-description'], [r.address, 'nearby-address']] as const) {
    if (!text) continue;
    const span = document.createElement('span');
    span.className = cls;
    span.textContent = text;
    li.append(span);
  }
  return li;
}

/** Refills the server-rendered `#nearby` section for the new point (hidden when nothing is near). */
export async function showNearby(config: ReportConfig, lat: number, long: number): Promise<void> {
  const section = document.getElementById('nearby');
  const list = document.getElementById('nearby-list');
  if (!section || !list) return;
  let found: ListedRequest[] = [];
  try {
    found = await fetchNearby(config, lat, long);
  } catch {
    found = [];
  }
  const dates = new Intl.DateTimeFormat(document.documentElement.lang || undefined, { dateStyle: 'medium', timeZone: config.timezone });
  list.replaceChildren(...found.map((r) => item(config, r, dates)));
  section.hidden = found.length === 0;
}
