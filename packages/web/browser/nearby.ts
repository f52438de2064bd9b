/**
 * "Already reported nearby?": open requests of the same service within 200 m,
 * from the public GET requests.json (same query as src/citizen/nearby.ts),
 * listed as the server lists them: distance from the point, status, date,
 * photo, and a "me too" button that posts a small form of its own (kept
 * outside the report form, in #nearby-forms: forms do not nest).
 */
import { distanceM, metres } from './distance.js';
import { fill, type ReportConfig } from './report-config.js';

interface ListedRequest {
  service_request_id: string;
  status: string;
  description: string | null;
  address: string | null;
  requested_datetime: string;
  lat: number | null;
  long: number | null;
  media_url: string | null;
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

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Only photos this site serves: another address would learn who looks at the form. */
const ownPhoto = (url: string | null): string | null =>
  url !== null && url.startsWith(`${window.location.origin}/open311/v2/media/`) ? url : null;

interface Where {
  lat: number;
  long: number;
  locale: string | undefined;
  dates: Intl.DateTimeFormat;
}

function item(config: ReportConfig, r: ListedRequest, where: Where): HTMLLIElement {
  const m = config.messages;
  const id = r.service_request_id;
  const li = el('li', 'nearby-item');
  const photo = ownPhoto(r.media_url);
  if (photo) {
    const img = el('img', 'nearby-photo');
    Object.assign(img, { src: photo, alt: fill(m['nearby.photo'], { id }), width: 64, height: 64, loading: 'lazy' });
    li.append(img);
  }
  const body = el('div', 'nearby-body');
  const a = el('a', '');
  a.href = `/track/${encodeURIComponent(id)}`;
  const at = Date.parse(r.requested_datetime);
  a.textContent = fill(m['nearby.item'], { id, date: Number.isNaN(at) ? '' : where.dates.format(at) });
  const meta = el('span', 'nearby-meta');
  if (r.lat !== null && r.long !== null) {
    const distance = metres(where.locale, distanceM(where, { lat: r.lat, long: r.long }));
    meta.append(el('span', 'nearby-distance', fill(m['nearby.distance'], { distance })), ' · ');
  }
  // Only open requests are asked for.
  meta.append(el('span', 'nearby-status', fill(m['nearby.status'], { status: m['common.status.open'] })));
  body.append(a, meta);
  for (const [text, cls] of [[r.description, 'nearby-description'], [r.address, 'nearby-address']] as const) {
    if (text) body.append(el('span', cls, text));
  }
  const button = el('button', 'secondary me-too', m['support.meToo']);
  button.type = 'submit';
  button.setAttribute('form', `support-${id}`);
  button.append(el('span', 'sr-only', ` (${fill(m['tracker.title'], { id })})`));
  body.append(button);
  li.append(body);
  return li;
}

function supportForm(id: string): HTMLFormElement {
  const form = el('form', '');
  form.id = `support-${id}`;
  form.method = 'post';
  form.action = `/track/${encodeURIComponent(id)}/support`;
  form.hidden = true;
  return form;
}

/** Refills the server-rendered `#nearby` section for the new point (hidden when nothing is near). */
export async function showNearby(config: ReportConfig, lat: number, long: number): Promise<void> {
  const section = document.getElementById('nearby');
  const list = document.getElementById('nearby-list');
  const forms = document.getElementById('nearby-forms');
  if (!section || !list) return;
  let found: ListedRequest[] = [];
  try {
    found = await fetchNearby(config, lat, long);
  } catch {
    found = [];
  }
  const locale = document.documentElement.lang || undefined;
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: config.timezone });
  list.replaceChildren(...found.map((r) => item(config, r, { lat, long, locale, dates })));
  forms?.replaceChildren(...found.map((r) => supportForm(r.service_request_id)));
  section.hidden = found.length === 0;
}
