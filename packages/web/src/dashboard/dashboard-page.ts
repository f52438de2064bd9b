/**
 * A source's dashboard page: the filter, the brief of its day, the range's
 * total, downloads and charts, and the map with its table. Every part is
 * readable without JavaScript; browser/dashboard.ts redraws them in place
 * from the view's JSON when the filter changes.
 */
import type { DashboardSource } from '@o311/store';
import { html, type Html } from '../html.js';
import type { Translator } from '../i18n/translate.js';
import type { FieldError } from '../citizen/report-check.js';
import type { MapConfig } from '../citizen/map-config.js';
import { dateTimeUtc } from '../status/figure-format.js';
import { briefSection } from './brief-section.js';
import type { DashboardQuery } from './dashboard-query.js';
import { filterForm } from './filter-form.js';
import { mapSection } from './map-section.js';
import { pageTexts } from './page-texts.js';
import { SOURCES_PATH } from './paths.js';
import { rangeSection } from './range-section.js';
import type { SourceChoices } from './view-data.js';
import type { ViewJson } from './view-json.js';

export interface DashboardPage {
  source: DashboardSource;
  /** The page's own path, without a query (the form's action). */
  path: string;
  query: DashboardQuery;
  choices: SourceChoices;
  lastDay: string;
  errors: readonly FieldError[];
  /** Undefined when the filter has errors: the page then shows the form alone. */
  view: ViewJson | undefined;
  tiles: MapConfig;
  areasUrl: string;
  viewUrl: string;
}

export const areaLabelOf = (t: Translator, s: DashboardSource): string => s.area_label ?? t('dashboard.field.area');

export function dashboardPage(t: Translator, p: DashboardPage): Html {
  const s = p.source;
  const areaLabel = areaLabelOf(t, s);
  return html`<div class="status-page dashboard-page" id="dashboard" data-view-url="${p.viewUrl}" data-page-path="${p.path}">
<p class="breadcrumb"><a href="${SOURCES_PATH}">${t('dashboard.otherSources')}</a></p>
<h1>${t('dashboard.title', { name: s.name })}</h1>
<p class="lead">${t('dashboard.intro', { name: s.name, timezone: s.timezone })}</p>
${s.synced_at !== null ? html`<p class="hint" id="dashboard-synced">${t('dashboard.synced', { time: dateTimeUtc(t, s.synced_at) })}</p>` : ''}
${filterForm(t, { action: p.path, query: p.query, choices: p.choices, lastDay: p.lastDay, areaLabel, channels: s.kind === 'local', errors: p.errors })}
<p class="sr-only" id="dashboard-live" role="status" aria-live="polite"></p>
${p.view ? html`${briefSection(t, p.view.brief)}
${rangeSection(t, p.view)}
${mapSection(t, p.view, p.tiles, p.areasUrl, areaLabel)}
${pageTexts(t)}` : ''}
</div>`;
}
