/** `/`: choose what to report (grouped, filterable without JS by `?q=`) or track a request by number. */
import type { Service } from '@o311/georeport';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import { filterServices, groupServices, serviceSearchText, type ServiceGroup } from './catalog.js';
import { PLACE_PATH } from './routed/paths.js';
import { trackForm } from './track-form.js';

export interface HomeView {
  cityName: string;
  services: readonly Service[];
  query: string;
}

const reportPath = (code: string): string => `/report/${encodeURIComponent(code)}`;

const serviceItem = (s: Service): Html =>
  html`<li class="service" data-search="${serviceSearchText(s)}"><a href="${reportPath(s.service_code)}" id="service-${s.service_code.replace(/[^A-Za-z0-9_-]/g, '_')}"><span class="service-name">${s.service_name}</span>${
    s.description ? html`<span class="service-description">${s.description}</span>` : ''
  }</a></li>`;

const groupSection = (t: Translator, g: ServiceGroup, i: number): Html =>
  html`<section class="service-group" aria-labelledby="group-${i}">
<h3 id="group-${i}">${g.name ?? t('home.otherServices')}</h3>
<ul class="service-list">${g.services.map(serviceItem)}</ul>
</section>`;

function filterForm(t: Translator, query: string): Html {
  return html`<form action="/" method="get" role="search" class="inline-form service-filter" id="service-filter-form">
<label for="service-filter">${t('home.filterLabel')}</label>
<div class="inline-controls"><input type="search" id="service-filter" name="q" value="${query}" autocomplete="off" aria-describedby="service-filter-hint">
<button type="submit">${t('common.search')}</button></div>
<p class="hint" id="service-filter-hint">${t('home.filterHint')}</p>
</form>`;
}

export function homePage(t: Translator, view: HomeView): Html {
  const shown = filterServices(view.services, view.query);
  const groups = groupServices(shown, t.locale);
  return html`<h1>${t('home.title', { city: view.cityName })}</h1>
<p class="lead">${t('home.intro')}</p>
<section class="services" aria-labelledby="services-title">
<h2 id="services-title">${t('home.servicesTitle')}</h2>
${filterForm(t, view.query)}
<p class="filter-status" id="service-filter-status" role="status" data-plural="${JSON.stringify(t.pluralForms('home.filterCount'))}" data-none="${t('home.filterNone')}">${
    view.query ? (shown.length === 0 ? t('home.filterNone') : t.plural('home.filterCount', shown.length)) : ''
  }</p>
${view.query ? html`<p><a href="/">${t('home.showAll')}</a></p>` : ''}
<div id="service-groups">${groups.map((g, i) => groupSection(t, g, i))}</div>
<p class="place-link" id="place-link">${t('place.home')} <a href="${PLACE_PATH}">${t('place.homeLink')}</a></p>
</section>
<div id="track">${trackForm(t)}</div>`;
}
