/** The answer for one spot: its endpoints grouped by tier, each with its area, status, where to report and its services. */
import type { Service, Tier } from '@o311/georeport';
import type { Endpoint } from '@o311/store';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { reportWay, type LocalJurisdictions } from './report-way.js';
import type { SpotEndpoint, TierGroup } from './spot-lookup.js';
import type { SpotPoint } from './spot-query.js';

export const RESULTS_ID = 'discover-results';

const tierName = (t: Translator, tier: Tier): string => t(`discover.tier.${tier}`);

/** Degrees as people read them in their language, to a metre or so. */
const degrees = (t: Translator, value: number): string => new Intl.NumberFormat(t.locale, { maximumFractionDigits: 5 }).format(value);

const reportPath = (code: string): string => `/report/${encodeURIComponent(code)}`;

function statusBadge(t: Translator, e: Endpoint): Html {
  return html`<span class="endpoint-status endpoint-status-${e.status}">${t(`discover.status.${e.status}`)}</span>`;
}

function area(t: Translator, f: SpotEndpoint): Html {
  const approximate = f.boundary.approximate
    ? html` <span class="approximate">(${t('discover.approximate')}: ${t('discover.approximateHint')})</span>`
    : '';
  return html`<p class="endpoint-area">${t('discover.area', { boundary: f.boundary.name })}${approximate}</p>`;
}

function reportLink(t: Translator, e: Endpoint, local: LocalJurisdictions): Html {
  const way = reportWay(e, local);
  switch (way.kind) {
    case 'citizen-app':
      return html`<p><a class="button" href="/">${t('discover.reportHere')}</a></p>`;
    case 'local-api':
      return html`<p>${t('discover.otherJurisdiction', { id: way.jurisdictionId })} <a href="/developers">${t('discover.apiDocs')}</a></p>`;
    case 'external':
      return html`<p><a href="${way.url}" rel="external noopener noreferrer">${t('discover.externalSite', { name: e.name })}</a> <span class="external-note">${t(
        'discover.external',
      )}</span></p>`;
    case 'none':
      return html`<p>${t('discover.noSite')}</p>`;
  }
}

/** The translated sentence with the address as a mail link where its `{email}` is. */
function contactLine(t: Translator, email: string): Html {
  const [before = '', after = ''] = t('discover.contact', { email: '\u0000' }).split('\u0000');
  return html`${before}<a href="mailto:${email}">${email}</a>${after}`;
}

function serviceItem(s: Service, linked: boolean): Html {
  const name = linked ? html`<a href="${reportPath(s.service_code)}">${s.service_name}</a>` : s.service_name;
  return html`<li>${name}${s.description ? html`<span class="service-description">${s.description}</span>` : ''}</li>`;
}

function serviceList(t: Translator, f: SpotEndpoint, local: LocalJurisdictions): Html {
  const answer = f.services;
  if (answer === undefined) return html``;
  const error = answer.error !== undefined ? html`<p class="services-error">${t('discover.servicesError', { reason: answer.error })}</p>` : html``;
  const services = answer.services;
  if (services === undefined) return error;
  if (services.length === 0) return html`${error}<p>${t('discover.servicesNone')}</p>`;
  const linked = reportWay(f.endpoint, local).kind === 'citizen-app';
  return html`${error}<details class="endpoint-services"><summary>${t('discover.servicesTitle', { count: services.length })}</summary>
<ul>${services.map((s) => serviceItem(s, linked))}</ul></details>`;
}

function endpointItem(t: Translator, f: SpotEndpoint, local: LocalJurisdictions): Html {
  const e = f.endpoint;
  return html`<li class="endpoint endpoint-${e.status}" id="endpoint-${e.slug}">
<h4>${e.name} ${statusBadge(t, e)}</h4>
${area(t, f)}
${e.status === 'test' ? html`<p class="notice">${t('discover.testNote')}</p>` : ''}
${reportLink(t, e, local)}
${e.contact_email ? html`<p>${contactLine(t, e.contact_email)}</p>` : ''}
${serviceList(t, f, local)}
</li>`;
}

const tierSection = (t: Translator, g: TierGroup, local: LocalJurisdictions): Html =>
  html`<section class="tier" aria-labelledby="tier-${g.tier}">
<h3 id="tier-${g.tier}">${tierName(t, g.tier)}</h3>
<ul class="endpoints">${g.endpoints.map((f) => endpointItem(t, f, local))}</ul>
</section>`;

export interface SpotResults {
  point: SpotPoint;
  groups: readonly TierGroup[];
  local: LocalJurisdictions;
}

/** How many endpoints cover the spot, in a sentence (also what the page's script announces). */
export function resultsSummary(t: Translator, groups: readonly TierGroup[]): string {
  const count = groups.reduce((n, g) => n + g.endpoints.length, 0);
  if (count === 0) return t('discover.none');
  return t.plural('discover.resultsCount', count);
}

export function resultsView(t: Translator, r: SpotResults): Html {
  const title = t('discover.resultsTitle', { lat: degrees(t, r.point.lat), long: degrees(t, r.point.long) });
  return html`<h2 id="${RESULTS_ID}-title">${title}</h2>
<p class="results-summary" id="${RESULTS_ID}-summary">${resultsSummary(t, r.groups)}</p>
${r.groups.map((g) => tierSection(t, g, r.local))}`;
}
